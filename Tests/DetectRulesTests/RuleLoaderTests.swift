import DetectCore
import DetectRules
import Foundation
import Testing

struct RuleLoaderTests {
    static let fullRule = """
        title: Full rule
        id: 5f1abf38-3f8d-4aa7-8e1f-3c7b1d4c9e01
        name: full_rule
        status: stable
        description: Every attribute
        license: DRL-1.1
        references:
            - https://example.com/a
        author: A. Author, B. Author
        date: 2025-01-31
        modified: 2025-02-01
        tags:
            - attack.t1190
            - attack.initial-access
        related:
            - id: 0f06a3a5-6a09-413f-8743-e6cf35561297
              type: obsoletes
        logsource:
            category: proxy
            product: cloudflare
            definition: HTTP requests
            custom_key: extra
        detection:
            selection:
                cs-method: POST
                c-uri|contains:
                    - '/wp-login.php'
                    - '/xmlrpc.php'
            keywords:
                - 'sqlmap'
                - 'nikto'
            filter:
                - c-useragent|startswith: 'Mozilla'
                - sc-status: [200, 304]
            condition: (selection or keywords) and not filter
        fields:
            - c-uri
        falsepositives:
            - Unknown
        level: high
        """

    @Test("a rule loads with every attribute typed and located")
    func fullRule() throws {
        let (set, diagnostics) = TestSupport.load(Self.fullRule)
        #expect(diagnostics.isEmpty, "\(diagnostics)")
        let rule = try #require(set.rules.first)
        #expect(rule.title == "Full rule")
        #expect(rule.id == "5f1abf38-3f8d-4aa7-8e1f-3c7b1d4c9e01")
        #expect(rule.name == "full_rule")
        #expect(rule.status == .stable)
        #expect(rule.level == .high)
        #expect(rule.ruleDescription == "Every attribute")
        #expect(rule.author == "A. Author, B. Author")
        #expect(rule.date == "2025-01-31")
        #expect(rule.modified == "2025-02-01")
        #expect(rule.tags == ["attack.t1190", "attack.initial-access"])
        #expect(rule.references == ["https://example.com/a"])
        #expect(rule.metadata.related.first?.type == .obsolete)
        #expect(rule.metadata.license == "DRL-1.1")
        #expect(rule.falsepositives == ["Unknown"])
        #expect(rule.fields.map(\.name) == ["c-uri"])
        #expect(rule.logsource.category == "proxy")
        #expect(rule.logsource.product == "cloudflare")
        #expect(rule.logsource.definition == "HTTP requests")
        #expect(rule.logsource.custom == ["custom_key": "extra"])
        #expect(rule.location == SourceLocation(file: "test.yml", line: 1, column: 1))

        let detection = rule.detection
        #expect(detection.identifiers.map(\.name) == ["selection", "keywords", "filter"])
        #expect(detection.condition.treeDescription == "and(or(selection, keywords), not(filter))")
        let selection = try #require(detection.identifier(named: "selection"))
        #expect(selection.maps.count == 1)
        #expect(
            selection.maps[0].items.map(\.description)
                == ["cs-method: ['POST']", "c-uri|contains: ['/wp-login.php', '/xmlrpc.php']"])
        let keywords = try #require(detection.identifier(named: "keywords"))
        #expect(keywords.maps.count == 1)
        #expect(keywords.maps[0].items.first?.isKeyword == true)
        #expect(keywords.maps[0].items.first?.values.count == 2)
        let filter = try #require(detection.identifier(named: "filter"))
        #expect(filter.maps.count == 2)
        #expect(filter.maps[1].items[0].values.map(\.description) == ["200", "304"])

        // Locations: identifier, item, field, modifier, value, condition.
        #expect(selection.location.line == 24 && selection.location.column == 5)
        let uri = selection.maps[0].items[1]
        #expect(uri.location.line == 26 && uri.location.column == 9)
        #expect(uri.field?.location.column == 9)
        #expect(uri.modifiers.first?.location.column == 15)
        #expect(uri.values[1].location.line == 28 && uri.values[1].location.column == 15)
        let condition = try #require(detection.conditions.first)
        #expect(condition.location.line == 35 && condition.location.column == 16)
        guard case .and(let operands) = condition.expression, case .not(let negated) = operands[1],
            case .identifier(let name, let location) = negated
        else {
            Issue.record("unexpected condition shape")
            return
        }
        #expect(name == "filter")
        #expect(location.line == 35 && location.column == 48)
    }

    @Test("condition errors point inside multi-line and quoted conditions")
    func conditionColumns() throws {
        let yaml = """
            title: t
            logsource: {category: proxy}
            detection:
                selection: {a: b}
                filter: {c: d}
                condition:
                    selection and
                    not fliter
            """
        let (_, diagnostics) = TestSupport.load(yaml)
        #expect(TestSupport.summary(diagnostics) == ["8:13 error rule.condition.undefined"])

        let quoted = """
            title: t
            logsource: {category: proxy}
            detection:
                selection: {a: b}
                condition: 'selection and ( not selection'
            """
        let (_, quotedDiagnostics) = TestSupport.load(quoted)
        #expect(TestSupport.summary(quotedDiagnostics) == ["5:46 error rule.condition.syntax"])

        let block = """
            title: t
            logsource: {category: proxy}
            detection:
                selection: {a: b}
                condition: |
                    selection or
                      sel2
            """
        let (_, blockDiagnostics) = TestSupport.load(block)
        #expect(TestSupport.summary(blockDiagnostics) == ["7:11 error rule.condition.undefined"])
    }

    @Test("list-form conditions are ORed")
    func listCondition() throws {
        let yaml = TestSupport.rule(
            """
                a: {x: 1}
                b: {y: 2}
                condition:
                    - a
                    - b and not a
            """)
        let (set, diagnostics) = TestSupport.load(yaml)
        #expect(diagnostics.isEmpty)
        let rule = try #require(set.rules.first)
        #expect(rule.conditions.count == 2)
        #expect(rule.detection.condition.treeDescription == "or(a, and(b, not(a)))")
    }

    @Test("one broken rule is skipped, the others in the same stream load")
    func brokenRuleSkipped() {
        let yaml = """
            title: good one
            logsource: {category: proxy}
            detection: {sel: {a: b}, condition: sel}
            ---
            title: broken
            logsource: {category: proxy}
            detection: {sel: {a|nope: b}, condition: sel}
            ---
            title: good two
            logsource: {category: dns}
            detection: {sel: {q: x}, condition: sel}
            """
        let (set, diagnostics) = TestSupport.load(yaml)
        #expect(set.rules.map(\.title) == ["good one", "good two"])
        #expect(set.rejected.map(\.title) == ["broken"])
        #expect(set.rejected.first?.codes == ["rule.modifier.unknown"])
        #expect(TestSupport.summary(diagnostics) == ["7:21 error rule.modifier.unknown"])
    }

    @Test("every problem of a rule is reported in one run")
    func collectsAll() {
        let yaml = """
            title: many problems
            status: testing
            logsource: {category: proxy}
            detection:
                sel:
                    a|contians: x
                    b|cidr: 999.1.1.1/8
                    c|gt: many
                condition: sel and not missing
            level: severe
            """
        let (set, diagnostics) = TestSupport.load(yaml)
        #expect(set.rules.isEmpty)
        #expect(
            TestSupport.summary(diagnostics) == [
                "2:9 error rule.status.invalid",
                "6:11 error rule.modifier.unknown",
                "7:17 error rule.value.cidr",
                "8:15 error rule.value.number",
                "9:28 error rule.condition.undefined",
                "10:8 error rule.level.invalid",
            ])
    }

    @Test("legacy collections: `action: global` merges into each document, `reset` and `repeat` work")
    func globalCollections() throws {
        let yaml = """
            action: global
            title: Shared title
            status: test
            logsource:
                category: proxy
            detection:
                filter: {c-useragent: 'internal-monitor'}
                condition: selection and not filter
            level: medium
            ---
            id: 11111111-1111-4111-8111-111111111111
            detection:
                selection: {cs-method: PUT}
            ---
            id: 22222222-2222-4222-8222-222222222222
            title: Second
            detection:
                selection: {cs-method: DELETE}
            level: high
            ---
            action: repeat
            id: 33333333-3333-4333-8333-333333333333
            detection:
                selection: {cs-method: PATCH}
            ---
            action: reset
            ---
            title: Standalone
            logsource: {category: dns}
            detection: {sel: {query: x}, condition: sel}
            """
        let (set, diagnostics) = TestSupport.load(yaml)
        #expect(diagnostics.isEmpty, "\(diagnostics)")
        #expect(set.rules.map(\.title) == ["Shared title", "Second", "Second", "Standalone"])
        #expect(set.rules.map { $0.level } == [.medium, .high, .high, nil])
        #expect(set.rules[0].detection.identifiers.map(\.name) == ["filter", "selection"])
        #expect(set.rules[2].detection.identifier(named: "selection")?.maps[0].items[0].values[0].text == "PATCH")
        #expect(set.rules[3].detection.identifiers.map(\.name) == ["sel"])
    }

    @Test("YAML errors are located; documents before the error still load")
    func yamlErrors() {
        let yaml = """
            title: ok
            logsource: {category: proxy}
            detection: {sel: {a: b}, condition: sel}
            ---
            title: bad
            detection: [unclosed
            """
        let (set, diagnostics) = TestSupport.load(yaml)
        #expect(set.rules.map(\.title) == ["ok"])
        #expect(diagnostics.map(\.code) == ["yaml.syntax"])
        #expect(diagnostics.first?.location.line == 7)

        let duplicate = """
            title: dup
            logsource: {category: proxy}
            detection:
                sel: {a: b}
                condition: sel
            detection: {}
            """
        let (_, duplicateDiagnostics) = TestSupport.load(duplicate)
        #expect(TestSupport.summary(duplicateDiagnostics) == ["6:1 error yaml.duplicate-key"])
    }

    @Test("aliases stand for their anchored node; quoted and plain keys are the same key, tagged ones are not")
    func aliasesAndKeys() {
        let yaml = """
            title: alias
            logsource: {category: proxy}
            detection:
                sel: &shared {c-uri|contains: evil}
                again: *shared
                condition: sel and again
            """
        let (set, diagnostics) = TestSupport.load(yaml)
        #expect(diagnostics.isEmpty)
        #expect(set.rules.first?.detection.identifiers.count == 2)

        let (_, undefined) = TestSupport.load("title: x\nlogsource: *missing\n")
        #expect(undefined.map(\.message) == ["found undefined alias"])
        #expect(undefined.first?.location.line == 2 && undefined.first?.location.column == 12)

        let (_, quoted) = TestSupport.load("title: x\n'title': y\n")
        #expect(TestSupport.summary(quoted) == ["2:1 error yaml.duplicate-key"])
        let (_, tagged) = TestSupport.load("a: 1\n!!int 1: x\n1: y\n")
        #expect(TestSupport.summary(tagged).filter { $0.contains("yaml.duplicate-key") }.isEmpty)
    }

    @Test("nested aliases that expand exponentially are refused, quickly")
    func billionLaughs() {
        var yaml = "l0: &l0 [x, x, x, x, x, x, x, x, x, x]\n"
        for level in 1...9 {
            let refs = Array(repeating: "*l\(level - 1)", count: 10).joined(separator: ", ")
            yaml += "l\(level): &l\(level) [\(refs)]\n"
        }
        let start = ContinuousClock.now
        let (set, diagnostics) = TestSupport.load(yaml)
        #expect(ContinuousClock.now - start < .seconds(5))
        #expect(set.documentCount == 1)
        #expect(diagnostics.map(\.code) == ["yaml.syntax"])
    }

    @Test("documents that are not rules are diagnosed")
    func unknownDocuments() {
        let (set, diagnostics) = TestSupport.load("- just\n- a list\n---\nfoo: bar\n---\naction: bogus\n")
        #expect(set.rules.isEmpty)
        #expect(set.rejected.count == 3)
        #expect(
            TestSupport.summary(diagnostics) == [
                "1:1 error yaml.document.type", "4:1 error document.kind.unknown",
                "6:9 error collection.action.unknown",
            ])
    }

    @Test("directories are walked recursively, sorted, skipping hidden and test files; ids must be unique")
    func directories() throws {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("rules-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: root) }
        let manager = FileManager.default
        try manager.createDirectory(at: root.appendingPathComponent("b/nested"), withIntermediateDirectories: true)
        try manager.createDirectory(at: root.appendingPathComponent(".hidden"), withIntermediateDirectories: true)
        func write(_ path: String, _ title: String, id: String) throws {
            let text =
                "title: \(title)\nid: \(id)\nlogsource: {category: proxy}\ndetection: {s: {a: b}, condition: s}\n"
            try text.write(to: root.appendingPathComponent(path), atomically: true, encoding: .utf8)
        }
        try write("a.yml", "A", id: "11111111-1111-4111-8111-111111111111")
        try write("b/nested/c.yaml", "C", id: "33333333-3333-4333-8333-333333333333")
        try write("b/b.yml", "B", id: "22222222-2222-4222-8222-222222222222")
        try write("b/dup.yml", "Dup", id: "11111111-1111-4111-8111-111111111111")
        try write(".hidden/h.yml", "Hidden", id: "44444444-4444-4444-8444-444444444444")
        try write("b/b.tests.yml", "Tests", id: "55555555-5555-4555-8555-555555555555")
        try "not yaml".write(to: root.appendingPathComponent("notes.txt"), atomically: true, encoding: .utf8)
        try Data([0x74, 0x69, 0x74, 0x6C, 0x65, 0x3A, 0x20, 0xFF, 0x0A])
            .write(to: root.appendingPathComponent("bad-utf8.yml"))

        let (set, diagnostics) = RuleLoader.load(paths: [root.path, root.path + "/missing.yml"])
        #expect(
            set.files.map { String($0.dropFirst(root.path.count + 1)) }
                == ["a.yml", "b/b.yml", "b/dup.yml", "b/nested/c.yaml", "bad-utf8.yml"])
        #expect(set.rules.map(\.title) == ["A", "B", "C"])
        #expect(set.rejected.map(\.title) == [nil, "Dup"])
        #expect(Set(diagnostics.map(\.code)) == ["io.path.missing", "io.read", "ruleset.id.duplicate"])
        let duplicate = try #require(diagnostics.first { $0.code == "ruleset.id.duplicate" })
        #expect(duplicate.location.file.hasSuffix("b/dup.yml"))
        #expect(duplicate.message.contains("a.yml:1:1"))
    }

    @Test("diagnostics print in the `validate` format")
    func printedForm() throws {
        let (_, diagnostics) = TestSupport.load(
            TestSupport.rule(
                """
                    sel: {a|cidr: nope}
                    condition: sel
                """))
        let diagnostic = try #require(diagnostics.first)
        #expect(
            diagnostic.description
                == "test.yml:7:19: error: rule.value.cidr: `nope` is not an IPv4 or IPv6 network (like "
                + "`10.0.0.0/8` or `2001:db8::/32`)"
        )
        #expect(diagnostic.ruleID == "929a690e-bef0-4204-a928-ef5e620d6fcc")
    }
}
