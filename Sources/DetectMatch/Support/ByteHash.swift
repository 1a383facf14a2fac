/// A fast, deterministic 64-bit hash over bytes (wyhash-style multiply-fold mixing, 8 bytes per step),
/// optionally over the ASCII-folded bytes without copying them.
///
/// Not a cryptographic or flood-resistant hash: the keys of our sets come from rules and IOC lists,
/// not from attackers, and events only look keys up. Inlinable, for the per-value memo of the rule index.
public enum ByteHash {
    @inlinable static var seed: UInt64 { 0xA076_1D64_78BD_642F }
    @inlinable static var step: UInt64 { 0xE703_7ED1_A0B4_28DB }
    @inlinable static var final: UInt64 { 0x8EBC_6AF0_9C88_C6E3 }

    @inlinable
    static func mix(_ lhs: UInt64, _ rhs: UInt64) -> UInt64 {
        let product = lhs.multipliedFullWidth(by: rhs)
        return product.high ^ product.low
    }

    /// The hash of `bytes`, folded first when `folding` is set.
    @inlinable
    public static func hash(_ bytes: UnsafeRawBufferPointer, folding: Bool) -> UInt64 {
        guard let base = bytes.baseAddress else { return Self.mix(Self.seed, Self.final) }
        return Self.hash(base, count: bytes.count, folding: folding)
    }

    /// The hash of `count` bytes at `pointer`, folded first when `folding` is set.
    @inlinable
    public static func hash(_ pointer: UnsafeRawPointer, count: Int, folding: Bool) -> UInt64 {
        var hash = Self.seed
        if count >= 8 {
            var offset = 0
            while offset + 8 <= count {
                var word = pointer.loadUnaligned(fromByteOffset: offset, as: UInt64.self)
                if folding { word = ASCIIFolding.fold(word: word) }
                hash = Self.mix(hash ^ word, Self.step)
                offset += 8
            }
            if offset < count {
                var word = pointer.loadUnaligned(fromByteOffset: count - 8, as: UInt64.self)
                if folding { word = ASCIIFolding.fold(word: word) }
                hash = Self.mix(hash ^ word, Self.step)
            }
        } else if count > 0 {
            var word: UInt64 = 0
            for offset in 0..<count {
                word |= UInt64(pointer.load(fromByteOffset: offset, as: UInt8.self)) << (8 * UInt64(offset))
            }
            if folding { word = ASCIIFolding.fold(word: word) }
            hash = Self.mix(hash ^ word, Self.step)
        }
        return Self.mix(hash ^ UInt64(count), Self.final)
    }
}
