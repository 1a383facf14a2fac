import Synchronization

/// The process-wide interner of field paths.
///
/// Interning takes a lock and happens when tables and rules are built; readers on the hot path use an
/// immutable ``FieldTable`` snapshot instead. The number of paths is capped (``capacity``) so that hostile
/// input with ever-new keys cannot grow it without bound; past the cap ``intern(_:)`` returns `nil`.
public final class FieldRegistry: Sendable {
    /// The registry every module shares.
    public static let shared = FieldRegistry()

    /// The most paths the registry holds.
    public let capacity: Int

    private let state: Mutex<State>

    private struct State {
        var ids: [String: FieldID] = [:]
        var segments: [[UInt8]] = [[]]
        var parents: [FieldID] = [.root]
        var paths: [String] = [""]
        var snapshot: FieldTable?
    }

    public init(capacity: Int = 1 << 16) {
        self.capacity = capacity
        self.state = Mutex(State())
    }

    /// The id of a dotted path, interning it and each of its prefixes. `nil` when the registry is full.
    public func intern(_ path: String) -> FieldID? {
        self.state.withLock { state in
            Self.intern(path, in: &state, capacity: self.capacity)
        }
    }

    /// The id of a dotted path that the program itself names (table and rule fields). A full registry is
    /// a programming error here, not an input error.
    public func id(_ path: String) -> FieldID {
        guard let id = self.intern(path) else {
            preconditionFailure("field registry full while interning a built-in path \(path)")
        }
        return id
    }

    /// The id of a path already interned, without interning it.
    public func lookup(_ path: String) -> FieldID? {
        self.state.withLock { $0.ids[path] }
    }

    /// An immutable view of every path interned so far, for lock-free reads.
    public func table() -> FieldTable {
        self.state.withLock { state in
            if let snapshot = state.snapshot, snapshot.count == state.paths.count { return snapshot }
            let snapshot = FieldTable(paths: state.paths, segments: state.segments, parents: state.parents)
            state.snapshot = snapshot
            return snapshot
        }
    }

    private static func intern(_ path: String, in state: inout State, capacity: Int) -> FieldID? {
        if path.isEmpty { return .root }
        if let id = state.ids[path] { return id }
        var parent = FieldID.root
        var prefix = ""
        // The first segment starts the prefix even when it is empty, so ".a" is not taken for "a".
        for (index, segment) in path.split(separator: ".", omittingEmptySubsequences: false).enumerated() {
            prefix = index == 0 ? String(segment) : prefix + "." + segment
            if let id = state.ids[prefix] {
                parent = id
                continue
            }
            guard state.paths.count < capacity else { return nil }
            let id = FieldID(rawValue: UInt32(state.paths.count))
            state.ids[prefix] = id
            state.paths.append(prefix)
            state.segments.append(Array(segment.utf8))
            state.parents.append(parent)
            parent = id
        }
        return parent
    }
}
