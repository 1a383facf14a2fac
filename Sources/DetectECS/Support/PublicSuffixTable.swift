/// An immutable open-addressing hash table from domain suffixes (lower-case bytes) to the flags of the
/// public-suffix trie node they name. Keys live in one byte arena; a lookup allocates nothing.
///
/// Hashes are FNV-1a over the key's bytes **from the last byte to the first**, so that a caller walking a
/// domain from its top-level label leftwards extends the hash of `b.c` to `a.b.c` by feeding `.` and `a`'s
/// bytes, instead of rehashing the whole suffix.
struct PublicSuffixTable: Sendable {
    /// Flag bits of an entry.
    enum Flag {
        /// A trie node: the suffix is a rule or the parent of one.
        static let node: UInt8 = 1
        /// A rule ends here (`co.uk`).
        static let rule: UInt8 = 2
        /// A wildcard child hangs here (`*.ck` sets it on `ck`).
        static let wildcard: UInt8 = 4
        /// An exception rule names this suffix (`!www.ck` sets it on `www.ck`).
        static let exception: UInt8 = 8
    }

    private struct Slot: Sendable {
        var hash: UInt32 = 0
        var offset: UInt32 = 0
        var length: UInt16 = 0
        var flags: UInt8 = 0  // 0: empty
    }

    static let hashSeed: UInt64 = 0xCBF2_9CE4_8422_2325
    private static let hashPrime: UInt64 = 0x0000_0100_0000_01B3

    private let slots: [Slot]
    private let arena: [UInt8]
    private let shift: UInt64
    private let mask: Int

    /// The number of keys.
    let count: Int

    /// Builds the table; keys must already be lower-case and at most 65535 bytes.
    init(_ entries: [[UInt8]: UInt8]) {
        var capacity = 16
        var bits: UInt64 = 4
        while capacity < entries.count * 2 + 1 {
            capacity <<= 1
            bits += 1
        }
        var slots = [Slot](repeating: Slot(), count: capacity)
        var arena: [UInt8] = []
        arena.reserveCapacity(entries.reduce(0) { $0 + $1.key.count })
        // Sorted insertion keeps the layout deterministic across runs.
        for (key, flags) in entries.sorted(by: { $0.key.lexicographicallyPrecedes($1.key) }) {
            var hash = PublicSuffixTable.hashSeed
            for byte in key.reversed() { hash = PublicSuffixTable.step(hash, byte) }
            var index = PublicSuffixTable.index(hash, shift: 64 - bits)
            while slots[index].flags != 0 { index = (index + 1) & (capacity - 1) }
            slots[index] = Slot(
                hash: UInt32(truncatingIfNeeded: hash),
                offset: UInt32(arena.count),
                length: UInt16(key.count),
                flags: flags
            )
            arena.append(contentsOf: key)
        }
        self.slots = slots
        self.arena = arena
        self.shift = 64 - bits
        self.mask = capacity - 1
        self.count = entries.count
    }

    /// One FNV-1a step over `byte`, ASCII-lower-cased.
    @inline(__always)
    static func step(_ hash: UInt64, _ byte: UInt8) -> UInt64 {
        let lowered = byte &- 65 < 26 ? byte | 0x20 : byte
        return (hash ^ UInt64(lowered)) &* hashPrime
    }

    @inline(__always)
    private static func index(_ hash: UInt64, shift: UInt64) -> Int {
        Int(truncatingIfNeeded: (hash &* 0x9E37_79B9_7F4A_7C15) >> shift)
    }

    /// The flags of the key equal to `p[range]` (ASCII case-insensitively), 0 when absent.
    ///
    /// - Parameter hash: the hash of `p[range]` as computed by `step` from `hashSeed`, last byte first.
    @inline(__always)
    func flags(hash: UInt64, _ p: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> UInt8 {
        let hash32 = UInt32(truncatingIfNeeded: hash)
        let length = range.count
        return self.slots.withUnsafeBufferPointer { slots in
            self.arena.withUnsafeBufferPointer { arena in
                var index = PublicSuffixTable.index(hash, shift: self.shift)
                while true {
                    let slot = slots[index]
                    if slot.flags == 0 { return 0 }
                    if slot.hash == hash32, Int(slot.length) == length {
                        var k = 0
                        let offset = Int(slot.offset)
                        while k < length {
                            let byte = p[range.lowerBound + k]
                            let lowered = byte &- 65 < 26 ? byte | 0x20 : byte
                            if lowered != arena[offset + k] { break }
                            k += 1
                        }
                        if k == length { return slot.flags }
                    }
                    index = (index + 1) & self.mask
                }
            }
        }
    }
}
