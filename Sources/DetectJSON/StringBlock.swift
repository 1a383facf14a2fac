/// Eight bytes of a JSON string body tested at once (SWAR: SIMD within a register) for the bytes the
/// string scanner must stop at: `"`, `\`, a control character (< 0x20) or a non-ASCII byte (>= 0x80),
/// whose UTF-8 sequence must be validated.
enum StringBlock {
    private static let ones: UInt64 = 0x0101_0101_0101_0101
    private static let highs: UInt64 = 0x8080_8080_8080_8080

    /// The high bit of each special byte of `word` (loaded little-endian, so the first byte in memory is
    /// the lowest); zero when all eight bytes are plain. Only the lowest flagged byte is exact: a borrow
    /// out of a special byte can flag the byte above it, so callers use `trailingZeroBitCount / 8`.
    ///
    /// For a byte `b` below 0x80, `b - 1` of `b ^ 0x22` (or `b ^ 0x5C`) sets the high bit only when `b` is
    /// the quote (or backslash), and `b - 0x20` only when `b` < 0x20; a byte >= 0x80 is flagged by its own
    /// high bit. Borrows start only at a special byte.
    @inline(__always)
    static func specialBytes(_ word: UInt64) -> UInt64 {
        let quotes = word ^ (Self.ones &* 0x22)
        let backslashes = word ^ (Self.ones &* 0x5C)
        return ((quotes &- Self.ones) | (backslashes &- Self.ones) | (word &- Self.ones &* 0x20) | word) & Self.highs
    }

    /// Whether one byte is special in the sense of ``specialBytes(_:)``.
    @inline(__always)
    static func isSpecial(_ byte: UInt8) -> Bool {
        byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "\\") || byte < 0x20 || byte >= 0x80
    }
}
