import DetectECS
import Testing

@Suite("network_analytics_logs")
struct NetworkAnalyticsLogsTests {
    static let dropped = """
        {"Datetime":"2025-03-14T08:15:42Z","AttackCampaignID":"c7f2a1e0b3d4","AttackID":"a19e55d2f0c8",\
        "AttackVector":"SYN Flood","ColoCity":"Frankfurt","ColoCode":"FRA","ColoCountry":"DE",\
        "ColoGeoHash":"u0yjjd6jk0zj","ColoName":"fra08","DestinationASN":13335,"DestinationASNName":"CLOUDFLARENET",\
        "DestinationCountry":"US","DestinationGeoHash":"9q8yyk8yt","DestinationPort":443,"Direction":"ingress",\
        "IPDestinationAddress":"203.0.113.80","IPDestinationSubnet":"203.0.113.0/24","IPProtocol":6,\
        "IPProtocolName":"TCP","IPSourceAddress":"198.51.100.77","IPSourceSubnet":"198.51.100.0/24","IPTTL":51,\
        "MitigationReason":"BLOCKED","MitigationScope":"global","MitigationSystem":"dosd","Outcome":"drop",\
        "RuleID":"0e5d87f2b7a94c25a1d0b5fb5e1d9c11","RuleName":"SYN flood protection",\
        "RulesetID":"3b64149bfa6e4220bbbc2bd6db589552","SampleInterval":1000,"SourceASN":64512,\
        "SourceASNName":"EXAMPLE-TRANSIT","SourceCountry":"BR","SourceGeoHash":"6gyf4bf8m","SourcePort":39012,\
        "TCPFlags":2,"TCPFlagsString":"SYN","Verdict":"drop","DNSQueryName":"","DNSQueryType":""}
        """

    @Test("a dropped packet maps its flow, mitigation, rule, campaign and data center")
    func droppedPacket() throws {
        let output = try NormalizedOutput(Self.dropped)
        #expect(output.record == .cloudflare(.networkAnalyticsLogs))
        #expect(output.string("event.dataset") == "network_analytics_logs")
        #expect(output.instant("@timestamp") == EventTime.parse("2025-03-14T08:15:42Z")?.microsecondsSinceEpoch)
        #expect(output.string("event.kind") == "event")
        #expect(output.strings("event.category") == ["network"])
        #expect(output.strings("event.type") == ["denied", "info"])
        #expect(output.string("event.outcome") == "failure")
        #expect(output.string("event.action") == "drop")
        #expect(output.string("event.reason") == "BLOCKED")
        #expect(output.string("rule.id") == "0e5d87f2b7a94c25a1d0b5fb5e1d9c11")
        #expect(output.string("rule.name") == "SYN flood protection")
        #expect(output.string("rule.ruleset") == "3b64149bfa6e4220bbbc2bd6db589552")
        #expect(output.string("threat.group.id") == "c7f2a1e0b3d4")
        #expect(output.string("source.ip") == "198.51.100.77")
        #expect(output.integer("source.port") == 39012)
        #expect(output.integer("source.as.number") == 64512)
        #expect(output.string("source.as.organization.name") == "EXAMPLE-TRANSIT")
        #expect(output.string("source.geo.country_iso_code") == "BR")
        #expect(output.string("destination.ip") == "203.0.113.80")
        #expect(output.integer("destination.port") == 443)
        #expect(output.integer("destination.as.number") == 13335)
        #expect(output.string("network.transport") == "tcp")
        #expect(output.string("network.iana_number") == "6")
        #expect(output.string("network.direction") == "ingress")
        #expect(output.string("network.community_id") == "1:1cGpMJIz7Kh0JozHvAKDDG8rnC8=")
        #expect(output.string("observer.name") == "fra08")
        #expect(output.string("observer.geo.country_iso_code") == "DE")
        #expect(output.strings("related.ip") == ["198.51.100.77", "203.0.113.80"])
        #expect(output.strings("related.hosts") == ["fra08"])
        #expect(!output.has("related.hash"))
        #expect(!output.has("dns.question"))
    }

    @Test("older field spellings and a DNS query are mapped too")
    func olderSpellingsAndDNS() throws {
        let output = try NormalizedOutput("""
            {"Datetime":1741940142,"ColoID":112,"ColoName":"ord02","Direction":"egress","IPProtocol":17,\
            "IPSourceAddress":"192.0.2.10","IPDestinationAddress":"192.0.2.53","SourcePort":53211,\
            "DestinationPort":53,"SourceASN":64500,"SourceASNDescription":"Legacy Name","Outcome":"pass",\
            "Verdict":"pass","IPTtl":64,"TCPMss":0,"DNSQueryName":"www.example.org.","DNSQueryType":"AAAA",\
            "MitigationSystem":"flowtrackd","SampleInterval":100}
            """)
        #expect(output.record == .cloudflare(.networkAnalyticsLogs))
        #expect(output.instant("@timestamp") == EventTime.parse("2025-03-14T08:15:42Z")?.microsecondsSinceEpoch)
        #expect(output.strings("event.type") == ["allowed", "info"])
        #expect(output.string("event.outcome") == "success")
        #expect(output.string("network.transport") == "udp")
        #expect(output.string("network.direction") == "egress")
        #expect(output.string("source.as.organization.name") == "Legacy Name")
        #expect(output.string("dns.question.name") == "www.example.org")
        #expect(output.string("dns.question.type") == "AAAA")
        #expect(output.string("dns.question.registered_domain") == "example.org")
        #expect(output.string("network.community_id")?.hasPrefix("1:") == true)
    }

    @Test("empty strings and invalid IPs write no ECS field")
    func emptyValues() throws {
        let output = try NormalizedOutput("""
            {"Datetime":"2025-03-14T08:15:42Z","AttackCampaignID":"","AttackID":"","AttackVector":"","ColoName":"",\
            "IPSourceAddress":"","IPDestinationAddress":"300.1.2.3","IPProtocol":6,"IPProtocolName":"",\
            "MitigationReason":"","MitigationSystem":"dosd","Outcome":"","RuleID":"","RuleName":"","RulesetID":"",\
            "SampleInterval":10,"Verdict":"","Direction":""}
            """)
        #expect(output.record == .cloudflare(.networkAnalyticsLogs))
        for field in [
            "event.action", "event.outcome", "event.reason", "rule", "threat", "source.ip", "destination.ip",
            "network.direction", "network.community_id", "observer.name", "related",
        ] {
            #expect(!output.has(field), "\(field) should be absent")
        }
        #expect(output.string("network.transport") == "tcp")
        #expect(output.strings("event.type") == ["info"])
    }
}
