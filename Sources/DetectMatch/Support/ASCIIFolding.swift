/// ASCII case folding and byte comparison shared by every case-insensitive matcher.
///
/// Folding maps `A`–`Z` to `a`–`z` and leaves every other byte unchanged, so folding never changes a
/// length and never touches a byte of a multi-byte UTF-8 sequence (all of those are `0x80` or above).
/// Needles are folded once when a matcher is built; values are folded on the fly while comparing.
@usableFromInline
enum ASCIIFolding {
    /// The lower-case form of an ASCII letter; every other byte unchanged.
    @inline(__always)
    static func fold(_ byte: UInt8) -> UInt8 {
        (byte &- 0x41) < 26 ? byte | 0x20 : byte
    }

    /// Folds eight bytes at once (SWAR): sets bit 5 in every byte that is `A`–`Z`.
    @inlinable
    static func fold(word: UInt64) -> UInt64 {
        let low7 = word & 0x7F7F_7F7F_7F7F_7F7F
        let atLeastA = low7 &+ 0x3F3F_3F3F_3F3F_3F3F  // high bit set where low7 >= 0x41
        let pastZ = low7 &+ 0x2525_2525_2525_2525  // high bit set where low7 >= 0x5B
        let upper = atLeastA & ~pastZ & ~word & 0x8080_8080_8080_8080
        return word | (upper >> 2)
    }

    /// The folded copy of `bytes`.
    static func folded(_ bytes: some Sequence<UInt8>) -> [UInt8] {
        bytes.map(Self.fold)
    }

    /// Whether `count` bytes at `value`, folded, equal the already folded bytes at `needle`.
    @inline(__always)
    static func equalsFolded(_ value: UnsafeRawPointer, _ needle: UnsafeRawPointer, count: Int) -> Bool {
        if count >= 8 {
            var offset = 0
            while offset + 8 <= count {
                let lhs = Self.fold(word: value.loadUnaligned(fromByteOffset: offset, as: UInt64.self))
                if lhs != needle.loadUnaligned(fromByteOffset: offset, as: UInt64.self) { return false }
                offset += 8
            }
            if offset == count { return true }
            // Overlapping last word: re-compares a few bytes instead of a byte loop.
            let last = count - 8
            let lhs = Self.fold(word: value.loadUnaligned(fromByteOffset: last, as: UInt64.self))
            return lhs == needle.loadUnaligned(fromByteOffset: last, as: UInt64.self)
        }
        for offset in 0..<count
        where Self.fold(value.load(fromByteOffset: offset, as: UInt8.self))
            != needle.load(fromByteOffset: offset, as: UInt8.self)
        {
            return false
        }
        return true
    }

    /// Whether `count` bytes at `value` equal the bytes at `needle` exactly.
    @inline(__always)
    static func equalsExact(_ value: UnsafeRawPointer, _ needle: UnsafeRawPointer, count: Int) -> Bool {
        if count >= 8 {
            var offset = 0
            while offset + 8 <= count {
                if value.loadUnaligned(fromByteOffset: offset, as: UInt64.self)
                    != needle.loadUnaligned(fromByteOffset: offset, as: UInt64.self)
                {
                    return false
                }
                offset += 8
            }
            if offset == count { return true }
            let last = count - 8
            return value.loadUnaligned(fromByteOffset: last, as: UInt64.self)
                == needle.loadUnaligned(fromByteOffset: last, as: UInt64.self)
        }
        for offset in 0..<count
        where value.load(fromByteOffset: offset, as: UInt8.self) != needle.load(fromByteOffset: offset, as: UInt8.self) {
            return false
        }
        return true
    }

    /// Compares with or without folding, as `caseSensitive` says.
    @inline(__always)
    static func equals(
        _ value: UnsafeRawPointer, _ needle: UnsafeRawPointer, count: Int, caseSensitive: Bool
    ) -> Bool {
        caseSensitive
            ? Self.equalsExact(value, needle, count: count)
            : Self.equalsFolded(value, needle, count: count)
    }
}
