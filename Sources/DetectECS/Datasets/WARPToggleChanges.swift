extension DatasetMapping {
    /// `warp_toggle_changes`: Cloudflare's field reference, mapped to ECS.
    static let warpToggleChanges = DatasetMapping(
        name: "warp_toggle_changes",
        fields: [
            "AccountID", "AccountName", "DeviceID", "DeviceRegistrationID", "Hostname", "SerialNumber", "Timestamp",
            "Toggled", "UserEmail",
        ],
        timestamp: ["Timestamp"],
        constants: [
            ("event.category", ["network"]),
            ("event.type", ["info"]),
        ],
        rules: []
    )
}
