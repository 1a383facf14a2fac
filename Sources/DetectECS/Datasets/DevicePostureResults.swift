extension DatasetMapping {
    /// `device_posture_results` (account): one record per posture check evaluated on a device running the
    /// Cloudflare One (WARP) client.
    ///
    /// Decisions (Sekoia has no format for this dataset; Elastic's choices are kept where ECS agrees):
    /// - `event.category`/`event.type` `[host]`/`[info]`; `PostureEvaluatedResult` is `event.outcome`.
    /// - The device is both `device.*` and `host.*` (`DeviceID` → `device.id` and `host.id`, `DeviceName` →
    ///   `host.name`); `DeviceID` also goes to `related.hosts` as a host identifier (Elastic).
    /// - `DeviceType` is the client's operating-system type: ECS `host.os.type` with its allowed values
    ///   (`mac` → `macos`), and `host.os.family` as sent (Elastic). Elastic's `device.type` is not ECS.
    /// - The posture check is the rule: `PolicyID` → `rule.id`, `PostureCheckName` → `rule.name`,
    ///   `PostureCheckType` → `rule.category`. `ClientVersion` is the WARP client's `user_agent.version`.
    static let devicePostureResults = DatasetMapping(
        name: "device_posture_results",
        fields: [
            "ClientVersion", "DeviceID", "DeviceManufacturer", "DeviceModel", "DeviceName", "DeviceSerialNumber",
            "DeviceType", "Email", "OSVersion", "PolicyID", "PostureCheckName", "PostureCheckType",
            "PostureEvaluatedResult", "PostureExpectedJSON", "PostureReceivedJSON", "RegistrationID", "Timestamp",
            "UserUID",
        ],
        markers: [
            "DeviceManufacturer", "DeviceModel", "DeviceSerialNumber", "DeviceType", "OSVersion", "PostureCheckName",
            "PostureCheckType", "PostureEvaluatedResult", "PostureExpectedJSON", "PostureReceivedJSON",
        ],
        timestamp: ["Timestamp"],
        constants: [
            ("event.category", ["host"]),
            ("event.type", ["info"]),
        ],
        rules: [
            map("PostureEvaluatedResult", "event.outcome", .lookup(.postureOutcome)),
            map("DeviceID", "device.id", .keyword),
            map("DeviceManufacturer", "device.manufacturer", .keyword),
            map("DeviceModel", "device.model.name", .keyword),
            map("DeviceSerialNumber", "device.serial_number", .keyword),
            map("DeviceID", "host.id", .keyword),
            map("DeviceName", "host.name", .keyword),
            map("DeviceType", "host.os.type", .lookup(.clientOSType)),
            map("DeviceType", "host.os.family", .keyword),
            map("OSVersion", "host.os.version", .keyword),
            map("Email", "user.email", .keyword),
            map("UserUID", "user.id", .keyword),
            map("PolicyID", "rule.id", .keyword),
            map("PostureCheckName", "rule.name", .keyword),
            map("PostureCheckType", "rule.category", .keyword),
            map("ClientVersion", "user_agent.version", .keyword),
        ],
        related: RelatedSources(hosts: ["DeviceID"])
    )
}

extension ValueTable {
    /// `PostureEvaluatedResult` → `event.outcome`.
    static let postureOutcome = ValueTable(["true": "success", "false": "failure"])

    /// Cloudflare One client platform names → ECS `os.type` (linux, macos, unix, windows, ios, android).
    static let clientOSType = ValueTable([
        "windows": "windows", "mac": "macos", "macos": "macos", "linux": "linux", "ios": "ios", "ipados": "ios",
        "android": "android",
    ])
}
