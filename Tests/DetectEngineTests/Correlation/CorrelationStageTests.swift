import DetectCore
import DetectEngine
import DetectRules
import Testing

struct CorrelationStageTests {
    typealias H = CorrelationHarness

    @Test("event_count alerts once when the condition becomes true, and again only after it was false")
    func oncePerBecomingTrue() throws {
        var harness = H(H.correlation("event_count"))
        #expect(harness.diagnostics.filter { $0.severity == .error }.isEmpty, "\(harness.diagnostics)")
        let raised = try harness.run([
            (0, #""kind": "a", "src": "x""#), (1, #""kind": "a", "src": "x""#), (2, #""kind": "a", "src": "x""#),
            (3, #""kind": "a", "src": "x""#), (4, #""kind": "a", "src": "x""#),
            // 30: the window [20, 30] holds one event, the condition is false; it becomes true again at 32.
            (30, #""kind": "a", "src": "x""#), (31, #""kind": "a", "src": "x""#), (32, #""kind": "a", "src": "x""#),
        ])
        #expect(raised.map(\.0) == [2, 32])
        #expect(raised.map(\.1) == [3, 3])
    }

    @Test("the window is [t - timespan, t]: an event exactly timespan earlier counts, a microsecond more does not")
    func windowEdge() throws {
        var inside = H(H.correlation("event_count"))
        let atEdge = try inside.run([
            (0, #""kind": "a", "src": "x""#), (5, #""kind": "a", "src": "x""#), (10, #""kind": "a", "src": "x""#),
        ])
        #expect(atEdge.map(\.0) == [10])
        var outside = H(H.correlation("event_count"))
        let pastEdge = try outside.run([
            (0, #""kind": "a", "src": "x""#), (5, #""kind": "a", "src": "x""#), (10.000001, #""kind": "a", "src": "x""#),
        ])
        #expect(pastEdge.isEmpty)
    }

    @Test("the alert carries the group, window, count, contributing ids and a deterministic id")
    func alertContents() throws {
        var first = H(H.correlation("event_count", groupBy: ["src", "dst"]))
        var second = H(H.correlation("event_count", groupBy: ["src", "dst"]))
        var alerts: [[CorrelationAlert]] = [[], []]
        for seconds in [0.0, 1, 2] {
            alerts[0] += try first.feed(seconds, #""kind": "a", "src": "x", "dst": "y", "event": {"id": "e\#(Int(seconds))"}"#)
            alerts[1] += try second.feed(seconds, #""kind": "a", "src": "x", "dst": "y", "event": {"id": "e\#(Int(seconds))"}"#)
        }
        let alert = try #require(alerts[0].first)
        #expect(alerts[0] == alerts[1])
        #expect(alert.groupValues == ["x", "y"])
        #expect(alert.measured == 3)
        #expect(alert.time - alert.windowStart == 10_000_000)
        #expect(alert.contributors.count == 3)
        #expect(Set(alert.contributors).count == 3)
        #expect(alert.id.description.count == 32)
    }

    @Test("groups are separate; a missing group-by field is a group of its own")
    func groups() throws {
        var harness = H(H.correlation("event_count"))
        let raised = try harness.run([
            (0, #""kind": "a", "src": "x""#), (1, #""kind": "a", "src": "y""#), (2, #""kind": "a""#),
            (3, #""kind": "a", "src": "x""#), (4, #""kind": "a""#), (5, #""kind": "a""#), (6, #""kind": "a", "src": "y""#),
        ])
        #expect(raised.map(\.0) == [5])
    }

    @Test("an event later than the watermark minus the lateness is counted as late and left out")
    func lateness() throws {
        var harness = H(H.correlation("event_count", timespan: "60s"), options: CorrelationOptions(latenessSeconds: 5))
        let raised = try harness.run([
            (100, #""kind": "a", "src": "x""#),
            (90, #""kind": "a", "src": "x""#),  // 10 s behind: late
            (96, #""kind": "a", "src": "x""#),  // 4 s behind: counted
            (101, #""kind": "a", "src": "x""#),
        ])
        #expect(harness.stage.counters.lateEvents == 1)
        #expect(raised.map(\.0) == [101])
    }

    @Test("a late event within the lateness can complete a window")
    func lateEventCompletes() throws {
        var harness = H(H.correlation("event_count", timespan: "60s"), options: CorrelationOptions(latenessSeconds: 30))
        let raised = try harness.run([
            (100, #""kind": "a", "src": "x""#), (110, #""kind": "a", "src": "x""#), (95, #""kind": "a", "src": "x""#),
        ])
        #expect(raised.map(\.0) == [95])
        #expect(harness.stage.counters.lateEvents == 0)
    }

    @Test("beyond the group cap the least recently updated group is evicted and counted")
    func eviction() throws {
        var harness = H(H.correlation("event_count", condition: "gte: 2"), options: CorrelationOptions(maxGroups: 2))
        let raised = try harness.run([
            (0, #""kind": "a", "src": "x""#), (1, #""kind": "a", "src": "y""#),
            (2, #""kind": "a", "src": "z""#),  // evicts x
            (3, #""kind": "a", "src": "x""#),  // x starts over (evicts y): count 1
            (4, #""kind": "a", "src": "z""#),  // z: count 2
        ])
        #expect(harness.stage.counters.evictedGroups == 2)
        #expect(harness.stage.liveGroups == 2)
        #expect(raised.map(\.0) == [4])
    }

    @Test("groups whose window has closed are dropped, not evicted")
    func expiry() throws {
        var harness = H(H.correlation("event_count"), options: CorrelationOptions(latenessSeconds: 0))
        _ = try harness.run([(0, #""kind": "a", "src": "x""#), (1, #""kind": "a", "src": "y""#)])
        #expect(harness.stage.liveGroups == 2)
        _ = try harness.run([(100, #""kind": "a", "src": "z""#)])
        #expect(harness.stage.liveGroups == 1)
        #expect(harness.stage.counters.expiredGroups == 2)
        #expect(harness.stage.counters.evictedGroups == 0)
    }

    @Test("events without a usable @timestamp are counted and left out")
    func untimed() throws {
        var harness = H(H.correlation("event_count"))
        let event = try EngineTestSupport.event(#"{"kind": "a", "src": "x"}"#)
        var scratch = EvaluationScratch()
        let matches = harness.rules.evaluate(event, dataset: nil, scratch: &scratch)
        var alerts: [CorrelationAlert] = []
        harness.stage.process(event, matches: matches, line: UnsafeRawBufferPointer(start: nil, count: 0), into: &alerts)
        #expect(harness.stage.counters.untimedEvents == 1)
        #expect(alerts.isEmpty)
    }

    @Test("every condition operator, on the counts 1, 2, 3 of three events")
    func operators() throws {
        let expected: [(String, [Double])] = [
            ("gt: 2", [2]), ("gte: 2", [1]), ("lt: 2", [0]), ("lte: 2", [0]), ("eq: 2", [1]), ("neq: 2", [0, 2]),
            ("gte: 2, lte: 2", [1]),
        ]
        for (condition, times) in expected {
            var harness = H(H.correlation("event_count", condition: condition))
            let raised = try harness.run([
                (0, #""kind": "a", "src": "x""#), (1, #""kind": "a", "src": "x""#), (2, #""kind": "a", "src": "x""#),
            ])
            #expect(raised.map(\.0) == times, "\(condition)")
        }
    }

    @Test("value_count counts distinct values of the field per group")
    func valueCount() throws {
        var harness = H(H.correlation("value_count", groupBy: ["dst"], condition: "field: src, gte: 3"))
        let raised = try harness.run([
            (0, #""kind": "a", "src": "1", "dst": "d""#), (1, #""kind": "a", "src": "1", "dst": "d""#),
            (2, #""kind": "a", "src": "2", "dst": "d""#), (3, #""kind": "a", "src": "2", "dst": "e""#),
            (4, #""kind": "a", "dst": "d""#),  // no src: not counted
            (5, #""kind": "a", "src": "3", "dst": "d""#),
        ])
        #expect(raised.map(\.0) == [5])
        #expect(raised.map(\.1) == [3])
        #expect(harness.stage.counters.missingValues == 1)
    }

    @Test("value_count forgets values seen only before the window")
    func valueCountWindow() throws {
        var harness = H(H.correlation("value_count", groupBy: ["dst"], condition: "field: src, gte: 3"))
        let raised = try harness.run([
            (0, #""kind": "a", "src": "1", "dst": "d""#), (5, #""kind": "a", "src": "2", "dst": "d""#),
            (11, #""kind": "a", "src": "3", "dst": "d""#), (12, #""kind": "a", "src": "1", "dst": "d""#),
        ])
        #expect(raised.map(\.0) == [12])
    }

    @Test("temporal: every referenced rule in the window, any order; a condition counts the rules")
    func temporal() throws {
        var harness = H(H.correlation("temporal", rules: ["rule_a", "rule_b"], condition: nil))
        let raised = try harness.run([
            (0, #""kind": "b", "src": "x""#), (3, #""kind": "b", "src": "x""#), (5, #""kind": "a", "src": "x""#),
            (6, #""kind": "a", "src": "y""#), (30, #""kind": "b", "src": "y""#),
        ])
        #expect(raised.map(\.0) == [5])
        var counted = H(H.correlation("temporal", rules: ["rule_a", "rule_b", "rule_c"], condition: "gte: 2"))
        let two = try counted.run([(0, #""kind": "c", "src": "x""#), (1, #""kind": "a", "src": "x""#)])
        #expect(two.map(\.1) == [2])
    }

    @Test("temporal_ordered: the rules must match in the listed order within the window")
    func temporalOrdered() throws {
        var harness = H(H.correlation("temporal_ordered", rules: ["rule_a", "rule_b"], condition: nil))
        let raised = try harness.run([
            (0, #""kind": "b", "src": "x""#), (1, #""kind": "a", "src": "x""#),  // b before a: not yet
            (2, #""kind": "b", "src": "x""#),  // a then b
            (3, #""kind": "a", "src": "y""#), (20, #""kind": "b", "src": "y""#),  // too far apart
        ])
        #expect(raised.map(\.0) == [2])
    }

    @Test("value_sum, value_avg and value_percentile aggregate a numeric field")
    func valueAggregates() throws {
        let events: [(Double, String)] = [
            (0, #""kind": "a", "src": "x", "bytes": 10"#), (1, #""kind": "a", "src": "x", "bytes": "50""#),
            (2, #""kind": "a", "src": "x", "bytes": "n/a""#), (3, #""kind": "a", "src": "x", "bytes": 60"#),
        ]
        var sum = H(H.correlation("value_sum", condition: "field: bytes, gt: 100"))
        #expect(try sum.run(events).map(\.1) == [120])
        #expect(sum.stage.counters.missingValues == 1)
        var average = H(H.correlation("value_avg", condition: "field: bytes, gte: 30"))
        #expect(try average.run(events).map(\.0) == [1])
        var percentile = H(H.correlation("value_percentile", condition: "field: bytes, gte: 55"))
        #expect(try percentile.run(events).map(\.1) == [60])
    }

    @Test("aliases group events of different rules by differently named fields")
    func aliases() throws {
        let extra = """
                aliases:
                    host:
                        rule_a: src
                        rule_b: client

            """
        var harness = H(
            H.correlation("event_count", rules: ["rule_a", "rule_b"], groupBy: ["host"], extra: extra))
        #expect(harness.correlations.correlations.first?.groupPaths == ["src"])
        let raised = try harness.run([
            (0, #""kind": "a", "src": "h1""#), (1, #""kind": "b", "client": "h1""#), (2, #""kind": "b", "src": "h1""#),
            (3, #""kind": "a", "src": "h1""#),
        ])
        #expect(raised.map(\.0) == [3])
    }

    @Test("a correlation over a correlation counts its alerts; the inner one does not alert on its own")
    func chains() throws {
        let inner = H.correlation("event_count", condition: "gte: 2", extra: "", title: "Inner", name: "inner")
            .replacing("timespan: 10s", with: "timespan: 5s")
        let outer = H.correlation("event_count", rules: ["inner"], timespan: "60s", condition: "gte: 2", title: "Outer")
        var harness = H(inner + "---\n" + outer)
        #expect(harness.diagnostics.filter { $0.severity == .error }.isEmpty, "\(harness.diagnostics)")
        let titles = harness.correlations.correlations.map(\.title)
        #expect(titles == ["Inner", "Outer"])
        #expect(!harness.correlations.writesAlerts(ofCorrelation: 0))
        #expect(harness.correlations.writesAlerts(ofCorrelation: 1))
        var raised: [(Double, Int)] = []
        for seconds in [0.0, 1, 20, 21] {
            for alert in try harness.feed(seconds, #""kind": "a", "src": "x""#) { raised.append((seconds, alert.correlation)) }
        }
        #expect(raised.map(\.0) == [1, 20 + 1, 21])
        #expect(raised.map(\.1) == [0, 0, 1])
    }

    @Test("a chained correlation grouping by a field its inner correlation does not carry is skipped, located")
    func chainField() {
        let inner = H.correlation("event_count", title: "Inner", name: "inner")
        let outer = H.correlation("event_count", rules: ["inner"], groupBy: ["dst"], title: "Outer")
        let harness = H(inner + "---\n" + outer)
        let error = harness.diagnostics.first { $0.code == "correlation.chain.field" }
        #expect(error?.location.line ?? 0 > 0)
        #expect(harness.correlations.correlations.map(\.title) == ["Inner"])
    }

    @Test("generate: base rules alert on their own only when a referencing correlation says so")
    func generate() {
        let silent = H(H.correlation("event_count"))
        #expect(!silent.correlations.writesAlerts(ofRule: 0))
        #expect(silent.correlations.writesAlerts(ofRule: 1))
        let generating = H(H.correlation("event_count", extra: "generate: true\n"))
        #expect(generating.correlations.writesAlerts(ofRule: 0))
    }

    @Test("a reference cycle built in code is reported at the correlation and left out")
    func cycle() throws {
        let first = H.correlation("event_count", rules: ["rule_a"], title: "One", name: "one")
        let second = H.correlation("event_count", rules: ["one"], title: "Two", name: "two")
        let (loaded, _) = RuleLoader().load(yaml: H.baseRules + "\n---\n" + first + "---\n" + second, file: "c.yml")
        var correlations = loaded.correlations
        correlations[0].rules = [RuleReference("two", location: correlations[0].location)]
        let ruleSet = RuleSet(rules: loaded.rules, correlations: correlations)
        let (rules, _) = RuleCompiler().compile(ruleSet)
        let (compiled, diagnostics) = CorrelationCompiler().compile(ruleSet, rules: rules)
        #expect(compiled.isEmpty)
        #expect(diagnostics.filter { $0.code == "correlation.rules.cycle" }.map(\.location) == correlations.map(\.location))
    }

    @Test("a reference to a rule that did not compile skips the correlation, located at the reference")
    func uncompiledReference() {
        let broken = """
            title: Broken
            name: broken
            status: test
            logsource:
                category: proxy
            detection:
                selection:
                    field|re: '('
                condition: selection
            level: low
            ---

            """
        let harness = H(broken + H.correlation("event_count", rules: ["broken"]))
        #expect(harness.correlations.isEmpty)
        #expect(harness.diagnostics.contains { $0.code == "correlation.rule.uncompiled" && $0.location.line > 1 })
    }

    @Test("options are validated")
    func options() {
        #expect(CorrelationOptions().validate() == nil)
        #expect(CorrelationOptions(latenessSeconds: -1).validate() != nil)
        #expect(CorrelationOptions(latenessSeconds: 8 * 86_400).validate() != nil)
        #expect(CorrelationOptions(maxGroups: 0).validate() != nil)
        #expect(CorrelationOptions(maxContributors: -1).validate() != nil)
        #expect(CorrelationOptions(percentile: 0).validate() != nil)
    }
}
