extension IPAddress {
    /// Appends the canonical text of the address.
    ///
    /// - IPv4: dotted decimal, `1.2.3.4`.
    /// - IPv6: RFC 5952 §4: lowercase hex, no leading zeros, the longest run of two or more zero groups
    ///   replaced by `::` (the first one on a tie), a single zero group written `0`. An IPv4-mapped address
    ///   that was not unwrapped is written `::ffff:1.2.3.4` (RFC 5952 §5).
    ///
    /// Example: `2001:0DB8:0000:0000:0001:0000:0000:0001` → `2001:db8::1:0:0:1`.
    func appendText(to out: inout [UInt8]) {
        switch self {
        case .v4(let value):
            IPAddress.appendIPv4(value, to: &out)
        case .v6(let high, let low):
            if high == 0, low >> 32 == 0xFFFF {
                out.append(contentsOf: [0x3A, 0x3A, 0x66, 0x66, 0x66, 0x66, 0x3A])  // "::ffff:"
                IPAddress.appendIPv4(UInt32(truncatingIfNeeded: low), to: &out)
                return
            }
            IPAddress.appendIPv6(high: high, low: low, to: &out)
        }
    }

    /// The canonical text as a `String`; for tests and logging, not for the hot path.
    var text: String {
        var out: [UInt8] = []
        self.appendText(to: &out)
        return String(decoding: out, as: UTF8.self)
    }

    /// Writes the dotted text into a stack buffer first and appends it with one copy: `out` is checked
    /// for uniqueness and capacity once instead of once per byte.
    private static func appendIPv4(_ value: UInt32, to out: inout [UInt8]) {
        withUnsafeTemporaryAllocation(of: UInt8.self, capacity: 15) { text in
            var count = 0
            for shift in stride(from: 24, through: 0, by: -8) {
                let octet = Int((value >> UInt32(shift)) & 0xFF)
                if shift != 24 {
                    text[count] = UInt8(ascii: ".")
                    count += 1
                }
                if octet >= 100 {
                    text[count] = UInt8(truncatingIfNeeded: 48 + octet / 100)
                    count += 1
                }
                if octet >= 10 {
                    text[count] = UInt8(truncatingIfNeeded: 48 + octet / 10 % 10)
                    count += 1
                }
                text[count] = UInt8(truncatingIfNeeded: 48 + octet % 10)
                count += 1
            }
            out.append(contentsOf: UnsafeBufferPointer(rebasing: text[..<count]))
        }
    }

    private static func appendIPv6(high: UInt64, low: UInt64, to out: inout [UInt8]) {
        @inline(__always) func group(_ k: Int) -> UInt16 {
            let half = k < 4 ? high : low
            return UInt16(truncatingIfNeeded: half >> UInt64(48 - 16 * (k % 4)))
        }
        // The longest run of zero groups, at least two long, first on a tie.
        var bestStart = -1
        var bestLength = 1
        var runStart = -1
        for k in 0...8 {
            if k < 8, group(k) == 0 {
                if runStart < 0 { runStart = k }
            } else if runStart >= 0 {
                if k - runStart > bestLength {
                    bestStart = runStart
                    bestLength = k - runStart
                }
                runStart = -1
            }
        }
        let hex: StaticString = "0123456789abcdef"
        let digits = hex.utf8Start
        var k = 0
        while k < 8 {
            if k == bestStart {
                out.append(UInt8(ascii: ":"))
                if k == 0 { out.append(UInt8(ascii: ":")) }
                k += bestLength
                continue
            }
            let value = group(k)
            var shift = 12
            while shift > 0, value >> UInt16(shift) == 0 { shift -= 4 }
            while shift >= 0 {
                out.append(digits[Int(value >> UInt16(shift) & 0xF)])
                shift -= 4
            }
            k += 1
            if k < 8 { out.append(UInt8(ascii: ":")) }
        }
    }
}
