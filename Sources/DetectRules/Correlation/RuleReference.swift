public import DetectCore

/// A reference to a rule or correlation rule by `id` or `name` (in a correlation's or filter's `rules`).
public struct RuleReference: Hashable, Sendable, CustomStringConvertible {
    /// The `id` or `name` as written.
    public var value: String
    /// Where it appears in the source file (1-based line and column).
    public var location: SourceLocation

    /// Memberwise initializer (the loader builds these; compilers and tests may too).
    public init(_ value: String, location: SourceLocation) {
        self.value = value
        self.location = location
    }

    /// A readable form, for messages and tests.
    public var description: String { self.value }
}
