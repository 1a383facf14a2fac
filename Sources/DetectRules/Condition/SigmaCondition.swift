public import DetectCore

/// One `condition` string of a detection, parsed.
public struct SigmaCondition: Hashable, Sendable {
    /// The condition as written.
    public var source: String
    /// The parsed expression, with identifiers checked and selectors resolved.
    public var expression: ConditionExpression
    /// Position of the first character of the condition string.
    public var location: SourceLocation

    /// Memberwise initializer (the loader builds these; compilers and tests may too).
    public init(source: String, expression: ConditionExpression, location: SourceLocation) {
        self.source = source
        self.expression = expression
        self.location = location
    }
}
