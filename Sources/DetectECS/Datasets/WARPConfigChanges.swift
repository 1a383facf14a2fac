extension DatasetMapping {
    /// `warp_config_changes` (account): a WARP client switched to another configuration or account.
    ///
    /// As Elastic: a configuration change (`event.action` `warp-config-change`), the device → `device`
    /// and `host` (its hostname → `host.hostname`, copied to `host.name`), the user's e-mail. Added: the
    /// account switched to → `cloud.account.*`; the previous account and both config names stay custom.
    static let warpConfigChanges = DatasetMapping(
        name: "warp_config_changes",
        fields: [
            "AccountIDFrom", "AccountIDTo", "AccountNameFrom", "AccountNameTo", "ConfigNameFrom", "ConfigNameTo",
            "DeviceID", "DeviceRegistrationID", "Hostname", "SerialNumber", "Timestamp", "UserEmail",
        ],
        markers: ["AccountIDFrom", "AccountIDTo", "AccountNameFrom", "AccountNameTo", "ConfigNameFrom", "ConfigNameTo"],
        timestamp: ["Timestamp"],
        constants: [
            ("event.category", ["configuration"]),
            ("event.type", ["change"]),
            ("event.action", "warp-config-change"),
        ],
        rules: DatasetMapping.warpDeviceRules + [
            map("AccountIDTo", "cloud.account.id", .keyword),
            map("AccountNameTo", "cloud.account.name", .keyword),
        ],
        related: RelatedSources(hosts: ["DeviceID"])
    )
}
