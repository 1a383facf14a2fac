import DetectCore
import DetectEngine
import DetectRules
import Foundation
import Testing

/// Compile-time problems: each is a located diagnostic; a broken rule is skipped, the others compile.
struct RuleCompilerDiagnosticsTests {
    /// `line:col severity code` of each diagnostic.
    private func summary(_ diagnostics: [Diagnostic]) -> [String] {
        diagnostics.map { "\($0.location.line):\($0.location.column) \($0.severity.rawValue) \($0.code)" }
    }

    /// The 1-based line and column of the first occurrence of `needle` in `text`.
    private func position(of needle: String, in text: String) -> (Int, Int) {
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        for (index, line) in lines.enumerated() {
            if let range = line.range(of: needle) {
                return (index + 1, line.distance(from: line.startIndex, to: range.lowerBound) + 1)
            }
        }
        return (0, 0)
    }

    @Test("an invalid regular expression is an error at the value; the rule is skipped, the others compile")
    func invalidRegex() {
        let broken = EngineTestSupport.rule(
            "    selection:\n        a|re: '(abc'\n    condition: selection", id: "00000000-0000-4000-8000-0000000000b1"
        )
        let good = EngineTestSupport.rule(
            "    selection:\n        a: 'x'\n    condition: selection", id: "00000000-0000-4000-8000-0000000000b2")
        let yaml = broken + "\n---\n" + good
        let (compiled, diagnostics, _) = EngineTestSupport.compile(yaml)
        let errors = diagnostics.filter { $0.severity == .error }
        #expect(errors.count == 1)
        let error = errors.first
        #expect(error?.code == "rule.value.regex")
        let (line, column) = self.position(of: "'(abc'", in: yaml)
        #expect(error?.location.line == line)
        #expect(error?.location.column == column)
        #expect(error?.ruleID == "00000000-0000-4000-8000-0000000000b1")
        #expect(error?.message.contains("missing closing parenthesis") == true)
        #expect(error?.description.hasPrefix("test.yml:\(line):\(column): error: rule.value.regex: ") == true)
        #expect(compiled.count == 1)
        #expect(compiled.rules.first?.id == "00000000-0000-4000-8000-0000000000b2")
    }

    @Test("a missing IOC list is a warning at the value, and the item matches nothing")
    func missingList() throws {
        let yaml = EngineTestSupport.rule("    selection:\n        a|expand: '%tor_nodes%'\n    condition: selection")
        let (compiled, diagnostics, _) = EngineTestSupport.compile(yaml)
        let (line, column) = self.position(of: "'%tor_nodes%'", in: yaml)
        #expect(self.summary(diagnostics).contains("\(line):\(column) warning ioc.list.missing"))
        #expect(diagnostics.allSatisfy { $0.severity == .warning })
        #expect(compiled.count == 1)
        #expect(try EngineTestSupport.evaluate(compiled, #"{"a":"%tor_nodes%"}"#).isEmpty)
    }

    @Test("a placeholder bound by a pipeline to a list that is not loaded is a warning naming the list")
    func missingBoundList() {
        let pipelines = EngineTestSupport.pipelines(
            """
            name: p
            transformations:
                - type: ioc_list_placeholders
                  lists:
                      tor: tor_exit_nodes
            """)
        let yaml = EngineTestSupport.rule("    selection:\n        a|cidr|expand: '%tor%'\n    condition: selection")
        let (_, diagnostics, _) = EngineTestSupport.compile(yaml, pipelines: pipelines)
        let missing = diagnostics.first { $0.code == "ioc.list.missing" }
        #expect(missing?.message.contains("tor_exit_nodes") == true)
    }

    @Test("cidr on a value that is not a network is an error (from the loader); the rule is skipped")
    func cidrOnNonNetwork() {
        let yaml = EngineTestSupport.rule("    selection:\n        a|cidr: 'example.com'\n    condition: selection")
        let (compiled, diagnostics, _) = EngineTestSupport.compile(yaml)
        let (line, column) = self.position(of: "'example.com'", in: yaml)
        #expect(self.summary(diagnostics).contains("\(line):\(column) error rule.value.cidr"))
        #expect(compiled.count == 0)
    }

    @Test("IOC entries that are not networks are warnings at their file position, and are skipped for cidr")
    func invalidListEntries() throws {
        let iocs = IOCCatalog([IOCList(name: "nets", values: ["10.0.0.0/8", "evil.com", "2001:db8::/300"])])
        let yaml = EngineTestSupport.rule("    selection:\n        a|cidr|expand: '%nets%'\n    condition: selection")
        let (compiled, diagnostics, _) = EngineTestSupport.compile(yaml, iocs: iocs)
        let entries = diagnostics.filter { $0.code == "ioc.entry.invalid" }
        #expect(entries.map { "\($0.location)" } == ["nets.txt:2:1", "nets.txt:3:1"])
        #expect(entries.allSatisfy { $0.severity == .warning })
        #expect(compiled.count == 1)
        #expect(try EngineTestSupport.evaluate(compiled, #"{"a":"10.9.9.9"}"#).count == 1)
    }

    @Test("a logsource no pipeline maps is a warning; the rule runs on every event")
    func unmappedLogsource() throws {
        let yaml = EngineTestSupport.rule("    selection:\n        a: 'x'\n    condition: selection")
        let (compiled, diagnostics, _) = EngineTestSupport.compile(yaml)
        #expect(diagnostics.map(\.code) == ["rule.logsource.unmapped"])
        #expect(diagnostics.first?.location.line == 5)
        #expect(compiled.rules.first?.datasets == nil)
        #expect(try EngineTestSupport.evaluate(compiled, #"{"a":"x"}"#, dataset: "http_requests").count == 1)
        #expect(try EngineTestSupport.evaluate(compiled, #"{"a":"x"}"#, dataset: nil).count == 1)
    }

    @Test("with declared fields, a rule field that maps to none of them is a warning at the field")
    func unmappedField() {
        let pipelines = EngineTestSupport.pipelines(
            """
            name: p
            ecs_fields: [url.original, 'cloudflare.*', event.dataset]
            transformations:
                - type: field_name_mapping
                  mapping:
                      c-uri: url.original
                      cs-host: url.domain
                - type: logsource_dataset
                  logsource: {category: proxy}
                  datasets: [http_requests]
            """)
        let yaml = EngineTestSupport.rule(
            """
                selection:
                    c-uri|contains: 'x'
                    cs-host: 'y'
                    Image: 'z'
                    cloudflare.ClientIP: '1.2.3.4'
                condition: selection
            """)
        let (compiled, diagnostics, _) = EngineTestSupport.compile(yaml, pipelines: pipelines)
        let unmapped = diagnostics.filter { $0.code == "rule.field.unmapped" }
        #expect(unmapped.count == 2)
        #expect(
            unmapped.map(\.location.line) == [
                self.position(of: "cs-host", in: yaml).0, self.position(of: "Image", in: yaml).0,
            ])
        #expect(unmapped.first?.message.contains("`cs-host` is mapped to `url.domain`") == true)
        #expect(!diagnostics.contains { $0.code == "rule.logsource.unmapped" })
        #expect(compiled.count == 1)
        #expect(compiled.rules.first?.datasets == ["http_requests"])
    }

    @Test("without declared fields, no field is checked")
    func noDeclaredFields() {
        let yaml = EngineTestSupport.rule("    selection:\n        Image: 'z'\n    condition: selection")
        let (_, diagnostics, _) = EngineTestSupport.compile(yaml)
        #expect(!diagnostics.contains { $0.code == "rule.field.unmapped" })
    }

    @Test("windash on a value with too many switches is an error naming the unsupported feature")
    func windashExpansion() {
        let value = (0..<10).map { " -o\($0)" }.joined()
        let yaml = EngineTestSupport.rule(
            "    selection:\n        a|contains|windash: '\(value)'\n    condition: selection")
        let (compiled, diagnostics, _) = EngineTestSupport.compile(yaml)
        let error = diagnostics.first { $0.severity == .error }
        #expect(error?.code == "rule.value.expansion")
        #expect(error?.message.contains("unsupported feature") == true)
        #expect(compiled.count == 0)
    }

    @Test("a filter whose logsource does not cover the rule's is a warning and is not applied")
    func filterLogsourceMismatch() throws {
        let yaml =
            EngineTestSupport.rule("    selection:\n        a: 'x'\n    condition: selection")
                + """

                ---
                title: filter
                logsource:
                    category: webserver
                filter:
                    rules:
                        - 00000000-0000-4000-8000-000000000001
                    selection:
                        b: 'y'
                    condition: selection
                """
        let (compiled, diagnostics, _) = EngineTestSupport.compile(yaml)
        #expect(diagnostics.contains { $0.code == "filter.logsource.mismatch" && $0.severity == .warning })
        #expect(compiled.rules.first?.filterNames == [])
        #expect(try EngineTestSupport.evaluate(compiled, #"{"a":"x","b":"y"}"#).count == 1)
    }

    @Test("a filter with an error is reported once and not applied; the rule still compiles")
    func brokenFilter() throws {
        let rules = (1...2).map { index in
            EngineTestSupport.rule(
                "    selection:\n        a: 'x'\n    condition: selection",
                id: "00000000-0000-4000-8000-00000000000\(index)")
        }
        let filter = """
            title: filter
            logsource:
                category: proxy
            filter:
                rules:
                    - 00000000-0000-4000-8000-000000000001
                    - 00000000-0000-4000-8000-000000000002
                selection:
                    b|re: '[z'
                condition: selection
            """
        let (compiled, diagnostics, _) = EngineTestSupport.compile(
            rules.joined(separator: "\n---\n") + "\n---\n" + filter)
        #expect(diagnostics.filter { $0.code == "rule.value.regex" }.count == 1)
        #expect(compiled.count == 2)
        #expect(compiled.rules.allSatisfy { $0.filterNames.isEmpty })
    }

    @Test("diagnostics are sorted by file, line and column")
    func sorted() {
        let yaml = [
            EngineTestSupport.rule(
                "    selection:\n        a|re: '('\n    condition: selection",
                id: "00000000-0000-4000-8000-000000000001"),
            EngineTestSupport.rule(
                "    selection:\n        a|expand: '%x%'\n    condition: selection",
                id: "00000000-0000-4000-8000-000000000002"),
        ].joined(separator: "\n---\n")
        let (ruleSet, _) = RuleLoader().load(yaml: yaml, file: "test.yml")
        let (_, diagnostics) = RuleCompiler().compile(ruleSet)
        let lines = diagnostics.map(\.location.line)
        #expect(lines == lines.sorted())
        #expect(diagnostics.count == 4)
    }
}
