public import DetectCore
public import DetectRules

/// The rule or correlation a ``RuleTestSuite`` tests, compiled with the suite's IOC lists: what
/// ``RuleTestRunner`` runs.
public struct RuleUnderTest: Sendable {
    /// The compiled rules of the rule file (the rule under test among them), and for a correlation the rules
    /// it references.
    public let rules: CompiledRuleSet
    /// The index of the rule under test in ``rules`` (for a correlation under test: 0, unused).
    public let index: Int
    /// The compiled correlations (empty unless a correlation is under test).
    public let correlations: CompiledCorrelationSet
    /// The index of the correlation under test in ``correlations``, or `nil` when a detection rule is.
    public let correlation: Int?

    init(rules: CompiledRuleSet, index: Int, correlations: CompiledCorrelationSet = .empty, correlation: Int? = nil) {
        self.rules = rules
        self.index = index
        self.correlations = correlations
        self.correlation = correlation
    }

    /// The rule under test (a detection rule).
    public var rule: CompiledRule { self.rules.rules[self.index] }

    /// The title of the rule or correlation under test.
    public var title: String {
        self.correlation.map { self.correlations.correlations[$0].title } ?? self.rule.title
    }

    /// Compiles the rules of a test file's sibling rule file and picks the rule under test: the one `rule:`
    /// names (by title or id), else the file's only rule. When the sibling file holds correlations (and `rule:`
    /// names one of them, or the file has no detection rule), the correlation is under test instead, compiled
    /// against every loaded rule.
    ///
    /// - Parameters:
    ///   - suite: The test file.
    ///   - rules: The rules loaded from the sibling rule file (the first of `files`), followed for a
    ///     correlation by the files that hold the rules it references.
    ///   - pipelines: The processing pipelines.
    ///   - iocs: The loaded IOC lists; the suite's `iocs:` replace same-named ones.
    /// - Returns: The rule under test, or `nil` and the errors saying why (`test.rule.missing`,
    ///   `test.rule.ambiguous`, or the compiler's errors for the rule).
    public static func compile(
        _ suite: RuleTestSuite, rules: RuleSet, pipelines: [ProcessingPipeline], iocs: IOCCatalog
    ) -> (RuleUnderTest?, [Diagnostic]) {
        let ruleFile = rules.files.first ?? "the rule file"
        let ownRules = rules.rules.filter { $0.location.file == ruleFile }
        let ownCorrelations = rules.correlations.filter { $0.location.file == ruleFile }
        let namesCorrelation = suite.rule.map { name in ownCorrelations.contains { $0.title == name || $0.id == name } }
        if namesCorrelation ?? (ownRules.isEmpty && !ownCorrelations.isEmpty) {
            return Self.compileCorrelation(
                suite, rules: rules, candidates: ownCorrelations, pipelines: pipelines, iocs: iocs)
        }
        let selected: SigmaRule
        if let name = suite.rule {
            let named = ownRules.filter { $0.title == name || $0.id == name }
            guard let rule = named.first else {
                let message = "`\(name)` is neither the title nor the id of a rule of \(ruleFile) that loads"
                return (nil, [Diagnostic(.ruleMissing, message, at: suite.ruleLocation)])
            }
            selected = rule
        } else {
            let start = SourceLocation(file: suite.file, line: 1, column: 1)
            guard ownRules.count <= 1 else {
                let message =
                    "\(ruleFile) holds \(ownRules.count) rules; name the one under test with `rule:` (title or id)"
                return (nil, [Diagnostic(.ruleAmbiguous, message, at: start)])
            }
            guard let rule = ownRules.first else {
                return (nil, [Diagnostic(.ruleMissing, "\(ruleFile) holds no rule that loads", at: start)])
            }
            selected = rule
        }
        let compiler = RuleCompiler(pipelines: pipelines, iocs: suite.iocCatalog(over: iocs))
        let (compiled, diagnostics) = compiler.compile(rules)
        guard let index = compiled.rules.firstIndex(where: { $0.rule.location == selected.location }) else {
            let errors = diagnostics.filter { $0.severity == .error && $0.ruleID == selected.id }
            guard errors.isEmpty else { return (nil, errors) }
            let message = "the rule `\(selected.title)` does not compile"
            return (nil, [Diagnostic(.ruleMissing, message, at: selected.location)])
        }
        return (RuleUnderTest(rules: compiled, index: index), [])
    }

    /// The correlation of `candidates` that `rule:` names, else the only one, compiled with every rule.
    private static func compileCorrelation(
        _ suite: RuleTestSuite, rules: RuleSet, candidates: [CorrelationRule], pipelines: [ProcessingPipeline],
        iocs: IOCCatalog
    ) -> (RuleUnderTest?, [Diagnostic]) {
        let ruleFile = rules.files.first ?? "the rule file"
        let start = SourceLocation(file: suite.file, line: 1, column: 1)
        let named = suite.rule.map { name in candidates.filter { $0.title == name || $0.id == name } } ?? candidates
        guard named.count == 1, let selected = named.first else {
            let message =
                "\(ruleFile) holds \(candidates.count) correlations; name the one under test with `rule:` (title or id)"
            return (nil, [Diagnostic(.ruleAmbiguous, message, at: start)])
        }
        let (compiled, ruleDiagnostics) = RuleCompiler(pipelines: pipelines, iocs: suite.iocCatalog(over: iocs))
            .compile(rules)
        let (correlations, diagnostics) = CorrelationCompiler(pipelines: pipelines).compile(rules, rules: compiled)
        guard let position = correlations.correlations.firstIndex(where: { $0.rule.location == selected.location })
        else {
            let errors = (ruleDiagnostics + diagnostics).filter { $0.severity == .error && $0.location.file == ruleFile }
            guard errors.isEmpty else { return (nil, errors) }
            let message = "the correlation `\(selected.title)` does not compile"
            return (nil, [Diagnostic(.ruleMissing, message, at: selected.location)])
        }
        return (RuleUnderTest(rules: compiled, index: 0, correlations: correlations, correlation: position), [])
    }
}

extension RuleTestSuite {
    /// The IOC lists for these cases: `base`, with the file's `iocs:` lists replacing same-named ones.
    public func iocCatalog(over base: IOCCatalog) -> IOCCatalog {
        var catalog = base
        for list in self.iocs {
            let entries = list.entries.map { IOCList.Entry($0.value, location: $0.location) }
            catalog = catalog.adding(IOCList(name: list.name, file: self.file, entries: entries))
        }
        return catalog
    }
}
