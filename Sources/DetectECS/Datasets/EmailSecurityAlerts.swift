extension DatasetMapping {
    /// `email_security_alerts`: Cloudflare's field reference, mapped to ECS.
    static let emailSecurityAlerts = DatasetMapping(
        name: "email_security_alerts",
        fields: [
            "AlertID", "AlertReasons", "Attachments", "BCC", "CC", "CCName", "DKIMResult", "DMARCPolicy",
            "DMARCResult", "FinalDisposition", "From", "FromName", "Links", "MessageDeliveryMode", "MessageID",
            "Origin", "OriginalSender", "ReplyTo", "ReplyToName", "SMTPEnvelopeFrom", "SMTPEnvelopeTo",
            "SMTPHeloServerIP", "SMTPHeloServerIPAsName", "SMTPHeloServerIPAsNumber", "SMTPHeloServerIPGeo",
            "SMTPHeloServerName", "SPFResult", "Subject", "ThreatCategories", "Timestamp", "To", "ToName",
        ],
        timestamp: ["Timestamp"],
        constants: [
            ("event.category", ["network"]),
            ("event.type", ["info"]),
        ],
        rules: []
    )
}
