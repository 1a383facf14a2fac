public import DetectCore

/// One YAML map of a search identifier: the AND of its detection items.
///
/// A keyword list (`keywords: [a, b]`) loads as a map holding a single keyword item with the values ORed.
public struct DetectionMap: Hashable, Sendable, CustomStringConvertible {
    /// The items, all of which must match.
    public var items: [DetectionItem]
    /// Where it appears in the source file (1-based line and column).
    public var location: SourceLocation

    /// Memberwise initializer (the loader builds these; compilers and tests may too).
    public init(items: [DetectionItem], location: SourceLocation) {
        self.items = items
        self.location = location
    }

    /// A readable form, for messages and tests.
    public var description: String {
        "{" + self.items.map(\.description).joined(separator: "; ") + "}"
    }
}
