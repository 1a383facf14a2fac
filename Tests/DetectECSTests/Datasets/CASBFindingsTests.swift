import DetectECS
import Testing

@Suite("casb_findings")
struct CASBFindingsTests {
    @Test("a finding is a configuration event with severity, finding type as rule and asset URL")
    func publicFile() throws {
        let output = try NormalizedOutput("""
            {"AssetDisplayName":"Payroll 2025.xlsx","AssetExternalID":"1AbCdEfGhIjKlMnOpQrStUvWxYz",\
            "AssetLink":"https://drive.example.com/file/d/1AbCdEfGhIjKlMnOpQrStUvWxYz/view?usp=sharing",\
            "AssetMetadata":{"owners":[{"emailAddress":"hr@example.org"}],"shared":true,"mimeType":"application/xlsx"},\
            "DetectedTimestamp":"1748736000000000000","FindingTypeDisplayName":"Google Drive File Publicly Accessible",\
            "FindingTypeID":"f0e1d2c3-b4a5-4968-8776-a5b4c3d2e1f0","FindingTypeSeverity":"High",\
            "InstanceID":"3c4d5e6f-7a8b-4c9d-0e1f-2a3b4c5d6e7f","IntegrationDisplayName":"Workspace (HR)",\
            "IntegrationID":"9a8b7c6d-5e4f-4a3b-2c1d-0e9f8a7b6c5d",\
            "IntegrationPolicyVendor":"Google Workspace Standard Policy"}
            """)
        #expect(output.record == .cloudflare(.casbFindings))
        #expect(output.string("event.dataset") == "casb_findings")
        #expect(output.string("@timestamp")?.hasPrefix("2025-06-01T00:00:00") == true)
        #expect(output.strings("event.category") == ["configuration"])
        #expect(output.strings("event.type") == ["info"])
        #expect(output.integer("event.severity") == 3)
        #expect(output.string("event.id") == "3c4d5e6f-7a8b-4c9d-0e1f-2a3b4c5d6e7f")
        #expect(output.string("rule.id") == "f0e1d2c3-b4a5-4968-8776-a5b4c3d2e1f0")
        #expect(output.string("rule.uuid") == "f0e1d2c3-b4a5-4968-8776-a5b4c3d2e1f0")
        #expect(output.string("rule.name") == "Google Drive File Publicly Accessible")
        #expect(output.string("rule.ruleset") == "Google Workspace Standard Policy")
        #expect(output.string("url.domain") == "drive.example.com")
        #expect(output.string("url.path") == "/file/d/1AbCdEfGhIjKlMnOpQrStUvWxYz/view")
        #expect(output.string("url.query") == "usp=sharing")
        #expect(output.string("url.scheme") == "https")
        #expect(output.strings("related.hosts") == ["drive.example.com"])
        #expect(output.string("cloudflare.AssetDisplayName") == "Payroll 2025.xlsx")
    }

    @Test("each severity has its number; a finding without a link has no URL")
    func severities() throws {
        for (severity, number) in [("Low", 1), ("Medium", 2), ("High", 3), ("Critical", 4)] {
            let output = try NormalizedOutput("""
                {"AssetDisplayName":"svc-backup","AssetExternalID":"00u1a2b3c4","AssetLink":"",\
                "DetectedTimestamp":"2025-06-01T00:00:00Z","FindingTypeDisplayName":"User without MFA",\
                "FindingTypeID":"11111111-2222-4333-8444-555555555555","FindingTypeSeverity":"\(severity)",\
                "InstanceID":"66666666-7777-4888-9999-000000000000","IntegrationDisplayName":"Okta",\
                "IntegrationID":"12345678-90ab-4cde-8f01-234567890abc","IntegrationPolicyVendor":"Okta Standard Policy"}
                """)
            #expect(output.record == .cloudflare(.casbFindings))
            #expect(output.integer("event.severity") == number)
            #expect(!output.has("url"))
        }
    }

    @Test("empty strings and unknown severities write no ECS field")
    func emptyValues() throws {
        let output = try NormalizedOutput("""
            {"AssetDisplayName":"","AssetExternalID":"","AssetLink":"","AssetMetadata":{},"DetectedTimestamp":"",\
            "FindingTypeDisplayName":"","FindingTypeID":"","FindingTypeSeverity":"Informational","InstanceID":"",\
            "IntegrationDisplayName":"","IntegrationID":"","IntegrationPolicyVendor":""}
            """)
        #expect(output.record == .cloudflare(.casbFindings))
        #expect(!output.has("@timestamp"))
        #expect(!output.has("event.severity"))
        #expect(!output.has("event.id"))
        #expect(!output.has("rule"))
        #expect(!output.has("url"))
        #expect(!output.has("related"))
    }
}
