extension DatasetMapping {
    /// `email_security_alerts` (account): messages that Email Security (Area 1) processed, with their
    /// final disposition.
    ///
    /// As Elastic: `event.kind` is `alert` for a verdict (malicious, suspicious, spoof, spam, bulk) and
    /// `event` for `unset`; header addresses → `email.{from,to,cc,reply_to}.address` (ECS lists),
    /// `SMTPEnvelopeFrom` → `email.sender.address`, attachments → `email.attachments[].file.*`, the HELO
    /// server → `server.*`, addresses and display names → `related.user`, domains of addresses and links
    /// → `related.hosts`. Elastic also writes a top-level `file` array of objects; here the same values
    /// are flat multi-valued `file.*` fields, which rules can match (the event model does not walk arrays
    /// of objects). Added: `AlertID` → `event.id`, `AlertReasons` → `event.reason`, `Origin` →
    /// `email.direction`, BCC, the HELO server's AS and country/city from Cloudflare's own fields.
    static let emailSecurityAlerts = DatasetMapping(
        name: "email_security_alerts",
        fields: [
            "AlertID", "AlertReasons", "Attachments", "BCC", "CC", "CCName", "DKIMResult", "DMARCPolicy",
            "DMARCResult", "FinalDisposition", "From", "FromName", "Links", "MessageDeliveryMode", "MessageID",
            "Origin", "OriginalSender", "ReplyTo", "ReplyToName", "SMTPEnvelopeFrom", "SMTPEnvelopeTo",
            "SMTPHeloServerIP", "SMTPHeloServerIPAsName", "SMTPHeloServerIPAsNumber", "SMTPHeloServerIPGeo",
            "SMTPHeloServerName", "SPFResult", "Subject", "ThreatCategories", "Timestamp", "To", "ToName",
        ],
        markers: [
            "AlertID", "AlertReasons", "FinalDisposition", "SMTPEnvelopeFrom", "SMTPEnvelopeTo", "SMTPHeloServerIP",
            "SMTPHeloServerName", "ThreatCategories", "MessageDeliveryMode", "OriginalSender",
        ],
        timestamp: ["Timestamp"],
        constants: [
            ("event.category", ["email", "network"]),
            ("event.type", ["info"]),
        ],
        rules: [
            map("FinalDisposition", "event.kind", .lookup(.emailDispositionKind)),
            map("AlertID", "event.id", .keyword),
            map("AlertReasons", "event.reason", .copy),
            map("MessageID", "email.message_id", .keyword),
            map("Subject", "email.subject", .keyword),
            append("From", "email.from.address", .keyword),
            map("SMTPEnvelopeFrom", "email.sender.address", .keyword),
            append("To", "email.to.address", .copy),
            append("CC", "email.cc.address", .copy),
            append("BCC", "email.bcc.address", .copy),
            append("ReplyTo", "email.reply_to.address", .keyword),
            map("Origin", "email.direction", .lookup(.emailDirection)),
            map("Attachments", "email.attachments", .objects(Self.attachmentMembers)),
            map("Attachments", "file.name", .pluck("Name")),
            map("Attachments", "file.mime_type", .pluck("ContentTypeComputed")),
            map("Attachments", "file.hash.md5", .pluck("Md5")),
            map("Attachments", "file.hash.sha1", .pluck("Sha1")),
            map("Attachments", "file.hash.sha256", .pluck("Sha256")),
            map("Attachments", "file.hash.ssdeep", .pluck("Ssdeep")),
            map("SMTPHeloServerIP", "server.ip", .ip),
            map("SMTPHeloServerName", "server.domain", .domain),
            map("SMTPHeloServerIPAsNumber", "server.as.number", .long),
            map("SMTPHeloServerIPAsName", "server.as.organization.name", .keyword),
            map("SMTPHeloServerIPGeo", "server.geo.country_iso_code", .component(separator: "/", index: 0)),
            map("SMTPHeloServerIPGeo", "server.geo.city_name", .component(separator: "/", index: 2)),
            append("From", "related.hosts", .host),
            append("SMTPEnvelopeFrom", "related.hosts", .host),
            append("OriginalSender", "related.hosts", .host),
            append("ReplyTo", "related.hosts", .host),
            append("To", "related.hosts", .host),
            append("SMTPEnvelopeTo", "related.hosts", .host),
            append("CC", "related.hosts", .host),
            append("BCC", "related.hosts", .host),
            append("Links", "related.hosts", .host),
        ],
        related: RelatedSources(
            user: [
                "From", "FromName", "SMTPEnvelopeFrom", "OriginalSender", "ReplyTo", "ReplyToName", "To", "ToName",
                "SMTPEnvelopeTo", "CC", "CCName", "BCC",
            ]
        )
    )

    /// `Attachments` members → ECS `email.attachments.*` (Elastic's choice of the computed content type).
    static let attachmentMembers: [(raw: String, ecs: String)] = [
        ("Name", "file.name"), ("ContentTypeComputed", "file.mime_type"), ("Md5", "file.hash.md5"),
        ("Sha1", "file.hash.sha1"), ("Sha256", "file.hash.sha256"), ("Ssdeep", "file.hash.ssdeep"),
    ]
}

extension ValueTable {
    /// Email Security `FinalDisposition` → `event.kind`: a verdict is an alert.
    static let emailDispositionKind = ValueTable([
        "malicious": "alert", "suspicious": "alert", "spoof": "alert", "spam": "alert", "bulk": "alert",
        "unset": "event", "none": "event",
    ])

    /// Email Security `Origin` → `email.direction`.
    static let emailDirection = ValueTable([
        "external": "inbound", "outbound": "outbound", "internal": "internal",
        "secondPartyInternal": "internal", "thirdPartyInternal": "internal",
    ])
}
