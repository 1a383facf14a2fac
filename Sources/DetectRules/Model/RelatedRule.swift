public import DetectCore

/// An entry of a rule's `related` list.
public struct RelatedRule: Hashable, Sendable {
    /// How a rule relates to the one it names.
    public enum Relation: String, CaseIterable, Hashable, Sendable {
        case derived
        case obsolete
        case merged
        case renamed
        case similar
    }

    /// The related rule's id.
    public var id: String
    /// How the rules relate.
    public var type: Relation
    /// Where it appears in the source file (1-based line and column).
    public var location: SourceLocation

    /// Memberwise initializer (the loader builds these; compilers and tests may too).
    public init(id: String, type: Relation, location: SourceLocation) {
        self.id = id
        self.type = type
        self.location = location
    }
}
