/// A large immutable set of exact values (IOC lists of URLs, user agents, hashes; long `equals` lists)
/// answering "is this whole value one of them".
///
/// Values are stored once, folded unless ``caseSensitive``, in one byte arena; an open-addressing table
/// (linear probing, load factor at most 1/2) holds each entry's index and 32 bits of its hash, so a
/// miss almost never touches the arena. Lookups hash the value's bytes directly (ASCII-folding 8 bytes
/// at a time when case-insensitive): no `String` is created and no Swift hashing runs.
///
/// Case-insensitive means ASCII letters only, as for ``StringMatcher``.
public struct ExactSet: Sendable {
    /// Whether bytes compare exactly rather than ignoring ASCII case.
    public let caseSensitive: Bool
    private let arena: [UInt8]
    /// Entry `i` is `arena[offsets[i]..<offsets[i + 1]]`.
    private let offsets: [Int]
    /// Empty slot: 0. Otherwise the high 32 bits of the hash, then entry index + 1.
    private let slots: [UInt64]

    /// A set of the UTF-8 bytes of `values`.
    public init(_ values: some Sequence<some StringProtocol>, caseSensitive: Bool = false) {
        self.init(byteStrings: values.lazy.map { Array($0.utf8) }, caseSensitive: caseSensitive)
    }

    /// A set of byte strings.
    public init(byteStrings: some Sequence<[UInt8]>, caseSensitive: Bool = false) {
        let values = Array(byteStrings)
        var capacity = 8
        while capacity < values.count * 2 { capacity <<= 1 }
        var slots = [UInt64](repeating: 0, count: capacity)
        let mask = capacity - 1
        var arena: [UInt8] = []
        var offsets: [Int] = [0]
        for raw in values {
            let bytes = caseSensitive ? raw : ASCIIFolding.folded(raw)
            let hash = bytes.withUnsafeBytes { ByteHash.hash($0, folding: false) }
            var slot = Int(truncatingIfNeeded: hash) & mask
            var duplicate = false
            while slots[slot] != 0 {
                let entry = Int(slots[slot] & 0xFFFF_FFFF) - 1
                if slots[slot] >> 32 == hash >> 32, arena[offsets[entry]..<offsets[entry + 1]].elementsEqual(bytes) {
                    duplicate = true
                    break
                }
                slot = (slot + 1) & mask
            }
            if duplicate { continue }
            slots[slot] = (hash >> 32) << 32 | UInt64(offsets.count)
            arena.append(contentsOf: bytes)
            offsets.append(arena.count)
        }
        self.caseSensitive = caseSensitive
        self.arena = arena
        self.offsets = offsets
        self.slots = slots
    }

    /// The number of distinct values (after folding).
    public var count: Int { self.offsets.count - 1 }

    /// Whether the set is empty.
    public var isEmpty: Bool { self.count == 0 }

    /// The distinct values (folded unless ``caseSensitive``) in the order they were first given; the
    /// positions are the ones ``index(of:)`` returns.
    public var entries: [[UInt8]] {
        (0..<self.count).map { Array(self.arena[self.offsets[$0]..<self.offsets[$0 + 1]]) }
    }

    /// Whether the whole `value` is in the set.
    public func contains(_ value: UnsafeRawBufferPointer) -> Bool {
        self.index(of: value) != nil
    }

    /// The position of the whole `value` among ``entries``, or `nil` when it is not in the set.
    public func index(of value: UnsafeRawBufferPointer) -> Int? {
        guard self.count > 0 else { return nil }
        let count = value.count
        let hash = ByteHash.hash(value, folding: !self.caseSensitive)
        let tag = hash >> 32
        return self.slots.withUnsafeBufferPointer { slots in
            self.offsets.withUnsafeBufferPointer { offsets in
                self.arena.withUnsafeBytes { arena in
                    let mask = slots.count - 1
                    var slot = Int(truncatingIfNeeded: hash) & mask
                    while true {
                        let content = slots[slot]
                        if content == 0 { return nil }
                        if content >> 32 == tag {
                            let entry = Int(content & 0xFFFF_FFFF) - 1
                            let start = offsets[entry]
                            if offsets[entry + 1] - start == count {
                                guard let base = value.baseAddress, let stored = arena.baseAddress else { return entry }
                                if ASCIIFolding.equals(
                                    base, stored + start, count: count, caseSensitive: self.caseSensitive)
                                {
                                    return entry
                                }
                            }
                        }
                        slot = (slot + 1) & mask
                    }
                }
            }
        }
    }

    /// Whether the whole `value` is in the set.
    public func contains(_ value: String) -> Bool {
        var value = value
        return value.withUTF8 { self.contains(UnsafeRawBufferPointer($0)) }
    }
}
