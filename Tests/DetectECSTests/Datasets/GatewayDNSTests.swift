import DetectECS
import Testing

@Suite("gateway_dns")
struct GatewayDNSTests {
    static let blocked = """
        {"AccountID":"699d98642c564d2e855e9661899b7252","ApplicationID":0,"ApplicationName":"",\
        "AuthoritativeNameServerIPs":["192.0.2.153"],"CNAMEs":["cdn.bad-actor.example.net"],"ColoCode":"LHR",\
        "ColoID":397,"Datetime":"2025-03-10T08:15:42Z","DeviceID":"3f8e1c2a-7b6d-11ef-9a1b-0242ac120002",\
        "DeviceName":"LAPTOP-FIN-042","DoHSubdomain":"","DstIP":"172.64.36.1","DstPort":53,"EDEErrors":[15],\
        "Email":"alice@corp.example","InitialCategoryIDs":[80],"IsResponseCached":false,"Location":"London HQ",\
        "LocationID":"0b1c2d3e-4f50-6172-8394-a5b6c7d8e9f0","MatchedCategoryIDs":[80],\
        "MatchedCategoryNames":["Command and Control & Botnet"],"PolicyID":"5e4d3c2b-1a09-4f8e-b7c6-d5e4f3a2b1c0",\
        "PolicyName":"Block security threats","Protocol":"udp","QueryCategoryIDs":[80],\
        "QueryID":"a1b2c3d4e5f60718a1b2c3d4e5f60718","QueryName":"c2.bad-actor.example.net",\
        "QueryNameReversed":"net.example.bad-actor.c2","QuerySize":45,"QueryType":1,"QueryTypeName":"A",\
        "RCode":0,"ResolvedIPs":[],"ResolverDecision":"blockedByCategory","ResourceRecords":[],"ResponseTimeMs":3,\
        "SrcIP":"198.51.100.200","SrcIPContinentCode":"EU","SrcIPCountryCode":"GB","SrcPort":51234,\
        "TimeZone":"Europe/London","TimeZoneInferredMethod":"fromRule","UserID":"9c8b7a6f-5e4d-3c2b-1a09-f8e7d6c5b4a3"}
        """

    @Test("a query blocked by category is denied, with client, device, user, policy and timing")
    func blocked() throws {
        let output = try NormalizedOutput(Self.blocked)
        #expect(output.record == .cloudflare(.gatewayDNS))
        #expect(output.string("event.dataset") == "gateway_dns")
        #expect(output.instant("@timestamp") == 1_741_594_542_000_000)
        #expect(output.strings("event.category") == ["network"])
        #expect(output.strings("event.type") == ["denied", "info"])
        #expect(output.string("event.outcome") == "failure")
        #expect(output.string("event.action") == "blockedByCategory")
        #expect(output.string("event.id") == "a1b2c3d4e5f60718a1b2c3d4e5f60718")
        #expect(output.integer("event.duration") == 3_000_000)
        #expect(!output.has("event.timezone"))
        #expect(output.string("cloud.account.id") == "699d98642c564d2e855e9661899b7252")
        #expect(output.string("dns.question.name") == "c2.bad-actor.example.net")
        #expect(output.string("dns.question.registered_domain") == "example.net")
        #expect(output.string("dns.question.type") == "A")
        #expect(output.string("dns.response_code") == "NoError")
        #expect(!output.has("dns.resolved_ip"))
        #expect(!output.has("dns.answers"))
        #expect(output.string("network.transport") == "udp")
        #expect(output.string("network.protocol") == "dns")
        #expect(output.string("source.ip") == "198.51.100.200")
        #expect(output.integer("source.port") == 51234)
        #expect(output.integer("source.bytes") == 45)
        #expect(output.string("source.geo.country_iso_code") == "GB")
        #expect(output.string("source.geo.continent_code") == "EU")
        #expect(output.string("destination.ip") == "172.64.36.1")
        #expect(output.integer("destination.port") == 53)
        #expect(output.string("device.id") == "3f8e1c2a-7b6d-11ef-9a1b-0242ac120002")
        #expect(output.string("host.id") == "3f8e1c2a-7b6d-11ef-9a1b-0242ac120002")
        #expect(output.string("host.hostname") == "LAPTOP-FIN-042")
        #expect(output.string("host.name") == "LAPTOP-FIN-042")
        #expect(output.string("user.email") == "alice@corp.example")
        #expect(output.string("user.id") == "9c8b7a6f-5e4d-3c2b-1a09-f8e7d6c5b4a3")
        #expect(output.string("rule.id") == "5e4d3c2b-1a09-4f8e-b7c6-d5e4f3a2b1c0")
        #expect(output.string("rule.name") == "Block security threats")
        #expect(output.string("observer.type") == "dns")
        #expect(output.string("observer.geo.name") == "LHR")
        #expect(output.strings("related.ip") == ["172.64.36.1", "192.0.2.153", "198.51.100.200"])
        #expect(
            output.strings("related.hosts") == [
                "3f8e1c2a-7b6d-11ef-9a1b-0242ac120002", "LAPTOP-FIN-042", "c2.bad-actor.example.net",
                "cdn.bad-actor.example.net",
            ]
        )
        #expect(output.strings("related.user") == ["9c8b7a6f-5e4d-3c2b-1a09-f8e7d6c5b4a3", "alice@corp.example"])
    }

    @Test("an allowed DoH query resolves IPs and answers; DoH is no transport")
    func allowedDoH() throws {
        let output = try NormalizedOutput("""
            {"ColoCode":"FRA","Datetime":1741594542000000000,"DstIP":"2606:4700:4700::1111","DstPort":443,\
            "Protocol":"https","QueryName":"updates.example.com","QueryType":28,"RCode":0,\
            "ResolvedIPs":["2001:db8::10","2001:db8::11"],"ResolverDecision":"allowedOnNoPolicyMatch",\
            "ResourceRecords":[{"type":"28","data":"B3VwZGF0ZXMHZXhhbXBsZQNjb20AABwAAQ=="}],"SrcIP":"203.0.113.5",\
            "SrcPort":0,"QueryNameReversed":"com.example.updates","TimeZone":"","UserID":""}
            """)
        #expect(output.record == .cloudflare(.gatewayDNS))
        #expect(output.instant("@timestamp") == 1_741_594_542_000_000)
        #expect(output.strings("event.type") == ["allowed", "info"])
        #expect(output.string("event.outcome") == "success")
        #expect(output.string("dns.question.type") == "AAAA")
        #expect(output.strings("dns.resolved_ip") == ["2001:db8::10", "2001:db8::11"])
        #expect((output.fields["dns.answers"] as? [Any])?.count == 1)
        #expect(!output.has("network.transport"))
        #expect(output.integer("source.port") == 0)
        #expect(
            output.strings("related.ip") == ["2001:db8::10", "2001:db8::11", "203.0.113.5", "2606:4700:4700::1111"]
        )
    }

    @Test("empty strings and invalid IPs write no ECS field")
    func emptyValues() throws {
        let output = try NormalizedOutput("""
            {"AccountID":"","CNAMEs":[],"ColoCode":"","Datetime":"2025-03-10T08:15:42Z","DeviceID":"",\
            "DeviceName":"","DstIP":"not-an-ip","Email":"","PolicyID":"","PolicyName":"","Protocol":"",\
            "QueryID":"","QueryName":"","QueryNameReversed":"","QueryTypeName":"","RData":[],\
            "ResolvedIPs":["","999.1.1.1"],"ResolverDecision":"","SrcIP":"","SrcIPCountryCode":"","UserID":""}
            """)
        #expect(output.record == .cloudflare(.gatewayDNS))
        for field in [
            "event.action", "event.outcome", "event.id", "cloud", "dns.question", "dns.resolved_ip", "dns.answers",
            "network.transport", "source", "destination", "device", "host", "user", "rule", "observer.geo", "related",
        ] {
            #expect(!output.has(field), "\(field) should be absent")
        }
        #expect(output.strings("event.type") == ["info"])
    }
}
