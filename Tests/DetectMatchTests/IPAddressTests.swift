import DetectMatch
import Testing

struct IPAddressTests {
    @Test("parses IPv4 dotted quads", arguments: [
        ("0.0.0.0", UInt32(0)),
        ("192.0.2.1", 0xC000_0201),
        ("255.255.255.255", 0xFFFF_FFFF),
        ("10.0.0.1", 0x0A00_0001),
    ])
    func v4(text: String, value: UInt32) {
        #expect(IPAddress(text) == IPAddress(v4: value))
        #expect(IPAddress(text)?.family == .v4)
    }

    @Test("parses every RFC 4291 IPv6 text form", arguments: [
        ("2001:db8:0:0:8:800:200c:417a", "2001:db8::8:800:200c:417a"),
        ("2001:DB8::8:800:200C:417A", "2001:db8::8:800:200c:417a"),
        ("ff01::101", "ff01::101"),
        ("::1", "::1"),
        ("::", "::"),
        ("1::", "1::"),
        ("1:2:3:4:5:6:7::", "1:2:3:4:5:6:7:0"),
        ("::2:3:4:5:6:7:8", "0:2:3:4:5:6:7:8"),
        ("0:0:0:0:0:0:13.1.68.3", "::d01:4403"),
        ("::13.1.68.3", "::d01:4403"),
        ("1:2:3:4:5:6:1.2.3.4", "1:2:3:4:5:6:102:304"),
        ("64:ff9b::192.0.2.33", "64:ff9b::c000:221"),
        ("2001:0db8:0000:0000:0000:ff00:0042:8329", "2001:db8::ff00:42:8329"),
        ("2001:db8:0:0:1:0:0:1", "2001:db8::1:0:0:1"),
        ("2a06:98c0:3600::103", "2a06:98c0:3600::103"),
    ])
    func v6(text: String, canonical: String) {
        let address = IPAddress(text)
        #expect(address?.family == .v6)
        #expect(address?.description == canonical)
        #expect(IPAddress(canonical) == address)
    }

    @Test("unwraps IPv4-mapped IPv6 addresses to IPv4", arguments: [
        "::ffff:1.2.3.4", "::FFFF:1.2.3.4", "0:0:0:0:0:ffff:1.2.3.4", "::ffff:102:304",
    ])
    func mapped(text: String) {
        #expect(IPAddress(text) == IPAddress("1.2.3.4"))
        #expect(IPAddress(text)?.description == "1.2.3.4")
        #expect(IPAddress(v6: 0xFFFF_0102_0304) == IPAddress(v4: 0x0102_0304))
    }

    @Test("rejects anything that is not exactly one address", arguments: [
        "", "1.2.3", "1.2.3.4.5", "256.1.1.1", "01.2.3.4", "1.2.3.04", "1..2.3", "1.2.3.", ".1.2.3",
        "1.2.3.4 ", " 1.2.3.4", "a.b.c.d", "1.2.3.-4",
        ":", ":::", "1:2", ":1::", "1::2::3", "1:2:3:4:5:6:7:8:9", "1:2:3:4:5:6:7:8::", "::1:2:3:4:5:6:7:8",
        "12345::", "g::", "1:", "1:2:3:4:5:6:7", "fe80::1%eth0", "[::1]", "::1.2.3", "1:2:3:4:5:6:7:1.2.3.4",
        "::1.2.3.4:5", "1.2.3.4::",
    ])
    func invalid(text: String) {
        #expect(IPAddress(text) == nil)
    }

    @Test("orders IPv4 before IPv6, then by value")
    func ordering() throws {
        let addresses = try ["::1", "10.0.0.2", "10.0.0.1", "2001:db8::"].map { try #require(IPAddress($0)) }
        #expect(addresses.sorted().map(\.description) == ["10.0.0.1", "10.0.0.2", "::1", "2001:db8::"])
    }
}
