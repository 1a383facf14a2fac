extension DatasetMapping {
    /// The device and user of a WARP client change record (warp_config_changes, warp_toggle_changes name them
    /// alike): the device is both `device` and `host`.
    static let warpDeviceRules: [FieldRule] = [
        map("DeviceID", "device.id", .keyword),
        map("DeviceID", "host.id", .keyword),
        map("SerialNumber", "device.serial_number", .keyword),
        map("Hostname", "host.hostname", .keyword),
        map("UserEmail", "user.email", .keyword),
    ]
}
