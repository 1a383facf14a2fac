public import DetectCore

/// A Sigma correlation (meta) rule, loaded and validated (specification 2.1). Model only: windows are evaluated
/// by the engine.
public struct CorrelationRule: SigmaDocument, Hashable {
    /// Title, id, name, status, level, tags and the other descriptive attributes.
    public var metadata: RuleMetadata
    /// The correlation type.
    public var type: CorrelationType
    /// The correlated rules or correlations, by `id` or `name`.
    public var rules: [RuleReference]
    /// Fields (or alias names) whose values must be equal within a group; empty means one global group.
    public var groupBy: [SigmaField]
    /// The window within which the correlated events must fall.
    public var timespan: Timespan
    /// The threshold; `nil` only for temporal types without one (then every referenced rule must match).
    public var condition: CorrelationCondition?
    /// Field-name aliases usable in `groupBy`.
    public var aliases: [CorrelationAlias]
    /// `true`: the referenced rules also alert on their own (default `false`).
    public var generate: Bool
    /// Where it appears in the source file (1-based line and column).
    public var location: SourceLocation

    /// Memberwise initializer (the loader builds these; compilers and tests may too).
    public init(
        metadata: RuleMetadata, type: CorrelationType, rules: [RuleReference], groupBy: [SigmaField],
        timespan: Timespan, condition: CorrelationCondition?, aliases: [CorrelationAlias] = [], generate: Bool = false,
        location: SourceLocation
    ) {
        self.metadata = metadata
        self.type = type
        self.rules = rules
        self.groupBy = groupBy
        self.timespan = timespan
        self.condition = condition
        self.aliases = aliases
        self.generate = generate
        self.location = location
    }

    /// The alias named `name`, if any.
    public func alias(named name: String) -> CorrelationAlias? {
        self.aliases.first { $0.name == name }
    }
}
