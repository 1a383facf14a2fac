public import DetectCore

/// A document the loader skipped because of errors (the diagnostics say why).
public struct RejectedDocument: Hashable, Sendable {
    /// What the document was taken for.
    public enum Kind: String, Hashable, Sendable {
        case rule
        case correlation
        case filter
        case pipeline
        /// Not recognizable (bad YAML, not a mapping, no known section).
        case unknown
    }

    /// What kind of document it was taken for.
    public var kind: Kind
    /// The document's `title`, when it had one.
    public var title: String?
    /// The document's `id`, when it had one.
    public var id: String?
    /// Where it appears in the source file (1-based line and column).
    public var location: SourceLocation
    /// The codes of the errors that caused the rejection, in the order reported.
    public var codes: [String]

    /// Memberwise initializer (the loader builds these; compilers and tests may too).
    public init(kind: Kind, title: String?, id: String?, location: SourceLocation, codes: [String]) {
        self.kind = kind
        self.title = title
        self.id = id
        self.location = location
        self.codes = codes
    }
}
