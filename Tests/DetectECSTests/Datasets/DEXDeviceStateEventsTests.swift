import DetectECS
import Testing

@Suite("dex_device_state_events")
struct DEXDeviceStateEventsTests {
    static let connected = """
        {"AccountID":"0f1e2d3c4b5a69788796a5b4c3d2e1f0","AlwaysOn":true,"AppFirewallEnabled":false,\
        "BatteryCharging":false,"BatteryCycles":211,"BatteryPercentage":0.64,"CPUPercentage":0.37,\
        "CPUPercentageByApp":[{"name":"chrome","percentage":0.21}],"ClientPlatform":"mac",\
        "ClientVersion":"2025.2.600.0","ConnectionType":"wifi","DeviceID":"5e4d3c2b-1a09-4876-9543-210fedcba987",\
        "DeviceIPv4Address":"10.20.30.41","DeviceIPv4Netmask":"255.255.255.0","DeviceIPv6Address":"fd00:20::41",\
        "DeviceIPv6Netmask":"ffff:ffff:ffff:ffff::","DeviceRegistrationID":"r-123","DiskReadBPS":2048,\
        "DiskUsagePercentage":0.71,"DiskWriteBPS":1024,"DoHSubdomain":"a1b2c3","FirewallEnabled":true,\
        "GatewayIPv4Address":"10.20.30.1","GatewayIPv4Netmask":"255.255.255.0","GatewayIPv6Address":"",\
        "HandshakeLatencyMs":19,"ISPIPv4ASN":64497,"ISPIPv4ASO":"Example Broadband","ISPIPv4Address":"198.51.100.61",\
        "ISPIPv4City":"Lyon","ISPIPv4CountryISO":"FR","ISPIPv4StateISO":"FR-ARA","ISPIPv4Zip":"69001",\
        "ISPIPv6ASN":64497,"ISPIPv6Address":"2001:db8:61::1","Mode":"warp+doh","NetworkReceivedBPS":90000,\
        "NetworkSSID":"Office-5G","NetworkSentBPS":12000,"RAMAvailableKB":8388608,"RAMUsedPercentage":0.58,\
        "Status":"connected","SwitchLocked":true,"Timestamp":"2025-06-01T12:00:00Z",\
        "TunnelStatsUpstream":{"rttUs":18000,"packetsSent":1200},"TunnelType":"masque","WarpColoCode":"LYS",\
        "WiFiStrengthDBM":-61}
        """

    @Test("a device state maps the host, its addresses, CPU, the public addresses with geo, and the SSID")
    func connected() throws {
        let output = try NormalizedOutput(Self.connected)
        #expect(output.record == .cloudflare(.dexDeviceStateEvents))
        #expect(output.string("event.dataset") == "dex_device_state_events")
        #expect(output.instant("@timestamp") == EventTime.parse("2025-06-01T12:00:00Z")?.microsecondsSinceEpoch)
        #expect(output.strings("event.category") == ["host"])
        #expect(output.strings("event.type") == ["info"])
        #expect(output.string("host.id") == "5e4d3c2b-1a09-4876-9543-210fedcba987")
        #expect(output.string("device.id") == "5e4d3c2b-1a09-4876-9543-210fedcba987")
        #expect(output.strings("host.ip") == ["10.20.30.41", "fd00:20::41"])
        #expect(output.double("host.cpu.usage") == 0.37)
        #expect(output.string("host.os.name") == "mac")
        #expect(output.string("host.os.type") == "macos")
        #expect(output.strings("source.ip") == ["198.51.100.61", "2001:db8:61::1"])
        #expect(output.integer("source.as.number") == 64497)
        #expect(output.string("source.geo.city_name") == "Lyon")
        #expect(output.string("source.geo.region_iso_code") == "FR-ARA")
        #expect(output.string("network.name") == "Office-5G")
        #expect(output.string("user_agent.version") == "2025.2.600.0")
        #expect(output.string("observer.geo.name") == "LYS")
        #expect(output.string("cloud.account.id") == "0f1e2d3c4b5a69788796a5b4c3d2e1f0")
        #expect(
            output.strings("related.ip") == [
                "10.20.30.1", "10.20.30.41", "198.51.100.61", "2001:db8:61::1", "fd00:20::41",
            ]
        )
        #expect(output.strings("related.hosts") == ["5e4d3c2b-1a09-4876-9543-210fedcba987"])
    }

    @Test("one address of a pair still gives a list")
    func singleAddresses() throws {
        let output = try NormalizedOutput("""
            {"DeviceID":"d-2","ClientPlatform":"android","CPUPercentage":0.05,"DeviceIPv4Address":"10.0.0.8",\
            "ISPIPv6Address":"2001:db8:99::8","RAMUsedPercentage":0.4,"Status":"paused","Timestamp":1748779200,\
            "WarpColoCode":"none","SwitchLocked":false}
            """)
        #expect(output.record == .cloudflare(.dexDeviceStateEvents))
        #expect(output.strings("host.ip") == ["10.0.0.8"])
        #expect(output.strings("source.ip") == ["2001:db8:99::8"])
        #expect(output.string("host.os.type") == "android")
        #expect(output.instant("@timestamp") == EventTime.parse("2025-06-01T12:00:00Z")?.microsecondsSinceEpoch)
    }

    @Test("empty strings and invalid IPs write no ECS field")
    func emptyValues() throws {
        let output = try NormalizedOutput("""
            {"AccountID":"","ClientPlatform":"","ClientVersion":"","DeviceID":"","DeviceIPv4Address":"10.0.0",\
            "DeviceIPv6Address":"","GatewayIPv4Address":"gateway","ISPIPv4Address":"","ISPIPv6Address":"::ffff:zz",\
            "ISPIPv4City":"","NetworkSSID":"","CPUPercentage":0.1,"RAMUsedPercentage":0.2,"Status":"connected",\
            "Timestamp":"2025-06-01T12:00:00Z","WarpColoCode":""}
            """)
        #expect(output.record == .cloudflare(.dexDeviceStateEvents))
        for field in [
            "host.ip", "host.id", "host.os", "source", "device", "network", "user_agent", "cloud", "observer.geo",
            "related",
        ] {
            #expect(!output.has(field), "\(field) should be absent")
        }
        #expect(output.double("host.cpu.usage") == 0.1)
    }
}
