import DetectECS
import Testing

@Suite("gateway_network")
struct GatewayNetworkTests {
    static let overridden = """
        {"AccountID":"699d98642c564d2e855e9661899b7252","Action":"allowedOnNoRuleMatch","ApplicationIDs":[],\
        "CategoryIDs":[],"Datetime":1741597200250000000,"DestinationIP":"192.0.2.80",\
        "DestinationIPContinentCode":"EU","DestinationIPCountryCode":"FR","DestinationPort":443,\
        "DetectedProtocol":"TLS","DeviceID":"5a4b3c2d-1e0f-11ef-8a7b-0242ac120003","DeviceName":"build-agent-7",\
        "Email":"ci@corp.example","OverrideIP":"10.20.30.40","OverridePort":8443,"PolicyID":"","PolicyName":"",\
        "ProxyEndpoint":"","SNI":"intranet.corp-example.com","SessionID":"1d2c3b4a5f6e7d8c00000001",\
        "SourceIP":"198.51.100.7","SourceIPCountryCode":"NL","SourceInternalIP":"100.64.0.7","SourcePort":61000,\
        "TransportProtocol":"quic","UserID":"0f1e2d3c-4b5a-6978-8796-a5b4c3d2e1f0"}
        """

    @Test("an allowed QUIC session with a network override maps both destinations, TLS and the device")
    func overridden() throws {
        let output = try NormalizedOutput(Self.overridden)
        #expect(output.record == .cloudflare(.gatewayNetwork))
        #expect(output.string("event.dataset") == "gateway_network")
        #expect(output.instant("@timestamp") == 1_741_597_200_250_000)
        #expect(output.strings("event.category") == ["network"])
        #expect(output.strings("event.type") == ["allowed"])
        #expect(output.string("event.outcome") == "success")
        #expect(output.string("event.action") == "allowedOnNoRuleMatch")
        #expect(output.string("event.id") == "1d2c3b4a5f6e7d8c00000001")
        #expect(output.string("cloud.account.id") == "699d98642c564d2e855e9661899b7252")
        #expect(output.string("source.ip") == "198.51.100.7")
        #expect(output.integer("source.port") == 61000)
        #expect(output.string("source.geo.country_iso_code") == "NL")
        #expect(output.string("destination.ip") == "192.0.2.80")
        #expect(output.string("destination.address") == "192.0.2.80")
        #expect(output.integer("destination.port") == 443)
        #expect(output.string("destination.domain") == "intranet.corp-example.com")
        #expect(output.string("destination.registered_domain") == "corp-example.com")
        #expect(output.string("destination.geo.country_iso_code") == "FR")
        #expect(output.string("destination.nat.ip") == "10.20.30.40")
        #expect(output.integer("destination.nat.port") == 8443)
        #expect(output.string("network.transport") == "udp")
        #expect(output.string("network.protocol") == "tls")
        #expect(output.string("tls.client.server_name") == "intranet.corp-example.com")
        #expect(output.string("host.ip") == "100.64.0.7")
        #expect(output.string("host.id") == "5a4b3c2d-1e0f-11ef-8a7b-0242ac120003")
        #expect(output.string("host.name") == "build-agent-7")
        #expect(output.string("user.email") == "ci@corp.example")
        #expect(!output.has("rule"))
        #expect(output.string("observer.type") == "proxy")
        #expect(output.strings("related.ip") == ["10.20.30.40", "100.64.0.7", "192.0.2.80", "198.51.100.7"])
        #expect(
            output.strings("related.hosts") == [
                "5a4b3c2d-1e0f-11ef-8a7b-0242ac120003", "build-agent-7", "intranet.corp-example.com",
            ]
        )
    }

    @Test("a blocked TCP session (deprecated Transport key) is denied; port 0 is no override")
    func blocked() throws {
        let output = try NormalizedOutput("""
            {"Action":"blockedRule","Datetime":"2025-03-10T09:00:01Z","DestinationIP":"203.0.113.22",\
            "DestinationPort":22,"OverrideIP":"","OverridePort":0,"PolicyID":"7f6e5d4c-3b2a-1908-f7e6-d5c4b3a2f1e0",\
            "PolicyName":"Block outbound SSH","SNI":"","SessionID":"1d2c3b4a5f6e7d8c00000002",\
            "SourceIP":"198.51.100.8","SourcePort":40222,"Transport":"tcp"}
            """)
        #expect(output.record == .cloudflare(.gatewayNetwork))
        #expect(output.strings("event.type") == ["denied"])
        #expect(output.string("event.outcome") == "failure")
        #expect(output.string("network.transport") == "tcp")
        #expect(output.string("rule.id") == "7f6e5d4c-3b2a-1908-f7e6-d5c4b3a2f1e0")
        #expect(output.string("rule.name") == "Block outbound SSH")
        #expect(!output.has("destination.nat"))
        #expect(!output.has("destination.domain"))
        #expect(!output.has("tls"))
        #expect(output.integer("cloudflare.OverridePort") == 0)
    }

    @Test("empty strings and invalid IPs write no ECS field")
    func emptyValues() throws {
        let output = try NormalizedOutput("""
            {"AccountID":"","Action":"","Datetime":"2025-03-10T09:00:01Z","DestinationIP":"256.1.1.1",\
            "DetectedProtocol":"","DeviceID":"","DeviceName":"","Email":"","OverrideIP":"","OverridePort":0,\
            "PolicyID":"","SNI":"","SessionID":"","SourceIP":"","SourceInternalIP":"","Transport":"",\
            "TransportProtocol":"","UserID":""}
            """)
        #expect(output.record == .cloudflare(.gatewayNetwork))
        for field in [
            "event.action", "event.outcome", "event.id", "cloud", "source", "destination", "network", "tls", "host",
            "device", "user", "rule", "related",
        ] {
            #expect(!output.has(field), "\(field) should be absent")
        }
        #expect(output.strings("event.type") == ["info"])
    }
}
