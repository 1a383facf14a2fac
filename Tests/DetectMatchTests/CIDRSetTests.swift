import DetectMatch
import DetectTesting
import Testing

struct CIDRSetTests {
    static let networks = [
        "10.0.0.0/8", "192.168.1.0/24", "203.0.113.7", "198.51.100.255/32",
        "2001:db8::/32", "2a06:98c0::1/128", "::ffff:100.64.0.0/106", "fe80::/10",
    ]

    @Test("contains addresses inside the networks and nothing else", arguments: [
        ("10.0.0.0", true), ("10.255.255.255", true), ("11.0.0.0", false), ("9.255.255.255", false),
        ("192.168.1.77", true), ("192.168.2.1", false),
        ("203.0.113.7", true), ("203.0.113.8", false),
        ("198.51.100.255", true), ("198.51.100.254", false),
        ("100.64.0.1", true), ("100.127.255.255", true), ("100.128.0.0", false),
        ("::ffff:10.1.2.3", true), ("::ffff:11.1.2.3", false),
        ("2001:db8::1", true), ("2001:db8:ffff:ffff:ffff:ffff:ffff:ffff", true), ("2001:db9::", false),
        ("2a06:98c0::1", true), ("2a06:98c0::2", false),
        ("fe80::1", true), ("febf:ffff::", true), ("fec0::", false),
        ("not an ip", false), ("", false), ("10.0.0.1/8", false),
    ])
    func membership(ip: String, expected: Bool) {
        let (set, errors) = CIDRSet.parse(Self.networks)
        #expect(errors.isEmpty)
        #expect(set.contains(ip) == expected)
        var text = ip
        #expect(text.withUTF8 { set.contains(UnsafeRawBufferPointer($0)) } == expected)
    }

    @Test("/0 holds its whole family and no other")
    func zeroPrefix() {
        let v4 = CIDRSet.parse(["0.0.0.0/0"]).set
        #expect(v4.contains("0.0.0.0") && v4.contains("255.255.255.255") && v4.contains("::ffff:1.2.3.4"))
        #expect(!v4.contains("::1"))
        let v6 = CIDRSet.parse(["::/0"]).set
        #expect(v6.contains("::") && v6.contains("ffff:ffff:ffff:ffff:ffff:ffff:ffff:ffff"))
        #expect(!v6.contains("1.2.3.4"))
        #expect(!v6.contains("::ffff:1.2.3.4"))
    }

    @Test("/32 and /128 hold exactly one address")
    func hostPrefix() {
        let set = CIDRSet.parse(["1.2.3.4/32", "2001:db8::5/128"]).set
        #expect(set.contains("1.2.3.4") && !set.contains("1.2.3.5") && !set.contains("1.2.3.3"))
        #expect(set.contains("2001:db8::5") && !set.contains("2001:db8::4") && !set.contains("2001:db8::6"))
    }

    @Test("reports invalid entries with their index and keeps the rest")
    func invalidEntries() {
        let (set, errors) = CIDRSet.parse(["10.0.0.0/8", "10.0.0.0/33", "example.com", " 192.0.2.0/24 ", "::/129", "1.2.3.4/", "::1/-1"])
        #expect(errors.map(\.index) == [1, 2, 4, 5, 6])
        #expect(errors.first?.entry == "10.0.0.0/33")
        #expect(errors.first?.description == #"entry 1 "10.0.0.0/33": not an IPv4 or IPv6 address or CIDR network"#)
        #expect(set.contains("10.1.1.1") && set.contains("192.0.2.9"))
    }

    @Test("clears host bits and merges overlapping and adjacent ranges")
    func normalization() throws {
        #expect(CIDR("10.1.2.3/8")?.description == "10.0.0.0/8")
        #expect(CIDR("::ffff:10.0.0.0/104")?.description == "10.0.0.0/8")
        #expect(CIDR("2001:db8::1/32")?.description == "2001:db8::/32")
        let set = CIDRSet.parse(["10.0.0.0/9", "10.128.0.0/9", "10.1.0.0/16", "192.0.2.0/25", "192.0.2.128/25"]).set
        #expect(set.rangeCount == 2)
        #expect(set.contains("10.200.0.1") && set.contains("192.0.2.200"))
        #expect(CIDRSet([]).isEmpty && !CIDRSet([]).contains("1.2.3.4"))
    }

    @Test("agrees with a linear scan over random networks and addresses")
    func differential() throws {
        var random = SplitMix64(seed: 42)
        var networks: [CIDR] = []
        for _ in 0..<300 {
            if random.next() % 2 == 0 {
                let address = IPAddress(v4: UInt32(truncatingIfNeeded: random.next()))
                networks.append(try #require(CIDR(address: address, prefixLength: Int(8 + random.next() % 25))))
            } else {
                let high = UInt128(0x2001_0DB8) << 96 | UInt128(random.next() & 0xFFFF_FFFF) << 64
                let address = IPAddress(v6: high | UInt128(random.next()))
                networks.append(try #require(CIDR(address: address, prefixLength: Int(32 + random.next() % 97))))
            }
        }
        let set = CIDRSet(networks)
        var inside = 0
        for index in 0..<5_000 {
            // Half the probes start from a network address, so that many land inside.
            let network = networks[index % networks.count]
            let probe: IPAddress
            if network.address.family == .v4 {
                let base = UInt32(truncatingIfNeeded: network.address.value)
                probe = IPAddress(v4: index % 2 == 0 ? base &+ UInt32(random.next() % 512) : UInt32(truncatingIfNeeded: random.next()))
            } else {
                probe = IPAddress(v6: network.address.value &+ UInt128(random.next() % 1024))
            }
            let expected = networks.contains { $0.contains(probe) }
            #expect(set.contains(probe) == expected, "\(probe)")
            if expected { inside += 1 }
        }
        #expect(inside > 1_000)
    }
}
