public import DetectCore

/// What rules, correlation rules and filters have in common: metadata and a position.
public protocol SigmaDocument: Sendable {
    var metadata: RuleMetadata { get }
    /// Position of the document (its first key).
    var location: SourceLocation { get }
}

extension SigmaDocument {
    /// The `title`.
    public var title: String { self.metadata.title }
    /// The `id`.
    public var id: String? { self.metadata.id }
    /// The `name`.
    public var name: String? { self.metadata.name }
    /// The `status`.
    public var status: SigmaStatus? { self.metadata.status }
    /// The `level`.
    public var level: SigmaLevel? { self.metadata.level }
    /// The `tags`.
    public var tags: [String] { self.metadata.tags }
    /// The `author`.
    public var author: String? { self.metadata.author }
    /// The `references`.
    public var references: [String] { self.metadata.references }
    /// The `date` (`YYYY-MM-DD`).
    public var date: String? { self.metadata.date }
    /// The `modified` date (`YYYY-MM-DD`).
    public var modified: String? { self.metadata.modified }
    /// The `falsepositives`.
    public var falsepositives: [String] { self.metadata.falsepositives }

    /// `true` when `reference` is this document's `id` or `name`.
    public func isReferenced(by reference: String) -> Bool {
        reference == self.metadata.id || reference == self.metadata.name
    }
}
