extension DatasetMapping {
    /// The device, user and policy of a Zero Trust Gateway record (gateway_dns, gateway_http,
    /// gateway_network name them alike): the WARP device is both `device` and `host`.
    static let gatewayIdentityRules: [FieldRule] = [
        map("DeviceID", "device.id", .keyword),
        map("DeviceID", "host.id", .keyword),
        map("DeviceName", "host.hostname", .keyword),
        map("Email", "user.email", .keyword),
        map("UserID", "user.id", .keyword),
        map("PolicyID", "rule.id", .keyword),
        map("PolicyName", "rule.name", .keyword),
    ]
}
