import DetectECS
import Testing

@Suite("dns_firewall_logs")
struct DNSFirewallLogsTests {
    @Test("a TCP query answered from stale cache maps type, code, header flags, reason and related IPs")
    func staleAnswer() throws {
        let output = try NormalizedOutput("""
            {"ClientResponseCode":2,"ClusterID":"f0e1d2c3b4a59687","ColoCode":"SIN","EDNSSubnet":"2001:db8:1200::",\
            "EDNSSubnetLength":40,"QueryDO":true,"QueryName":"_sip._tcp.voip.example.net.","QueryRD":true,\
            "QuerySize":52,"QueryTCP":true,"QueryType":33,"ResponseCached":true,"ResponseCachedStale":true,\
            "ResponseReason":"upstream unreachable, stale answer served","SourceIP":"192.0.2.53",\
            "Timestamp":"2024-06-30T23:59:59.250Z","UpstreamIP":"198.51.100.10","UpstreamResponseCode":2,\
            "UpstreamResponseTimeMs":1500}
            """)
        #expect(output.record == .cloudflare(.dnsFirewallLogs))
        #expect(output.string("event.dataset") == "dns_firewall_logs")
        #expect(output.instant("@timestamp") == 1_719_791_999_250_000)
        #expect(output.strings("event.category") == ["network"])
        #expect(output.strings("event.type") == ["info"])
        #expect(output.string("event.reason") == "upstream unreachable, stale answer served")
        #expect(output.string("dns.question.name") == "_sip._tcp.voip.example.net")
        #expect(output.string("dns.question.registered_domain") == "example.net")
        #expect(output.string("dns.question.type") == "SRV")
        #expect(output.string("dns.response_code") == "ServFail")
        #expect(output.strings("dns.header_flags") == ["DO", "RD"])
        #expect(output.string("network.transport") == "tcp")
        #expect(output.string("network.protocol") == "dns")
        #expect(output.string("source.ip") == "192.0.2.53")
        #expect(output.integer("source.bytes") == 52)
        #expect(output.string("observer.geo.name") == "SIN")
        #expect(output.strings("related.ip") == ["192.0.2.53", "198.51.100.10", "2001:db8:1200::"])
        #expect(output.integer("cloudflare.UpstreamResponseCode") == 2)
    }

    @Test("a UDP query without DNSSEC asks only for recursion")
    func udpQuery() throws {
        let output = try NormalizedOutput("""
            {"ClientResponseCode":0,"ClusterID":"f0e1d2c3b4a59687","ColoCode":"LAX","QueryDO":false,\
            "QueryName":"www.example.org","QueryRD":true,"QuerySize":33,"QueryTCP":false,"QueryType":1,\
            "ResponseCached":false,"ResponseCachedStale":false,"ResponseReason":"","SourceIP":"::ffff:192.0.2.77",\
            "Timestamp":1719791999250000000,"UpstreamIP":"2001:db8::53","UpstreamResponseCode":0,\
            "UpstreamResponseTimeMs":12}
            """)
        #expect(output.record == .cloudflare(.dnsFirewallLogs))
        #expect(output.strings("dns.header_flags") == ["RD"])
        #expect(output.string("network.transport") == "udp")
        #expect(output.string("source.ip") == "192.0.2.77")
        #expect(output.string("dns.response_code") == "NoError")
        #expect(!output.has("event.reason"))
    }

    @Test("empty strings and invalid IPs write no ECS field")
    func emptyValues() throws {
        let output = try NormalizedOutput("""
            {"ClientResponseCode":0,"ClusterID":"","ColoCode":"","EDNSSubnet":"","QueryDO":false,"QueryName":"",\
            "QueryRD":false,"QueryTCP":false,"ResponseReason":"","SourceIP":"","Timestamp":"2024-06-30T23:59:59Z",\
            "UpstreamIP":"upstream-1","UpstreamResponseCode":0}
            """)
        #expect(output.record == .cloudflare(.dnsFirewallLogs))
        for field in [
            "event.reason", "dns.question", "dns.header_flags", "source", "observer.geo", "related",
        ] {
            #expect(!output.has(field), "\(field) should be absent")
        }
        #expect(output.string("network.transport") == "udp")
    }
}
