import DetectECS
import Testing

@Suite("sinkhole_http_logs")
struct SinkholeHTTPLogsTests {
    static let beacon = """
        {"AccountID":"8277e0910d750195b448797616e091ad","Body":"id=WIN-4F2K&os=10.0&av=none","BodyLength":26,\
        "DestAddr":"192.0.2.99","Headers":"Host: update-check.example\\nUser-Agent: Mozilla/4.0 (compatible)\\n\
        Content-Type: application/x-www-form-urlencoded","Host":"update-check.example","Method":"POST",\
        "Password":"hunter2","R2Path":"","Referrer":"http://landing.example.net/","SinkholeID":"sh-eu-1",\
        "SrcAddr":"203.0.113.145","Timestamp":"2025-01-09T22:10:31Z","URI":"/gate.php?v=2",\
        "URL":"http://update-check.example/gate.php?v=2","UserAgent":"Mozilla/4.0 (compatible)","Username":"bot17"}
        """

    @Test("a captured request maps sender, sinkhole, URL, HTTP request, user agent and user")
    func beaconRequest() throws {
        let output = try NormalizedOutput(Self.beacon)
        #expect(output.record == .cloudflare(.sinkholeHTTPLogs))
        #expect(output.string("event.dataset") == "sinkhole_http_logs")
        #expect(output.string("@timestamp")?.hasPrefix("2025-01-09T22:10:31") == true)
        #expect(output.strings("event.category") == ["network"])
        #expect(output.strings("event.type") == ["info"])
        #expect(output.string("cloud.account.id") == "8277e0910d750195b448797616e091ad")
        #expect(output.string("source.ip") == "203.0.113.145")
        #expect(output.string("destination.ip") == "192.0.2.99")
        #expect(output.string("destination.domain") == "update-check.example")
        #expect(output.string("url.original") == "http://update-check.example/gate.php?v=2")
        #expect(output.string("url.domain") == "update-check.example")
        #expect(output.string("url.path") == "/gate.php")
        #expect(output.string("url.query") == "v=2")
        #expect(output.string("url.extension") == "php")
        #expect(output.string("http.request.method") == "POST")
        #expect(output.string("http.request.referrer") == "http://landing.example.net/")
        #expect(output.string("http.request.body.content") == "id=WIN-4F2K&os=10.0&av=none")
        #expect(output.integer("http.request.body.bytes") == 26)
        #expect(output.string("user_agent.original") == "Mozilla/4.0 (compatible)")
        #expect(output.string("user.name") == "bot17")
        #expect(output.strings("related.user") == ["bot17"])
        #expect(output.strings("related.ip") == ["192.0.2.99", "203.0.113.145"])
        #expect(output.strings("related.hosts") == ["update-check.example"])
        #expect(!output.has("host.name"))
    }

    @Test("the captured password stays in the raw record only")
    func passwordNotInECS() throws {
        let output = try NormalizedOutput(Self.beacon)
        #expect(output.string("cloudflare.Password") == "hunter2")
        let leaks = output.fields.filter { !$0.key.hasPrefix("cloudflare.") && "\($0.value)".contains("hunter2") }
        #expect(leaks.isEmpty)
    }

    @Test("without URL the request URL is rebuilt from Host and URI; unixnano time is read")
    func urlFromParts() throws {
        let output = try NormalizedOutput("""
            {"AccountID":"8277e0910d750195b448797616e091ad","DestAddr":"192.0.2.99","Host":"cdn-stats.example",\
            "Method":"GET","SinkholeID":"sh-eu-1","SrcAddr":"2001:db8:7::3","Timestamp":1736460631000000000,\
            "URI":"/pixel.gif?id=42","UserAgent":"curl/8.5.0"}
            """)
        #expect(output.record == .cloudflare(.sinkholeHTTPLogs))
        #expect(output.string("@timestamp")?.hasPrefix("2025-01-09T22:10:31") == true)
        #expect(output.string("url.original") == "http://cdn-stats.example/pixel.gif?id=42")
        #expect(output.string("url.path") == "/pixel.gif")
        #expect(output.string("url.query") == "id=42")
        #expect(output.string("source.ip") == "2001:db8:7::3")
    }

    @Test("empty strings and invalid IPs write no ECS field")
    func emptyValues() throws {
        let output = try NormalizedOutput("""
            {"AccountID":"","Body":"","BodyLength":0,"DestAddr":"","Headers":"","Host":"","Method":"","Password":"",\
            "R2Path":"","Referrer":"","SinkholeID":"","SrcAddr":"192.0.2","Timestamp":"","URI":"","URL":"",\
            "UserAgent":"","Username":""}
            """)
        #expect(output.record == .cloudflare(.sinkholeHTTPLogs))
        #expect(!output.has("@timestamp"))
        #expect(!output.has("cloud"))
        #expect(!output.has("source"))
        #expect(!output.has("destination"))
        #expect(!output.has("url"))
        #expect(!output.has("http.request.method"))
        #expect(!output.has("http.request.body.content"))
        #expect(!output.has("user_agent"))
        #expect(!output.has("user"))
        #expect(!output.has("related"))
        #expect(output.integer("http.request.body.bytes") == 0)
    }
}
