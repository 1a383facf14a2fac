import DetectMatch
import Testing

struct DomainSuffixSetTests {
    static let entries = ["example.com", "*.duckdns.org", ".ngrok.io", "Evil.Example.NET.", "co"]

    @Test("matches a domain and its subdomains at label boundaries only", arguments: [
        ("example.com", true), ("a.example.com", true), ("a.b.EXAMPLE.com", true), ("badexample.com", false),
        ("example.com.", true), ("example.co", true), ("example.com.evil", false), ("xample.com", false),
        ("duckdns.org", true), ("my.duckdns.org", true), ("myduckdns.org", false),
        ("ngrok.io", true), ("x.ngrok.io", true),
        ("evil.example.net", true), ("www.evil.example.net", true), ("example.net", false),
        ("", false), (".", false), ("com", false),
    ])
    func matching(value: String, expected: Bool) {
        let (set, errors) = DomainSuffixSet.parse(Self.entries)
        #expect(errors.isEmpty)
        #expect(set.matches(value) == expected)
        #expect(withFencedBytes(value, fence: "example.com.") { set.matches($0) } == expected)
    }

    @Test("reports entries that are not domain names, with their index", arguments: [
        ("", "empty domain"), ("*.", "empty domain"), ("http://x.com/", "not a domain name: contains ':'"), ("x.com/login", "not a domain name: contains '/'"),
        ("a..b", "not a domain name: empty label"), ("a b.com", "not a domain name: contains a space or control character"),
        ("x.com:443", "not a domain name: contains ':'"),
    ])
    func invalid(entry: String, reason: String) {
        let (set, errors) = DomainSuffixSet.parse(["ok.com", entry])
        #expect(errors == [SetEntryError(index: 1, entry: entry, reason: reason)])
        #expect(set.matches("www.ok.com"))
    }

    @Test("an empty set matches nothing")
    func empty() {
        let set = DomainSuffixSet.parse([String]()).set
        #expect(set.isEmpty && !set.matches("example.com") && !set.matches(""))
    }
}
