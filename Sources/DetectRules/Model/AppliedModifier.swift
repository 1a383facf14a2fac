public import DetectCore

/// A modifier as written on one detection item: what it is, how it was spelled, and where.
public struct AppliedModifier: Hashable, Sendable, CustomStringConvertible {
    /// The modifier.
    public var modifier: Modifier
    /// The spelling used in the rule (`wide` for ``Modifier/utf16le``, for example).
    public var name: String
    /// Position of the modifier's first character in the key.
    public var location: SourceLocation

    /// Memberwise initializer (the loader builds these; compilers and tests may too).
    public init(_ modifier: Modifier, name: String? = nil, location: SourceLocation) {
        self.modifier = modifier
        self.name = name ?? modifier.rawValue
        self.location = location
    }

    /// A readable form, for messages and tests.
    public var description: String { self.name }
}
