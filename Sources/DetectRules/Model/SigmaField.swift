public import DetectCore

/// A field name in a rule (a detection item's field, a `fields:` entry, a correlation `group-by` field).
///
/// After a processing pipeline maps a field to several names, ``names`` holds all of them: an item matches when
/// any of the fields matches (pySigma's OR of mapped fields). ``originalName`` keeps the name the rule used.
public struct SigmaField: Hashable, Sendable, CustomStringConvertible {
    /// The field names to evaluate, never empty. One name unless a pipeline mapped the field to several.
    public var names: [String]
    /// The name as written in the rule, before any pipeline mapping.
    public var originalName: String
    /// Where it appears in the source file (1-based line and column).
    public var location: SourceLocation

    /// Memberwise initializer (the loader builds these; compilers and tests may too).
    public init(_ name: String, location: SourceLocation) {
        self.names = [name]
        self.originalName = name
        self.location = location
    }

    /// The first (usually only) field name.
    public var name: String { self.names.first ?? self.originalName }

    /// A readable form, for messages and tests.
    public var description: String {
        self.names.count == 1 ? self.name : "{" + self.names.joined(separator: ",") + "}"
    }
}
