extension DatasetMapping {
    /// `page_shield_events`: Cloudflare's field reference, mapped to ECS.
    static let pageShieldEvents = DatasetMapping(
        name: "page_shield_events",
        fields: [
            "Action", "CSPDirective", "Host", "PageURL", "PolicyID", "ResourceType", "Timestamp", "URL",
            "URLContainsCDNCGIPath", "URLHost",
        ],
        timestamp: ["Timestamp"],
        constants: [
            ("event.category", ["network"]),
            ("event.type", ["info"]),
        ],
        rules: []
    )
}
