import DetectCore
import DetectECS
import DetectEngine
import DetectRules
import Testing

/// Rule tests run in the engine: events as JSON lines, the rule under test picked and compiled with the suite's
/// IOC lists, and each case's outcome with its reason.
struct RuleTestRunnerTests {
    /// Routes the two datasets the cases use, as the shipped pipeline does for `product: cloudflare`.
    static let pipelines = EngineTestSupport.pipelines(
        """
        name: test routes
        transformations:
            - {type: logsource_dataset, logsource: {product: cloudflare, service: gateway_dns}, datasets: [gateway_dns]}
            - {type: logsource_dataset, logsource: {product: cloudflare, service: http_requests}, datasets: [http_requests]}
        """)

    static let parser = RuleTestParser { CloudflareDataset(name: $0) != nil }

    static let telegramRule = """
        title: Telegram Bot API Request
        id: 00000000-0000-4000-8000-0000000000a1
        logsource: {product: cloudflare, service: gateway_dns}
        detection:
            selection:
                dns.question.name: api.telegram.org
            condition: selection
        """

    static let torRule = """
        title: Tor Exit Node
        id: 00000000-0000-4000-8000-0000000000a2
        logsource: {product: cloudflare, service: http_requests}
        detection:
            selection:
                source.ip|cidr|expand: '%tor_nodes%'
            condition: selection
        """

    /// The failure of each case (`nil` for a pass) of the test file `tests` against the rule file `rules`.
    static func run(
        _ tests: String, rules: String, iocs: IOCCatalog = .empty
    ) throws -> [String: String?] {
        let (suite, diagnostics) = Self.parser.parse(text: tests, file: "x.tests.yml")
        #expect(diagnostics.isEmpty, "\(diagnostics.map(\.description))")
        let (ruleSet, loadDiagnostics) = RuleLoader().load(yaml: rules, file: "x.yml")
        #expect(loadDiagnostics.allSatisfy { $0.severity == .warning }, "\(loadDiagnostics.map(\.description))")
        let testSuite = try #require(suite)
        let (rule, errors) = RuleUnderTest.compile(
            testSuite, rules: ruleSet, pipelines: Self.pipelines, iocs: iocs)
        #expect(errors.isEmpty, "\(errors.map(\.description))")
        var runner = RuleTestRunner(normalizer: try Self.normalizer())
        let results = runner.run(testSuite, against: try #require(rule))
        #expect(results.map(\.name) == testSuite.cases.map(\.name))
        return Dictionary(uniqueKeysWithValues: results.map { ($0.name, $0.failure) })
    }

    static func normalizer() throws -> ECSNormalizer {
        ECSNormalizer(publicSuffixList: try PublicSuffixList(parsing: Array("org\ncom\nnet\n".utf8)))
    }

    @Test("a YAML event becomes one JSON line: key order kept, strings escaped, numbers typed")
    func jsonLine() {
        let value: RuleTestValue = .object([
            .init("z", .string("quote \" backslash \\ tab \t é")),
            .init("a", .array([.integer(-3), .float(1.5), .float(2), .float(.infinity), .bool(false), .null])),
            .init("n", .object([.init("k", .string("v"))])),
            .init("e", .object([])),
        ])
        let line = String(decoding: RuleTestEvent.document(value).jsonLine, as: UTF8.self)
        #expect(
            line == #"{"z":"quote \" backslash \\ tab \t é","a":[-3,1.5,2.0,null,false,null],"n":{"k":"v"},"e":{}}"#)
        #expect(RuleTestEvent.jsonLine(#"{"a": 1}"#).jsonLine == Array(#"{"a": 1}"#.utf8))
    }

    @Test("match, no match, and the field a match reports")
    func outcomes() throws {
        let results = try Self.run(
            """
            cases:
              - name: matches
                match: true
                field: dns.question.name
                event: {QueryName: api.telegram.org, Datetime: "2024-05-02T10:00:00Z"}
              - name: other name
                match: false
                event: '{"QueryName": "telegram.org", "Datetime": "2024-05-02T10:00:00Z"}'
              - name: missed
                match: true
                event: {QueryName: web.telegram.org, Datetime: "2024-05-02T10:00:00Z"}
              - name: unwanted
                match: false
                event: {QueryName: api.telegram.org, Datetime: "2024-05-02T10:00:00Z"}
              - name: wrong field
                match: true
                field: url.domain
                event: {QueryName: api.telegram.org, Datetime: "2024-05-02T10:00:00Z"}
              - name: broken JSON
                match: false
                event: '{"QueryName": '
            """, rules: Self.telegramRule)
        #expect(results["matches"] == .some(nil))
        #expect(results["other name"] == .some(nil))
        #expect(results["missed"] == "expected match, got none")
        #expect(results["unwanted"] == "expected no match, matched (selection dns.question.name=api.telegram.org)")
        #expect(
            results["wrong field"]
                == "expected a match on url.domain, matched (selection dns.question.name=api.telegram.org)")
        #expect(results["broken JSON"]??.hasPrefix("the event is not a valid JSON object: ") == true)
    }

    @Test("events are routed by dataset: given, detected, or named by an ECS document")
    func routing() throws {
        let results = try Self.run(
            """
            cases:
              - name: detected gateway_dns
                match: true
                event: {QueryName: api.telegram.org, Datetime: "2024-05-02T10:00:00Z"}
              - name: forced http_requests
                match: true
                dataset: http_requests
                event: {QueryName: api.telegram.org, Datetime: "2024-05-02T10:00:00Z", dns: {question: {name: api.telegram.org}}}
              - name: ECS document of gateway_dns, Elastic name
                match: true
                event: {"@timestamp": "2024-05-02T10:00:00Z", event: {dataset: cloudflare.gateway_dns}, dns: {question: {name: api.telegram.org}}}
              - name: ECS document of another dataset
                match: true
                event: {"@timestamp": "2024-05-02T10:00:00Z", event: {dataset: http_requests}, dns: {question: {name: api.telegram.org}}}
              - name: unrecognised record
                match: true
                event: {something: else, dns.question.name: api.telegram.org}
            """, rules: Self.telegramRule)
        #expect(results["detected gateway_dns"] == .some(nil))
        #expect(
            results["forced http_requests"]
                == "expected match, got none (the rule runs on gateway_dns; the event is http_requests)")
        #expect(results["ECS document of gateway_dns, Elastic name"] == .some(nil))
        #expect(
            results["ECS document of another dataset"]
                == "expected match, got none (the rule runs on gateway_dns; the event is http_requests)")
        #expect(
            results["unrecognised record"]
                == "expected match, got none (the rule runs on gateway_dns; the event's dataset is unknown: give `dataset`)"
        )
    }

    @Test("the suite's IOC lists replace loaded lists of the same name")
    func iocOverride() throws {
        let loaded = IOCCatalog([IOCList(name: "tor_nodes", values: ["192.0.2.10"])])
        let event = { (ip: String) in
            "{ClientIP: '\(ip)', ClientRequestHost: a.example.com, EdgeStartTimestamp: '2024-05-02T10:00:00Z'}"
        }
        let withoutOverride = try Self.run(
            """
            cases:
              - {name: loaded list, match: true, field: source.ip, event: \(event("192.0.2.10"))}
            """, rules: Self.torRule, iocs: loaded)
        #expect(withoutOverride["loaded list"] == .some(nil))

        let overridden = try Self.run(
            """
            iocs:
              tor_nodes: [198.51.100.7, 2001:db8::/32]
            cases:
              - {name: listed, match: true, event: \(event("198.51.100.7"))}
              - {name: in network, match: true, event: \(event("2001:db8::5"))}
              - {name: replaced, match: false, event: \(event("192.0.2.10"))}
            """, rules: Self.torRule, iocs: loaded)
        #expect(overridden.values.allSatisfy { $0 == nil }, "\(overridden)")

        let (suite, _) = Self.parser.parse(
            text: "iocs: {tor_nodes: [a, b]}\ncases: [{name: x, match: false, event: {}}]", file: "t.tests.yml")
        let catalog = try #require(suite).iocCatalog(over: loaded)
        #expect(catalog["tor_nodes"]?.values == ["a", "b"])
        #expect(
            catalog["tor_nodes"]?.entries.first?.location == SourceLocation(file: "t.tests.yml", line: 1, column: 20))
    }

    @Test("the rule under test: named by title or id, the only rule, or an error")
    func ruleSelection() throws {
        let second = Self.torRule
        let both = Self.telegramRule + "\n---\n" + second
        let (ruleSet, _) = RuleLoader().load(yaml: both, file: "x.yml")
        func select(_ header: String) throws -> (RuleUnderTest?, [String]) {
            let text = header + "cases: [{name: x, match: false, event: {}}]\n"
            let suite = try #require(Self.parser.parse(text: text, file: "x.tests.yml").0)
            let (rule, errors) = RuleUnderTest.compile(suite, rules: ruleSet, pipelines: Self.pipelines, iocs: .empty)
            return (rule, errors.map { "\($0.location.line):\($0.location.column) \($0.code)" })
        }
        #expect(try select("rule: Tor Exit Node\n").0?.rule.title == "Tor Exit Node")
        #expect(try select("rule: 00000000-0000-4000-8000-0000000000a1\n").0?.rule.title == "Telegram Bot API Request")
        #expect(try select("rule: Nothing\n").1 == ["1:7 test.rule.missing"])
        #expect(try select("").1 == ["1:1 test.rule.ambiguous"])

        let (empty, _) = RuleLoader().load(yaml: "", file: "x.yml")
        let suite = try #require(
            Self.parser.parse(text: "cases: [{name: x, match: false, event: {}}]", file: "x.tests.yml").0)
        #expect(
            RuleUnderTest.compile(suite, rules: empty, pipelines: [], iocs: .empty).1.map(\.code) == [
                "test.rule.missing"
            ])
    }

    @Test("a rule that does not compile gives its compiler errors")
    func compileError() throws {
        let (ruleSet, _) = RuleLoader().load(
            yaml: """
                title: Bad regex
                id: 00000000-0000-4000-8000-0000000000a3
                logsource: {product: cloudflare, service: http_requests}
                detection:
                    selection:
                        url.path|re: '(unclosed'
                    condition: selection
                """, file: "x.yml")
        let suite = try #require(
            Self.parser.parse(text: "cases: [{name: x, match: false, event: {}}]", file: "x.tests.yml").0)
        let (rule, errors) = RuleUnderTest.compile(suite, rules: ruleSet, pipelines: Self.pipelines, iocs: .empty)
        #expect(rule == nil)
        #expect(errors.map(\.code) == ["rule.value.regex"])
        #expect(errors.first?.location.file == "x.yml")
    }
}
