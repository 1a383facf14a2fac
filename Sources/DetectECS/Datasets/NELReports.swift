extension DatasetMapping {
    /// `nel_reports`: Cloudflare's field reference, mapped to ECS.
    static let nelReports = DatasetMapping(
        name: "nel_reports",
        fields: [
            "ClientIPASN", "ClientIPASNDescription", "ClientIPCountry", "LastKnownGoodColoCode", "Phase",
            "Timestamp", "Type",
        ],
        timestamp: ["Timestamp"],
        constants: [
            ("event.category", ["network"]),
            ("event.type", ["info"]),
        ],
        rules: []
    )
}
