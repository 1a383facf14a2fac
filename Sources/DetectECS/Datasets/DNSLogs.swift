extension DatasetMapping {
    /// `dns_logs` (zone): one record per query answered by Cloudflare's authoritative DNS for the zone.
    ///
    /// Decisions where Sekoia and Elastic differ:
    /// - `QueryType` and `ResponseCode` are `dns.question.type` and `dns.response_code` as IANA names
    ///   (Sekoia; Elastic keeps the numbers in custom fields only).
    /// - `QueryName` loses its trailing root dot, case kept (Sekoia), and is split with the Public Suffix List.
    /// - The EDNS Client Subnet has no ECS field; it stays raw and goes to `related.ip` (Elastic).
    /// - `network.protocol` `dns` and `observer.type` `dns` (Sekoia's convention for DNS datasets); the data
    ///   center (`ColoCode`) is `observer.geo.name`.
    static let dnsLogs = DatasetMapping(
        name: "dns_logs",
        fields: [
            "ColoCode", "EDNSSubnet", "EDNSSubnetLength", "QueryName", "QueryType", "ResponseCached", "ResponseCode",
            "SourceIP", "Timestamp",
        ],
        markers: ["ResponseCode"],
        timestamp: ["Timestamp"],
        constants: [
            ("event.category", ["network"]),
            ("event.type", ["info"]),
            ("network.protocol", "dns"),
            ("observer.type", "dns"),
        ],
        rules: [
            map("QueryName", "dns.question.name", .domain),
            map("QueryType", "dns.question.type", .dnsType),
            map("ResponseCode", "dns.response_code", .dnsResponseCode),
            map("SourceIP", "source.ip", .ip),
            map("ColoCode", "observer.geo.name", .keyword),
        ],
        related: RelatedSources(ip: ["EDNSSubnet"])
    )
}
