extension DatasetMapping {
    /// `sinkhole_http_logs`: Cloudflare's field reference, mapped to ECS.
    static let sinkholeHTTPLogs = DatasetMapping(
        name: "sinkhole_http_logs",
        fields: [
            "AccountID", "Body", "BodyLength", "DestAddr", "Headers", "Host", "Method", "Password", "R2Path",
            "Referrer", "SinkholeID", "SrcAddr", "Timestamp", "URI", "URL", "UserAgent", "Username",
        ],
        timestamp: ["Timestamp"],
        constants: [
            ("event.category", ["network"]),
            ("event.type", ["info"]),
        ],
        rules: []
    )
}
