public import DetectCore

/// A named search identifier (selection) of a detection: the OR of its maps.
///
/// A YAML map is one ``DetectionMap``; a list of maps is several (ORed); a list of plain values is a keyword
/// search.
public struct SearchIdentifier: Hashable, Sendable, CustomStringConvertible {
    /// The name as written.
    public var name: String
    /// The alternatives, at least one of which must match.
    public var maps: [DetectionMap]
    /// Position of the identifier's name.
    public var location: SourceLocation

    /// Memberwise initializer (the loader builds these; compilers and tests may too).
    public init(name: String, maps: [DetectionMap], location: SourceLocation) {
        self.name = name
        self.maps = maps
        self.location = location
    }

    /// `true` for names starting with `_`, which `them` (and patterns not starting with `_`) leave out.
    public var isHidden: Bool { self.name.hasPrefix("_") }

    /// All items of all maps.
    public var allItems: [DetectionItem] { self.maps.flatMap(\.items) }

    /// A readable form, for messages and tests.
    public var description: String {
        "\(self.name): " + self.maps.map(\.description).joined(separator: " | ")
    }
}
