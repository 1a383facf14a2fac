import DetectECS
import Testing

@Suite("warp_config_changes")
struct WARPConfigChangesTests {
    @Test("a configuration switch maps the device, host, user and the account switched to")
    func configSwitch() throws {
        let output = try NormalizedOutput("""
            {"AccountIDFrom":"11aa22bb33cc44dd55ee66ff77889900","AccountIDTo":"99887766ff55ee44dd33cc22bb11aa00",\
            "AccountNameFrom":"Contoso Prod","AccountNameTo":"Contoso Lab","ConfigNameFrom":"Corporate",\
            "ConfigNameTo":"Lab access","DeviceID":"9a8b7c6d-5e4f-4a3b-8c2d-1e0f9a8b7c6d",\
            "DeviceRegistrationID":"reg-77f0","Hostname":"LAPTOP-J7K2","SerialNumber":"PF3XK9QZ",\
            "Timestamp":"2025-09-10T11:12:13Z","UserEmail":"kim@contoso.example"}
            """)
        #expect(output.record == .cloudflare(.warpConfigChanges))
        #expect(output.string("event.dataset") == "warp_config_changes")
        #expect(output.instant("@timestamp") == EventTime.parse("2025-09-10T11:12:13Z")?.microsecondsSinceEpoch)
        #expect(output.strings("event.category") == ["configuration"])
        #expect(output.strings("event.type") == ["change"])
        #expect(output.string("event.action") == "warp-config-change")
        #expect(output.string("device.id") == "9a8b7c6d-5e4f-4a3b-8c2d-1e0f9a8b7c6d")
        #expect(output.string("device.serial_number") == "PF3XK9QZ")
        #expect(output.string("host.id") == "9a8b7c6d-5e4f-4a3b-8c2d-1e0f9a8b7c6d")
        #expect(output.string("host.hostname") == "LAPTOP-J7K2")
        #expect(output.string("host.name") == "LAPTOP-J7K2")
        #expect(output.string("user.email") == "kim@contoso.example")
        #expect(output.string("cloud.account.id") == "99887766ff55ee44dd33cc22bb11aa00")
        #expect(output.string("cloud.account.name") == "Contoso Lab")
        #expect(output.strings("related.user") == ["kim@contoso.example"])
        #expect(output.strings("related.hosts") == ["9a8b7c6d-5e4f-4a3b-8c2d-1e0f9a8b7c6d", "LAPTOP-J7K2"].sorted())
    }

    @Test("empty strings write no ECS field")
    func emptyValues() throws {
        let output = try NormalizedOutput("""
            {"AccountIDFrom":"","AccountIDTo":"","AccountNameFrom":"","AccountNameTo":"","ConfigNameFrom":"Default",\
            "ConfigNameTo":"Default","DeviceID":"","Hostname":"","SerialNumber":"","Timestamp":1757502733,\
            "UserEmail":""}
            """)
        #expect(output.record == .cloudflare(.warpConfigChanges))
        for field in ["device", "host", "user", "cloud", "related"] {
            #expect(!output.has(field), "\(field) should be absent")
        }
        #expect(output.instant("@timestamp") == EventTime.parse("2025-09-10T11:12:13Z")?.microsecondsSinceEpoch)
    }
}
