extension DatasetMapping {
    /// `dlp_forensic_copies` (account): a copy of an HTTP request or response that a Gateway DLP rule
    /// captured.
    ///
    /// The rule is `rule.id` (as Elastic); added: the copy's ID → `event.id`, the Gateway request ID →
    /// `http.request.id` (it correlates with gateway_http `RequestID`), the account. Headers and the
    /// base64 payload stay custom.
    static let dlpForensicCopies = DatasetMapping(
        name: "dlp_forensic_copies",
        fields: [
            "AccountID", "Datetime", "ForensicCopyID", "GatewayRequestID", "Headers", "Payload", "Phase",
            "TriggeredRuleID",
        ],
        markers: ["ForensicCopyID", "GatewayRequestID", "Payload", "TriggeredRuleID"],
        timestamp: ["Datetime"],
        constants: [
            ("event.category", ["network"]),
            ("event.type", ["info"]),
        ],
        rules: [
            map("ForensicCopyID", "event.id", .keyword),
            map("TriggeredRuleID", "rule.id", .keyword),
            map("GatewayRequestID", "http.request.id", .keyword),
            map("AccountID", "cloud.account.id", .keyword),
        ]
    )
}
