extension DatasetMapping {
    /// `warp_toggle_changes` (account): a user switched the WARP client on or off.
    ///
    /// As Elastic: a configuration change (`event.action` `warp-toggle-change`), the device → `device`
    /// and `host` (its hostname → `host.hostname`, copied to `host.name`), the user's e-mail. Added: the
    /// account → `cloud.account.*`. `Toggled` stays custom.
    static let warpToggleChanges = DatasetMapping(
        name: "warp_toggle_changes",
        fields: [
            "AccountID", "AccountName", "DeviceID", "DeviceRegistrationID", "Hostname", "SerialNumber", "Timestamp",
            "Toggled", "UserEmail",
        ],
        markers: ["Toggled", "AccountName"],
        timestamp: ["Timestamp"],
        constants: [
            ("event.category", ["configuration"]),
            ("event.type", ["change"]),
            ("event.action", "warp-toggle-change"),
        ],
        rules: DatasetMapping.warpDeviceRules + [
            map("AccountID", "cloud.account.id", .keyword),
            map("AccountName", "cloud.account.name", .keyword),
        ],
        related: RelatedSources(hosts: ["DeviceID"])
    )
}
