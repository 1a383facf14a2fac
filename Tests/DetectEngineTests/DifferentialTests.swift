import DetectCore
import DetectEngine
import DetectRules
import Foundation
import DetectTesting
import Testing

/// Property tests: the compiled evaluator agrees with the reference interpreter (Reference/) on generated
/// rules and events. Each seed is reproducible (SplitMix64); a failure prints the seed, the rule and the event.
struct DifferentialTests {
    static let iocs = IOCCatalog([
        IOCList(name: "list_a", values: ["ab", "cmd.exe", "x", "é", "a*b", "10", "CMD", "/c", "x-1"]),
        IOCList(name: "nets", values: ["10.0.0.0/8", "8.8.8.8", "bogus", "2001:db8::/48"]),
    ])

    @Test("the compiled evaluator agrees with the reference interpreter", arguments: 0..<24)
    func agreesWithReference(seed: Int) throws {
        var rules = RandomRules(random: SplitMix64(seed: UInt64(seed) &* 0x1000_0001))
        var events = RandomEvents(random: SplitMix64(seed: UInt64(seed) &* 0x2000_0003 &+ 7))
        let yaml = (0..<60).map { rules.rule(index: seed * 1000 + $0) }.joined(separator: "---\n")
        let pipelines = EngineTestSupport.pipelines(RandomRules.pipeline)
        #expect(pipelines.count == 1)
        let (ruleSet, _) = RuleLoader().load(yaml: yaml, file: "generated-\(seed).yml")
        // Most generated rules are valid Sigma (the generator may combine modifiers the loader rejects).
        #expect(ruleSet.rules.count >= 45, "only \(ruleSet.rules.count) of 60 generated rules loaded")
        let (compiled, diagnostics) = RuleCompiler(pipelines: pipelines, iocs: Self.iocs).compile(ruleSet)
        let errors = diagnostics.filter { $0.severity == .error }
        #expect(errors.isEmpty, "\(errors.map(\.description))")
        #expect(compiled.count == ruleSet.rules.count)

        let reference = ReferenceInterpreter(pipelines: pipelines, iocs: Self.iocs)
        var scratch = EvaluationScratch()
        var mismatches = 0
        var matched = 0
        var compared = 0
        for _ in 0..<80 {
            let json = events.event()
            let event = try EngineTestSupport.event(json)
            let object = try ReferenceJSON.object(json)
            let routed = Set(compiled.evaluate(event, dataset: nil, scratch: &scratch).map(\.ruleIndex))
            for (index, compiledRule) in compiled.rules.enumerated() {
                let rule = compiledRule.rule
                let expected = reference.matches(rule, filters: ruleSet.filters(for: rule), event: object)
                let match = compiled.matches(rule: index, event: event, scratch: &scratch)
                compared += 1
                if expected { matched += 1 }
                if (match != nil) != expected || routed.contains(index) != expected {
                    mismatches += 1
                    if mismatches <= 5 {
                        Issue.record(
                            """
                            seed \(seed): compiled \(match != nil), routed \(routed.contains(index)), reference \(expected)
                            rule:
                            \(Self.source(of: rule, in: yaml))
                            event: \(json)
                            """)
                    }
                }
                if let match { self.checkWitness(match, object: object, json: json) }
            }
        }
        #expect(mismatches == 0)
        // The pools are small so that both outcomes are well represented.
        #expect(matched > compared / 50, "only \(matched) matches in \(compared) comparisons")
        #expect(matched < compared - compared / 50)
    }

    /// The reported value is a value of the reported field (or a string of the event, for keywords).
    private func checkWitness(_ match: RuleMatch, object: [String: Any], json: String) {
        guard let value = match.value else { return }
        let candidates: [String]
        if let field = match.field {
            candidates = ReferenceJSON.resolve(field, in: object).compactMap(\.text)
        } else {
            candidates = ReferenceJSON.strings(in: object)
        }
        let found =
            candidates.contains(value) || candidates.contains { Double($0) != nil && Double($0) == Double(value) }
        #expect(found, "witness \(match) not in \(json)")
    }

    /// The YAML of the generated document holding `rule`, for failure messages.
    private static func source(of rule: SigmaRule, in yaml: String) -> String {
        let documents = yaml.components(separatedBy: "---\n")
        return documents.first { $0.contains(rule.id ?? "?") } ?? rule.title
    }
}
