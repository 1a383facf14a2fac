public import DetectCore

/// A Sigma filter (meta-filter, specification 2.1): a detection ANDed-NOT onto the rules it names, to tune
/// rules for an environment without editing them.
public struct SigmaFilter: SigmaDocument, Hashable {
    /// Title, id, name, status, level, tags and the other descriptive attributes.
    public var metadata: RuleMetadata
    /// The log source the document is written for.
    public var logsource: LogSource
    /// The rules the filter applies to, by `id` or `name`.
    public var rules: [RuleReference]
    /// The filter's search identifiers and condition (the `filter` section without `rules`).
    public var detection: Detection
    /// Where it appears in the source file (1-based line and column).
    public var location: SourceLocation

    /// Memberwise initializer (the loader builds these; compilers and tests may too).
    public init(
        metadata: RuleMetadata, logsource: LogSource, rules: [RuleReference], detection: Detection,
        location: SourceLocation
    ) {
        self.metadata = metadata
        self.logsource = logsource
        self.rules = rules
        self.detection = detection
        self.location = location
    }

    /// `true` when the filter names `rule` (by id or name).
    public func applies(to rule: SigmaRule) -> Bool {
        self.rules.contains { rule.isReferenced(by: $0.value) }
    }
}
