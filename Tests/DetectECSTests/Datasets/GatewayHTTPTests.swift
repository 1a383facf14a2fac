import DetectECS
import Testing

@Suite("gateway_http")
struct GatewayHTTPTests {
    static let blockedDownload = """
        {"AccountID":"699d98642c564d2e855e9661899b7252","Action":"block",\
        "BlockedFileHash":"22345a91c9544702b4b827a2bb99bf288a1dae38a912a309314360be631c517b",\
        "BlockedFileName":"invoice.pdf.exe","BlockedFileReason":"malware","BlockedFileSize":482304,\
        "BlockedFileType":"exe","CategoryIDs":[117],"CategoryNames":["Malware"],"Datetime":"2025-03-10T09:00:01Z",\
        "DestinationIP":"203.0.113.50","DestinationIPContinentCode":"NA","DestinationIPCountryCode":"US",\
        "DestinationPort":443,"DeviceID":"3f8e1c2a-7b6d-11ef-9a1b-0242ac120002","DeviceName":"LAPTOP-FIN-042",\
        "DownloadedFileNames":["invoice.pdf.exe"],"Email":"alice@corp.example",\
        "HTTPHost":"files.bad-actor.example.net","HTTPMethod":"GET","HTTPStatusCode":403,"HTTPVersion":"HTTP/1.1",\
        "IsIsolated":false,"PolicyID":"0a1b2c3d-4e5f-6071-8293-a4b5c6d7e8f9","PolicyName":"Block malware downloads",\
        "Quarantined":false,"Referer":"https://mail.example.com/","RequestID":"1a2b3c4d5e6f708192a3b4c5d6e7f809",\
        "SessionID":"b7c6d5e4f3a2b1c0","SourceIP":"198.51.100.200","SourceIPCountryCode":"GB",\
        "SourceInternalIP":"100.96.0.12","SourcePort":50123,\
        "URL":"https://files.bad-actor.example.net/dl/invoice.pdf.exe?id=42","UntrustedCertificateAction":"none",\
        "UploadedFileNames":[],"UserAgent":"Mozilla/5.0 (Windows NT 10.0; Win64; x64) Gecko/20100101 Firefox/128.0",\
        "UserID":"9c8b7a6f-5e4d-3c2b-1a09-f8e7d6c5b4a3"}
        """

    @Test("a blocked malware download is denied, with the file, URL, HTTP, device and policy")
    func blockedDownload() throws {
        let output = try NormalizedOutput(Self.blockedDownload)
        let hash = "22345a91c9544702b4b827a2bb99bf288a1dae38a912a309314360be631c517b"
        #expect(output.record == .cloudflare(.gatewayHTTP))
        #expect(output.string("event.dataset") == "gateway_http")
        #expect(output.instant("@timestamp") == 1_741_597_201_000_000)
        #expect(output.strings("event.category") == ["network"])
        #expect(output.strings("event.type") == ["denied", "info"])
        #expect(output.string("event.outcome") == "failure")
        #expect(output.string("event.action") == "block")
        #expect(output.string("event.reason") == "malware")
        #expect(output.string("event.id") == "1a2b3c4d5e6f708192a3b4c5d6e7f809")
        #expect(output.string("cloud.account.id") == "699d98642c564d2e855e9661899b7252")
        #expect(output.string("url.original") == "https://files.bad-actor.example.net/dl/invoice.pdf.exe?id=42")
        #expect(output.string("url.domain") == "files.bad-actor.example.net")
        #expect(output.string("url.path") == "/dl/invoice.pdf.exe")
        #expect(output.string("url.query") == "id=42")
        #expect(output.string("url.extension") == "exe")
        #expect(output.integer("url.port") == 443)
        #expect(output.string("http.request.method") == "GET")
        #expect(output.string("http.request.referrer") == "https://mail.example.com/")
        #expect(output.integer("http.response.status_code") == 403)
        #expect(output.string("http.version") == "1.1")
        #expect(output.string("network.protocol") == "http")
        #expect(output.string("user_agent.original")?.hasPrefix("Mozilla/5.0 (Windows NT 10.0") == true)
        #expect(output.string("file.name") == "invoice.pdf.exe")
        #expect(output.integer("file.size") == 482_304)
        #expect(output.string("file.extension") == "exe")
        #expect(output.string("file.hash.sha256") == hash)
        #expect(output.string("source.ip") == "198.51.100.200")
        #expect(output.integer("source.port") == 50123)
        #expect(output.string("source.geo.country_iso_code") == "GB")
        #expect(output.string("destination.ip") == "203.0.113.50")
        #expect(output.integer("destination.port") == 443)
        #expect(output.string("destination.domain") == "files.bad-actor.example.net")
        #expect(output.string("destination.registered_domain") == "example.net")
        #expect(output.string("destination.geo.continent_code") == "NA")
        #expect(output.string("host.ip") == "100.96.0.12")
        #expect(output.string("host.id") == "3f8e1c2a-7b6d-11ef-9a1b-0242ac120002")
        #expect(output.string("device.id") == "3f8e1c2a-7b6d-11ef-9a1b-0242ac120002")
        #expect(output.string("host.name") == "LAPTOP-FIN-042")
        #expect(output.string("user.email") == "alice@corp.example")
        #expect(output.string("rule.id") == "0a1b2c3d-4e5f-6071-8293-a4b5c6d7e8f9")
        #expect(output.string("rule.name") == "Block malware downloads")
        #expect(output.string("observer.type") == "proxy")
        #expect(output.strings("related.hash") == [hash])
        #expect(output.strings("related.ip") == ["100.96.0.12", "198.51.100.200", "203.0.113.50"])
        #expect(
            output.strings("related.hosts") == [
                "3f8e1c2a-7b6d-11ef-9a1b-0242ac120002", "LAPTOP-FIN-042", "files.bad-actor.example.net",
            ]
        )
    }

    @Test("an isolated request is allowed; status 0 and a short hash write nothing")
    func isolated() throws {
        let output = try NormalizedOutput("""
            {"Action":"isolate","BlockedFileHash":"d41d8cd98f00b204","BlockedFileReason":"unknown",\
            "BlockedFileSize":0,"Datetime":"2025-03-10T09:00:01Z","DestinationIP":"192.0.2.44",\
            "DestinationPort":443,"HTTPHost":"news.example.org","HTTPMethod":"GET","HTTPStatusCode":0,\
            "HTTPVersion":"HTTP/3","IsIsolated":true,"SourceIP":"198.51.100.201","SourcePort":50999,\
            "URL":"https://news.example.org/","UserAgent":"curl/8.5.0"}
            """)
        #expect(output.record == .cloudflare(.gatewayHTTP))
        #expect(output.strings("event.type") == ["allowed", "info"])
        #expect(output.string("event.outcome") == "success")
        #expect(!output.has("http.response.status_code"))
        #expect(output.string("http.version") == "3")
        #expect(!output.has("file.hash"))
        #expect(output.strings("related.hash") == ["d41d8cd98f00b204"])
    }

    @Test("empty strings and invalid IPs write no ECS field")
    func emptyValues() throws {
        let output = try NormalizedOutput("""
            {"AccountID":"","Action":"","BlockedFileHash":"","BlockedFileName":"","BlockedFileReason":"",\
            "BlockedFileType":"","Datetime":"2025-03-10T09:00:01Z","DestinationIP":"203.0.113.999","DeviceID":"",\
            "DeviceName":"","DownloadedFileNames":[],"Email":"","HTTPHost":"","HTTPMethod":"","HTTPVersion":"",\
            "PolicyID":"","Referer":"","RequestID":"","SourceIP":"","SourceInternalIP":"10.0.0.256","URL":"",\
            "UploadedFileNames":[],"UserAgent":"","UserID":""}
            """)
        #expect(output.record == .cloudflare(.gatewayHTTP))
        for field in [
            "event.action", "event.outcome", "event.reason", "event.id", "cloud", "url", "http", "user_agent",
            "file", "source", "destination", "host", "device", "user", "rule", "related",
        ] {
            #expect(!output.has(field), "\(field) should be absent")
        }
        #expect(output.strings("event.type") == ["info"])
        #expect(output.string("network.protocol") == "http")
    }
}
