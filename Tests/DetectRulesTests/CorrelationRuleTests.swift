import DetectCore
import DetectRules
import Foundation
import Testing

struct CorrelationRuleTests {
    static let baseRules = """
        title: Failed login
        id: 9b2b9d2e-0b5d-4c8e-a1a4-5bd8d4d6a001
        name: failed_login
        logsource: {category: proxy}
        detection: {sel: {sc-status: 401}, condition: sel}
        ---
        title: Successful login
        name: successful_login
        logsource: {category: proxy}
        detection: {sel: {sc-status: 200}, condition: sel}
        """

    static func load(_ correlation: String) -> (RuleSet, [Diagnostic]) {
        TestSupport.load(Self.baseRules + "\n---\n" + correlation)
    }

    @Test("an event_count correlation loads with typed fields")
    func eventCount() throws {
        let (set, diagnostics) = Self.load(
            """
            title: Brute force
            id: 0e95725d-7320-415d-80f7-004da920fc11
            status: test
            correlation:
                type: event_count
                rules:
                    - failed_login
                group-by:
                    - source.ip
                timespan: 10m
                condition:
                    gte: 50
            level: high
            """)
        #expect(diagnostics.isEmpty, "\(diagnostics)")
        let correlation = try #require(set.correlations.first)
        #expect(correlation.type == .eventCount)
        #expect(correlation.rules.map(\.value) == ["failed_login"])
        #expect(correlation.groupBy.map(\.name) == ["source.ip"])
        #expect(correlation.timespan.seconds == 600)
        #expect(correlation.condition?.thresholds.map(\.description) == ["gte 50"])
        #expect(correlation.condition?.isSatisfied(by: 50) == true)
        #expect(correlation.condition?.isSatisfied(by: 49) == false)
        #expect(correlation.generate == false)
        #expect(correlation.level == .high)
        #expect(set.rule(referencedBy: "failed_login")?.title == "Failed login")
        #expect(set.rule(referencedBy: "9b2b9d2e-0b5d-4c8e-a1a4-5bd8d4d6a001")?.name == "failed_login")
    }

    static let types: [(String, String, CorrelationType)] = [
        ("value_count", "condition: {field: user.name, gt: 10}", .valueCount),
        ("value_count", "condition: {field: [user.name, host.name], gt: 10}", .valueCount),
        ("temporal", "", .temporal),
        ("temporal_ordered", "condition: {gte: 2}", .temporalOrdered),
        ("value_sum", "condition: {field: http.response.bytes, gt: 1000000}", .valueSum),
        ("value_avg", "condition: {field: http.response.bytes, gt: 500.5}", .valueAverage),
        ("value_percentile", "condition: {field: http.response.bytes, lte: 1}", .valuePercentile),
        ("event_count", "condition: {gt: 100, lte: 200}", .eventCount),
    ]

    @Test("every correlation type loads", arguments: types)
    func correlationTypes(type: String, condition: String, expected: CorrelationType) throws {
        let (set, diagnostics) = Self.load(
            """
            title: c
            correlation:
                type: \(type)
                rules: [failed_login, successful_login]
                group-by: [source.ip]
                timespan: 1h
                \(condition)
            generate: true
            """)
        #expect(diagnostics.isEmpty, "\(diagnostics)")
        let correlation = try #require(set.correlations.first)
        #expect(correlation.type == expected)
        #expect(correlation.generate)
        #expect(correlation.timespan.seconds == 3_600)
    }

    @Test("aliases map one name to a field per rule")
    func aliases() throws {
        let (set, diagnostics) = Self.load(
            """
            title: c
            correlation:
                type: temporal
                rules: [failed_login, successful_login]
                group-by: [internal_ip]
                timespan: 10s
                aliases:
                    internal_ip:
                        failed_login: destination.ip
                        successful_login: source.ip
            """)
        #expect(diagnostics.isEmpty, "\(diagnostics)")
        let alias = try #require(set.correlations.first?.alias(named: "internal_ip"))
        #expect(alias.field(forRule: "failed_login")?.name == "destination.ip")
        #expect(alias.field(forRule: "successful_login")?.name == "source.ip")
    }

    static let invalid: [(String, [String])] = [
        (
            "correlation: {rules: [failed_login], group-by: [a], timespan: 1h, condition: {gt: 1}}",
            ["correlation.type.missing"]
        ),
        (
            "correlation: {type: event_sum, rules: [failed_login], group-by: [a], timespan: 1h, condition: {gt: 1}}",
            ["correlation.type.invalid"]
        ),
        (
            "correlation: {type: event_count, group-by: [a], timespan: 1h, condition: {gt: 1}}",
            ["correlation.rules.missing"]
        ),
        (
            "correlation: {type: event_count, rules: [failed_login], group-by: [a], condition: {gt: 1}}",
            ["correlation.timespan.missing"]
        ),
        (
            "correlation: {type: event_count, rules: [failed_login], group-by: [a], timespan: 10 minutes, "
                + "condition: {gt: 1}}",
            ["correlation.timespan.invalid"]
        ),
        (
            "correlation: {type: event_count, rules: [failed_login], group-by: [a], timespan: 1h}",
            ["correlation.condition.missing"]
        ),
        (
            "correlation: {type: event_count, rules: [failed_login], group-by: [a], timespan: 1h, condition: "
                + "{more: 1}}",
            ["correlation.condition.invalid"]
        ),
        (
            "correlation: {type: event_count, rules: [failed_login], group-by: [a], timespan: 1h, condition: "
                + "{gt: lots}}",
            ["correlation.condition.invalid"]
        ),
        (
            "correlation: {type: event_count, rules: [failed_login], group-by: [a], timespan: 1h, condition: "
                + "{field: x, gt: 1}}",
            ["correlation.condition.invalid"]
        ),
        (
            "correlation: {type: value_count, rules: [failed_login], group-by: [a], timespan: 1h, condition: {gt: 1}}",
            ["correlation.field.missing"]
        ),
        (
            "correlation: {type: value_sum, rules: [failed_login], group-by: [a], timespan: 1h, condition: "
                + "{field: [x, y], gt: 1}}",
            ["correlation.condition.invalid"]
        ),
        (
            "correlation: {type: event_count, rules: [no_such_rule], group-by: [a], timespan: 1h, condition: {gt: 1}}",
            ["correlation.rules.unknown"]
        ),
        (
            "correlation: {type: temporal, rules: [failed_login], group-by: [a], timespan: 1h, aliases: {ip: "
                + "{other: x}}}",
            ["correlation.aliases.invalid"]
        ),
        ("correlation: [type, event_count]", ["correlation.invalid"]),
    ]

    @Test("invalid correlations are diagnosed and skipped", arguments: invalid)
    func rejects(body: String, codes: [String]) {
        let (set, diagnostics) = Self.load("title: c\n" + body)
        #expect(set.correlations.isEmpty)
        #expect(diagnostics.filter { $0.severity == .error }.map(\.code) == codes)
        #expect(set.rules.count == 2)
    }

    @Test("a missing group-by is a warning: one global group")
    func missingGroupBy() throws {
        let (set, diagnostics) = Self.load(
            """
            title: c
            correlation: {type: event_count, rules: [failed_login], timespan: 5m, condition: {gte: 3}}
            """)
        #expect(diagnostics.map(\.code) == ["correlation.group-by.missing"])
        #expect(set.correlations.first?.groupBy.isEmpty == true)
    }

    @Test("correlations can chain; cycles and dangling references are rejected")
    func chains() {
        let (set, diagnostics) = Self.load(
            """
            title: level one
            name: level_one
            correlation: {type: event_count, rules: [failed_login], group-by: [a], timespan: 5m, condition: {gte: 3}}
            ---
            title: level two
            correlation: {type: temporal_ordered, rules: [level_one, successful_login], group-by: [a], timespan: 1h}
            ---
            title: loop a
            name: loop_a
            correlation: {type: event_count, rules: [loop_b], group-by: [a], timespan: 5m, condition: {gte: 3}}
            ---
            title: loop b
            name: loop_b
            correlation: {type: event_count, rules: [loop_a], group-by: [a], timespan: 5m, condition: {gte: 3}}
            ---
            title: dangling
            name: dangling
            correlation: {type: event_count, rules: [broken_rule], group-by: [a], timespan: 5m, condition: {gte: 3}}
            ---
            title: orphan
            correlation: {type: event_count, rules: [dangling], group-by: [a], timespan: 5m, condition: {gte: 3}}
            """)
        #expect(set.correlations.map(\.title) == ["level one", "level two"])
        #expect(Set(set.rejected.map { $0.title ?? "" }) == ["loop a", "loop b", "dangling", "orphan"])
        #expect(
            diagnostics.map(\.code).sorted() == [
                "correlation.rules.cycle", "correlation.rules.cycle", "correlation.rules.unknown",
                "correlation.rules.unknown",
            ])
    }

    @Test("the shared benchmark's correlation file loads")
    func benchmarkFile() throws {
        let path = TestSupport.packageRoot.deletingLastPathComponent()
            .appendingPathComponent("shared/bench/rules_corr/c1_scanner_burst.yml").path
        let (set, diagnostics) = RuleLoader.load(paths: [path])
        guard !set.files.isEmpty, diagnostics.first?.code != "io.path.missing" else {
            print("skipped: ../shared/bench/rules_corr not found")
            return
        }
        #expect(diagnostics.isEmpty, "\(diagnostics)")
        #expect(set.rules.count == 1)
        let correlation = try #require(set.correlations.first)
        #expect(correlation.type == .eventCount)
        #expect(set.rule(referencedBy: correlation.rules[0].value)?.name == "hacktool_ua_base")
    }
}
