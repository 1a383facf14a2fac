extension DatasetMapping {
    /// `casb_findings` (account): one record per security-posture finding that Cloudflare CASB raised on an
    /// asset of an integrated SaaS application (a file shared publicly, a user without 2FA, …).
    ///
    /// Decisions (Sekoia has no format for this dataset):
    /// - `event.category`/`event.type` are `[configuration]`/`[info]`, as ECS (and Elastic's own posture
    ///   findings) describe a misconfiguration found by a scan; Elastic's `[network]`/`[access]` describe
    ///   traffic, and a CASB finding comes from API scans, not traffic.
    /// - `FindingTypeSeverity` is `event.severity` as a number (Low 1, Medium 2, High 3, Critical 4; Elastic).
    /// - The finding type is the rule that fired: `FindingTypeID` → `rule.uuid`/`rule.id`,
    ///   `FindingTypeDisplayName` → `rule.name`; the integration's policy is `rule.ruleset`.
    /// - `InstanceID` (the finding) is `event.id`; `AssetLink` is `url.original`, split into `url.*`.
    static let casbFindings = DatasetMapping(
        name: "casb_findings",
        fields: [
            "AssetDisplayName", "AssetExternalID", "AssetLink", "AssetMetadata", "DetectedTimestamp",
            "FindingTypeDisplayName", "FindingTypeID", "FindingTypeSeverity", "InstanceID", "IntegrationDisplayName",
            "IntegrationID", "IntegrationPolicyVendor",
        ],
        markers: [
            "AssetDisplayName", "AssetExternalID", "AssetLink", "AssetMetadata", "DetectedTimestamp",
            "FindingTypeDisplayName", "FindingTypeID", "FindingTypeSeverity", "InstanceID", "IntegrationDisplayName",
            "IntegrationID", "IntegrationPolicyVendor",
        ],
        timestamp: ["DetectedTimestamp"],
        constants: [
            ("event.category", ["configuration"]),
            ("event.type", ["info"]),
        ],
        rules: [
            map("InstanceID", "event.id", .keyword),
            map("FindingTypeSeverity", "event.severity", .lookup(.casbSeverity)),
            map("FindingTypeID", "rule.id", .keyword),
            map("FindingTypeID", "rule.uuid", .keyword),
            map("FindingTypeDisplayName", "rule.name", .keyword),
            map("IntegrationPolicyVendor", "rule.ruleset", .keyword),
            map("AssetLink", "url.original", .keyword),
        ]
    )
}

extension ValueTable {
    /// CASB `FindingTypeSeverity` → numeric `event.severity`.
    static let casbSeverity = ValueTable(["low": 1, "medium": 2, "high": 3, "critical": 4])
}
