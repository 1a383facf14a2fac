extension DatasetMapping {
    /// `dns_firewall_logs` (account): one record per query that Cloudflare DNS Firewall (a caching proxy in
    /// front of the customer's nameservers) answered.
    ///
    /// Decisions (Sekoia has no format for this dataset; Elastic's choices are kept where ECS agrees):
    /// - `QueryType` and `ClientResponseCode` (what the client received) are `dns.question.type` and
    ///   `dns.response_code` as IANA names (Elastic); the upstream's own code stays raw.
    /// - `QueryTCP` gives `network.transport` `tcp`/`udp` (Elastic), and the `QueryRD`/`QueryDO` bits are ECS
    ///   `dns.header_flags` `RD`/`DO`.
    /// - `ResponseReason` says why the answer came out as it did: `event.reason`.
    /// - `QuerySize` is the query the client sent: `source.bytes`; the data center is `observer.geo.name`.
    /// - The EDNS Client Subnet and the upstream nameserver have no ECS field; they go to `related.ip`
    ///   (Elastic).
    static let dnsFirewallLogs = DatasetMapping(
        name: "dns_firewall_logs",
        fields: [
            "ClientResponseCode", "ClusterID", "ColoCode", "EDNSSubnet", "EDNSSubnetLength", "QueryDO", "QueryName",
            "QueryRD", "QuerySize", "QueryTCP", "QueryType", "ResponseCached", "ResponseCachedStale",
            "ResponseReason", "SourceIP", "Timestamp", "UpstreamIP", "UpstreamResponseCode",
            "UpstreamResponseTimeMs",
        ],
        markers: [
            "ClientResponseCode", "ClusterID", "QueryDO", "QueryRD", "QueryTCP", "ResponseCachedStale",
            "ResponseReason", "UpstreamIP", "UpstreamResponseCode", "UpstreamResponseTimeMs",
        ],
        timestamp: ["Timestamp"],
        constants: [
            ("event.category", ["network"]),
            ("event.type", ["info"]),
            ("network.protocol", "dns"),
            ("observer.type", "dns"),
        ],
        rules: [
            map("ResponseReason", "event.reason", .keyword),
            map("QueryName", "dns.question.name", .domain),
            map("QueryType", "dns.question.type", .dnsType),
            map("ClientResponseCode", "dns.response_code", .dnsResponseCode),
            append("QueryRD", "dns.header_flags", .lookup(.recursionDesiredFlag)),
            append("QueryDO", "dns.header_flags", .lookup(.dnssecOKFlag)),
            map("QueryTCP", "network.transport", .lookup(.tcpOrUDP)),
            map("SourceIP", "source.ip", .ip),
            map("QuerySize", "source.bytes", .long),
            map("ColoCode", "observer.geo.name", .keyword),
        ],
        related: RelatedSources(ip: ["EDNSSubnet", "UpstreamIP"])
    )
}

extension ValueTable {
    /// A "query made over TCP" flag → `network.transport`.
    static let tcpOrUDP = ValueTable(["true": "tcp", "false": "udp"])

    /// The Recursion Desired bit → its ECS `dns.header_flags` name.
    static let recursionDesiredFlag = ValueTable(["true": ["RD"]])

    /// The DNSSEC OK bit → its ECS `dns.header_flags` name.
    static let dnssecOKFlag = ValueTable(["true": ["DO"]])
}
