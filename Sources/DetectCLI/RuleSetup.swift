import DetectCore
import DetectEngine
import DetectRules

/// Loads pipelines, IOC lists and rules, and compiles the rules: what `validate` checks and `replay` runs.
///
/// Pure apart from reading the files; the commands print the result.
struct RuleSetup {
    /// The rules that compiled.
    let compiled: CompiledRuleSet
    /// The correlation rules that compiled (against ``compiled``).
    let correlations: CompiledCorrelationSet
    /// The rules, correlations, filters and rejected documents as loaded.
    let ruleSet: RuleSet
    /// Every diagnostic, sorted by file, line, column, then severity, code and message; no duplicates.
    let diagnostics: [Diagnostic]
    /// The further copies asked for: sets equal to ``compiled`` but sharing no matcher with it, so that threads
    /// evaluating with separate copies do not contend on their reference counts.
    let copies: [CompiledRuleSet]

    /// Loads and compiles everything; `copies` is how many compiled sets are wanted in all (one per evaluating
    /// thread): the others are compiled at the same time as ``compiled``, each on a thread of its own.
    init(rulePaths: [String], pipelinePaths: [String], iocDirectories: [String], copies: Int = 1) {
        let loader = RuleLoader()
        let (pipelines, pipelineDiagnostics) = loader.loadPipelines(paths: pipelinePaths)
        let (catalog, iocDiagnostics) = IOCListLoader().load(directories: iocDirectories)
        let (ruleSet, ruleDiagnostics) = loader.load(paths: rulePaths)
        // The compiler adds the pipelines found among the rules (skipping those equal to one of these, as when
        // `validate Rules/` reads Rules/pipelines/ both ways) and leaves out the rules it cannot compile.
        let compiler = RuleCompiler(pipelines: pipelines, iocs: catalog)
        let others = (1..<max(copies, 1)).map { _ in BackgroundValue { compiler.compile(ruleSet).0 } }
        let (compiled, compileDiagnostics) = compiler.compile(ruleSet)
        let (correlations, correlationDiagnostics) = CorrelationCompiler(pipelines: pipelines)
            .compile(ruleSet, rules: compiled)
        self.compiled = compiled
        self.correlations = correlations
        self.ruleSet = ruleSet
        // `compile` does not throw: every copy is there.
        self.copies = others.map { (try? $0.result().get()).unsafelyUnwrapped }
        self.diagnostics = Self.sorted(
            pipelineDiagnostics + iocDiagnostics + ruleDiagnostics + compileDiagnostics + correlationDiagnostics)
    }

    /// Error diagnostics.
    var errorCount: Int { self.diagnostics.count { $0.severity == .error } }
    /// Warning diagnostics.
    var warningCount: Int { self.diagnostics.count { $0.severity == .warning } }

    /// Sorted by file, line, column, severity (errors first), code, message; exact duplicates removed (a file
    /// both given with `--pipeline` and found among the rules is read twice).
    static func sorted(_ diagnostics: [Diagnostic]) -> [Diagnostic] {
        let ordered = diagnostics.sorted { lhs, rhs in
            let a = lhs.location
            let b = rhs.location
            if a.file != b.file { return a.file < b.file }
            if a.line != b.line { return a.line < b.line }
            if a.column != b.column { return a.column < b.column }
            if lhs.severity != rhs.severity { return lhs.severity > rhs.severity }
            if lhs.code != rhs.code { return lhs.code < rhs.code }
            return lhs.message < rhs.message
        }
        var unique: [Diagnostic] = []
        unique.reserveCapacity(ordered.count)
        for diagnostic in ordered where unique.last != diagnostic { unique.append(diagnostic) }
        return unique
    }
}
