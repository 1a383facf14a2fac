extension DatasetMapping {
    /// `casb_findings`: Cloudflare's field reference, mapped to ECS.
    static let casbFindings = DatasetMapping(
        name: "casb_findings",
        fields: [
            "AssetDisplayName", "AssetExternalID", "AssetLink", "AssetMetadata", "DetectedTimestamp",
            "FindingTypeDisplayName", "FindingTypeID", "FindingTypeSeverity", "InstanceID", "IntegrationDisplayName",
            "IntegrationID", "IntegrationPolicyVendor",
        ],
        timestamp: ["DetectedTimestamp"],
        constants: [
            ("event.category", ["network"]),
            ("event.type", ["info"]),
        ],
        rules: []
    )
}
