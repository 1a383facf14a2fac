/// An immutable snapshot of the interned field paths: names, segments, parents and a sort rank.
///
/// The rank orders paths so that every object's fields are contiguous (`event` < `event.kind` <
/// `eventx`), which lets a writer turn flat entries into nested JSON with one sort.
public struct FieldTable: Sendable {
    /// Dotted path of each id; index 0 is the root (`""`).
    public let paths: [String]
    /// Last segment of each id, as UTF-8 bytes.
    public let segments: [[UInt8]]
    /// Parent of each id (`.root` for top-level fields).
    public let parents: [FieldID]
    /// Depth of each id: 1 for top-level fields, 0 for the root.
    public let depths: [Int]
    /// Position of each id in segment-wise lexicographic order.
    public let ranks: [UInt32]

    init(paths: [String], segments: [[UInt8]], parents: [FieldID]) {
        self.paths = paths
        self.segments = segments
        self.parents = parents
        var depths = [Int](repeating: 0, count: paths.count)
        for index in 1..<max(paths.count, 1) {
            depths[index] = depths[Int(parents[index].rawValue)] + 1
        }
        self.depths = depths
        let bytes = paths.map { Array($0.utf8) }
        let order = paths.indices.sorted { lhs, rhs in
            // Ties (the root and an empty first segment, as in ".a", both spell "") go by id, root first.
            let order = Self.compareSegments(bytes[lhs], bytes[rhs])
            return order == 0 ? lhs < rhs : order < 0
        }
        var ranks = [UInt32](repeating: 0, count: paths.count)
        for (rank, index) in order.enumerated() { ranks[index] = UInt32(rank) }
        self.ranks = ranks
    }

    public var count: Int { self.paths.count }

    /// The ids from the top-level ancestor down to `id` itself.
    public func chain(_ id: FieldID) -> [FieldID] {
        var chain: [FieldID] = []
        var current = id
        while current != .root {
            chain.append(current)
            current = self.parents[current.index]
        }
        return chain.reversed()
    }

    /// Compares two dotted paths segment by segment, `.` sorting below every other byte: negative when `lhs`
    /// comes first, positive when `rhs` does, zero when they are equal.
    private static func compareSegments(_ lhs: [UInt8], _ rhs: [UInt8]) -> Int {
        lhs.withUnsafeBufferPointer { left in
            rhs.withUnsafeBufferPointer { right in
                for index in 0..<min(left.count, right.count) {
                    let (l, r) = (left[index], right[index])
                    if l == r { continue }
                    if l == UInt8(ascii: ".") { return -1 }
                    if r == UInt8(ascii: ".") { return 1 }
                    return l < r ? -1 : 1
                }
                return left.count - right.count
            }
        }
    }
}
