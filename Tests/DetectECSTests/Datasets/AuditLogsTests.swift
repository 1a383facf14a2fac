import DetectECS
import Testing

@Suite("audit_logs")
struct AuditLogsTests {
    @Test("a successful change is a configuration change with actor, account, provider and outcome")
    func tokenCreated() throws {
        let output = try NormalizedOutput("""
            {"ActionResult":true,"ActionType":"token_create","ActorEmail":"ops@example.org",\
            "ActorID":"4c2e9f1a7b3d4e5f8a9b0c1d2e3f4a5b","ActorIP":"::ffff:192.0.2.44","ActorType":"user",\
            "ID":"d3b07384-d113-4ec6-a2b1-7c9e5f3a8b21","Interface":"API",\
            "Metadata":{"token_name":"ci-deploy","token_tag":"9e107d9d372bb6826bd81d3542a419d6"},\
            "NewValue":{"name":"ci-deploy","status":"active"},"OldValue":null,\
            "OwnerID":"0f1e2d3c4b5a69788796a5b4c3d2e1f0","ResourceID":"9e107d9d372bb6826bd81d3542a419d6",\
            "ResourceType":"account.token","When":"2025-02-03T11:45:00Z"}
            """)
        #expect(output.record == .cloudflare(.auditLogs))
        #expect(output.string("event.dataset") == "audit_logs")
        #expect(output.string("@timestamp")?.hasPrefix("2025-02-03T11:45:00") == true)
        #expect(output.string("event.action") == "token_create")
        #expect(output.strings("event.category") == ["configuration"])
        #expect(output.strings("event.type") == ["change"])
        #expect(output.string("event.outcome") == "success")
        #expect(output.string("event.id") == "d3b07384-d113-4ec6-a2b1-7c9e5f3a8b21")
        #expect(output.string("event.provider") == "API")
        #expect(output.string("cloud.account.id") == "0f1e2d3c4b5a69788796a5b4c3d2e1f0")
        #expect(output.string("source.ip") == "192.0.2.44")
        #expect(output.string("user.email") == "ops@example.org")
        #expect(output.string("user.id") == "4c2e9f1a7b3d4e5f8a9b0c1d2e3f4a5b")
        #expect(output.strings("related.ip") == ["192.0.2.44"])
        #expect(output.strings("related.user") == ["4c2e9f1a7b3d4e5f8a9b0c1d2e3f4a5b", "ops@example.org"])
        #expect(!output.has("observer.type"))
        #expect(output.string("cloudflare.Metadata.token_name") == "ci-deploy")
    }

    @Test("a failed delete is a deletion with a failure outcome; unix seconds are read")
    func failedDelete() throws {
        let output = try NormalizedOutput("""
            {"ActionResult":false,"ActionType":"delete","ActorEmail":"intern@example.org","ActorID":"77aa88bb99cc",\
            "ActorIP":"2001:db8::a1","ActorType":"user","ID":"6f1c2d3e-4a5b-4c6d-8e7f-901a2b3c4d5e","Interface":"UI",\
            "Metadata":{},"NewValue":{},"OldValue":{"name":"www"},"OwnerID":"0f1e2d3c4b5a69788796a5b4c3d2e1f0",\
            "ResourceID":"372bb6826bd81d35","ResourceType":"DNS_record","When":1738583100}
            """)
        #expect(output.record == .cloudflare(.auditLogs))
        #expect(output.string("@timestamp")?.hasPrefix("2025-02-03T11:45:00") == true)
        #expect(output.strings("event.type") == ["deletion"])
        #expect(output.string("event.outcome") == "failure")
        #expect(output.string("source.ip") == "2001:db8::a1")
    }

    @Test("a dashboard login is an authentication start")
    func login() throws {
        let output = try NormalizedOutput("""
            {"ActionResult":true,"ActionType":"login","ActorEmail":"ops@example.org","ActorID":"4c2e9f1a7b3d",\
            "ActorIP":"198.51.100.200","ActorType":"user","ID":"0a9b8c7d-6e5f-4a3b-2c1d-0e9f8a7b6c5d",\
            "Interface":"UI","OwnerID":"4c2e9f1a7b3d","ResourceType":"user","When":"2025-02-03T11:45:00Z"}
            """)
        #expect(output.record == .cloudflare(.auditLogs))
        #expect(output.strings("event.category") == ["authentication"])
        #expect(output.strings("event.type") == ["start"])
    }

    @Test("empty strings and invalid IPs write no ECS field")
    func emptyValues() throws {
        let output = try NormalizedOutput("""
            {"ActionResult":null,"ActionType":"","ActorEmail":"","ActorID":"","ActorIP":"999.1.1.1","ActorType":"",\
            "ID":"","Interface":"","Metadata":{},"NewValue":{},"OldValue":{},"OwnerID":"","ResourceID":"",\
            "ResourceType":"","When":""}
            """)
        #expect(output.record == .cloudflare(.auditLogs))
        #expect(!output.has("@timestamp"))
        #expect(!output.has("event.action"))
        #expect(!output.has("event.outcome"))
        #expect(!output.has("event.id"))
        #expect(!output.has("event.provider"))
        #expect(!output.has("cloud"))
        #expect(!output.has("source"))
        #expect(!output.has("user"))
        #expect(!output.has("related"))
        #expect(output.strings("event.type") == ["change"])
    }
}
