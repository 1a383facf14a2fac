public import DetectCore
public import DetectRules

/// Compiles loaded Sigma rules into a ``CompiledRuleSet``: fields mapped by the processing pipelines and
/// interned, values folded and grouped into sets and automata, regular expressions compiled by PCRE2 with
/// JIT, logsources routed to datasets, filters applied.
///
/// Problems become diagnostics (codes in ``EngineDiagnosticCode``; `docs/semantics.md`): a rule with an error
/// (an invalid regular expression, a value that expands too far) is skipped, the others compile. Nothing is
/// thrown and nothing traps.
///
/// ```swift
/// let (ruleSet, loadDiagnostics) = RuleLoader.load(paths: ["Rules/"])
/// let (pipelines, pipelineDiagnostics) = RuleLoader().loadPipelines(paths: ["Rules/pipelines/cloudflare-ecs.yml"])
/// let (catalog, iocDiagnostics) = IOCListLoader().load(directories: ["Rules/iocs"])
/// let (compiled, diagnostics) = RuleCompiler(pipelines: pipelines, iocs: catalog).compile(ruleSet)
/// ```
public struct RuleCompiler: Sendable {
    /// Compiler settings.
    public struct Options: Hashable, Sendable {
        /// From this many literals of one shape on one item (exact, prefix, suffix, substring), the literals
        /// are compiled into one set or automaton instead of separate comparisons.
        public var setThreshold: Int
        /// The most values one `expand` value may stand for (the product of its placeholders' list sizes);
        /// beyond it the rule gets a `rule.value.expansion` error.
        public var maxExpansions: Int
        /// The most `windash` variants one value may have (5 per switch character: 15,625 is six switches;
        /// the SigmaHQ corpus has at most two); beyond it the rule gets a `rule.value.expansion` error.
        public var maxWindashVariants: Int
        /// The most memory one Aho-Corasick automaton may take (see `MultiLiteralMatcher`).
        public var maxAutomatonBytes: Int
        /// Whether rules are indexed by a value they require (`docs/performance.md`, Rule index), so that an
        /// event is evaluated only against the rules that can match it. Matches are the same either way.
        public var indexesRules: Bool

        /// Settings; every parameter defaults to the documented default.
        public init(
            setThreshold: Int = 4, maxExpansions: Int = 1_000_000, maxWindashVariants: Int = 15_625,
            maxAutomatonBytes: Int = 64 << 20, indexesRules: Bool = true
        ) {
            self.setThreshold = setThreshold
            self.maxExpansions = maxExpansions
            self.maxWindashVariants = maxWindashVariants
            self.maxAutomatonBytes = maxAutomatonBytes
            self.indexesRules = indexesRules
        }
    }

    /// The processing pipelines (run in ascending priority). Pipelines found among the rule documents
    /// (``RuleSet/pipelines``) are added to these at compile time.
    public var pipelines: [ProcessingPipeline]
    /// The IOC lists `%placeholder%` values resolve to when no pipeline binds them.
    public var iocs: IOCCatalog
    /// Settings.
    public var options: Options

    /// A compiler.
    ///
    /// - Parameters:
    ///   - pipelines: Field mappings, logsource → dataset routes, placeholder bindings, declared fields.
    ///   - iocs: IOC lists for `expand`.
    ///   - options: Settings.
    public init(pipelines: [ProcessingPipeline] = [], iocs: IOCCatalog = .empty, options: Options = Options()) {
        self.pipelines = pipelines
        self.iocs = iocs
        self.options = options
    }

    /// Compiles every rule of `ruleSet` (correlation rules are not compiled here).
    ///
    /// - Parameter ruleSet: Rules and filters from ``RuleLoader``.
    /// - Returns: The compiled set (rules with errors left out) and the compiler's diagnostics, sorted by file,
    ///   line and column. The loader's own diagnostics are not repeated.
    public func compile(_ ruleSet: RuleSet) -> (CompiledRuleSet, [Diagnostic]) {
        var pipelines = self.pipelines
        for pipeline in ruleSet.pipelines where !pipelines.contains(pipeline) { pipelines.append(pipeline) }
        let session = CompileSession(pipelines: pipelines, iocs: self.iocs, options: self.options)
        var compiled: [CompiledRule] = []
        compiled.reserveCapacity(ruleSet.rules.count)
        for rule in ruleSet.rules {
            if let rule = session.compile(rule, filters: ruleSet.filters(for: rule)) { compiled.append(rule) }
        }
        let fields = session.compiledFields()
        let diagnostics = session.diagnostics.sorted {
            ($0.location.file, $0.location.line, $0.location.column, $0.code)
                < ($1.location.file, $1.location.line, $1.location.column, $1.code)
        }
        let ruleSet = CompiledRuleSet(
            rules: compiled, fields: fields, program: session.program.program, indexed: self.options.indexesRules)
        return (ruleSet, diagnostics)
    }
}
