import DetectECS
import Testing

@Suite("device_posture_results")
struct DevicePostureResultsTests {
    @Test("a failed check on a Mac maps the device, the host OS, the check as rule and a failure outcome")
    func failedCheck() throws {
        let output = try NormalizedOutput("""
            {"ClientVersion":"2025.1.861.0","DeviceID":"b6c7d8e9-0f1a-11f0-9c2b-3d4e5f6a7b8c",\
            "DeviceManufacturer":"Apple Inc.","DeviceModel":"MacBookAir10,1","DeviceName":"alice-mba",\
            "DeviceSerialNumber":"FVFXK2ABQ6L4","DeviceType":"mac","Email":"alice@example.org","OSVersion":"14.7.2",\
            "PolicyID":"c0ffee00-1234-4abc-9def-001122334455","PostureCheckName":"Disk encryption",\
            "PostureCheckType":"disk_encryption","PostureEvaluatedResult":false,\
            "PostureExpectedJSON":{"requireAll":true},"PostureReceivedJSON":{"encrypted":false},\
            "RegistrationID":"aa11bb22-cc33-4d44-8e55-ff6600778899","Timestamp":"2025-05-20T07:15:42Z",\
            "UserUID":"3e4f5a6b-7c8d-5e9f-a0b1-c2d3e4f5a6b7"}
            """)
        #expect(output.record == .cloudflare(.devicePostureResults))
        #expect(output.string("event.dataset") == "device_posture_results")
        #expect(output.string("@timestamp")?.hasPrefix("2025-05-20T07:15:42") == true)
        #expect(output.strings("event.category") == ["host"])
        #expect(output.strings("event.type") == ["info"])
        #expect(output.string("event.outcome") == "failure")
        #expect(output.string("device.id") == "b6c7d8e9-0f1a-11f0-9c2b-3d4e5f6a7b8c")
        #expect(output.string("device.manufacturer") == "Apple Inc.")
        #expect(output.string("device.model.name") == "MacBookAir10,1")
        #expect(output.string("device.serial_number") == "FVFXK2ABQ6L4")
        #expect(output.string("host.id") == "b6c7d8e9-0f1a-11f0-9c2b-3d4e5f6a7b8c")
        #expect(output.string("host.name") == "alice-mba")
        #expect(output.string("host.os.type") == "macos")
        #expect(output.string("host.os.version") == "14.7.2")
        #expect(output.string("user.email") == "alice@example.org")
        #expect(output.string("user.id") == "3e4f5a6b-7c8d-5e9f-a0b1-c2d3e4f5a6b7")
        #expect(output.string("rule.id") == "c0ffee00-1234-4abc-9def-001122334455")
        #expect(output.string("rule.name") == "Disk encryption")
        #expect(output.string("rule.category") == "disk_encryption")
        #expect(output.string("user_agent.version") == "2025.1.861.0")
        #expect(output.strings("related.hosts") == ["alice-mba", "b6c7d8e9-0f1a-11f0-9c2b-3d4e5f6a7b8c"])
        #expect(output.strings("related.user") == ["3e4f5a6b-7c8d-5e9f-a0b1-c2d3e4f5a6b7", "alice@example.org"])
    }

    @Test("a passed check on Windows is a success; a unix-seconds time is read")
    func passedCheck() throws {
        let output = try NormalizedOutput("""
            {"ClientVersion":"2024.12.554.0","DeviceID":"d1e2f3a4-b5c6-11ef-8d7e-9f0a1b2c3d4e",\
            "DeviceName":"LAPTOP-7Q2W",\
            "DeviceType":"windows","Email":"bob@example.org","OSVersion":"10.0.22631","PolicyID":"firewall-check-01",\
            "PostureCheckName":"Firewall on","PostureCheckType":"firewall","PostureEvaluatedResult":true,\
            "Timestamp":1747725342,"UserUID":"9a8b7c6d-5e4f-5a3b-9c1d-0e9f8a7b6c5d"}
            """)
        #expect(output.record == .cloudflare(.devicePostureResults))
        #expect(output.string("@timestamp")?.hasPrefix("2025-05-20T07:15:42") == true)
        #expect(output.string("event.outcome") == "success")
        #expect(output.string("host.os.type") == "windows")
    }

    @Test("empty strings and unknown platforms write no ECS field")
    func emptyValues() throws {
        let output = try NormalizedOutput("""
            {"ClientVersion":"","DeviceID":"","DeviceManufacturer":"","DeviceModel":"","DeviceName":"",\
            "DeviceSerialNumber":"","DeviceType":"plan9","Email":"","OSVersion":"","PolicyID":"",\
            "PostureCheckName":"","PostureCheckType":"","PostureEvaluatedResult":null,"PostureExpectedJSON":{},\
            "PostureReceivedJSON":{},"RegistrationID":"","Timestamp":"","UserUID":""}
            """)
        #expect(output.record == .cloudflare(.devicePostureResults))
        #expect(!output.has("@timestamp"))
        #expect(!output.has("event.outcome"))
        #expect(!output.has("device"))
        #expect(!output.has("host.os.type"))
        #expect(!output.has("host.name"))
        #expect(!output.has("user"))
        #expect(!output.has("rule"))
        #expect(!output.has("user_agent"))
        #expect(!output.has("related"))
    }
}
