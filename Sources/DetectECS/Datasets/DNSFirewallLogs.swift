extension DatasetMapping {
    /// `dns_firewall_logs`: Cloudflare's field reference, mapped to ECS.
    static let dnsFirewallLogs = DatasetMapping(
        name: "dns_firewall_logs",
        fields: [
            "ClientResponseCode", "ClusterID", "ColoCode", "EDNSSubnet", "EDNSSubnetLength", "QueryDO", "QueryName",
            "QueryRD", "QuerySize", "QueryTCP", "QueryType", "ResponseCached", "ResponseCachedStale",
            "ResponseReason", "SourceIP", "Timestamp", "UpstreamIP", "UpstreamResponseCode",
            "UpstreamResponseTimeMs",
        ],
        timestamp: ["Timestamp"],
        constants: [
            ("event.category", ["network"]),
            ("event.type", ["info"]),
        ],
        rules: []
    )
}
