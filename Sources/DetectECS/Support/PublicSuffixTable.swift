/// An open-addressing hash table, filled once when the list loads, from domain suffixes (lower-case bytes) to the flags of the
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

    private var slots: [Slot]
    private var arena: [UInt8] = []
    private var shift: UInt64
    private var mask: Int

    /// The number of keys.
    private(set) var count = 0

    /// An empty table, filled with ``insert(_:hash:flags:)``.
    init() {
        self.slots = [Slot](repeating: Slot(), count: 1024)
        self.shift = 64 - 10
        self.mask = 1023
    }

    /// Adds `flags` to the entry of `key`, creating it if needed.
    ///
    /// - Parameters:
    ///   - key: Lower-case bytes, at most 65535 of them.
    ///   - hash: The hash of `key` as lookups compute it (``step(_:_:)`` from ``hashSeed``, last byte first).
    ///   - flags: ``Flag`` bits, not 0.
    mutating func insert(_ key: UnsafeBufferPointer<UInt8>, hash: UInt64, flags: UInt8) {
        if (self.count + 1) * 2 > self.slots.count { self.grow() }
        let index = self.probe(hash: hash, key, 0..<key.count)
        if self.slots[index].flags != 0 {
            self.slots[index].flags |= flags
            return
        }
        self.slots[index] = Slot(
            hash: UInt32(truncatingIfNeeded: hash), offset: UInt32(self.arena.count), length: UInt16(key.count),
            flags: flags)
        self.arena.append(contentsOf: key)
        self.count += 1
    }

    /// Doubles the slots and places every key again.
    private mutating func grow() {
        let old = self.slots
        self.slots = [Slot](repeating: Slot(), count: old.count * 2)
        self.shift -= 1
        self.mask = self.slots.count - 1
        self.arena.withUnsafeBufferPointer { arena in
            for slot in old where slot.flags != 0 {
                let key = UnsafeBufferPointer(rebasing: arena[Int(slot.offset)..<(Int(slot.offset) + Int(slot.length))])
                var hash = Self.hashSeed
                for byte in key.reversed() { hash = Self.step(hash, byte) }
                var index = Self.index(hash, shift: self.shift)
                while self.slots[index].flags != 0 { index = (index + 1) & self.mask }
                self.slots[index] = slot
            }
        }
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
        let index = self.probe(hash: hash, p, range)
        return self.slots.withUnsafeBufferPointer { $0[index].flags }
    }

    /// The slot of the key equal to `p[range]` (ASCII case-insensitively), or the empty slot where it would go.
    @inline(__always)
    private func probe(hash: UInt64, _ p: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> Int {
        let hash32 = UInt32(truncatingIfNeeded: hash)
        let length = range.count
        return self.slots.withUnsafeBufferPointer { slots in
            self.arena.withUnsafeBufferPointer { arena in
                var index = PublicSuffixTable.index(hash, shift: self.shift)
                while true {
                    let slot = slots[index]
                    if slot.flags == 0 { return index }
                    if slot.hash == hash32, Int(slot.length) == length {
                        var k = 0
                        let offset = Int(slot.offset)
                        while k < length {
                            let byte = p[range.lowerBound + k]
                            let lowered = byte &- 65 < 26 ? byte | 0x20 : byte
                            if lowered != arena[offset + k] { break }
                            k += 1
                        }
                        if k == length { return index }
                    }
                    index = (index + 1) & self.mask
                }
            }
        }
    }
}
