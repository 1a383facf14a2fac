import DetectECS
import Testing

@Suite("firewall_events")
struct FirewallEventsTests {
    static let wafBlock = """
        {"Action":"block","ClientASN":64500,"ClientASNDescription":"EXAMPLE-TRANSIT","ClientCountry":"de",\
        "ClientIP":"203.0.113.77","ClientIPClass":"noRecord","ClientRefererHost":"shop.example.org",\
        "ClientRefererPath":"/cart","ClientRefererQuery":"","ClientRefererScheme":"https",\
        "ClientRequestHost":"api.example.co.uk","ClientRequestMethod":"POST","ClientRequestPath":"/v1/login.php",\
        "ClientRequestProtocol":"HTTP/2","ClientRequestQuery":"?user=admin%27--","ClientRequestScheme":"https",\
        "ClientRequestUserAgent":"sqlmap/1.7.2#stable (https://sqlmap.org)","Datetime":1735732800123000000,\
        "Description":"SQLi - Comment","EdgeColoCode":"FRA","EdgeResponseStatus":403,"Kind":"firewall",\
        "MatchIndex":0,"Metadata":{"group":"sqli","ruleset_version":"42"},"OriginResponseStatus":0,\
        "OriginatorRayID":"00","RayID":"8f1a2b3c4d5e6f70","Ref":"sqli-login",\
        "RuleID":"e3a567afc347477d9702d9047e97d760","Source":"firewallManaged","ZoneName":"example.co.uk"}
        """

    @Test("a WAF block is a denied request with its rule, client, URL and HTTP fields")
    func wafBlock() throws {
        let output = try NormalizedOutput(Self.wafBlock)
        #expect(output.record == .cloudflare(.firewallEvents))
        #expect(output.string("event.dataset") == "firewall_events")
        #expect(output.instant("@timestamp") == 1_735_732_800_123_000)
        #expect(output.string("event.action") == "block")
        #expect(output.strings("event.category") == ["network"])
        #expect(output.strings("event.type") == ["denied"])
        #expect(output.string("event.outcome") == "failure")
        #expect(output.string("event.id") == "8f1a2b3c4d5e6f70")
        #expect(output.string("event.module") == "cloudflare.firewallManaged")
        #expect(output.string("rule.id") == "e3a567afc347477d9702d9047e97d760")
        #expect(output.string("rule.description") == "SQLi - Comment")
        #expect(output.string("rule.ruleset") == "sqli")
        #expect(output.string("source.ip") == "203.0.113.77")
        #expect(output.integer("source.as.number") == 64500)
        #expect(output.string("source.as.organization.name") == "EXAMPLE-TRANSIT")
        #expect(output.string("source.geo.country_iso_code") == "de")
        #expect(output.string("destination.domain") == "api.example.co.uk")
        #expect(output.string("destination.registered_domain") == "example.co.uk")
        #expect(output.string("url.domain") == "api.example.co.uk")
        #expect(output.string("url.scheme") == "https")
        #expect(output.string("url.path") == "/v1/login.php")
        #expect(output.string("url.query") == "user=admin%27--")
        #expect(output.string("url.extension") == "php")
        #expect(output.string("http.request.method") == "POST")
        #expect(output.integer("http.response.status_code") == 403)
        #expect(output.string("http.version") == "2")
        #expect(output.string("network.protocol") == "http")
        #expect(output.string("user_agent.original") == "sqlmap/1.7.2#stable (https://sqlmap.org)")
        #expect(output.string("observer.type") == "firewall")
        #expect(output.string("observer.vendor") == "Cloudflare")
        #expect(output.string("observer.geo.name") == "FRA")
        #expect(output.strings("related.ip") == ["203.0.113.77"])
        #expect(output.strings("related.hosts") == ["api.example.co.uk", "shop.example.org"])
        #expect(output.string("cloudflare.Ref") == "sqli-login")
        #expect(output.string("cloudflare.Metadata.ruleset_version") == "42")
    }

    @Test("a solved managed challenge (camel-case action) is an allowed, successful request")
    func solvedChallenge() throws {
        let output = try NormalizedOutput("""
            {"Action":"managedChallengeNonInteractiveSolved","ClientASN":64511,"ClientCountry":"jp",\
            "ClientIP":"2001:db8:85a3::8a2e:370:7334","ClientRequestHost":"www.example.com",\
            "ClientRequestMethod":"GET","ClientRequestPath":"/","ClientRequestProtocol":"HTTP/1.1",\
            "ClientRequestQuery":"","ClientRequestScheme":"http","Datetime":"2025-01-01T12:00:00.123Z",\
            "EdgeResponseStatus":200,"Kind":"firewall","MatchIndex":1,"OriginatorRayID":"8f1a2b3c4d5e6f01",\
            "RayID":"8f1a2b3c4d5e6f02","Source":"botManagement"}
            """)
        #expect(output.record == .cloudflare(.firewallEvents))
        #expect(output.instant("@timestamp") == 1_735_732_800_123_000)
        #expect(output.strings("event.type") == ["allowed"])
        #expect(output.string("event.outcome") == "success")
        #expect(output.string("source.ip") == "2001:db8:85a3::8a2e:370:7334")
        #expect(output.string("http.version") == "1.1")
        #expect(output.string("url.original") == "http://www.example.com/")
        #expect(!output.has("url.query"))
    }

    @Test("a logged request writes the action but no decision")
    func logOnly() throws {
        let output = try NormalizedOutput("""
            {"Action":"log","ClientIP":"192.0.2.1","ClientRequestHost":"example.com","ClientRequestPath":"/a",\
            "ClientRequestQuery":"","Datetime":1735732800000000000,"Kind":"firewall","MatchIndex":0,\
            "Metadata":{"rule_message":"Log admin path probes"},"RayID":"8f1a2b3c4d5e6f03","Source":"waf"}
            """)
        #expect(output.record == .cloudflare(.firewallEvents))
        #expect(output.string("event.action") == "log")
        #expect(output.strings("event.type") == ["info"])
        #expect(!output.has("event.outcome"))
        #expect(output.string("rule.description") == "Log admin path probes")
        #expect(output.string("event.module") == "cloudflare.waf")
    }

    @Test("empty strings and invalid IPs write no ECS field")
    func emptyValues() throws {
        let output = try NormalizedOutput("""
            {"Action":"","ClientASNDescription":"","ClientCountry":"","ClientIP":"203.0.113.300",\
            "ClientRefererHost":"","ClientRequestHost":"","ClientRequestMethod":"","ClientRequestPath":"",\
            "ClientRequestProtocol":"","ClientRequestQuery":"","ClientRequestScheme":"",\
            "ClientRequestUserAgent":"","Datetime":"2025-01-01T12:00:00Z","Description":"","EdgeColoCode":"",\
            "Kind":"firewall","MatchIndex":0,"Metadata":{"group":"","rule_message":""},"OriginatorRayID":"","RayID":"",\
            "Ref":"","RuleID":"","Source":""}
            """)
        #expect(output.record == .cloudflare(.firewallEvents))
        for field in [
            "event.action", "event.outcome", "event.id", "event.module", "rule", "source", "destination", "url",
            "http", "network", "user_agent", "observer.geo", "related",
        ] {
            #expect(!output.has(field), "\(field) should be absent")
        }
        #expect(output.strings("event.type") == ["info"])
        #expect(output.string("cloudflare.ClientIP") == "203.0.113.300")
    }
}
