import Testing

@testable import DetectECS

struct IPTextTests {
    private static func canonicalize(_ text: String, unwrap: Bool = true) -> String? {
        var out: [UInt8] = []
        let ok = SupportTesting.withBytes(text) { IPText.canonicalize($0, into: &out, unwrapMappedIPv4: unwrap) }
        if !ok {
            #expect(out.isEmpty, "nothing appended on failure")
            return nil
        }
        return String(decoding: out, as: UTF8.self)
    }

    static let validCases: [(String, String)] = [
        // IPv4
        ("1.2.3.4", "1.2.3.4"),
        ("0.0.0.0", "0.0.0.0"),
        ("255.255.255.255", "255.255.255.255"),
        ("192.168.100.10", "192.168.100.10"),
        ("10.0.0.1", "10.0.0.1"),
        // IPv6, RFC 5952 canonical form
        ("::", "::"),
        ("::1", "::1"),
        ("1::", "1::"),
        ("2001:db8::1", "2001:db8::1"),
        ("2001:DB8::1", "2001:db8::1"),
        ("2001:0db8:0000:0000:0000:0000:0000:0001", "2001:db8::1"),
        ("2001:db8:0:0:1:0:0:1", "2001:db8::1:0:0:1"),  // first of two equal runs
        ("2001:0:0:1:0:0:0:1", "2001:0:0:1::1"),  // the longest run
        ("2001:db8:0:1:1:1:1:1", "2001:db8:0:1:1:1:1:1"),  // a single zero group is not compressed
        ("2001:db8::0:1", "2001:db8::1"),
        ("0:0:0:0:0:0:0:0", "::"),
        ("0:0:0:0:0:0:0:1", "::1"),
        ("1:0:0:0:0:0:0:0", "1::"),
        ("1:2:3:4:5:6:7::", "1:2:3:4:5:6:7:0"),
        ("::2:3:4:5:6:7:8", "0:2:3:4:5:6:7:8"),
        ("1:2:3:4:5:6:7:8", "1:2:3:4:5:6:7:8"),
        ("FFFF:FFFF:FFFF:FFFF:FFFF:FFFF:FFFF:FFFF", "ffff:ffff:ffff:ffff:ffff:ffff:ffff:ffff"),
        ("fe80::0202:b3ff:fe1e:8329", "fe80::202:b3ff:fe1e:8329"),
        ("2a06:98c0:3600::103", "2a06:98c0:3600::103"),
        ("2400:cb00:2049:1::a29f:1804", "2400:cb00:2049:1::a29f:1804"),
        ("0001:0002::000a", "1:2::a"),
        // Embedded IPv4 that is not mapped: hex groups.
        ("::1.2.3.4", "::102:304"),
        ("64:ff9b::192.0.2.33", "64:ff9b::c000:221"),
        ("1:2:3:4:5:6:1.2.3.4", "1:2:3:4:5:6:102:304"),
        // IPv4-mapped IPv6 is unwrapped.
        ("::ffff:1.2.3.4", "1.2.3.4"),
        ("::FFFF:1.2.3.4", "1.2.3.4"),
        ("::ffff:0102:0304", "1.2.3.4"),
        ("::ffff:102:304", "1.2.3.4"),
        ("0:0:0:0:0:ffff:192.168.1.1", "192.168.1.1"),
        ("0000:0000:0000:0000:0000:FFFF:C0A8:0101", "192.168.1.1"),
        ("ffff:ffff:ffff:ffff:ffff:ffff:255.255.255.255", "ffff:ffff:ffff:ffff:ffff:ffff:ffff:ffff"),
    ]

    @Test("valid addresses canonicalize", arguments: validCases)
    func valid(input: String, expected: String) {
        #expect(Self.canonicalize(input) == expected)
        #expect(SupportTesting.withBytes(input) { IPText.isValid($0) })
        #expect(IPText.canonical(input) == expected)
        // Dotted IPv4 text is recognised as such, and is its own canonical form.
        let isIPv4 = SupportTesting.withBytes(input) { IPText.isIPv4($0) }
        #expect(isIPv4 == (!input.contains(":")), "\(input)")
        if isIPv4 { #expect(input == expected) }
    }

    static let invalidCases: [String] = [
        "", "1", "1.2.3", "1.2.3.4.5", "1.2.3.", ".1.2.3", "1..2.3", "256.1.1.1", "1.2.3.256", "1.2.3.4444",
        "01.2.3.4", "1.02.3.4", "1.2.3.00", "1.2.3.-4", "1.2.3.4 ", " 1.2.3.4", "1.2.3.4\n", "a.b.c.d",
        "1.2.3.4/24", "1.2.3.4:80",
        ":", ":::", "1:::2", "1::2::3", ":1::2", "1::2:", "1:2:3:4:5:6:7", "1:2:3:4:5:6:7:8:9",
        "1:2:3:4:5:6:7:8::", "::1:2:3:4:5:6:7:8", "12345::", "1:2:3:4:5:6:7:12345", "g::1", "::g",
        "[::1]", "fe80::1%eth0", "::1/128", "1:2:3:4:5:6:7:1.2.3.4", "::1.2.3", "::1.2.3.4:5",
        "::1.2.3.04", "1.2.3.4::", "::ffff:1.2.3.256", "2001:db8::1 ", "::-1", "-::1",
        "ffff:ffff:ffff:ffff:ffff:ffff:255.255.255.2555", "localhost", "example.com", "\u{00e9}::1",
    ]

    @Test("invalid text is rejected and nothing is appended", arguments: invalidCases)
    func invalid(input: String) {
        #expect(Self.canonicalize(input) == nil)
        #expect(!SupportTesting.withBytes(input) { IPText.isValid($0) })
        #expect(!SupportTesting.withBytes(input) { IPText.isIPv4($0) })
    }

    @Test("unwrapping IPv4-mapped addresses can be turned off")
    func keepMapped() {
        #expect(Self.canonicalize("::ffff:1.2.3.4", unwrap: false) == "::ffff:1.2.3.4")
        #expect(Self.canonicalize("::FFFF:0102:0304", unwrap: false) == "::ffff:1.2.3.4")
        #expect(IPAddress("::ffff:1.2.3.4", unwrapMappedIPv4: false) == .v6(high: 0, low: 0xFFFF_0102_0304))
        #expect(IPAddress("::ffff:1.2.3.4") == .v4(0x0102_0304))
    }

    @Test("canonicalize appends after existing bytes")
    func appends() {
        var out = Array("ip=".utf8)
        let ok = SupportTesting.withBytes("2001:DB8::1") { IPText.canonicalize($0, into: &out) }
        #expect(ok)
        #expect(String(decoding: out, as: UTF8.self) == "ip=2001:db8::1")
    }

    @Test("address values expose their kind and groups")
    func values() {
        #expect(IPAddress("10.1.2.3") == .v4(0x0A01_0203))
        #expect(IPAddress("10.1.2.3")?.isIPv4 == true)
        #expect(IPAddress("2001:db8::1")?.isIPv4 == false)
        #expect(IPAddress("2001:db8::1")?.groups == [0x2001, 0xDB8, 0, 0, 0, 0, 0, 1])
        #expect(IPAddress("1.2.3.4")?.groups == [0, 0, 0, 0, 0, 0xFFFF, 0x0102, 0x0304])
        #expect(IPAddress("2001:db8::1") == IPAddress("2001:0DB8:0:0:0:0:0:1"))
    }

    @Test("every compression of every zero-run pattern parses back to itself")
    func exhaustiveZeroRuns() {
        // All 256 patterns of zero / non-zero groups: format, parse, format again.
        for mask in 0..<256 {
            var high: UInt64 = 0
            var low: UInt64 = 0
            for k in 0..<8 {
                let value: UInt64 = (mask >> k) & 1 == 1 ? UInt64(0x1000 + k) : 0
                if k < 4 { high = high << 16 | value } else { low = low << 16 | value }
            }
            guard !(high == 0 && low >> 32 == 0xFFFF) else { continue }
            let address = IPAddress.v6(high: high, low: low)
            let text = address.text
            #expect(IPAddress(text) == address, "\(text)")
            #expect(IPText.canonical(text) == text)
            // The uncompressed form canonicalizes to the same text.
            let full = address.groups.map { String($0, radix: 16) }.joined(separator: ":")
            #expect(IPText.canonical(full) == text, "\(full)")
        }
    }
}
