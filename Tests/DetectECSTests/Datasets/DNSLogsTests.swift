import DetectECS
import Testing

@Suite("dns_logs")
struct DNSLogsTests {
    @Test("an authoritative query maps name, type, response code, client and EDNS subnet")
    func query() throws {
        let output = try NormalizedOutput("""
            {"ColoCode":"AMS","EDNSSubnet":"198.51.100.0","EDNSSubnetLength":24,"QueryName":"Mail.Example.COM.",\
            "QueryType":15,"ResponseCached":true,"ResponseCode":3,"SourceIP":"2001:db8:4860::8888",\
            "Timestamp":1700000000123456789}
            """)
        #expect(output.record == .cloudflare(.dnsLogs))
        #expect(output.string("event.dataset") == "dns_logs")
        #expect(output.instant("@timestamp") == 1_700_000_000_123_456)
        #expect(output.strings("event.category") == ["network"])
        #expect(output.strings("event.type") == ["info"])
        #expect(output.string("dns.question.name") == "Mail.Example.COM")
        #expect(output.string("dns.question.registered_domain") == "Example.COM")
        #expect(output.string("dns.question.top_level_domain") == "COM")
        #expect(output.string("dns.question.subdomain") == "Mail")
        #expect(output.string("dns.question.type") == "MX")
        #expect(output.string("dns.response_code") == "NXDomain")
        #expect(output.string("source.ip") == "2001:db8:4860::8888")
        #expect(output.string("network.protocol") == "dns")
        #expect(output.string("observer.type") == "dns")
        #expect(output.string("observer.geo.name") == "AMS")
        #expect(output.strings("related.ip") == ["198.51.100.0", "2001:db8:4860::8888"])
        #expect(output.strings("related.hosts") == ["Mail.Example.COM"])
        #expect(output.fields["cloudflare.ResponseCached"] as? Bool == true)
    }

    @Test("a query recorded with RFC 3339 time and an unassigned type keeps the number raw only")
    func unassignedType() throws {
        let output = try NormalizedOutput("""
            {"ColoCode":"SJC","QueryName":"_acme-challenge.example.net","QueryType":65280,"ResponseCode":0,\
            "SourceIP":"192.0.2.10","Timestamp":"2025-03-10T08:15:42.5Z"}
            """)
        #expect(output.record == .cloudflare(.dnsLogs))
        #expect(output.instant("@timestamp") == 1_741_594_542_500_000)
        #expect(!output.has("dns.question.type"))
        #expect(output.integer("cloudflare.QueryType") == 65280)
        #expect(output.string("dns.response_code") == "NoError")
        #expect(output.string("dns.question.registered_domain") == "example.net")
    }

    @Test("empty strings, the root name and invalid IPs write no ECS field")
    func emptyValues() throws {
        let output = try NormalizedOutput("""
            {"ColoCode":"","EDNSSubnet":"","EDNSSubnetLength":0,"QueryName":".","QueryType":2,\
            "ResponseCached":false,"ResponseCode":5,"SourceIP":"300.1.2.3","Timestamp":1700000000000000000}
            """)
        #expect(output.record == .cloudflare(.dnsLogs))
        for field in ["dns.question.name", "dns.question.registered_domain", "source", "observer.geo", "related"] {
            #expect(!output.has(field), "\(field) should be absent")
        }
        #expect(output.string("dns.question.type") == "NS")
        #expect(output.string("dns.response_code") == "Refused")
    }
}
