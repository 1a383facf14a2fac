import DetectECS
import Testing

@Suite("warp_toggle_changes")
struct WARPToggleChangesTests {
    @Test("a toggle maps the device, host, user and account")
    func toggle() throws {
        let output = try NormalizedOutput("""
            {"AccountID":"11aa22bb33cc44dd55ee66ff77889900","AccountName":"Contoso Prod",\
            "DeviceID":"9a8b7c6d-5e4f-4a3b-8c2d-1e0f9a8b7c6d","DeviceRegistrationID":"reg-77f0",\
            "Hostname":"LAPTOP-J7K2","SerialNumber":"PF3XK9QZ","Timestamp":"2025-09-10T11:12:13Z","Toggled":false,\
            "UserEmail":"kim@contoso.example"}
            """)
        #expect(output.record == .cloudflare(.warpToggleChanges))
        #expect(output.string("event.dataset") == "warp_toggle_changes")
        #expect(output.instant("@timestamp") == EventTime.parse("2025-09-10T11:12:13Z")?.microsecondsSinceEpoch)
        #expect(output.strings("event.category") == ["configuration"])
        #expect(output.strings("event.type") == ["change"])
        #expect(output.string("event.action") == "warp-toggle-change")
        #expect(output.string("device.id") == "9a8b7c6d-5e4f-4a3b-8c2d-1e0f9a8b7c6d")
        #expect(output.string("device.serial_number") == "PF3XK9QZ")
        #expect(output.string("host.id") == "9a8b7c6d-5e4f-4a3b-8c2d-1e0f9a8b7c6d")
        #expect(output.string("host.name") == "LAPTOP-J7K2")
        #expect(output.string("user.email") == "kim@contoso.example")
        #expect(output.string("cloud.account.id") == "11aa22bb33cc44dd55ee66ff77889900")
        #expect(output.string("cloud.account.name") == "Contoso Prod")
        #expect(output.fields["cloudflare.Toggled"] as? Bool == false)
    }

    @Test("empty strings write no ECS field")
    func emptyValues() throws {
        let output = try NormalizedOutput("""
            {"AccountID":"","AccountName":"","DeviceID":"","Hostname":"","SerialNumber":"",\
            "Timestamp":"2025-09-10T11:12:13Z","Toggled":true,"UserEmail":""}
            """)
        #expect(output.record == .cloudflare(.warpToggleChanges))
        for field in ["device", "host", "user", "cloud", "related"] {
            #expect(!output.has(field), "\(field) should be absent")
        }
    }
}
