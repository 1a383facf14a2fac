/// A literal byte string prepared for fast comparison and substring search, folded at build time
/// unless case-sensitive.
///
/// Search uses a SIMD first-and-last-byte filter (16 start positions per step): a start is checked in
/// full only where both the needle's first byte and its last byte line up (the lanes that line up are
/// found with the SWAR zero-byte test on the XOR of the 16 lanes, which avoids reducing a `SIMDMask`). For a case-insensitive needle
/// whose edge byte is a letter, the filter compares `byte | 0x20`, which accepts both cases (and a few
/// punctuation bytes that the full comparison then rejects).
struct LiteralNeedle: Hashable, Sendable {
    /// The needle, ASCII-folded unless ``caseSensitive``.
    let bytes: [UInt8]
    let caseSensitive: Bool
    private let first: UInt8
    private let last: UInt8
    private let firstMask: UInt8
    private let lastMask: UInt8

    init(_ bytes: some Sequence<UInt8>, caseSensitive: Bool) {
        let stored = caseSensitive ? Array(bytes) : ASCIIFolding.folded(bytes)
        self.bytes = stored
        self.caseSensitive = caseSensitive
        self.first = stored.first ?? 0
        self.last = stored.last ?? 0
        func mask(_ byte: UInt8) -> UInt8 {
            !caseSensitive && (byte &- 0x61) < 26 ? 0x20 : 0
        }
        self.firstMask = mask(self.first)
        self.lastMask = mask(self.last)
    }

    var count: Int { self.bytes.count }

    /// Whether the needle occurs at `pointer` (which must have ``count`` readable bytes).
    @inline(__always)
    func matches(at pointer: UnsafeRawPointer) -> Bool {
        self.bytes.withUnsafeBytes { needle in
            guard let needle = needle.baseAddress else { return true }
            return ASCIIFolding.equals(pointer, needle, count: self.bytes.count, caseSensitive: self.caseSensitive)
        }
    }

    /// Whether `value` is exactly the needle.
    @inline(__always)
    func equals(_ value: UnsafeRawBufferPointer) -> Bool {
        guard value.count == self.bytes.count else { return false }
        guard let base = value.baseAddress else { return true }
        return self.matches(at: base)
    }

    /// Whether `value` starts with the needle.
    @inline(__always)
    func isPrefix(of value: UnsafeRawBufferPointer) -> Bool {
        guard value.count >= self.bytes.count else { return false }
        guard let base = value.baseAddress else { return true }
        return self.matches(at: base)
    }

    /// Whether `value` ends with the needle.
    @inline(__always)
    func isSuffix(of value: UnsafeRawBufferPointer) -> Bool {
        guard value.count >= self.bytes.count else { return false }
        guard let base = value.baseAddress else { return true }
        return self.matches(at: base + (value.count - self.bytes.count))
    }

    /// The first offset at or after `start` where the needle occurs in `value`, or `nil`.
    func firstIndex(in value: UnsafeRawBufferPointer, from start: Int = 0) -> Int? {
        let needleCount = self.bytes.count
        guard value.count - start >= needleCount else { return nil }
        guard needleCount > 0 else { return start }
        guard let base = value.baseAddress else { return nil }
        return self.bytes.withUnsafeBytes { needleBuffer -> Int? in
            guard let needle = needleBuffer.baseAddress else { return nil }
            let caseSensitive = self.caseSensitive
            let lastStart = value.count - needleCount
            var offset = start
            if lastStart - offset >= 15 {
                let first = SIMD16<UInt8>(repeating: self.first)
                let last = SIMD16<UInt8>(repeating: self.last)
                let firstMask = SIMD16<UInt8>(repeating: self.firstMask)
                let lastMask = SIMD16<UInt8>(repeating: self.lastMask)
                while offset &+ 15 <= lastStart {
                    let heads = base.loadUnaligned(fromByteOffset: offset, as: SIMD16<UInt8>.self)
                    let tails = base.loadUnaligned(fromByteOffset: offset &+ needleCount &- 1, as: SIMD16<UInt8>.self)
                    // Zero in every lane where both the first and the last byte line up.
                    let misses = ((heads | firstMask) ^ first) | ((tails | lastMask) ^ last)
                    let words = unsafeBitCast(misses, to: (UInt64, UInt64).self)
                    for half in 0..<2 {
                        let word = half == 0 ? words.0 : words.1
                        // High bit set in each zero byte (and possibly in a byte above one: verified anyway).
                        var zeros = (word &- 0x0101_0101_0101_0101) & ~word & 0x8080_8080_8080_8080
                        while zeros != 0 {
                            let candidate = offset &+ half &* 8 &+ zeros.trailingZeroBitCount >> 3
                            if ASCIIFolding.equals(
                                base + candidate, needle, count: needleCount, caseSensitive: caseSensitive)
                            {
                                return candidate
                            }
                            zeros &= zeros &- 1
                        }
                    }
                    offset &+= 16
                }
            }
            let firstByte = self.first
            let firstMask = self.firstMask
            while offset <= lastStart {
                if base.load(fromByteOffset: offset, as: UInt8.self) | firstMask == firstByte,
                    ASCIIFolding.equals(base + offset, needle, count: needleCount, caseSensitive: caseSensitive)
                {
                    return offset
                }
                offset += 1
            }
            return nil
        }
    }
}
