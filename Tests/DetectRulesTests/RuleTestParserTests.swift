import DetectCore
import DetectRules
import Foundation
import Testing

/// Rule-test files (`docs/rule-tests.md`): the suite read from a good file, each located diagnostic of a
/// broken one, and the YAML → JSON value conversion of events.
struct RuleTestParserTests {
    static let parser = RuleTestParser { ["gateway_dns", "http_requests", "http_request"].contains($0) }

    /// The suite of `yaml`, recording an issue for any diagnostic.
    static func suite(_ yaml: String) throws -> RuleTestSuite {
        let (suite, diagnostics) = Self.parser.parse(text: yaml, file: "x.tests.yml")
        #expect(diagnostics.isEmpty, "\(diagnostics.map(\.description))")
        return try #require(suite)
    }

    /// `line:col code` of each diagnostic of `yaml`, which must give no suite.
    static func errors(_ yaml: String) -> [String] {
        let (suite, diagnostics) = Self.parser.parse(text: yaml, file: "x.tests.yml")
        #expect(suite == nil)
        #expect(diagnostics.allSatisfy { $0.severity == .error && $0.location.file == "x.tests.yml" })
        return diagnostics.map { "\($0.location.line):\($0.location.column) \($0.code)" }
    }

    @Test("a good file: rule, IOC lists with positions, cases with their positions and every key")
    func goodFile() throws {
        let suite = try Self.suite(
            """
            # Tests for telegram_bot_api_request.yml
            rule: Telegram Bot API Request
            iocs:
              tor_nodes: [185.220.101.4, 2a0b:f4c2::/40]
              empty: []
            cases:
              - name: bot API call over Gateway DNS
                match: true
                dataset: gateway_dns
                field: dns.question.name
                event: {"QueryName": "api.telegram.org", "Datetime": "2024-05-02T10:00:00Z"}
              - name: lookalike
                match: false
                event: '{"QueryName": "api.telegram.org.example.net"}'
            """)
        #expect(suite.file == "x.tests.yml")
        #expect(suite.rule == "Telegram Bot API Request")
        #expect(suite.ruleLocation == SourceLocation(file: "x.tests.yml", line: 2, column: 7))
        #expect(suite.iocs.map(\.name) == ["tor_nodes", "empty"])
        #expect(suite.iocs[0].entries.map(\.value) == ["185.220.101.4", "2a0b:f4c2::/40"])
        #expect(suite.iocs[0].entries[1].location == SourceLocation(file: "x.tests.yml", line: 4, column: 30))
        #expect(suite.iocs[1].entries.isEmpty)

        #expect(suite.cases.count == 2)
        let first = suite.cases[0]
        #expect(first.name == "bot API call over Gateway DNS")
        #expect(first.expectsMatch)
        #expect(first.dataset == "gateway_dns")
        #expect(first.field == "dns.question.name")
        #expect(first.location == SourceLocation(file: "x.tests.yml", line: 7, column: 5))
        #expect(
            first.event
                == .document(
                    .object([
                        .init("QueryName", .string("api.telegram.org")),
                        .init("Datetime", .string("2024-05-02T10:00:00Z")),
                    ])))
        let second = suite.cases[1]
        #expect(!second.expectsMatch)
        #expect(second.dataset == nil && second.field == nil)
        #expect(second.location == SourceLocation(file: "x.tests.yml", line: 12, column: 5))
        #expect(second.event == .jsonLine(#"{"QueryName": "api.telegram.org.example.net"}"#))
    }

    @Test("without rule: and iocs:, a block-scalar JSON event is trimmed to one line")
    func minimalFile() throws {
        let suite = try Self.suite(
            """
            cases:
              - name: one
                match: false
                event: |
                  {"a": 1}
            """)
        #expect(suite.rule == nil)
        #expect(suite.ruleLocation == SourceLocation(file: "x.tests.yml", line: 1, column: 1))
        #expect(suite.iocs.isEmpty)
        #expect(suite.cases.map(\.event) == [.jsonLine(#"{"a": 1}"#)])
    }

    @Test("event mappings keep key order and type plain scalars; quoted and block scalars stay strings")
    func eventConversion() throws {
        let suite = try Self.suite(
            """
            cases:
              - name: types
                match: true
                event:
                  zeta: plain text
                  alpha: 12
                  port: '8080'
                  ratio: 1.5
                  big: 1e3
                  hex: 0x1F
                  yes_is_text: yes
                  ok: true
                  quoted_bool: "false"
                  none: null
                  tilde: ~
                  empty:
                  list: [1, two, {three: 3}]
                  block: |
                    line
                  nested: {b: {c: [true, 'null']}}
            """)
        let expected: RuleTestValue = .object([
            .init("zeta", .string("plain text")),
            .init("alpha", .integer(12)),
            .init("port", .string("8080")),
            .init("ratio", .float(1.5)),
            .init("big", .float(1000)),
            .init("hex", .integer(31)),
            .init("yes_is_text", .string("yes")),
            .init("ok", .bool(true)),
            .init("quoted_bool", .string("false")),
            .init("none", .null),
            .init("tilde", .null),
            .init("empty", .null),
            .init("list", .array([.integer(1), .string("two"), .object([.init("three", .integer(3))])])),
            .init("block", .string("line\n")),
            .init("nested", .object([.init("b", .object([.init("c", .array([.bool(true), .string("null")]))]))])),
        ])
        #expect(suite.cases.first?.event == .document(expected))
    }

    @Test("a file that is not one mapping")
    func notAMapping() {
        #expect(Self.errors("- name: a\n") == ["1:1 test.document.type"])
        #expect(Self.errors("# nothing\n") == ["1:1 test.document.type"])
        #expect(Self.errors("cases: []\n---\ncases: []\n") == ["3:1 test.document.type"])
        #expect(Self.errors("cases: [\n") == ["2:1 yaml.syntax"])
    }

    @Test("missing, empty or mistyped cases")
    func casesMissing() {
        #expect(Self.errors("rule: x\n") == ["1:1 test.cases.missing"])
        #expect(Self.errors("rule: x\ncases: []\n") == ["2:8 test.cases.missing"])
        #expect(Self.errors("cases: {a: b}\n") == ["1:8 test.cases.missing"])
        #expect(Self.errors("cases:\n  - just a string\n") == ["2:5 test.value.type"])
    }

    @Test("a case without name, match or event; wrong types of known keys")
    func caseKeys() {
        #expect(
            Self.errors(
                """
                cases:
                  - match: true
                    event: {a: 1}
                  - name: b
                    event: {a: 1}
                  - name: c
                    match: true
                """) == ["2:5 test.case.key.missing", "4:5 test.case.key.missing", "6:5 test.case.key.missing"])
        #expect(
            Self.errors(
                """
                rule: [a, b]
                iocs: [a]
                cases:
                  - name: {a: b}
                    match: yes
                    field: [x]
                    event: {a: 1}
                """) == [
                    "1:7 test.value.type", "2:7 test.value.type", "4:11 test.value.type", "5:12 test.value.type",
                    "6:12 test.value.type",
                ])
    }

    @Test("duplicate case names point at the second name")
    func duplicateNames() {
        let yaml = """
            cases:
              - name: same
                match: true
                event: {a: 1}
              - name: same
                match: false
                event: {a: 2}
            """
        #expect(Self.errors(yaml) == ["5:11 test.case.name.duplicate"])
        let message = Self.parser.parse(text: yaml, file: "x.tests.yml").1.first?.message
        #expect(message == "the case name `same` is already used on line 2")
    }

    @Test("field with match: false")
    func fieldWithoutMatch() {
        #expect(
            Self.errors("cases:\n  - name: a\n    match: false\n    field: url.domain\n    event: {a: 1}\n")
                == ["4:12 test.case.field.unexpected"])
    }

    @Test("unknown keys, at the top and in a case, with a suggestion")
    func unknownKeys() {
        let yaml = """
            rules: x
            cases:
              - name: a
                match: true
                evnt: {a: 1}
                event: {a: 1}
                expect: 1
            """
        #expect(Self.errors(yaml) == ["1:1 test.key.unknown", "5:5 test.key.unknown", "7:5 test.key.unknown"])
        let messages = Self.parser.parse(text: yaml, file: "x.tests.yml").1.map(\.message)
        #expect(messages[0] == "unknown key `rules` in a rule-test file; did you mean `rule`?")
        #expect(messages[1] == "unknown key `evnt` in a case; did you mean `event`?")
        #expect(messages[2].hasPrefix("unknown key `expect` in a case (known: `name`, `match`"))
    }

    @Test("an event that is neither a mapping nor a JSON-object string")
    func eventType() {
        let yaml = """
            cases:
              - {name: list, match: true, event: [1, 2]}
              - {name: number, match: true, event: 12}
              - {name: text, match: true, event: 'QueryName=x'}
              - {name: key, match: true, event: {[a]: 1}}
            """
        #expect(
            Self.errors(yaml) == [
                "2:38 test.event.type", "3:40 test.event.type", "4:38 test.event.type", "5:38 test.event.type",
            ])
    }

    @Test("a dataset the parser is not told about")
    func unknownDataset() {
        let yaml = "cases:\n  - name: a\n    match: true\n    dataset: http_request_log\n    event: {a: 1}\n"
        #expect(Self.errors(yaml) == ["4:14 test.dataset.unknown"])
        let good = "cases:\n  - name: a\n    match: true\n    dataset: http_request\n    event: {a: 1}\n"
        #expect(Self.parser.parse(text: good, file: "x.tests.yml").0?.cases.first?.dataset == "http_request")
    }

    @Test("sibling rule files and test-file names")
    func naming() {
        #expect(RuleTestSuite.siblingRuleFiles(of: "Rules/a/x.tests.yml") == ["Rules/a/x.yml", "Rules/a/x.yaml"])
        #expect(RuleTestSuite.siblingRuleFiles(of: "x.tests.yaml") == ["x.yml", "x.yaml"])
        #expect(RuleTestSuite.siblingRuleFiles(of: "x.yml").isEmpty)
        #expect(RuleTestSuite.isTestFile("a/b.tests.yml") && RuleTestSuite.isTestFile("b.tests.yaml"))
        #expect(!RuleTestSuite.isTestFile("tests.yml.bak") && !RuleTestSuite.isTestFile("b.yml"))
    }

    @Test("a file that cannot be read")
    func unreadable() {
        let (suite, diagnostics) = Self.parser.parse(file: "/no/such/x.tests.yml")
        #expect(suite == nil)
        #expect(diagnostics.map(\.code) == ["io.read"])
    }

    @Test("the rule loader skips both test-file suffixes when walking, and reads a test file named explicitly")
    func loaderSkipsTestFiles() throws {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("rule-tests-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: root) }
        try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
        let rule = "title: A\nlogsource: {category: proxy}\ndetection: {s: {a: b}, condition: s}\n"
        for name in ["a.yml", "a.tests.yml", "b.tests.yaml", "c.tests.yml.yml"] {
            try rule.write(to: root.appendingPathComponent(name), atomically: true, encoding: .utf8)
        }
        let walked = RuleLoader().files(in: [root.path]).0.map { String($0.dropFirst(root.path.count + 1)) }
        #expect(walked == ["a.yml", "c.tests.yml.yml"])
        let named = root.appendingPathComponent("b.tests.yaml").path
        #expect(RuleLoader().files(in: [named]).0 == [named])
        let unskipped = RuleLoader(options: .init(skipsRuleTests: false)).files(in: [root.path]).0
        #expect(unskipped.count == 4)
    }
}
