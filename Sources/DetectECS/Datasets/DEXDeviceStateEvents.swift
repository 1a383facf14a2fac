extension DatasetMapping {
    /// `dex_device_state_events`: Cloudflare's field reference, mapped to ECS.
    static let dexDeviceStateEvents = DatasetMapping(
        name: "dex_device_state_events",
        fields: [
            "AccountID", "AlwaysOn", "AppFirewallEnabled", "BatteryCharging", "BatteryCycles", "BatteryPercentage",
            "CPUPercentage", "CPUPercentageByApp", "ClientPlatform", "ClientVersion", "ConnectionType", "DeviceID",
            "DeviceIPv4Address", "DeviceIPv4Netmask", "DeviceIPv6Address", "DeviceIPv6Netmask",
            "DeviceRegistrationID", "DeviceRegistrationProfileID", "DiskReadBPS", "DiskUsagePercentage",
            "DiskWriteBPS", "DoHSubdomain", "ExperimentalExtra", "FirewallEnabled", "GatewayIPv4Address",
            "GatewayIPv4Netmask", "GatewayIPv6Address", "GatewayIPv6Netmask", "HandshakeLatencyMs", "ISPIPv4ASN",
            "ISPIPv4ASO", "ISPIPv4Address", "ISPIPv4City", "ISPIPv4CountryISO", "ISPIPv4Netmask", "ISPIPv4StateISO",
            "ISPIPv4Zip", "ISPIPv6ASN", "ISPIPv6ASO", "ISPIPv6Address", "ISPIPv6City", "ISPIPv6CountryISO",
            "ISPIPv6Netmask", "ISPIPv6StateISO", "ISPIPv6Zip", "Mode", "NetworkReceivedBPS", "NetworkSSID",
            "NetworkSentBPS", "RAMAvailableKB", "RAMUsedPercentage", "RAMUsedPercentageByApp", "Status",
            "SwitchLocked", "Timestamp", "TunnelStatsDownstream", "TunnelStatsUpstream", "TunnelType",
            "WarpColoCode", "WiFiStrengthDBM",
        ],
        timestamp: ["Timestamp"],
        constants: [
            ("event.category", ["network"]),
            ("event.type", ["info"]),
        ],
        rules: []
    )
}
