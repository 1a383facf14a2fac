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
        self = message.withUnsafeBytes { Self(sha1Of: $0) }
    }

    /// The digest of the first 16 bytes of SHA-1(`message`).
    init(sha1Of message: UnsafeRawBufferPointer) {
        let words = SHA1.words(of: message)
        self.high = UInt64(words.0) << 32 | UInt64(words.1)
        self.low = UInt64(words.2) << 32 | UInt64(words.3)
    }

    /// 32 lowercase hex digits.
    public var description: String {
        self.withHexDigits { String(decoding: $0, as: UTF8.self) }
    }

    /// Calls `body` with the 32 lowercase hex digits, written on the stack.
    func withHexDigits<R>(_ body: (UnsafeRawBufferPointer) -> R) -> R {
        withUnsafeTemporaryAllocation(byteCount: 32, alignment: 8) { text in
            let digits: StaticString = "0123456789abcdef"
            for index in 0..<16 {
                let shift = UInt64(60 - 4 * index)
                text[index] = digits.utf8Start[Int((self.high >> shift) & 0x0F)]
                text[16 + index] = digits.utf8Start[Int((self.low >> shift) & 0x0F)]
            }
            return body(UnsafeRawBufferPointer(text))
        }
    }
}
