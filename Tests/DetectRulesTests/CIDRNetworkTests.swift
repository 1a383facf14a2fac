import DetectRules
import Testing

struct CIDRNetworkTests {
    static let valid: [(String, String, Bool)] = [
        ("10.0.0.0/8", "10.0.0.0/8", false),
        ("192.168.1.7", "192.168.1.7/32", false),
        ("10.1.2.3/8", "10.0.0.0/8", true),
        ("0.0.0.0/0", "0.0.0.0/0", false),
        ("172.16.0.0/12", "172.16.0.0/12", false),
        ("2001:db8::/32", "2001:db8:0:0:0:0:0:0/32", false),
        ("::1", "0:0:0:0:0:0:0:1/128", false),
        ("::/0", "0:0:0:0:0:0:0:0/0", false),
        ("fe80::1:2/64", "fe80:0:0:0:0:0:0:0/64", true),
        ("::ffff:10.0.0.1/128", "0:0:0:0:0:ffff:a00:1/128", false),
        ("1:2:3:4:5:6:7:8", "1:2:3:4:5:6:7:8/128", false),
    ]

    @Test("IPv4 and IPv6 networks parse, host bits are masked", arguments: valid)
    func parses(text: String, expected: String, hostBits: Bool) throws {
        let parsed = try #require(CIDRNetwork.parse(text))
        #expect(parsed.network.description == expected)
        #expect(parsed.hadHostBits == hostBits)
    }

    static let invalid = [
        "", "10.0.0", "10.0.0.0/33", "256.0.0.0/8", "10.0.0.0/", "10.0.0.0/8/8", "1::2::3", "2001:db8::/129",
        "12345::", "1:2:3:4:5:6:7:8:9", "fe80::1%eth0", "example.com", "10.0.0.0/-1", "1.2.3.4.5", "::ffff:1.2.3/96",
    ]

    @Test("anything that is not a network is rejected", arguments: invalid)
    func rejects(text: String) {
        #expect(CIDRNetwork.parse(text) == nil)
    }

    @Test("containment follows the prefix")
    func contains() throws {
        let network = try #require(CIDRNetwork.parse("10.1.0.0/16")).network
        #expect(network.contains([10, 1, 200, 3]))
        #expect(!network.contains([10, 2, 0, 1]))
        #expect(!network.contains([10, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0]))
    }
}
