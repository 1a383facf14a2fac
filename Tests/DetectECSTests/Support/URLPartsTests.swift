import DetectECS
import Testing

struct URLPartsTests {
    /// The expected parts of one URL; nil means absent.
    struct Expected: Sendable, CustomTestStringConvertible {
        var url: String
        var scheme: String? = nil
        var userInfo: String? = nil
        var host: String? = nil
        var port: Int? = nil
        var path: String? = nil
        var query: String? = nil
        var fragment: String? = nil
        var ext: String? = nil
        var defaultPort: Int? = nil

        var testDescription: String { self.url }
    }

    static let cases: [Expected] = [
        Expected(
            url:
                "https://objects.githubusercontent.com/github-production-release-asset-2e65be/18496166/28e3acb5?X-Amz-Algorithm=AWS4-HMAC-SHA256&response-content-disposition=attachment%3B%20filename%3Dmimikatz_trunk.zip",
            scheme: "https",
            host: "objects.githubusercontent.com",
            path: "/github-production-release-asset-2e65be/18496166/28e3acb5",
            query:
                "X-Amz-Algorithm=AWS4-HMAC-SHA256&response-content-disposition=attachment%3B%20filename%3Dmimikatz_trunk.zip",
            defaultPort: 443
        ),
        Expected(
            url: "https://www.facebook.com/",
            scheme: "https",
            host: "www.facebook.com",
            path: "/",
            defaultPort: 443
        ),
        Expected(url: "https://www.facebook.com", scheme: "https", host: "www.facebook.com", defaultPort: 443),
        Expected(
            url: "http://example.com/ping?id=hello",
            scheme: "http",
            host: "example.com",
            path: "/ping",
            query: "id=hello",
            defaultPort: 80
        ),
        Expected(
            url: "https://example.test.gr//android-chrome-192x192.png",
            scheme: "https",
            host: "example.test.gr",
            path: "//android-chrome-192x192.png",
            ext: "png",
            defaultPort: 443
        ),
        Expected(
            url: "HTTPS://User:Pa%40ss@Example.COM:8443/A/B.Tar.GZ?x=1&y=a.b#frag.ment",
            scheme: "HTTPS",
            userInfo: "User:Pa%40ss",
            host: "Example.COM",
            port: 8443,
            path: "/A/B.Tar.GZ",
            query: "x=1&y=a.b",
            fragment: "frag.ment",
            ext: "GZ",
            defaultPort: 443
        ),
        Expected(url: "http://a@b@host/", scheme: "http", userInfo: "a@b", host: "host", path: "/", defaultPort: 80),
        Expected(url: "http://@host/", scheme: "http", host: "host", path: "/", defaultPort: 80),
        Expected(url: "http://host:/x", scheme: "http", host: "host", path: "/x", defaultPort: 80),
        Expected(url: "http://host:0/", scheme: "http", host: "host", port: 0, path: "/", defaultPort: 80),
        Expected(url: "http://host:65535", scheme: "http", host: "host", port: 65535, defaultPort: 80),
        Expected(
            url: "http://1.2.3.4:8080/index.php",
            scheme: "http",
            host: "1.2.3.4",
            port: 8080,
            path: "/index.php",
            ext: "php",
            defaultPort: 80
        ),
        Expected(
            url: "http://[2001:db8::1]:8080/a",
            scheme: "http",
            host: "[2001:db8::1]",
            port: 8080,
            path: "/a",
            defaultPort: 80
        ),
        Expected(url: "https://[::1]", scheme: "https", host: "[::1]", defaultPort: 443),
        Expected(
            url: "ftp://files.example.org/pub/file.txt",
            scheme: "ftp",
            host: "files.example.org",
            path: "/pub/file.txt",
            ext: "txt"
        ),
        Expected(url: "wss://h/socket", scheme: "wss", host: "h", path: "/socket"),
        Expected(url: "httpx://h/", scheme: "httpx", host: "h", path: "/"),
        Expected(url: "file:///etc/passwd", scheme: "file", path: "/etc/passwd"),
        Expected(url: "mailto:someone@example.test", scheme: "mailto", path: "someone@example.test", ext: "test"),
        Expected(
            url: "//cdn.example.com/lib.js?v=2",
            host: "cdn.example.com",
            path: "/lib.js",
            query: "v=2",
            ext: "js"
        ),
        Expected(url: "/wp1/wp-includes/wlwmanifest.xml", path: "/wp1/wp-includes/wlwmanifest.xml", ext: "xml"),
        Expected(url: "/static/favicon.ico", path: "/static/favicon.ico", ext: "ico"),
        Expected(url: "/.env", path: "/.env", ext: "env"),
        Expected(
            url: "/s/example/api/telemetry/v2/clusters/_stats",
            path: "/s/example/api/telemetry/v2/clusters/_stats"
        ),
        Expected(url: "/a.b/c", path: "/a.b/c"),
        Expected(url: "/a.b/", path: "/a.b/"),
        Expected(url: "/file.", path: "/file."),
        Expected(url: "/ping?", path: "/ping"),
        Expected(url: "/ping?#", path: "/ping"),
        Expected(url: "/ping#top", path: "/ping", fragment: "top"),
        Expected(url: "/p?q?r#f#g", path: "/p", query: "q?r", fragment: "f#g"),
        Expected(url: "/search?q=a/b.c", path: "/search", query: "q=a/b.c"),
        Expected(url: "?only=query", query: "only=query"),
        Expected(url: "#only", fragment: "only"),
        Expected(url: "relative/path.html", path: "relative/path.html", ext: "html"),
        Expected(url: "/with space/x.y z", path: "/with space/x.y z", ext: "y z"),
        Expected(
            url: "http://h/caf\u{00e9}.html",
            scheme: "http",
            host: "h",
            path: "/caf\u{00e9}.html",
            ext: "html",
            defaultPort: 80
        ),
        Expected(url: "localhost:8080/x", scheme: "localhost", path: "8080/x"),
        Expected(url: "1http://h/", path: "1http://h/"),
    ]

    @Test("URLs split into parts", arguments: cases)
    func split(expected: Expected) throws {
        let text = expected.url
        let parts = try #require(URLParts(parsing: text))
        #expect(SupportTesting.slice(text, parts.scheme) == expected.scheme)
        #expect(SupportTesting.slice(text, parts.userInfo) == expected.userInfo)
        #expect(SupportTesting.slice(text, parts.host) == expected.host)
        #expect(parts.port == expected.port)
        #expect(SupportTesting.slice(text, parts.portRange) == expected.port.map { String($0) })
        #expect(SupportTesting.slice(text, parts.path) == expected.path)
        #expect(SupportTesting.slice(text, parts.query) == expected.query)
        #expect(SupportTesting.slice(text, parts.fragment) == expected.fragment)
        #expect(SupportTesting.slice(text, parts.extension) == expected.ext)
        #expect(parts.defaultPort == expected.defaultPort)
        #expect(parts.effectivePort == (expected.port ?? expected.defaultPort))
        // The byte-buffer entry point agrees with the String convenience.
        #expect(SupportTesting.withBytes(text) { URLParts(parsing: $0) } == parts)
    }

    static let invalidCases: [String] = [
        "",
        "http://host:65536/",
        "http://host:123456/",
        "http://host:80a/",
        "http://host:-1/",
        "http://host:8:8/",
        "http://[::1/",
        "http://[::1]x/",
        "http://[::1]:x/",
    ]

    @Test("invalid ports and broken brackets are rejected", arguments: invalidCases)
    func invalid(url: String) {
        #expect(URLParts(parsing: url) == nil)
    }

    @Test("a bracketed host exposes the address inside")
    func ipLiteral() throws {
        let text = "https://[2001:db8::1]:443/"
        let parts = try #require(URLParts(parsing: text))
        #expect(parts.hostIsIPLiteral)
        #expect(SupportTesting.slice(text, parts.hostAddress) == "2001:db8::1")
        let plain = try #require(URLParts(parsing: "https://example.com/"))
        #expect(!plain.hostIsIPLiteral)
        #expect(SupportTesting.slice("https://example.com/", plain.hostAddress) == "example.com")
    }
}
