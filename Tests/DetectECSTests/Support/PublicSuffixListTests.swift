import DetectECS
import Testing

struct PublicSuffixListTests {
    /// The ICANN section of Debian's copy (package `publicsuffix`), loaded once.
    static let system: PublicSuffixList? = try? PublicSuffixList()

    /// One split: registered domain, top-level domain, subdomain (nil = absent).
    struct Case: Sendable, CustomTestStringConvertible {
        var value: String
        var registered: String?
        var topLevel: String?
        var subdomain: String?
        init(_ value: String, _ registered: String?, _ topLevel: String?, _ subdomain: String?) {
            self.value = value
            self.registered = registered
            self.topLevel = topLevel
            self.subdomain = subdomain
        }
        var testDescription: String { self.value }
    }

    static let systemCases: [Case] = [
        // The Sekoia fixtures (ECS-MAPPING.md P7, P8).
        Case("objects.githubusercontent.com", "githubusercontent.com", "com", "objects"),
        Case("foO-BAR-baz.xYz", "foO-BAR-baz.xYz", "xYz", nil),
        Case("foo-bar-baz.xyz", "foo-bar-baz.xyz", "xyz", nil),
        Case("ip-111-30-40-252.eu-west-3.compute.internal", nil, nil, "ip-111-30-40-252.eu-west-3.compute"),
        Case(
            "sekoiaio.cloudflareaccess.com/cdn-cgi/access/sso/saml/c4d0a525391e32821996da07ec86781977836c14341048dd16c4bb8173741238",
            "cloudflareaccess.com",
            "com",
            "sekoiaio"
        ),
        Case("www.facebook.com", "facebook.com", "com", "www"),
        Case("example.test.gr", "test.gr", "gr", "example"),
        // Multi-label suffixes, case kept.
        Case("www.Example.CO.uk", "Example.CO.uk", "CO.uk", "www"),
        Case("a.b.c.example.co.uk", "example.co.uk", "co.uk", "a.b.c"),
        Case("co.uk", nil, "co.uk", nil),
        Case("uk", nil, "uk", nil),
        Case("COM", nil, "COM", nil),
        // Private-section suffixes are ignored.
        Case("foo.blogspot.com", "blogspot.com", "com", "foo"),
        Case("myapp.herokuapp.com", "herokuapp.com", "com", "myapp"),
        Case("ec2-1-2-3-4.compute-1.amazonaws.com", "amazonaws.com", "com", "ec2-1-2-3-4.compute-1"),
        // Wildcards and exceptions.
        Case("a.b.example.ck", "b.example.ck", "example.ck", "a"),
        Case("example.ck", nil, "example.ck", nil),
        Case("www.ck", "www.ck", "ck", nil),
        Case("foo.www.ck", "www.ck", "ck", "foo"),
        Case("ck", nil, nil, nil),  // a wildcard parent that is not itself a rule: no suffix (tldextract)
        Case("city.kawasaki.jp", "city.kawasaki.jp", "kawasaki.jp", nil),
        Case("www.city.kawasaki.jp", "city.kawasaki.jp", "kawasaki.jp", "www"),
        Case("a.b.kawasaki.jp", "a.b.kawasaki.jp", "b.kawasaki.jp", nil),
        Case("kawasaki.jp", "kawasaki.jp", "jp", nil),
        Case("x.bar.bd", "x.bar.bd", "bar.bd", nil),
        // Unknown suffixes: no registered domain, no TLD, the subdomain still comes out.
        Case("localhost", nil, nil, nil),
        Case("my.localhost", nil, nil, "my"),
        Case("a.b.corp.example-not-a-tld", nil, nil, "a.b.corp"),
        // IDN rules, UTF-8 and Punycode.
        Case("www.公司.cn", "www.公司.cn", "公司.cn", nil),
        Case("shop.example.xn--55qx5d.cn", "example.xn--55qx5d.cn", "xn--55qx5d.cn", "shop"),
        Case("SHOP.EXAMPLE.XN--55QX5D.CN", "EXAMPLE.XN--55QX5D.CN", "XN--55QX5D.CN", "SHOP"),
        Case("пример.рф", "пример.рф", "рф", nil),
        Case("example.xn--p1ai", "example.xn--p1ai", "xn--p1ai", nil),
        Case("a.b.個人.香港", "b.個人.香港", "個人.香港", "a"),
        Case("a.b.xn--gmqw5a.xn--j6w193g", "b.xn--gmqw5a.xn--j6w193g", "xn--gmqw5a.xn--j6w193g", "a"),
        Case("aéroport.ci", nil, "aéroport.ci", nil),
        // Hosts inside larger values.
        Case("https://user:pw@www.example.co.uk:8443/path?q=1#f", "example.co.uk", "co.uk", "www"),
        Case("//cdn.example.com/lib.js", "example.com", "com", "cdn"),
        Case("www.example.com:8080", "example.com", "com", "www"),
        Case("www.example.com?x=a.b.c", "example.com", "com", "www"),
        Case("www.example.com#frag", "example.com", "com", "www"),
        Case("  www.example.com  ", "example.com", "com", "www"),
        Case("user@mail.example.org", "example.org", "org", "mail"),
        Case("not a scheme://x.example.com", nil, nil, nil),  // no scheme: the host is "not a scheme"
        // Dots.
        Case("example.com.", "example.com", "com", nil),
        Case("www.example.com...", "example.com", "com", "www"),
        Case(".example.com", "example.com", "com", nil),
        Case("a..example.com", "example.com", "com", "a."),
        Case("example..com", nil, "com", "example"),
        // Nothing to split.
        Case("", nil, nil, nil),
        Case(".", nil, nil, nil),
        Case("...", nil, nil, nil),
        Case("/path/only", nil, nil, nil),
        Case("1.2.3.4", nil, nil, nil),
        Case("1.2.3.4:8080", nil, nil, nil),
        Case("http://10.0.0.1/admin", nil, nil, nil),
        Case("2001:db8::1", nil, nil, nil),
        Case("::ffff:1.2.3.4", nil, nil, nil),
        Case("[2001:db8::1]", nil, nil, nil),
        Case("http://[2001:db8::1]:8080/x", nil, nil, nil),
    ]

    @Test("the Debian list splits like tldextract", arguments: systemCases)
    func systemList(expected: Case) throws {
        let list = try #require(Self.system, "Debian's publicsuffix package is not installed")
        let (registered, topLevel, subdomain) = list.split(expected.value)
        #expect(registered == expected.registered, "registered")
        #expect(topLevel == expected.topLevel, "top level")
        #expect(subdomain == expected.subdomain, "subdomain")
    }

    @Test("the Debian list loads its ICANN section only")
    func loadsICANN() throws {
        let list = try #require(Self.system)
        #expect(list.ruleCount > 6_000)
        #expect(list.ruleCount < 9_000)  // the private section would add ~3,500
        #expect(list.split("x.github.io").registered == "github.io")
    }

    @Test("a missing file is an error that names the path")
    func missingFile() {
        do {
            _ = try PublicSuffixList(path: "/nonexistent/psl.dat")
            Issue.record("no error")
        } catch let error as PublicSuffixListError {
            #expect(error.code == .unreadable)
            #expect(error.path == "/nonexistent/psl.dat")
            #expect(error.description.contains("/nonexistent/psl.dat"))
            #expect(error.description.contains("No such file"))
        } catch {
            Issue.record("unexpected \(error)")
        }
    }

    @Test("a file that is not a PSL is refused")
    func notAPSL() {
        #expect(throws: PublicSuffixListError.self) { try PublicSuffixList(path: "/etc/hostname") }
        #expect(throws: PublicSuffixListError.self) { try PublicSuffixList(path: "/") }
        do {
            _ = try PublicSuffixList(parsing: Array("com\n".utf8), path: "x.dat", requireICANNMarker: true)
            Issue.record("no error")
        } catch let error as PublicSuffixListError {
            #expect(error.code == .missingICANNSection)
            #expect(error.description.hasPrefix("public suffix list x.dat: "))
        } catch {
            Issue.record("unexpected \(error)")
        }
        #expect(throws: PublicSuffixListError.self) {
            try PublicSuffixList(parsing: Array("// only comments\n\n".utf8))
        }
    }

    static let miniList = """
        // ===BEGIN ICANN DOMAINS===
        com
        uk
        co.uk
        *.ck
        !www.ck
        *.sch.uk
        jp
        *.kobe.jp
        !city.kobe.jp
        COM.EXAMPLE   trailing text is ignored
        公司.cn\r
        // ===END ICANN DOMAINS===
        // ===BEGIN PRIVATE DOMAINS===
        github.io
        // ===END PRIVATE DOMAINS===
        """

    static let miniCases: [Case] = [
        Case("a.b.com", "b.com", "com", "a"),
        Case("x.github.io", nil, nil, "x.github"),
        Case("a.b.sch.uk", "a.b.sch.uk", "b.sch.uk", nil),
        Case("x.co.uk", "x.co.uk", "co.uk", nil),
        Case("x.y.kobe.jp", "x.y.kobe.jp", "y.kobe.jp", nil),
        Case("x.city.kobe.jp", "city.kobe.jp", "kobe.jp", "x"),
        Case("x.y.example", nil, nil, "x.y"),  // "com.example" is a rule, "example" only its parent node
        Case("x.com.example", "x.com.example", "com.example", nil),
        Case("x.公司.cn", "x.公司.cn", "公司.cn", nil),
        Case("x.xn--55qx5d.cn", "x.xn--55qx5d.cn", "xn--55qx5d.cn", nil),
        Case("x.cn", nil, nil, "x"),
    ]

    @Test("an in-memory list: rules, wildcards, exceptions, comments, upper case, CRLF", arguments: miniCases)
    func miniList(expected: Case) throws {
        let list = try PublicSuffixList(parsing: Array(Self.miniList.utf8), requireICANNMarker: true)
        #expect(list.ruleCount == 11)
        let (registered, topLevel, subdomain) = list.split(expected.value)
        #expect(registered == expected.registered, "registered")
        #expect(topLevel == expected.topLevel, "top level")
        #expect(subdomain == expected.subdomain, "subdomain")
    }

    @Test("a root wildcard rule makes every unknown TLD a suffix")
    func rootWildcard() throws {
        let list = try PublicSuffixList(parsing: Array("*\ncom\n".utf8))
        #expect(list.split("a.b.internal") == ("b.internal", "internal", "a"))
    }

    @Test("ranges point into the caller's bytes, including the host")
    func ranges() throws {
        let list = try PublicSuffixList(parsing: Array("com\n".utf8))
        let text = "https://www.Example.com./x"
        let parts = SupportTesting.withBytes(text) { list.split($0) }
        #expect(SupportTesting.slice(text, parts.host) == "www.Example.com")
        #expect(parts.registered == 12..<23)
        #expect(parts.topLevel == 20..<23)
        #expect(parts.subdomain == 8..<11)
    }
}
