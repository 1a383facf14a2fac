public import DetectCore

/// A Sigma detection rule, loaded and validated (specification 2.1).
///
/// A `SigmaRule` only exists when the rule had no error: the loader skips a broken rule and reports why.
/// Metadata (`title`, `id`, `name`, `status`, `level`, `tags`, ...) is in ``metadata`` and forwarded by
/// ``SigmaDocument``.
public struct SigmaRule: SigmaDocument, Hashable {
    /// Title, id, name, status, level, tags and the other descriptive attributes.
    public var metadata: RuleMetadata
    /// The log source the document is written for.
    public var logsource: LogSource
    /// The `fields` list (fields worth showing with an alert).
    public var fields: [SigmaField]
    /// Search identifiers and condition(s).
    public var detection: Detection
    /// Position of the document (its first key).
    public var location: SourceLocation

    /// Memberwise initializer (the loader builds these; compilers and tests may too).
    public init(
        metadata: RuleMetadata, logsource: LogSource, fields: [SigmaField] = [], detection: Detection,
        location: SourceLocation
    ) {
        self.metadata = metadata
        self.logsource = logsource
        self.fields = fields
        self.detection = detection
        self.location = location
    }

    /// The rule's conditions (several for a list-form `condition`, ORed).
    public var conditions: [SigmaCondition] { self.detection.conditions }

    /// The `description` attribute (named so as not to clash with Swift's `description` conventions).
    public var ruleDescription: String? { self.metadata.description }
}
