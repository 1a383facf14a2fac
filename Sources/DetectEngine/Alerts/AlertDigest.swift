internal import DetectCore

/// A 128-bit alert id: the first 16 bytes of a SHA-1 digest, written as 32 lowercase hex digits
/// (`sigflare.alert.id`). Kept as two integers so that correlation state can hold many without allocating.
public struct AlertDigest: Hashable, Sendable, CustomStringConvertible {
    /// Bytes 0–7, big-endian.
    public var high: UInt64
    /// Bytes 8–15, big-endian.
    public var low: UInt64

    /// A digest from its two halves.
    public init(high: UInt64, low: UInt64) {
        self.high = high
        self.low = low
    }

    /// The digest of the first 16 bytes of SHA-1(`message`).
    init(sha1Of message: [UInt8]) {
        let digest = SHA1.digest(message)
        var high: UInt64 = 0
        var low: UInt64 = 0
        for index in 0..<8 {
            high = high << 8 | UInt64(digest[index])
            low = low << 8 | UInt64(digest[index + 8])
        }
        self.high = high
        self.low = low
    }

    /// 32 lowercase hex digits.
    public var description: String {
        let hex = Array("0123456789abcdef".utf8)
        var text: [UInt8] = []
        text.reserveCapacity(32)
        for word in [self.high, self.low] {
            for shift in stride(from: 60, through: 0, by: -4) {
                text.append(hex[Int((word >> UInt64(shift)) & 0x0F)])
            }
        }
        return String(decoding: text, as: UTF8.self)
    }
}
