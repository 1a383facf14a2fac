import DetectECS
import Testing

@Suite("email_security_alerts")
struct EmailSecurityAlertsTests {
    static let malicious = """
        {"AlertID":"7QmZp2VxK9aB3cD-2025-08-09T06:07:08","AlertReasons":["Credential harvesting link",\
        "Sender domain newly registered"],"Attachments":[{"Name":"invoice.html","ContentTypeProvided":"text/plain",\
        "ContentTypeComputed":"text/html","Md5":"5d41402abc4b2a76b9719d911017c592",\
        "Sha1":"aaf4c61ddcc5e8a2dabede0f3b482cd9aea9434d",\
        "Sha256":"2cf24dba5fb0a30e26e83b2ac5b9e29e1b161e5c1fa7425e73043362938b9824","Ssdeep":"3:iKn:iK",\
        "Encrypted":false,"Decrypted":false}],"BCC":[],"CC":["finance@corp.example"],"CCName":["Finance Team"],\
        "DKIMResult":"fail","DMARCPolicy":"reject","DMARCResult":"fail","FinalDisposition":"malicious",\
        "From":"billing@paypa1-secure.example","FromName":"PayPal Billing",\
        "Links":["https://login.paypa1-secure.example/verify","http://cdn.example.net/logo.png"],\
        "MessageDeliveryMode":"direct","MessageID":"<a1b2c3@mail.paypa1-secure.example>",\
        "Origin":"external","OriginalSender":"bounce@mailer.example","ReplyTo":"help@paypa1-secure.example",\
        "ReplyToName":"Support","SMTPEnvelopeFrom":"bounce@mailer.example","SMTPEnvelopeTo":["jo@corp.example"],\
        "SMTPHeloServerIP":"192.0.2.99","SMTPHeloServerIPAsName":"EXAMPLE-HOSTING","SMTPHeloServerIPAsNumber":"64499",\
        "SMTPHeloServerIPGeo":"NL/NH/Amsterdam","SMTPHeloServerName":"mx1.bulkmailer.net","SPFResult":"softfail",\
        "Subject":"Your account is on hold","ThreatCategories":["CredentialHarvester"],\
        "Timestamp":"2025-08-09T06:07:08Z","To":["jo@corp.example"],"ToName":["Jo Doe"]}
        """

    @Test("a malicious message is an alert with addresses, attachments, HELO server and related values")
    func malicious() throws {
        let output = try NormalizedOutput(Self.malicious)
        #expect(output.record == .cloudflare(.emailSecurityAlerts))
        #expect(output.string("event.dataset") == "email_security_alerts")
        #expect(output.instant("@timestamp") == EventTime.parse("2025-08-09T06:07:08Z")?.microsecondsSinceEpoch)
        #expect(output.string("event.kind") == "alert")
        #expect(output.strings("event.category") == ["email", "network"])
        #expect(output.string("event.id") == "7QmZp2VxK9aB3cD-2025-08-09T06:07:08")
        #expect(output.strings("event.reason") == ["Credential harvesting link", "Sender domain newly registered"])
        #expect(output.strings("email.from.address") == ["billing@paypa1-secure.example"])
        #expect(output.strings("email.to.address") == ["jo@corp.example"])
        #expect(output.strings("email.cc.address") == ["finance@corp.example"])
        #expect(!output.has("email.bcc"))
        #expect(output.strings("email.reply_to.address") == ["help@paypa1-secure.example"])
        #expect(output.string("email.sender.address") == "bounce@mailer.example")
        #expect(output.string("email.subject") == "Your account is on hold")
        #expect(output.string("email.message_id") == "<a1b2c3@mail.paypa1-secure.example>")
        #expect(output.string("email.direction") == "inbound")
        let attachments = try #require(output.fields["email.attachments"] as? [[String: Any]])
        #expect(attachments.count == 1)
        let file = try #require(attachments.first?["file"] as? [String: Any])
        #expect(file["name"] as? String == "invoice.html")
        #expect(file["mime_type"] as? String == "text/html")
        #expect((file["hash"] as? [String: Any])?["sha256"] as? String
            == "2cf24dba5fb0a30e26e83b2ac5b9e29e1b161e5c1fa7425e73043362938b9824")
        #expect(output.strings("file.name") == ["invoice.html"])
        #expect(output.strings("file.hash.md5") == ["5d41402abc4b2a76b9719d911017c592"])
        #expect(output.strings("file.hash.ssdeep") == ["3:iKn:iK"])
        #expect(output.string("server.ip") == "192.0.2.99")
        #expect(output.string("server.domain") == "mx1.bulkmailer.net")
        #expect(output.string("server.registered_domain") == "bulkmailer.net")
        #expect(output.integer("server.as.number") == 64499)
        #expect(output.string("server.geo.country_iso_code") == "NL")
        #expect(output.string("server.geo.city_name") == "Amsterdam")
        #expect(output.strings("related.ip") == ["192.0.2.99"])
        #expect(
            output.strings("related.hosts") == [
                "cdn.example.net", "corp.example", "login.paypa1-secure.example", "mailer.example",
                "mx1.bulkmailer.net", "paypa1-secure.example",
            ]
        )
        #expect(
            output.strings("related.user") == [
                "Finance Team", "Jo Doe", "PayPal Billing", "Support", "billing@paypa1-secure.example",
                "bounce@mailer.example", "finance@corp.example", "help@paypa1-secure.example", "jo@corp.example",
            ]
        )
        #expect(
            output.strings("related.hash") == [
                "2cf24dba5fb0a30e26e83b2ac5b9e29e1b161e5c1fa7425e73043362938b9824", "3:iKn:iK",
                "5d41402abc4b2a76b9719d911017c592", "aaf4c61ddcc5e8a2dabede0f3b482cd9aea9434d",
            ]
        )
    }

    @Test("an unset disposition is a plain event; an internal message is internal")
    func unset() throws {
        let output = try NormalizedOutput("""
            {"AlertID":"x-1","FinalDisposition":"unset","From":"a@corp.example","To":["b@corp.example"],\
            "Origin":"internal","SMTPEnvelopeFrom":"a@corp.example","Subject":"lunch","Timestamp":1754719628}
            """)
        #expect(output.record == .cloudflare(.emailSecurityAlerts))
        #expect(output.string("event.kind") == "event")
        #expect(output.string("email.direction") == "internal")
        #expect(!output.has("file"))
        #expect(!output.has("email.attachments"))
        #expect(output.strings("related.hosts") == ["corp.example"])
    }

    @Test("empty strings, empty lists and invalid IPs write no ECS field")
    func emptyValues() throws {
        let output = try NormalizedOutput("""
            {"AlertID":"","AlertReasons":[],"Attachments":[],"BCC":[],"CC":[],"CCName":[],"FinalDisposition":"",\
            "From":"","FromName":"","Links":[],"MessageID":"","Origin":"","ReplyTo":"","SMTPEnvelopeFrom":"",\
            "SMTPEnvelopeTo":[],"SMTPHeloServerIP":"mail","SMTPHeloServerIPGeo":"","SMTPHeloServerName":"",\
            "SMTPHeloServerIPAsNumber":"","Subject":"","ThreatCategories":[],"Timestamp":"2025-08-09T06:07:08Z",\
            "To":[],"ToName":[]}
            """)
        #expect(output.record == .cloudflare(.emailSecurityAlerts))
        for field in ["email", "file", "server", "related", "event.id", "event.reason"] {
            #expect(!output.has(field), "\(field) should be absent")
        }
        #expect(output.string("event.kind") == "event")
    }
}
