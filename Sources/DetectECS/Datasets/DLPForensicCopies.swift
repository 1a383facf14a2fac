extension DatasetMapping {
    /// `dlp_forensic_copies`: Cloudflare's field reference, mapped to ECS.
    static let dlpForensicCopies = DatasetMapping(
        name: "dlp_forensic_copies",
        fields: [
            "AccountID", "Datetime", "ForensicCopyID", "GatewayRequestID", "Headers", "Payload", "Phase",
            "TriggeredRuleID",
        ],
        timestamp: ["Datetime"],
        constants: [
            ("event.category", ["network"]),
            ("event.type", ["info"]),
        ],
        rules: []
    )
}
