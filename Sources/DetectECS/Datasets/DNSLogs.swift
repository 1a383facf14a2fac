extension DatasetMapping {
    /// `dns_logs`: Cloudflare's field reference, mapped to ECS.
    static let dnsLogs = DatasetMapping(
        name: "dns_logs",
        fields: [
            "ColoCode", "EDNSSubnet", "EDNSSubnetLength", "QueryName", "QueryType", "ResponseCached", "ResponseCode",
            "SourceIP", "Timestamp",
        ],
        timestamp: ["Timestamp"],
        constants: [
            ("event.category", ["network"]),
            ("event.type", ["info"]),
        ],
        rules: []
    )
}
