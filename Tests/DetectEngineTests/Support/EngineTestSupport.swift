import DetectCore
import DetectEngine
import DetectJSON
import DetectRules
import Foundation

/// Helpers shared by the DetectEngine suites.
enum EngineTestSupport {
    /// The package root, found from this file's path (Tests/DetectEngineTests/Support/EngineTestSupport.swift).
    static let packageRoot: URL = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()

    /// `../shared/sigma-corpus`, next to the package.
    static let corpusRoot = packageRoot.deletingLastPathComponent().appendingPathComponent("shared/sigma-corpus")

    /// A rule document around a detection body (already indented by 4 spaces per level under `detection:`).
    static func rule(
        _ detection: String, id: String = "00000000-0000-4000-8000-000000000001", title: String = "Test rule",
        logsource: String = "    category: proxy"
    ) -> String {
        """
        title: \(title)
        id: \(id)
        status: test
        logsource:
        \(logsource)
        detection:
        \(detection)
        level: medium
        """
    }

    /// Loads YAML (rules, filters, pipelines) and compiles it; the loader's diagnostics come first.
    static func compile(
        _ yaml: String, pipelines: [ProcessingPipeline] = [], iocs: IOCCatalog = .empty, file: String = "test.yml"
    ) -> (CompiledRuleSet, [Diagnostic], RuleSet) {
        let (ruleSet, loadDiagnostics) = RuleLoader().load(yaml: yaml, file: file)
        let (compiled, diagnostics) = RuleCompiler(pipelines: pipelines, iocs: iocs).compile(ruleSet)
        return (compiled, loadDiagnostics + diagnostics, ruleSet)
    }

    /// Pipelines from YAML text.
    static func pipelines(_ yaml: String) -> [ProcessingPipeline] {
        RuleLoader().load(yaml: yaml, file: "pipeline.yml").0.pipelines
    }

    /// An event whose root entry is the JSON object `json`.
    static func event(_ json: String) throws -> Event {
        var event = Event()
        let bytes = Array(json.utf8)
        let root = try bytes.withUnsafeBytes { try JSONParser().parseObject($0, into: &event.tape) }
        event.set(.root, node: root)
        return event
    }

    /// The matches of `event` against every rule, routed as `dataset` says.
    static func evaluate(_ compiled: CompiledRuleSet, _ json: String, dataset: String? = nil) throws -> [RuleMatch] {
        var scratch = EvaluationScratch()
        return compiled.evaluate(try self.event(json), dataset: dataset, scratch: &scratch)
    }

    /// Compiles one rule around `detection` and tells whether it matches `json` (routing ignored).
    static func matches(_ detection: String, _ json: String, iocs: IOCCatalog = .empty) throws -> Bool {
        let (compiled, diagnostics, _) = self.compile(self.rule(detection), iocs: iocs)
        let errors = diagnostics.filter { $0.severity == .error }
        guard errors.isEmpty, compiled.count == 1 else {
            throw SetupError(message: "rule did not compile: \(diagnostics.map(\.description))")
        }
        var scratch = EvaluationScratch()
        return compiled.matches(rule: 0, event: try self.event(json), scratch: &scratch) != nil
    }

    struct SetupError: Error, CustomStringConvertible {
        let message: String
        var description: String { self.message }
    }
}
