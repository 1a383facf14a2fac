/// IP address text checks for the normalizer: "is this an IP?" (the IP guard every Sekoia parser puts
/// on IP fields) and "write its canonical form".
///
/// Both run on UTF-8 bytes without allocating. The accepted syntax is `IPAddress`'s: strict dotted IPv4
/// (no leading zeros), all RFC 4291 IPv6 forms, no whitespace, brackets, zone ids or prefixes.
///
/// ```swift
/// var out: [UInt8] = []
/// let ok = bytes.withUnsafeBufferPointer { IPText.canonicalize($0, into: &out) }
/// // "::FFFF:1.2.3.4" → "1.2.3.4";  "2001:DB8:0:0:0:0:0:1" → "2001:db8::1";  "1.2.3" → false
/// ```
public enum IPText {
    /// Whether the bytes are exactly an IPv4 or IPv6 address.
    public static func isValid(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        IPAddress(text: bytes, unwrapMappedIPv4: false) != nil
    }

    /// Whether the bytes are exactly a dotted IPv4 address. Such text is its own canonical form (the
    /// strict syntax has no leading zeros), so ``canonicalize(_:into:unwrapMappedIPv4:)`` would append
    /// the same bytes.
    static func isIPv4(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        bytes.count <= 15 && IPAddress.parseIPv4(bytes, from: 0, to: bytes.count) != nil
    }

    /// Appends the canonical text of an IP address (dotted IPv4; RFC 5952 IPv6), unwrapping IPv4-mapped
    /// IPv6 (`::ffff:1.2.3.4` and `::ffff:0102:0304` → `1.2.3.4`) unless told not to.
    ///
    /// - Parameters:
    ///   - bytes: the text, nothing around it.
    ///   - out: the buffer to append to; untouched when the text is not an IP address.
    ///   - unwrapMappedIPv4: whether to unwrap IPv4-mapped IPv6 (default true).
    /// - Returns: whether the text was an IP address (and something was appended).
    @discardableResult
    public static func canonicalize(
        _ bytes: UnsafeBufferPointer<UInt8>,
        into out: inout [UInt8],
        unwrapMappedIPv4: Bool = true
    ) -> Bool {
        guard let address = IPAddress(text: bytes, unwrapMappedIPv4: unwrapMappedIPv4) else { return false }
        address.appendText(to: &out)
        return true
    }

    /// Convenience for tests and set-up code: the canonical text, or nil. Not for the hot path.
    public static func canonical(_ text: String, unwrapMappedIPv4: Bool = true) -> String? {
        IPAddress(text, unwrapMappedIPv4: unwrapMappedIPv4)?.text
    }
}
