internal import DetectCore
public import DetectECS
internal import DetectJSON
public import DetectRules

/// Runs the cases of a ``RuleTestSuite`` against its ``RuleUnderTest``. Pure: no I/O.
///
/// Each event is normalized as `replay` normalizes a line (the case's `dataset`, else detected per record) and
/// evaluated with dataset routing, so the rule only sees events of the datasets its logsource maps to. A case
/// passes when the rule matches exactly when `match` says so and, with `field`, reports that field.
///
/// ```swift
/// var runner = RuleTestRunner(normalizer: ECSNormalizer(publicSuffixList: try PublicSuffixList()))
/// let (rule, errors) = RuleUnderTest.compile(suite, rules: ruleSet, pipelines: pipelines, iocs: catalog)
/// for result in rule.map({ runner.run(suite, against: $0) }) ?? [] { print(result.failureLine ?? "ok") }
/// ```
public struct RuleTestRunner: Sendable {
    private var normalizer: ECSNormalizer
    private var event = Event()
    private var documents = DocumentDatasetReader()

    /// A runner normalizing events with `normalizer`.
    public init(normalizer: ECSNormalizer) {
        self.normalizer = normalizer
    }

    /// The result of every case of `suite`, in file order.
    public mutating func run(_ suite: RuleTestSuite, against rule: RuleUnderTest) -> [RuleTestResult] {
        suite.cases.map { testCase in
            RuleTestResult(
                name: testCase.name, location: testCase.location, failure: self.failure(of: testCase, against: rule))
        }
    }

    /// Why `testCase` fails, or `nil` when it passes.
    private mutating func failure(of testCase: RuleTestCase, against rule: RuleUnderTest) -> String? {
        switch (testCase.expectedAlerts, rule.correlation) {
        case (let expected?, let correlation?):
            return self.correlationFailure(of: testCase, expected: expected, correlation: correlation, against: rule)
        case (_?, nil):
            return "a case with `events` and `alerts` tests a correlation; \(rule.title) is a detection rule"
        case (nil, _?):
            return "a case with `match` tests a detection rule; \(rule.title) is a correlation (use `events` and `alerts`)"
        case (nil, nil):
            break
        }
        var dataset: CloudflareDataset?
        if let name = testCase.dataset {
            guard let named = CloudflareDataset(name: name) else { return "`\(name)` is not a Cloudflare dataset name" }
            dataset = named
        }
        let record: NormalizedRecord
        do {
            record = try testCase.event.jsonLine.withUnsafeBytes { line throws(JSONError) in
                try self.normalizer.normalize(line, dataset: dataset, into: &self.event)
            }
        } catch {
            return "the event is not a valid JSON object: \(error)"
        }
        // Routed as replay routes: raw records by their dataset, ECS documents by the dataset they name.
        let routed: CloudflareDataset? =
            switch record {
            case .cloudflare(let dataset): dataset
            case .ecs: self.documents.dataset(of: self.event)
            case .unknown: nil
            }
        var scratch = EvaluationScratch()
        let match = rule.rules.evaluate(self.event, dataset: routed?.rawValue, scratch: &scratch)
            .first { $0.ruleIndex == rule.index }
        switch (testCase.expectsMatch, match) {
        case (true, nil):
            return "expected match, got none" + Self.routingHint(rule.rule, dataset: routed)
        case (true, let match?):
            guard let field = testCase.field, match.field != field else { return nil }
            return "expected a match on \(field), matched" + Self.describe(match)
        case (false, let match?):
            return "expected no match, matched" + Self.describe(match)
        case (false, nil):
            return nil
        }
    }

    /// Why a correlation case fails: its events, normalized and evaluated in order through a fresh correlation
    /// stage (default options), must raise `expected` alerts of the correlation under test.
    private mutating func correlationFailure(
        of testCase: RuleTestCase, expected: Int, correlation: Int, against rule: RuleUnderTest
    ) -> String? {
        let dataset = testCase.dataset.flatMap { CloudflareDataset(name: $0) }
        var stage = CorrelationStage(correlations: rule.correlations, rules: rule.rules)
        var scratch = EvaluationScratch()
        var alerts: [CorrelationAlert] = []
        for (position, event) in testCase.events.enumerated() {
            let line = event.jsonLine
            let record: NormalizedRecord
            do {
                record = try line.withUnsafeBytes { line throws(JSONError) in
                    try self.normalizer.normalize(line, dataset: dataset, into: &self.event)
                }
            } catch {
                return "event \(position + 1) is not a valid JSON object: \(error)"
            }
            let routed: CloudflareDataset? =
                switch record {
                case .cloudflare(let dataset): dataset
                case .ecs: self.documents.dataset(of: self.event)
                case .unknown: nil
                }
            let matches = rule.rules.evaluate(self.event, dataset: routed?.rawValue, scratch: &scratch)
            line.withUnsafeBytes { line in stage.process(self.event, matches: matches, line: line, into: &alerts) }
        }
        let raised = alerts.count { $0.correlation == correlation }
        guard raised != expected else { return nil }
        var reason = "expected \(expected) correlation alert\(expected == 1 ? "" : "s"), got \(raised)"
        let counters = stage.counters
        if counters.untimedEvents > 0 { reason += " (\(counters.untimedEvents) events without a usable @timestamp)" }
        if counters.lateEvents > 0 { reason += " (\(counters.lateEvents) late events left out)" }
        return reason
    }

    /// ` (selection field=value)`: what made the rule match, when the evaluator found a witness.
    static func describe(_ match: RuleMatch) -> String {
        var parts: [String] = []
        if let selection = match.selection { parts.append(selection) }
        if let field = match.field {
            parts.append("\(field)=\(match.value ?? "null")")
        } else if let value = match.value {
            parts.append("\"\(value)\"")
        }
        return parts.isEmpty ? "" : " (" + parts.joined(separator: " ") + ")"
    }

    /// ` (the rule runs on …; the event is …)` when the event's dataset is not one the rule runs on.
    static func routingHint(_ rule: CompiledRule, dataset: CloudflareDataset?) -> String {
        guard let datasets = rule.datasets else { return "" }
        let runsOn = "the rule runs on \(datasets.joined(separator: ", "))"
        guard let dataset else { return " (\(runsOn); the event's dataset is unknown: give `dataset`)" }
        guard !datasets.contains(dataset.rawValue) else { return "" }
        return " (\(runsOn); the event is \(dataset.rawValue))"
    }
}
