/// Everything loaded from a set of paths: the valid documents, and the documents skipped because of errors.
public struct RuleSet: Sendable {
    /// Detection rules without errors, in load order.
    public private(set) var rules: [SigmaRule]
    /// Correlation rules without errors whose references all resolve, in load order.
    public private(set) var correlations: [CorrelationRule]
    /// Filters without errors, in load order.
    public private(set) var filters: [SigmaFilter]
    /// Pipelines found among the loaded documents, in load order (use `sortedByPriority` to run them).
    public private(set) var pipelines: [ProcessingPipeline]
    /// Documents skipped because of errors.
    public private(set) var rejected: [RejectedDocument]
    /// The files read, in order.
    public private(set) var files: [String]

    private var ruleIndex: [String: Int] = [:]
    private var correlationIndex: [String: Int] = [:]

    /// Memberwise initializer (the loader builds these; compilers and tests may too).
    public init(
        rules: [SigmaRule] = [], correlations: [CorrelationRule] = [], filters: [SigmaFilter] = [],
        pipelines: [ProcessingPipeline] = [], rejected: [RejectedDocument] = [], files: [String] = []
    ) {
        self.rules = rules
        self.correlations = correlations
        self.filters = filters
        self.pipelines = pipelines
        self.rejected = rejected
        self.files = files
        for (index, rule) in rules.enumerated() {
            for key in [rule.id, rule.name].compactMap({ $0 }) where self.ruleIndex[key] == nil {
                self.ruleIndex[key] = index
            }
        }
        for (index, correlation) in correlations.enumerated() {
            for key in [correlation.id, correlation.name].compactMap({ $0 }) where self.correlationIndex[key] == nil {
                self.correlationIndex[key] = index
            }
        }
    }

    /// The rule whose `id` or `name` is `reference`.
    public func rule(referencedBy reference: String) -> SigmaRule? {
        self.ruleIndex[reference].map { self.rules[$0] }
    }

    /// The correlation rule whose `id` or `name` is `reference`.
    public func correlation(referencedBy reference: String) -> CorrelationRule? {
        self.correlationIndex[reference].map { self.correlations[$0] }
    }

    /// The filters that name `rule` (by id or name), in load order.
    public func filters(for rule: SigmaRule) -> [SigmaFilter] {
        self.filters.filter { $0.applies(to: rule) }
    }

    /// Number of documents read (loaded plus rejected).
    public var documentCount: Int {
        self.rules.count + self.correlations.count + self.filters.count + self.pipelines.count + self.rejected.count
    }
}
