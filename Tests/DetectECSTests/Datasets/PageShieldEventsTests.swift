import DetectECS
import Testing

@Suite("page_shield_events")
struct PageShieldEventsTests {
    @Test("a violation of an enforced (allow) policy is denied and maps resource URL, site host and policy")
    func enforcedPolicy() throws {
        let output = try NormalizedOutput("""
            {"Action":"allow","CSPDirective":"script-src","Host":"shop.example.com",\
            "PageURL":"https://shop.example.com/checkout?step=2","PolicyID":"2f4c6e8a0b1d3f5a7c9e1b3d5f7a9c1e",\
            "ResourceType":"script","Timestamp":"2025-07-30T13:37:00Z",\
            "URL":"https://cdn.tracker.example.net/lib/skim.min.js?v=3","URLContainsCDNCGIPath":false,\
            "URLHost":"cdn.tracker.example.net"}
            """)
        #expect(output.record == .cloudflare(.pageShieldEvents))
        #expect(output.string("event.dataset") == "page_shield_events")
        #expect(output.string("@timestamp")?.hasPrefix("2025-07-30T13:37:00") == true)
        #expect(output.string("event.action") == "allow")
        #expect(output.strings("event.category") == ["network"])
        #expect(output.strings("event.type") == ["denied", "info"])
        #expect(output.string("rule.id") == "2f4c6e8a0b1d3f5a7c9e1b3d5f7a9c1e")
        #expect(output.string("rule.name") == "script-src")
        #expect(output.string("url.original") == "https://cdn.tracker.example.net/lib/skim.min.js?v=3")
        #expect(output.string("url.domain") == "cdn.tracker.example.net")
        #expect(output.string("url.registered_domain") == "example.net")
        #expect(output.string("url.path") == "/lib/skim.min.js")
        #expect(output.string("url.extension") == "js")
        #expect(output.string("url.query") == "v=3")
        #expect(output.string("host.name") == "shop.example.com")
        #expect(output.strings("related.hosts") == ["cdn.tracker.example.net", "shop.example.com"])
    }

    @Test("a violation of a log policy is allowed; a unix-seconds time is read")
    func loggedPolicy() throws {
        let output = try NormalizedOutput("""
            {"Action":"log","CSPDirective":"connect-src","Host":"blog.example.org",\
            "PageURL":"https://blog.example.org/",\
            "PolicyID":"0a1b2c3d4e5f60718293a4b5c6d7e8f9","ResourceType":"connection","Timestamp":1753882620,\
            "URL":"wss://push.example.com/socket","URLHost":"push.example.com"}
            """)
        #expect(output.record == .cloudflare(.pageShieldEvents))
        #expect(output.string("@timestamp")?.hasPrefix("2025-07-30T13:37:00") == true)
        #expect(output.strings("event.type") == ["allowed", "info"])
        #expect(output.string("url.scheme") == "wss")
        #expect(output.string("url.domain") == "push.example.com")
    }

    @Test("empty strings write no ECS field")
    func emptyValues() throws {
        let output = try NormalizedOutput("""
            {"Action":"","CSPDirective":"","Host":"","PageURL":"","PolicyID":"","ResourceType":"","Timestamp":"",\
            "URL":"","URLContainsCDNCGIPath":false,"URLHost":""}
            """)
        #expect(output.record == .cloudflare(.pageShieldEvents))
        #expect(!output.has("@timestamp"))
        #expect(!output.has("event.action"))
        #expect(output.strings("event.type") == ["info"])
        #expect(!output.has("rule"))
        #expect(!output.has("url"))
        #expect(!output.has("host"))
        #expect(!output.has("related"))
    }
}
