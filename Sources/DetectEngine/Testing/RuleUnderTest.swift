public import DetectCore
public import DetectRules

/// The rule a ``RuleTestSuite`` tests, compiled with the suite's IOC lists: what ``RuleTestRunner`` runs.
public struct RuleUnderTest: Sendable {
    /// The compiled rules of the rule file (the rule under test among them).
    public let rules: CompiledRuleSet
    /// The index of the rule under test in ``rules``.
    public let index: Int

    /// The rule under test.
    public var rule: CompiledRule { self.rules.rules[self.index] }

    /// Compiles the rules of a test file's sibling rule file and picks the rule under test: the one `rule:`
    /// names (by title or id), else the file's only rule.
    ///
    /// - Parameters:
    ///   - suite: The test file.
    ///   - rules: The rules loaded from the sibling rule file.
    ///   - pipelines: The processing pipelines.
    ///   - iocs: The loaded IOC lists; the suite's `iocs:` replace same-named ones.
    /// - Returns: The rule under test, or `nil` and the errors saying why (`test.rule.missing`,
    ///   `test.rule.ambiguous`, or the compiler's errors for the rule).
    public static func compile(
        _ suite: RuleTestSuite, rules: RuleSet, pipelines: [ProcessingPipeline], iocs: IOCCatalog
    ) -> (RuleUnderTest?, [Diagnostic]) {
        let ruleFile = rules.files.first ?? "the rule file"
        let selected: SigmaRule
        if let name = suite.rule {
            let named = rules.rules.filter { $0.title == name || $0.id == name }
            guard let rule = named.first else {
                let message = "`\(name)` is neither the title nor the id of a rule of \(ruleFile) that loads"
                return (nil, [Diagnostic(.ruleMissing, message, at: suite.ruleLocation)])
            }
            selected = rule
        } else {
            let start = SourceLocation(file: suite.file, line: 1, column: 1)
            guard rules.rules.count <= 1 else {
                let message =
                    "\(ruleFile) holds \(rules.rules.count) rules; name the one under test with `rule:` (title or id)"
                return (nil, [Diagnostic(.ruleAmbiguous, message, at: start)])
            }
            guard let rule = rules.rules.first else {
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
