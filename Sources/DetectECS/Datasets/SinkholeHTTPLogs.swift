extension DatasetMapping {
    /// `sinkhole_http_logs` (account): one record per HTTP request captured by a Cloudflare sinkhole
    /// (a sinkholed malicious domain); the sender is usually an infected host.
    ///
    /// Decisions (Sekoia has no format for this dataset; Elastic's choices are kept where ECS agrees):
    /// - `event.category`/`event.type` `[network]`/`[info]` (Elastic).
    /// - `SrcAddr`/`DestAddr` are `source.ip`/`destination.ip`; `URL` is `url.original`, split into
    ///   `url.*` (rebuilt from `Host` and `URI` when `URL` was not exported).
    /// - `Host` (the request's Host header, the sinkholed domain) is `destination.domain`, not Elastic's
    ///   `host.name`: ECS `host.*` describes the machine the event happened on, here Cloudflare's sinkhole.
    /// - The request goes to `http.request.*` (`Body` → `body.content`, `BodyLength` → `body.bytes`),
    ///   `UserAgent` to `user_agent.original` (not parsed), `Username` to `user.name`.
    /// - The captured `Password` has no ECS field and is not copied anywhere beyond the raw record.
    static let sinkholeHTTPLogs = DatasetMapping(
        name: "sinkhole_http_logs",
        fields: [
            "AccountID", "Body", "BodyLength", "DestAddr", "Headers", "Host", "Method", "Password", "R2Path",
            "Referrer", "SinkholeID", "SrcAddr", "Timestamp", "URI", "URL", "UserAgent", "Username",
        ],
        markers: [
            "Body", "BodyLength", "DestAddr", "Method", "Password", "R2Path", "Referrer", "SinkholeID", "SrcAddr",
            "URI", "Username",
        ],
        timestamp: ["Timestamp"],
        constants: [
            ("event.category", ["network"]),
            ("event.type", ["info"]),
        ],
        rules: [
            map("AccountID", "cloud.account.id", .keyword),
            map("SrcAddr", "source.ip", .ip),
            map("DestAddr", "destination.ip", .ip),
            map("Host", "destination.domain", .domain),
            map("URL", "url.original", .keyword),
            map("Method", "http.request.method", .keyword),
            map("Referrer", "http.request.referrer", .keyword),
            map("Body", "http.request.body.content", .keyword),
            map("BodyLength", "http.request.body.bytes", .long),
            map("UserAgent", "user_agent.original", .keyword),
            map("Username", "user.name", .keyword),
        ],
        url: URLSource(host: "Host", uri: "URI")
    )
}
