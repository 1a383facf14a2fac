extension DatasetMapping {
    /// `device_posture_results`: Cloudflare's field reference, mapped to ECS.
    static let devicePostureResults = DatasetMapping(
        name: "device_posture_results",
        fields: [
            "ClientVersion", "DeviceID", "DeviceManufacturer", "DeviceModel", "DeviceName", "DeviceSerialNumber",
            "DeviceType", "Email", "OSVersion", "PolicyID", "PostureCheckName", "PostureCheckType",
            "PostureEvaluatedResult", "PostureExpectedJSON", "PostureReceivedJSON", "RegistrationID", "Timestamp",
            "UserUID",
        ],
        timestamp: ["Timestamp"],
        constants: [
            ("event.category", ["network"]),
            ("event.type", ["info"]),
        ],
        rules: []
    )
}
