import DetectECS
import Testing

@Suite("access_requests")
struct AccessRequestsTests {
    @Test("an allowed login is an authentication start with client and source, user, URL host and path")
    func allowedLogin() throws {
        let output = try NormalizedOutput("""
            {"Action":"login","Allowed":true,"AppDomain":"intranet.example.co.uk/admin/reports",\
            "AppUUID":"5b0d7c3e-91aa-4f2e-b7d4-2c6f0e9a1b37","Connection":"okta","Country":"de",\
            "CreatedAt":"2025-03-14T09:26:53Z","Email":"alice@example.org","IPAddress":"198.51.100.7",\
            "PurposeJustificationPrompt":"Why do you need the reports?","PurposeJustificationResponse":"Quarter close",\
            "RayID":"8a1b2c3d4e5f6a7b","TemporaryAccessApprovers":["bob@example.org","carol@example.org"],\
            "TemporaryAccessDuration":3600,"UserUID":"0c4f9a3e-6f1d-5b2a-9e8c-7d6b5a4f3e2d"}
            """)
        #expect(output.record == .cloudflare(.accessRequests))
        #expect(output.string("event.dataset") == "access_requests")
        #expect(output.string("@timestamp")?.hasPrefix("2025-03-14T09:26:53") == true)
        #expect(output.string("event.action") == "login")
        #expect(output.strings("event.category") == ["authentication", "network"])
        #expect(output.strings("event.type") == ["access", "allowed", "start"])
        #expect(output.string("event.outcome") == "success")
        #expect(output.string("event.id") == "8a1b2c3d4e5f6a7b")
        #expect(output.string("observer.type") == "proxy")
        #expect(output.string("client.ip") == "198.51.100.7")
        #expect(output.string("source.ip") == "198.51.100.7")
        #expect(output.string("source.geo.country_iso_code") == "de")
        #expect(output.string("user.email") == "alice@example.org")
        #expect(output.string("user.id") == "0c4f9a3e-6f1d-5b2a-9e8c-7d6b5a4f3e2d")
        #expect(output.string("url.domain") == "intranet.example.co.uk")
        #expect(output.string("url.path") == "/admin/reports")
        #expect(output.string("url.registered_domain") == "example.co.uk")
        #expect(output.string("url.top_level_domain") == "co.uk")
        #expect(output.string("url.subdomain") == "intranet")
        #expect(output.strings("related.hosts") == ["intranet.example.co.uk"])
        #expect(output.strings("related.ip") == ["198.51.100.7"])
        #expect(
            output.strings("related.user") == [
                "0c4f9a3e-6f1d-5b2a-9e8c-7d6b5a4f3e2d", "alice@example.org", "bob@example.org", "carol@example.org",
            ]
        )
        #expect(output.integer("cloudflare.TemporaryAccessDuration") == 3600)
    }

    @Test("a denied login is a failure; a unixnano time and an IPv4-mapped address are read")
    func deniedLogin() throws {
        let output = try NormalizedOutput("""
            {"Action":"login","Allowed":false,"AppDomain":"git.example.net",\
            "AppUUID":"a1e4c2b9-0d3f-4e57-8a69-1b2c3d4e5f60","Connection":"github","Country":"br",\
            "CreatedAt":1741944413250000000,"Email":"mallory@example.com","IPAddress":"::ffff:203.0.113.50",\
            "RayID":"7f00aa11bb22cc33","UserUID":"e2d1c0b9-a8f7-5e6d-4c3b-2a1908f7e6d5"}
            """)
        #expect(output.record == .cloudflare(.accessRequests))
        #expect(output.string("@timestamp")?.hasPrefix("2025-03-14T09:26:53.25") == true)
        #expect(output.strings("event.type") == ["access", "denied", "start"])
        #expect(output.string("event.outcome") == "failure")
        #expect(output.string("client.ip") == "203.0.113.50")
        #expect(output.string("source.ip") == "203.0.113.50")
        #expect(output.string("url.domain") == "git.example.net")
        #expect(!output.has("url.path"))
    }

    @Test("a logout ends the authentication session")
    func logout() throws {
        let output = try NormalizedOutput("""
            {"Action":"logout","Allowed":true,"AppDomain":"wiki.example.org","CreatedAt":"2025-03-14T18:02:11Z",\
            "Email":"alice@example.org","IPAddress":"2001:db8:4::17","RayID":"8a1b2c3d4e5f6a7c"}
            """)
        #expect(output.record == .cloudflare(.accessRequests))
        #expect(output.string("event.action") == "logout")
        #expect(output.strings("event.type") == ["access", "allowed", "end"])
        #expect(output.string("client.ip") == "2001:db8:4::17")
    }

    @Test("empty strings and invalid IPs write no ECS field")
    func emptyValues() throws {
        let output = try NormalizedOutput("""
            {"Action":"","Allowed":true,"AppDomain":"","AppUUID":"","Connection":"","Country":"","CreatedAt":"",\
            "Email":"","IPAddress":"not-an-ip","PurposeJustificationPrompt":"","PurposeJustificationResponse":"",\
            "RayID":"","TemporaryAccessApprovers":[],"TemporaryAccessDuration":0,"UserUID":""}
            """)
        #expect(output.record == .cloudflare(.accessRequests))
        #expect(!output.has("@timestamp"))
        #expect(!output.has("event.action"))
        #expect(!output.has("event.id"))
        #expect(output.strings("event.type") == ["access", "allowed"])
        #expect(!output.has("client"))
        #expect(!output.has("source"))
        #expect(!output.has("user"))
        #expect(!output.has("url"))
        #expect(!output.has("related"))
    }
}
