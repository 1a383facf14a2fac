extension DatasetMapping {
    /// `audit_logs`: Cloudflare's field reference, mapped to ECS.
    static let auditLogs = DatasetMapping(
        name: "audit_logs",
        fields: [
            "ActionResult", "ActionType", "ActorEmail", "ActorID", "ActorIP", "ActorType", "ID", "Interface",
            "Metadata", "NewValue", "OldValue", "OwnerID", "ResourceID", "ResourceType", "When",
        ],
        timestamp: ["When"],
        constants: [
            ("event.category", ["network"]),
            ("event.type", ["info"]),
        ],
        rules: []
    )
}
