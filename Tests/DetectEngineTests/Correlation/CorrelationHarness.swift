import DetectCore
import DetectEngine
import DetectRules

/// Three base rules (`rule_a`, `rule_b`, `rule_c`: `kind` is `a`, `b` or `c`) plus correlation documents,
/// compiled, and a stage fed with events at given seconds.
struct CorrelationHarness {
    static let baseRules = ["a", "b", "c"].map { kind in
        """
        title: Rule \(kind.uppercased())
        id: 00000000-0000-4000-8000-00000000000\(kind == "a" ? 1 : kind == "b" ? 2 : 3)
        name: rule_\(kind)
        status: test
        logsource:
            category: proxy
        detection:
            selection:
                kind: \(kind)
            condition: selection
        level: low
        """
    }.joined(separator: "\n---\n")

    let rules: CompiledRuleSet
    let correlations: CompiledCorrelationSet
    let diagnostics: [Diagnostic]
    var stage: CorrelationStage
    private var scratch = EvaluationScratch()

    init(_ correlationYAML: String, options: CorrelationOptions = CorrelationOptions()) {
        let (ruleSet, loadDiagnostics) = RuleLoader().load(
            yaml: Self.baseRules + "\n---\n" + correlationYAML, file: "correlation.yml")
        let (rules, ruleDiagnostics) = RuleCompiler().compile(ruleSet)
        let (correlations, diagnostics) = CorrelationCompiler().compile(ruleSet, rules: rules)
        self.rules = rules
        self.correlations = correlations
        self.diagnostics = loadDiagnostics + ruleDiagnostics + diagnostics
        self.stage = CorrelationStage(correlations: correlations, rules: rules, options: options)
    }

    /// The RFC 3339 text of `seconds` after 2024-05-14T00:00:00Z.
    static func timestamp(_ seconds: Double) -> String {
        let whole = Int(seconds.rounded(.down))
        let micros = Int(((seconds - Double(whole)) * 1_000_000).rounded())
        let (h, m, s) = (whole / 3600, whole / 60 % 60, whole % 60)
        func two(_ n: Int) -> String { n < 10 ? "0\(n)" : "\(n)" }
        var fraction = String(micros)
        while fraction.count < 6 { fraction = "0" + fraction }
        return "2024-05-14T\(two(h)):\(two(m)):\(two(s)).\(fraction)Z"
    }

    /// Feeds one event at `seconds` with the extra JSON members `fields` (`"kind": "a", "src": "x"`).
    mutating func feed(_ seconds: Double, _ fields: String) throws -> [CorrelationAlert] {
        let json = "{\"@timestamp\": \"\(Self.timestamp(seconds))\", \(fields)}"
        let event = try EngineTestSupport.event(json)
        let matches = self.rules.evaluate(event, dataset: nil, scratch: &self.scratch)
        var alerts: [CorrelationAlert] = []
        Array(json.utf8).withUnsafeBytes { line in
            self.stage.process(event, matches: matches, line: line, into: &alerts)
        }
        return alerts
    }

    /// Feeds events `(seconds, fields)` in order; returns the seconds at which alerts were raised, with their
    /// measured values.
    mutating func run(_ events: [(Double, String)]) throws -> [(Double, Double)] {
        var raised: [(Double, Double)] = []
        for (seconds, fields) in events {
            for alert in try self.feed(seconds, fields) {
                raised.append((seconds, alert.measured))
            }
        }
        return raised
    }

    /// A correlation document.
    static func correlation(
        _ type: String, rules: [String] = ["rule_a"], groupBy: [String] = ["src"], timespan: String = "10s",
        condition: String? = "gte: 3", extra: String = "", title: String = "Test correlation", name: String? = nil
    ) -> String {
        var text = """
            title: \(title)
            \(name.map { "name: \($0)\n" } ?? "")status: test
            correlation:
                type: \(type)
                rules: [\(rules.joined(separator: ", "))]
                group-by: [\(groupBy.joined(separator: ", "))]
                timespan: \(timespan)

            """
        if let condition { text += "    condition: {\(condition)}\n" }
        text += extra
        text += "level: high\n"
        return text
    }
}
