import DetectECS
import Testing

@Suite("dex_application_tests")
struct DEXApplicationTestsTests {
    static let httpTest = """
        {"AccountID":"0f1e2d3c4b5a69788796a5b4c3d2e1f0","ClientPlatform":"windows","ClientVersion":"2025.1.861.0",\
        "ColoCode":"MAD","DeviceID":"7d1c0e2a-5b3f-4c8d-9e6f-1a2b3c4d5e6f",\
        "DeviceRegistrationID":"aa11bb22-cc33-dd44-ee55-ff6677889900","ExecutionContext":"inTunnel",\
        "HTTPClientIPASN":64510,"HTTPClientIPASO":"Ejemplo Telecom","HTTPClientIPAddress":"198.51.100.140",\
        "HTTPClientIPCity":"Madrid","HTTPClientIPCountryISO":"ES","HTTPClientIPNetmask":"255.255.255.0",\
        "HTTPClientIPStateISO":"ES-MD","HTTPClientIPVersion":"IPv4","HTTPClientIPZip":"28001",\
        "HTTPConnectEndMs":61,"HTTPConnectStartMs":35,"HTTPDomainLookupEndMs":30,"HTTPDomainLookupStartMs":2,\
        "HTTPErrorMessage":"","HTTPMethod":"GET","HTTPRequestStartMs":88,"HTTPResponseBody":"ok",\
        "HTTPResponseBodyBytes":2,"HTTPResponseEndMs":140,"HTTPResponseHeaderBytes":512,\
        "HTTPResponseHeaders":[{"name":"server","value":"nginx"}],"HTTPResponseStartMs":131,\
        "HTTPSecureConnectionStartMs":40,"HTTPServerIPASN":64511,"HTTPServerIPASO":"Example Cloud",\
        "HTTPServerIPAddress":"203.0.113.200","HTTPServerIPCity":"Dublin","HTTPServerIPCountryISO":"IE",\
        "HTTPServerIPStateISO":"IE-L","HTTPServerIPVersion":"IPv4","HTTPServerIPZip":"D02",\
        "HTTPStatusCode":200,"HTTPURL":"https://intranet.example.com/health?probe=1",\
        "TestID":"b7e6d5c4-1111-2222-3333-444455556666","TestType":"http","Timestamp":"2025-05-06T07:08:09Z",\
        "TunnelType":"masque","UserEmail":"ana@example.com","UserID":"0a9b8c7d-6e5f-4a3b-2c1d-0e9f8a7b6c5d"}
        """

    @Test("an HTTP test maps client, server, URL, response, host and user")
    func httpTest() throws {
        let output = try NormalizedOutput(Self.httpTest)
        #expect(output.record == .cloudflare(.dexApplicationTests))
        #expect(output.string("event.dataset") == "dex_application_tests")
        #expect(output.instant("@timestamp") == EventTime.parse("2025-05-06T07:08:09Z")?.microsecondsSinceEpoch)
        #expect(output.instant("event.start") == EventTime.parse("2025-05-06T07:08:09Z")?.microsecondsSinceEpoch)
        #expect(output.strings("event.category") == ["network"])
        #expect(output.strings("event.type") == ["info"])
        #expect(!output.has("event.outcome"))
        #expect(!output.has("error.message"))
        #expect(output.string("source.ip") == "198.51.100.140")
        #expect(output.integer("source.as.number") == 64510)
        #expect(output.string("source.as.organization.name") == "Ejemplo Telecom")
        #expect(output.string("source.geo.city_name") == "Madrid")
        #expect(output.string("source.geo.region_iso_code") == "ES-MD")
        #expect(output.string("source.geo.postal_code") == "28001")
        #expect(output.string("destination.ip") == "203.0.113.200")
        #expect(output.string("destination.geo.country_iso_code") == "IE")
        #expect(output.string("network.type") == "ipv4")
        #expect(output.string("url.original") == "https://intranet.example.com/health?probe=1")
        #expect(output.string("url.domain") == "intranet.example.com")
        #expect(output.string("url.path") == "/health")
        #expect(output.string("url.query") == "probe=1")
        #expect(output.string("url.registered_domain") == "example.com")
        #expect(output.string("http.request.method") == "GET")
        #expect(output.integer("http.response.status_code") == 200)
        #expect(output.integer("http.response.body.bytes") == 2)
        #expect(output.string("http.response.body.content") == "ok")
        #expect(output.string("host.id") == "7d1c0e2a-5b3f-4c8d-9e6f-1a2b3c4d5e6f")
        #expect(output.string("device.id") == "7d1c0e2a-5b3f-4c8d-9e6f-1a2b3c4d5e6f")
        #expect(output.string("host.os.name") == "windows")
        #expect(output.string("host.os.type") == "windows")
        #expect(output.string("user_agent.version") == "2025.1.861.0")
        #expect(output.string("user.email") == "ana@example.com")
        #expect(output.string("cloud.account.id") == "0f1e2d3c4b5a69788796a5b4c3d2e1f0")
        #expect(output.string("observer.geo.name") == "MAD")
        #expect(output.strings("related.ip") == ["198.51.100.140", "203.0.113.200"])
        #expect(output.strings("related.user") == ["0a9b8c7d-6e5f-4a3b-2c1d-0e9f8a7b6c5d", "ana@example.com"])
        #expect(
            output.strings("related.hosts") == ["7d1c0e2a-5b3f-4c8d-9e6f-1a2b3c4d5e6f", "intranet.example.com"]
        )
    }

    @Test("a failed traceroute maps the traceroute endpoints, protocol, end time and outcome")
    func tracerouteTest() throws {
        let output = try NormalizedOutput("""
            {"AccountID":"0f1e2d3c4b5a69788796a5b4c3d2e1f0","ClientPlatform":"mac","ClientVersion":"2025.1.861.0",\
            "ColoCode":"SEA","DeviceID":"11112222-3333-4444-5555-666677778888","ExecutionContext":"outOfTunnel",\
            "TestID":"c1d2e3f4-aaaa-bbbb-cccc-ddddeeeeffff","TestType":"traceroute","Timestamp":1746515289,\
            "TracerouteDestinationHostname":"vpn.example.org","TracerouteDestinationIPAddress":"2001:db8:5::10",\
            "TracerouteDestinationIPCountryISO":"US","TracerouteDurationMs":4200,"TracerouteMaxTTL":30,\
            "TracerouteHops":[{"ttl":1,"ip":{"address":"192.168.1.1"},"rtts":[3,4,3],"sent":3,"received":3}],\
            "TracerouteProtocol":"tcp","TracerouteSourceIPAddress":"2001:db8:1::23","TracerouteSourceIPASN":64496,\
            "TracerouteSourceIPVersion":"IPv6","TracerouteStatus":"maxHopsExhausted",\
            "TracerouteTimeEnd":"2025-05-06T07:08:13Z","TunnelType":"wireguard","UserEmail":"bo@example.org"}
            """)
        #expect(output.record == .cloudflare(.dexApplicationTests))
        #expect(output.instant("@timestamp") == EventTime.parse("2025-05-06T07:08:09Z")?.microsecondsSinceEpoch)
        #expect(output.instant("event.end") == EventTime.parse("2025-05-06T07:08:13Z")?.microsecondsSinceEpoch)
        #expect(output.string("event.outcome") == "failure")
        #expect(output.string("source.ip") == "2001:db8:1::23")
        #expect(output.integer("source.as.number") == 64496)
        #expect(output.string("destination.ip") == "2001:db8:5::10")
        #expect(output.string("destination.domain") == "vpn.example.org")
        #expect(output.string("destination.registered_domain") == "example.org")
        #expect(output.string("network.transport") == "tcp")
        #expect(output.string("network.type") == "ipv6")
        #expect(output.string("host.os.type") == "macos")
        #expect(!output.has("url"))
        #expect(!output.has("http"))
    }

    @Test("an HTTP error message is the error and a failure")
    func httpError() throws {
        let output = try NormalizedOutput("""
            {"ClientPlatform":"linux","DeviceID":"d1","TestID":"t1","TestType":"http",\
            "Timestamp":"2025-05-06T07:08:09Z",\
            "HTTPClientIPAddress":"198.51.100.3","HTTPErrorMessage":"dial tcp: i/o timeout","HTTPMethod":"GET",\
            "HTTPURL":"https://app.example.com/","ExecutionContext":"inTunnel"}
            """)
        #expect(output.record == .cloudflare(.dexApplicationTests))
        #expect(output.string("event.outcome") == "failure")
        #expect(output.string("error.message") == "dial tcp: i/o timeout")
    }

    @Test("empty strings and invalid IPs write no ECS field")
    func emptyValues() throws {
        let output = try NormalizedOutput("""
            {"AccountID":"","ClientPlatform":"","ClientVersion":"","ColoCode":"","DeviceID":"","TestID":"t2",\
            "TestType":"http","Timestamp":"2025-05-06T07:08:09Z","HTTPClientIPAddress":"198.51.100.256",\
            "HTTPServerIPAddress":"","HTTPURL":"","HTTPMethod":"","HTTPErrorMessage":"","UserEmail":"","UserID":"",\
            "HTTPClientIPCity":"","HTTPClientIPVersion":"","TracerouteStatus":"","ExecutionContext":"inTunnel"}
            """)
        #expect(output.record == .cloudflare(.dexApplicationTests))
        for field in [
            "source", "destination", "url", "http", "host", "device", "user", "user_agent", "cloud", "observer.geo",
            "event.outcome", "error", "network", "related",
        ] {
            #expect(!output.has(field), "\(field) should be absent")
        }
    }
}
