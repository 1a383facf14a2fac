/// An IPv4 or IPv6 address as a value, parsed from text without Foundation. Internal to the module (the
/// public face is `IPText`), so it cannot clash with an IP type of DetectMatch in modules importing both.
///
/// Parsing follows the strict textual forms that Python's `ipaddress` and Elasticsearch's `ip` type
/// accept, which is what decides whether Sekoia and Elastic write an IP field:
/// - IPv4: exactly four dotted decimal octets 0–255, **no leading zeros** (`01.2.3.4` is ambiguous octal
///   and rejected, as in Python ≥ 3.9.5);
/// - IPv6: every RFC 4291 text form: 1–8 groups of 1–4 hex digits (any case), at most one `::` (which
///   stands for one or more zero groups), an optional dotted IPv4 tail in place of the last two groups;
/// - rejected: surrounding whitespace, brackets (`[::1]`), zone ids (`fe80::1%eth0`), prefixes
///   (`10.0.0.0/8`), more than 45 bytes.
///
/// An IPv4-mapped IPv6 address (`::ffff:1.2.3.4`, `::ffff:0102:0304`) is unwrapped to `.v4` unless the
/// caller asks otherwise, as Elasticsearch stores it and as Sekoia's audit_logs parser writes it
/// (ECS-MAPPING.md §1.1).
enum IPAddress: Hashable, Sendable {
    /// An IPv4 address, most significant octet first (`1.2.3.4` is `0x0102_0304`).
    case v4(UInt32)
    /// An IPv6 address as two 64-bit halves, most significant first.
    case v6(high: UInt64, low: UInt64)

    /// The longest valid textual IP address: `ffff:ffff:ffff:ffff:ffff:ffff:255.255.255.255`.
    static let maximumTextLength = 45

    /// Parses IP address text.
    ///
    /// - Parameters:
    ///   - bytes: the whole text, nothing around it.
    ///   - unwrapMappedIPv4: turn `::ffff:a.b.c.d` into `.v4` (default true).
    /// - Returns: nil when the text is not exactly an IP address.
    init?(text bytes: UnsafeBufferPointer<UInt8>, unwrapMappedIPv4: Bool = true) {
        let count = bytes.count
        guard count >= 2, count <= IPAddress.maximumTextLength else { return nil }
        // An IPv6 text has a colon within its first five bytes; an IPv4 text never has one.
        var hasColon = false
        for k in 0..<min(count, 5) where bytes[k] == UInt8(ascii: ":") {
            hasColon = true
            break
        }
        if !hasColon {
            guard let v4 = IPAddress.parseIPv4(bytes, from: 0, to: count) else { return nil }
            self = .v4(v4)
            return
        }
        guard let (high, low) = IPAddress.parseIPv6(bytes) else { return nil }
        if unwrapMappedIPv4, high == 0, low >> 32 == 0xFFFF {
            self = .v4(UInt32(truncatingIfNeeded: low))
        } else {
            self = .v6(high: high, low: low)
        }
    }

    /// Convenience for tests and set-up code; not for the hot path.
    init?(_ text: String, unwrapMappedIPv4: Bool = true) {
        var text = text
        guard let parsed = text.withUTF8({ IPAddress(text: $0, unwrapMappedIPv4: unwrapMappedIPv4) }) else {
            return nil
        }
        self = parsed
    }

    /// Whether this is an IPv4 address (after unwrapping, if it was asked for).
    var isIPv4: Bool {
        if case .v4 = self { return true }
        return false
    }

    /// The eight 16-bit groups of an IPv6 address, most significant first (an IPv4 address is mapped).
    var groups: [UInt16] {
        let (high, low): (UInt64, UInt64)
        switch self {
        case .v4(let v4): (high, low) = (0, 0xFFFF_0000_0000 | UInt64(v4))
        case .v6(let h, let l): (high, low) = (h, l)
        }
        var result: [UInt16] = []
        result.reserveCapacity(8)
        for shift in stride(from: 48, through: 0, by: -16) { result.append(UInt16(truncatingIfNeeded: high >> shift)) }
        for shift in stride(from: 48, through: 0, by: -16) { result.append(UInt16(truncatingIfNeeded: low >> shift)) }
        return result
    }

    // MARK: Parsing

    /// Dotted-quad IPv4 in `p[start..<end]`: four decimal octets 0–255, no leading zeros.
    @inline(__always)
    static func parseIPv4(_ p: UnsafeBufferPointer<UInt8>, from start: Int, to end: Int) -> UInt32? {
        var i = start
        var result: UInt32 = 0
        for octet in 0..<4 {
            if octet > 0 {
                guard i < end, p[i] == UInt8(ascii: ".") else { return nil }
                i += 1
            }
            guard i < end else { return nil }
            let first = p[i] &- 48
            guard first < 10 else { return nil }
            var value = UInt32(first)
            i += 1
            var digits = 1
            while i < end, p[i] &- 48 < 10 {
                guard first != 0, digits < 3 else { return nil }  // leading zero, or a fourth digit
                value = value * 10 + UInt32(p[i] &- 48)
                digits += 1
                i += 1
            }
            guard value <= 255 else { return nil }
            result = result << 8 | value
        }
        return i == end ? result : nil
    }

    /// Any RFC 4291 IPv6 text covering all of `p` (at least two bytes), as two 64-bit halves.
    static func parseIPv6(_ p: UnsafeBufferPointer<UInt8>) -> (UInt64, UInt64)? {
        withUnsafeTemporaryAllocation(of: UInt16.self, capacity: 8) { words in
            words.initialize(repeating: 0)
            return parseIPv6(p, into: words)
        }
    }

    private static func parseIPv6(_ p: UnsafeBufferPointer<UInt8>, into words: UnsafeMutableBufferPointer<UInt16>)
        -> (UInt64, UInt64)?
    {
        let end = p.count
        var count = 0  // groups written
        var gap = -1  // group index where `::` stands
        var i = 0
        if p[0] == UInt8(ascii: ":") {
            guard p[1] == UInt8(ascii: ":") else { return nil }
            gap = 0
            i = 2
        }
        while i < end {
            guard count < 8 else { return nil }
            // The group runs to the next ':' or the end; a '.' in it makes it the IPv4 tail.
            var groupEnd = i
            var hasDot = false
            while groupEnd < end, p[groupEnd] != UInt8(ascii: ":") {
                if p[groupEnd] == UInt8(ascii: ".") { hasDot = true }
                groupEnd += 1
            }
            if hasDot {
                guard groupEnd == end, count <= 6, let v4 = parseIPv4(p, from: i, to: end) else { return nil }
                words[count] = UInt16(truncatingIfNeeded: v4 >> 16)
                words[count + 1] = UInt16(truncatingIfNeeded: v4)
                count += 2
                break
            }
            let digits = groupEnd - i
            guard digits >= 1, digits <= 4 else { return nil }
            var value: UInt16 = 0
            while i < groupEnd {
                guard let h = hexValue(p[i]) else { return nil }
                value = value << 4 | UInt16(h)
                i += 1
            }
            words[count] = value
            count += 1
            if i == end { break }
            i += 1  // the ':'
            if i < end, p[i] == UInt8(ascii: ":") {
                guard gap < 0 else { return nil }  // a second "::"
                gap = count
                i += 1
            } else if i == end {
                return nil  // a trailing single ":"
            }
        }
        if gap >= 0 {
            guard count <= 7 else { return nil }  // "::" stands for at least one group
            let shift = 8 - count
            var k = count - 1
            while k >= gap {
                words[k + shift] = words[k]
                words[k] = 0
                k -= 1
            }
        } else {
            guard count == 8 else { return nil }
        }
        var high: UInt64 = 0
        var low: UInt64 = 0
        for k in 0..<4 { high = high << 16 | UInt64(words[k]) }
        for k in 4..<8 { low = low << 16 | UInt64(words[k]) }
        return (high, low)
    }

    /// The value of a hex digit, any case.
    @inline(__always)
    static func hexValue(_ c: UInt8) -> UInt8? {
        if c &- 48 < 10 { return c &- 48 }
        let lower = c | 0x20
        if lower &- 97 < 6 { return lower &- 87 }
        return nil
    }
}
