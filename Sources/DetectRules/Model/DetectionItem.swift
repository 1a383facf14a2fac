public import DetectCore

/// One `field|modifiers: values` entry of a search identifier, or a keyword item (no field).
///
/// The values are ORed unless the chain has `all` (then ANDed); ``valueLinking`` says which. The modifier chain
/// has been validated and the values typed accordingly (see ``SigmaValue``), so compiling an item is a matter of
/// reading the derived properties in `DetectionItem+Semantics.swift`.
public struct DetectionItem: Hashable, Sendable, CustomStringConvertible {
    /// The field, or `nil` for a keyword item that searches the whole event.
    public var field: SigmaField?
    /// The modifier chain in the order written.
    public var modifiers: [AppliedModifier]
    /// The values, never empty (an empty YAML list is loaded as a single `null`, as pySigma does).
    public var values: [SigmaValue]
    /// Position of the item's key (or of the keyword list).
    public var location: SourceLocation

    /// Memberwise initializer (the loader builds these; compilers and tests may too).
    public init(field: SigmaField?, modifiers: [AppliedModifier], values: [SigmaValue], location: SourceLocation) {
        self.field = field
        self.modifiers = modifiers
        self.values = values
        self.location = location
    }

    /// `true` for a keyword item (no field).
    public var isKeyword: Bool { self.field == nil }

    /// `field|mod|mod: [values]`, for messages and tests.
    public var description: String {
        let key = ([self.field?.description ?? ""] + self.modifiers.map(\.name)).joined(separator: "|")
        let values = self.values.map(\.description).joined(separator: ", ")
        return "\(key): [\(values)]"
    }
}
