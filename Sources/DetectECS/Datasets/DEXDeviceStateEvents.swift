extension DatasetMapping {
    /// `dex_device_state_events` (account): periodic state of a device running WARP (connectivity,
    /// addresses, CPU, memory, disk, battery, tunnel statistics).
    ///
    /// As Elastic: the device → `host`/`device`, its private addresses → `host.ip` (IPv4 and IPv6 as one
    /// list), its public ISP addresses and their Cloudflare-provided geo/AS → `source.*` (a list too),
    /// `CPUPercentage` (0–1) → `host.cpu.usage`, the WARP version → `user_agent.version`, the router's
    /// addresses → `related.ip`. Added: the Wi-Fi SSID → `network.name`, the data center as observer.
    /// Other measurements (battery, RAM, disk, throughput) have no ECS field and stay custom.
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
        markers: [
            "CPUPercentage", "RAMUsedPercentage", "RAMAvailableKB", "BatteryPercentage", "DiskUsagePercentage",
            "DeviceIPv4Address", "GatewayIPv4Address", "ISPIPv4Address", "NetworkSSID", "SwitchLocked", "AlwaysOn",
            "WarpColoCode", "TunnelStatsUpstream", "HandshakeLatencyMs",
        ],
        timestamp: ["Timestamp"],
        constants: [
            ("event.category", ["host"]),
            ("event.type", ["info"]),
        ],
        rules: [
            map("AccountID", "cloud.account.id", .keyword),
            map("WarpColoCode", "observer.geo.name", .keyword),
            map("DeviceID", "device.id", .keyword),
            map("DeviceID", "host.id", .keyword),
            map("ClientPlatform", "host.os.name", .keyword),
            map("ClientPlatform", "host.os.type", .lookup(.warpClientOSType)),
            map("ClientVersion", "user_agent.version", .keyword),
            append("DeviceIPv4Address", "host.ip", .ip),
            append("DeviceIPv6Address", "host.ip", .ip),
            map("CPUPercentage", "host.cpu.usage", .number),
            append("ISPIPv4Address", "source.ip", .ip),
            append("ISPIPv6Address", "source.ip", .ip),
            map("ISPIPv4ASN", "source.as.number", .long),
            fallback("ISPIPv6ASN", "source.as.number", .long),
            map("ISPIPv4ASO", "source.as.organization.name", .keyword),
            fallback("ISPIPv6ASO", "source.as.organization.name", .keyword),
            map("ISPIPv4City", "source.geo.city_name", .keyword),
            fallback("ISPIPv6City", "source.geo.city_name", .keyword),
            map("ISPIPv4CountryISO", "source.geo.country_iso_code", .keyword),
            fallback("ISPIPv6CountryISO", "source.geo.country_iso_code", .keyword),
            map("ISPIPv4StateISO", "source.geo.region_iso_code", .keyword),
            fallback("ISPIPv6StateISO", "source.geo.region_iso_code", .keyword),
            map("ISPIPv4Zip", "source.geo.postal_code", .keyword),
            fallback("ISPIPv6Zip", "source.geo.postal_code", .keyword),
            map("NetworkSSID", "network.name", .keyword),
        ],
        related: RelatedSources(ip: ["GatewayIPv4Address", "GatewayIPv6Address"], hosts: ["DeviceID"])
    )
}
