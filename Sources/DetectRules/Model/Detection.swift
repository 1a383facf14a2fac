public import DetectCore

/// The `detection` section of a rule (or the `filter` section of a filter): search identifiers and conditions.
public struct Detection: Hashable, Sendable {
    /// The search identifiers, in document order.
    public var identifiers: [SearchIdentifier]
    /// The conditions; a list-form `condition` gives several, which are ORed.
    public var conditions: [SigmaCondition]
    /// Position of the section.
    public var location: SourceLocation

    /// Memberwise initializer (the loader builds these; compilers and tests may too).
    public init(identifiers: [SearchIdentifier], conditions: [SigmaCondition], location: SourceLocation) {
        self.identifiers = identifiers
        self.conditions = conditions
        self.location = location
    }

    /// The identifier with this exact name.
    public func identifier(named name: String) -> SearchIdentifier? {
        self.identifiers.first { $0.name == name }
    }

    /// The whole condition: the only condition, or the OR of a list-form condition.
    public var condition: ConditionExpression {
        self.conditions.count == 1 ? self.conditions[0].expression : .or(self.conditions.map(\.expression))
    }
}
