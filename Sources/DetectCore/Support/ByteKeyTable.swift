/// An immutable hash table from byte strings to small integer ids, for looking up JSON keys and
/// values in place (no `String` is created per lookup).
///
/// Open addressing with linear probing over a power-of-two table kept at most half full; keys are
/// stored back to back in one buffer.
public struct ByteKeyTable: Sendable {
    private var keyBytes: [UInt8] = []
    private var keyStarts: [Int32] = [0]
    /// Slot → key id + 1 (0 = empty).
    private var slots: [Int32]
    private var hashes: [UInt32]
    private let mask: Int

    /// Builds a table where key `i` of `keys` has id `i`; duplicates keep their first id.
    public init(_ keys: [String]) {
        var capacity = 16
        while capacity < keys.count * 2 { capacity <<= 1 }
        self.mask = capacity - 1
        self.slots = [Int32](repeating: 0, count: capacity)
        self.hashes = [UInt32](repeating: 0, count: capacity)
        for key in keys {
            var key = key
            key.withUTF8 { utf8 in
                let bytes = UnsafeRawBufferPointer(utf8)
                guard self.id(of: bytes) == nil else {
                    self.keyStarts.append(Int32(self.keyBytes.count))  // keep ids aligned with `keys`
                    return
                }
                let id = self.keyStarts.count - 1
                self.keyBytes.append(contentsOf: bytes)
                self.keyStarts.append(Int32(self.keyBytes.count))
                let hash = Self.hash(bytes)
                var slot = Int(hash) & self.mask
                while self.slots[slot] != 0 { slot = (slot + 1) & self.mask }
                self.slots[slot] = Int32(id + 1)
                self.hashes[slot] = hash
            }
        }
    }

    /// The number of ids handed out (including duplicate keys' ids).
    public var count: Int { self.keyStarts.count - 1 }

    /// The id of `key`, or nil.
    @inlinable
    public func id(of key: String) -> Int? {
        var key = key
        return key.withUTF8 { self.id(of: UnsafeRawBufferPointer($0)) }
    }

    /// The id of `key`, or nil.
    public func id(of key: UnsafeRawBufferPointer) -> Int? {
        let hash = Self.hash(key)
        var slot = Int(hash) & self.mask
        return self.keyBytes.withUnsafeBufferPointer { stored in
            while true {
                let entry = self.slots[slot]
                if entry == 0 { return nil }
                if self.hashes[slot] == hash {
                    let id = Int(entry - 1)
                    let start = Int(self.keyStarts[id])
                    let length = Int(self.keyStarts[id + 1]) - start
                    if length == key.count,
                        length == 0 || ByteEquality.equal(stored.baseAddress! + start, key.baseAddress!, count: length)
                    {
                        return id
                    }
                }
                slot = (slot + 1) & self.mask
            }
        }
    }

    /// FNV-1a over 8-byte words, then mixed; fast for the short keys of log records. `seed` tells apart equal
    /// bytes in different places (the node of a path trie); tables use 0.
    @inlinable
    public static func hash(_ bytes: UnsafeRawBufferPointer, seed: UInt64 = 0) -> UInt32 {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325 ^ seed
        var index = 0
        let count = bytes.count
        while index + 8 <= count {
            hash = (hash ^ bytes.loadUnaligned(fromByteOffset: index, as: UInt64.self)) &* 0x0000_0100_0000_01B3
            index += 8
        }
        while index < count {
            hash = (hash ^ UInt64(bytes[index])) &* 0x0000_0100_0000_01B3
            index += 1
        }
        hash ^= hash >> 29
        hash &*= 0xbf58_476d_1ce4_e5b9
        hash ^= hash >> 32
        return UInt32(truncatingIfNeeded: hash)
    }
}

