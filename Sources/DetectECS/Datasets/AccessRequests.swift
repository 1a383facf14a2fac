extension DatasetMapping {
    /// `access_requests`: Cloudflare's field reference, mapped to ECS.
    static let accessRequests = DatasetMapping(
        name: "access_requests",
        fields: [
            "Action", "Allowed", "AppDomain", "AppUUID", "Connection", "Country", "CreatedAt", "Email", "IPAddress",
            "PurposeJustificationPrompt", "PurposeJustificationResponse", "RayID", "TemporaryAccessApprovers",
            "TemporaryAccessDuration", "UserUID",
        ],
        timestamp: ["CreatedAt"],
        constants: [
            ("event.category", ["network"]),
            ("event.type", ["info"]),
        ],
        rules: []
    )
}
