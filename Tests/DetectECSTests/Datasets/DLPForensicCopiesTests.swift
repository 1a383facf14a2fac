import DetectECS
import Testing

@Suite("dlp_forensic_copies")
struct DLPForensicCopiesTests {
    @Test("a forensic copy maps its ID, the triggering rule, the Gateway request and the account")
    func forensicCopy() throws {
        let output = try NormalizedOutput("""
            {"AccountID":"0f1e2d3c4b5a69788796a5b4c3d2e1f0","Datetime":"2025-07-08T09:10:11Z",\
            "ForensicCopyID":"fc-2b9e7a41-3c5d-4e6f-8a9b-0c1d2e3f4a5b",\
            "GatewayRequestID":"1f2e3d4c5b6a79880000000000000000",\
            "Headers":{"Content-Type":"application/json","Host":"files.example.com"},\
            "Payload":"eyJjYXJkIjoiNDExMSAxMTExIDExMTEgMTExMSJ9","Phase":"request",\
            "TriggeredRuleID":"8c1a2b3c-4d5e-6f70-8192-a3b4c5d6e7f8"}
            """)
        #expect(output.record == .cloudflare(.dlpForensicCopies))
        #expect(output.string("event.dataset") == "dlp_forensic_copies")
        #expect(output.instant("@timestamp") == EventTime.parse("2025-07-08T09:10:11Z")?.microsecondsSinceEpoch)
        #expect(output.string("event.kind") == "event")
        #expect(output.strings("event.category") == ["network"])
        #expect(output.strings("event.type") == ["info"])
        #expect(output.string("event.id") == "fc-2b9e7a41-3c5d-4e6f-8a9b-0c1d2e3f4a5b")
        #expect(output.string("rule.id") == "8c1a2b3c-4d5e-6f70-8192-a3b4c5d6e7f8")
        #expect(output.string("http.request.id") == "1f2e3d4c5b6a79880000000000000000")
        #expect(output.string("cloud.account.id") == "0f1e2d3c4b5a69788796a5b4c3d2e1f0")
        #expect(output.string("cloudflare.Headers.Host") == "files.example.com")
        #expect(output.string("cloudflare.Phase") == "request")
    }

    @Test("empty strings write no ECS field")
    func emptyValues() throws {
        let output = try NormalizedOutput("""
            {"AccountID":"","Datetime":"2025-07-08T09:10:11Z","ForensicCopyID":"","GatewayRequestID":"",\
            "Headers":{},"Payload":"","Phase":"response","TriggeredRuleID":""}
            """)
        #expect(output.record == .cloudflare(.dlpForensicCopies))
        for field in ["event.id", "rule", "http", "cloud"] {
            #expect(!output.has(field), "\(field) should be absent")
        }
    }
}
