import DetectECS
import Testing

@Suite("zero_trust_network_sessions")
struct ZeroTrustNetworkSessionsTests {
    @Test("a TCP session maps client, origin, egress NAT, bytes, TLS, times, device and user")
    func tcpSession() throws {
        let output = try NormalizedOutput("""
            {"AccountID":"5d41402abc4b2a76b9719d911017c592","BytesReceived":48213,"BytesSent":1934,\
            "ClientTCPHandshakeDurationMs":9,"ClientTLSCipher":"TLS_AES_256_GCM_SHA384",\
            "ClientTLSHandshakeDurationMs":31,\
            "ClientTLSVersion":"TLS 1.3","ConnectionCloseReason":"ORIGIN_CLOSED","ConnectionReuse":false,\
            "DestinationTunnelID":"","DetectedProtocol":"HTTP","DeviceID":"e4d909c2-90d0-11ef-b2c1-0242ac120002",\
            "DeviceName":"build-agent-3","EgressColoName":"FRA","EgressIP":"198.51.100.77","EgressPort":61022,\
            "EgressRuleID":"7d793037-a076-4d1b-9f1b-6c2d0e5a4b3c","EgressRuleName":"Dedicated egress EU",\
            "Email":"ci@example.org","IngressColoName":"AMS","InitialOriginIP":"100.80.0.12","Offramp":"INTERNET",\
            "OriginIP":"203.0.113.80","OriginPort":443,"OriginTLSCertificateIssuer":"Example Issuing CA 1",\
            "OriginTLSCertificateValidationResult":"VALID","OriginTLSCipher":"ECDHE-RSA-AES128-GCM-SHA256",\
            "OriginTLSHandshakeDurationMs":44,"OriginTLSVersion":"TLS 1.2","Protocol":"TCP","RegistrationID":"",\
            "ResolvedFQDN":"api.example.com.","RuleEvaluationDurationMs":2,"SNI":"api.example.com",\
            "SessionEndTime":"2025-04-11T16:21:07.5Z","SessionID":"1954f0a2c000e0a1b2c3d4e5f6a7b8c9",\
            "SessionStartTime":"2025-04-11T16:20:05Z","SourceIP":"192.0.2.201","SourceInternalIP":"10.20.30.40",\
            "SourcePort":50712,"TenantID":"","UserID":"8c1d2e3f-4a5b-5c6d-9e7f-8a9b0c1d2e3f",\
            "VirtualNetworkID":"f1e2d3c4-b5a6-4978-8a9b-0c1d2e3f4a5b"}
            """)
        #expect(output.record == .cloudflare(.zeroTrustNetworkSessions))
        #expect(output.string("event.dataset") == "zero_trust_network_sessions")
        #expect(output.string("@timestamp")?.hasPrefix("2025-04-11T16:20:05") == true)
        #expect(output.string("event.start")?.hasPrefix("2025-04-11T16:20:05") == true)
        #expect(output.string("event.end")?.hasPrefix("2025-04-11T16:21:07.5") == true)
        #expect(output.strings("event.category") == ["network", "session"])
        #expect(output.strings("event.type") == ["connection"])
        #expect(output.string("event.id") == "1954f0a2c000e0a1b2c3d4e5f6a7b8c9")
        #expect(output.string("event.reason") == "ORIGIN_CLOSED")
        #expect(output.string("observer.type") == "proxy")
        #expect(output.string("cloud.account.id") == "5d41402abc4b2a76b9719d911017c592")
        #expect(output.string("source.ip") == "192.0.2.201")
        #expect(output.integer("source.port") == 50712)
        #expect(output.integer("source.bytes") == 1934)
        #expect(output.string("source.nat.ip") == "198.51.100.77")
        #expect(output.integer("source.nat.port") == 61022)
        #expect(output.string("destination.ip") == "203.0.113.80")
        #expect(output.integer("destination.port") == 443)
        #expect(output.integer("destination.bytes") == 48213)
        #expect(output.string("destination.domain") == "api.example.com")
        #expect(output.string("destination.registered_domain") == "example.com")
        #expect(output.string("network.transport") == "tcp")
        #expect(output.string("network.protocol") == "http")
        #expect(output.string("network.vlan.id") == "f1e2d3c4-b5a6-4978-8a9b-0c1d2e3f4a5b")
        #expect(output.string("tls.version") == "1.3")
        #expect(output.string("tls.version_protocol") == "tls")
        #expect(output.string("tls.cipher") == "TLS_AES_256_GCM_SHA384")
        #expect(output.string("tls.client.server_name") == "api.example.com")
        #expect(output.string("tls.server.issuer") == "Example Issuing CA 1")
        #expect(output.string("host.id") == "e4d909c2-90d0-11ef-b2c1-0242ac120002")
        #expect(output.string("device.id") == "e4d909c2-90d0-11ef-b2c1-0242ac120002")
        #expect(output.string("host.name") == "build-agent-3")
        #expect(output.string("user.email") == "ci@example.org")
        #expect(output.string("user.id") == "8c1d2e3f-4a5b-5c6d-9e7f-8a9b0c1d2e3f")
        #expect(output.string("rule.id") == "7d793037-a076-4d1b-9f1b-6c2d0e5a4b3c")
        #expect(output.string("rule.name") == "Dedicated egress EU")
        let relatedIPs = ["10.20.30.40", "100.80.0.12", "192.0.2.201", "198.51.100.77", "203.0.113.80"]
        #expect(output.strings("related.ip") == relatedIPs)
        let relatedHosts = ["api.example.com", "build-agent-3", "e4d909c2-90d0-11ef-b2c1-0242ac120002"]
        #expect(output.strings("related.hosts") == relatedHosts)
    }

    @Test("an ICMPv6 session uses the IANA transport name; unixnano times and the SNI as domain are read")
    func icmpSession() throws {
        let output = try NormalizedOutput("""
            {"AccountID":"5d41402abc4b2a76b9719d911017c592","BytesReceived":64,"BytesSent":64,"Offramp":"CFD_TUNNEL",\
            "OriginIP":"2001:db8:100::5","OriginPort":0,"Protocol":"ICMPV6","SNI":"",\
            "SessionEndTime":1744388405200000000,"SessionID":"1954f0a2c000e0a1b2c3d4e5f6a7b8d0",\
            "SessionStartTime":1744388405000000000,"SourceIP":"2001:db8:200::9","SourcePort":0}
            """)
        #expect(output.record == .cloudflare(.zeroTrustNetworkSessions))
        #expect(output.string("@timestamp")?.hasPrefix("2025-04-11T16:20:05") == true)
        #expect(output.string("event.end")?.hasPrefix("2025-04-11T16:20:05.2") == true)
        #expect(output.string("network.transport") == "ipv6-icmp")
        #expect(output.string("destination.ip") == "2001:db8:100::5")
        #expect(output.integer("destination.port") == 0)
        #expect(!output.has("destination.domain"))
        #expect(!output.has("tls"))
    }

    @Test("empty strings and invalid IPs write no ECS field")
    func emptyValues() throws {
        let output = try NormalizedOutput("""
            {"AccountID":"","BytesReceived":0,"BytesSent":0,"ClientTLSCipher":"","ClientTLSVersion":"",\
            "ConnectionCloseReason":"","DetectedProtocol":"","DeviceID":"","DeviceName":"","EgressIP":"n/a",\
            "EgressRuleID":"","EgressRuleName":"","Email":"","InitialOriginIP":"","OriginIP":"300.0.0.1",\
            "OriginTLSCertificateIssuer":"","Protocol":"","ResolvedFQDN":"","SNI":"","SessionEndTime":"",\
            "SessionID":"","SessionStartTime":"","SourceIP":"","SourceInternalIP":"bogus","UserID":"",\
            "VirtualNetworkID":""}
            """)
        #expect(output.record == .cloudflare(.zeroTrustNetworkSessions))
        #expect(!output.has("@timestamp"))
        #expect(!output.has("event.id"))
        #expect(!output.has("event.start"))
        #expect(!output.has("event.reason"))
        #expect(!output.has("source.ip"))
        #expect(!output.has("source.nat"))
        #expect(!output.has("destination.ip"))
        #expect(!output.has("destination.domain"))
        #expect(!output.has("network"))
        #expect(!output.has("tls"))
        #expect(!output.has("host"))
        #expect(!output.has("user"))
        #expect(!output.has("rule"))
        #expect(!output.has("related"))
        #expect(output.integer("source.bytes") == 0)
    }
}
