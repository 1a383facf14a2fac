public import DetectCore

/// A field-name alias of a correlation rule: one name for different fields in events of different rules, usable
/// in `group-by`.
public struct CorrelationAlias: Hashable, Sendable {
    /// The field an alias stands for in the events of one rule.
    public struct Mapping: Hashable, Sendable {
        /// The rule, by `name` (or `id`).
        public var rule: RuleReference
        /// The field the alias stands for in that rule's events.
        public var field: SigmaField

        /// Memberwise initializer (the loader builds these; compilers and tests may too).
        public init(rule: RuleReference, field: SigmaField) {
            self.rule = rule
            self.field = field
        }
    }

    /// The name as written.
    public var name: String
    /// One field per rule.
    public var mappings: [Mapping]
    /// Where it appears in the source file (1-based line and column).
    public var location: SourceLocation

    /// Memberwise initializer (the loader builds these; compilers and tests may too).
    public init(name: String, mappings: [Mapping], location: SourceLocation) {
        self.name = name
        self.mappings = mappings
        self.location = location
    }

    /// The field this alias means for events of the rule referenced as `reference`.
    public func field(forRule reference: String) -> SigmaField? {
        self.mappings.first { $0.rule.value == reference }?.field
    }
}
