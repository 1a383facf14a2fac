import DetectECS
import Testing

@Suite("magic_ids_detections")
struct MagicIDSDetectionsTests {
    static let blocked = """
        {"Timestamp":"2025-02-03T14:22:09Z","Action":"block","ColoCity":"Amsterdam","ColoCode":"AMS",\
        "DestinationIP":"192.0.2.44","DestinationPort":445,"Protocol":"tcp","SignatureID":2024217,\
        "SignatureMessage":"ET EXPLOIT Possible ETERNALBLUE Probe MS17-010","SignatureRevision":3,\
        "SourceIP":"198.51.100.201","SourcePort":51234}
        """

    @Test("a blocked signature hit is an IDS alert, denied, with the signature as the rule")
    func blockedHit() throws {
        let output = try NormalizedOutput(Self.blocked)
        #expect(output.record == .cloudflare(.magicIDSDetections))
        #expect(output.string("event.dataset") == "magic_ids_detections")
        #expect(output.string("event.kind") == "alert")
        #expect(output.strings("event.category") == ["intrusion_detection", "network"])
        #expect(output.strings("event.type") == ["denied", "info"])
        #expect(output.string("event.action") == "block")
        #expect(output.string("event.outcome") == "failure")
        #expect(output.instant("@timestamp") == EventTime.parse("2025-02-03T14:22:09Z")?.microsecondsSinceEpoch)
        #expect(output.string("rule.id") == "2024217")
        #expect(output.string("rule.name") == "ET EXPLOIT Possible ETERNALBLUE Probe MS17-010")
        #expect(output.string("rule.version") == "3")
        #expect(output.string("source.ip") == "198.51.100.201")
        #expect(output.integer("source.port") == 51234)
        #expect(output.string("destination.ip") == "192.0.2.44")
        #expect(output.integer("destination.port") == 445)
        #expect(output.string("network.transport") == "tcp")
        #expect(output.string("network.community_id")?.hasPrefix("1:") == true)
        #expect(output.string("observer.type") == "ids")
        #expect(output.string("observer.geo.name") == "AMS")
        #expect(output.string("observer.geo.city_name") == "Amsterdam")
        #expect(output.strings("related.ip") == ["192.0.2.44", "198.51.100.201"])
        #expect(output.integer("cloudflare.SignatureID") == 2024217)
    }

    @Test("a passed detection below layer 4 is allowed, with no transport and no Community ID")
    func passedAnyProtocol() throws {
        let output = try NormalizedOutput("""
            {"Timestamp":1738592529000000000,"Action":"pass","ColoCode":"SIN","DestinationIP":"2001:db8::80",\
            "DestinationPort":0,"Protocol":"any","SignatureID":2100366,"SignatureMessage":"GPL ICMP_INFO PING",\
            "SignatureRevision":8,"SourceIP":"2001:db8:ffff::1","SourcePort":0}
            """)
        #expect(output.record == .cloudflare(.magicIDSDetections))
        #expect(output.strings("event.type") == ["allowed", "info"])
        #expect(output.string("event.outcome") == "success")
        #expect(output.instant("@timestamp") == EventTime.parse("2025-02-03T14:22:09Z")?.microsecondsSinceEpoch)
        #expect(!output.has("network.transport"))
        #expect(!output.has("network.community_id"))
        #expect(output.string("destination.ip") == "2001:db8::80")
    }

    @Test("empty strings and invalid IPs write no ECS field")
    func emptyValues() throws {
        let output = try NormalizedOutput("""
            {"Timestamp":"2025-02-03T14:22:09Z","Action":"","ColoCity":"","ColoCode":"","DestinationIP":"",\
            "DestinationPort":0,"Protocol":"","SignatureID":2024217,"SignatureMessage":"","SignatureRevision":1,\
            "SourceIP":"not-an-ip","SourcePort":0}
            """)
        #expect(output.record == .cloudflare(.magicIDSDetections))
        for field in [
            "event.action", "event.outcome", "rule.name", "source.ip", "destination.ip", "network.transport",
            "network.community_id", "observer.geo", "related.ip", "source.address",
        ] {
            #expect(!output.has(field), "\(field) should be absent")
        }
        #expect(output.strings("event.type") == ["info"])
        #expect(output.string("cloudflare.SourceIP") == "not-an-ip")
    }
}
