import DetectCore
import DetectEngine
import DetectRules
import Foundation
import Testing

/// Compiles every rule of the public SigmaHQ corpus (`../shared/sigma-corpus`), when present.
struct CorpusCompileTests {
    /// The `rules*` folders of the corpus, or `nil` (with the notice printed) when it is absent.
    static func ruleFolders() throws -> [String]? {
        let root = EngineTestSupport.corpusRoot.path
        guard FileManager.default.fileExists(atPath: root) else {
            print("skipped: ../shared/sigma-corpus not found")
            return nil
        }
        return try FileManager.default.contentsOfDirectory(atPath: root)
            .filter { $0.hasPrefix("rules") }.sorted().map { root + "/" + $0 }
    }

    @Test("every corpus rule compiles, or its diagnostic names the unsupported feature")
    func compilesTheCorpus() throws {
        guard let folders = try Self.ruleFolders() else { return }
        let start = ContinuousClock.now
        let (ruleSet, _) = RuleLoader.load(paths: folders)
        let loaded = ContinuousClock.now
        let (compiled, diagnostics) = RuleCompiler().compile(ruleSet)
        let end = ContinuousClock.now

        var byCode: [String: Int] = [:]
        for diagnostic in diagnostics { byCode["\(diagnostic.severity.rawValue) \(diagnostic.code)", default: 0] += 1 }
        let errors = diagnostics.filter { $0.severity == .error }
        let failedRules = Set(errors.compactMap(\.ruleID))
        print(
            "corpus: \(ruleSet.rules.count) rules loaded, \(compiled.count) compiled, \(failedRules.count) with errors; "
                + "load \(loaded - start), compile \(end - loaded) (debug build)")
        for (code, count) in byCode.sorted(by: { $0.key < $1.key }) { print("  \(code): \(count)") }
        for diagnostic in errors.prefix(20) { print("  \(diagnostic)") }

        #expect(compiled.count + failedRules.count == ruleSet.rules.count)
        // A rule that does not compile says why, as an unsupported feature or an invalid value.
        for error in errors {
            #expect(
                error.message.contains("unsupported feature")
                    || error.code == EngineDiagnosticCode.ruleValueRegex.rawValue,
                "\(error)")
        }
        // Regression figure: every rule of the corpus compiles.
        #expect(compiled.count == 3780)
        // Without pipelines every logsource is unmapped: one warning per rule.
        #expect(byCode["warning rule.logsource.unmapped"] == ruleSet.rules.count)
    }

    @Test("with the shipped pipeline, the corpus compiles and routes the network and web rules")
    func compilesWithShippedPipeline() throws {
        guard let folders = try Self.ruleFolders() else { return }
        let pipelineDirectory = EngineTestSupport.packageRoot.appendingPathComponent("Rules/pipelines").path
        guard FileManager.default.fileExists(atPath: pipelineDirectory) else {
            print("skipped: Rules/pipelines not found")
            return
        }
        let (pipelines, pipelineDiagnostics) = RuleLoader().loadPipelines(paths: [pipelineDirectory])
        #expect(pipelineDiagnostics.filter { $0.severity == .error }.isEmpty)
        let (ruleSet, _) = RuleLoader.load(paths: folders)
        let (compiled, diagnostics) = RuleCompiler(pipelines: pipelines).compile(ruleSet)
        var byCode: [String: Int] = [:]
        for diagnostic in diagnostics { byCode["\(diagnostic.severity.rawValue) \(diagnostic.code)", default: 0] += 1 }
        let routed = compiled.rules.filter { $0.datasets != nil }.count
        print("corpus with the shipped pipeline: \(compiled.count) compiled, \(routed) routed to datasets")
        for dataset in compiled.datasets {
            print(
                "  \(dataset): \(compiled.ruleIndices(forDataset: dataset).count - (compiled.count - routed)) routed rules"
            )
        }
        for (code, count) in byCode.sorted(by: { $0.key < $1.key }) { print("  \(code): \(count)") }
        #expect(compiled.count == ruleSet.rules.count)
        #expect(!diagnostics.contains { $0.severity == .error })
        #expect(routed > 200)
    }
}
