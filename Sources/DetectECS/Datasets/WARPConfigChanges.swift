extension DatasetMapping {
    /// `warp_config_changes`: Cloudflare's field reference, mapped to ECS.
    static let warpConfigChanges = DatasetMapping(
        name: "warp_config_changes",
        fields: [
            "AccountIDFrom", "AccountIDTo", "AccountNameFrom", "AccountNameTo", "ConfigNameFrom", "ConfigNameTo",
            "DeviceID", "DeviceRegistrationID", "Hostname", "SerialNumber", "Timestamp", "UserEmail",
        ],
        timestamp: ["Timestamp"],
        constants: [
            ("event.category", ["network"]),
            ("event.type", ["info"]),
        ],
        rules: []
    )
}
