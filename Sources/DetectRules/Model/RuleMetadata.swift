/// The descriptive attributes shared by rules, correlation rules and filters.
///
/// Each document type embeds one as `metadata`; ``SigmaDocument`` forwards the common ones (`title`, `id`, ...).
public struct RuleMetadata: Hashable, Sendable {
    /// Required; at most 256 characters (longer titles load with a warning).
    public var title: String
    /// Usually a UUID (other strings load with a warning).
    public var id: String?
    /// Unique human name, used by correlation rules and filters to reference the rule.
    public var name: String?
    /// Maturity.
    public var status: SigmaStatus?
    /// The `description` attribute.
    public var description: String?
    /// SPDX license identifier.
    public var license: String?
    /// Author(s); a YAML list is joined with `, `.
    public var author: String?
    /// URLs and other sources.
    public var references: [String]
    /// `YYYY-MM-DD` as written.
    public var date: String?
    /// `YYYY-MM-DD` as written.
    public var modified: String?
    /// Severity.
    public var level: SigmaLevel?
    /// Tags such as `attack.t1190`.
    public var tags: [String]
    /// Related rules.
    public var related: [RelatedRule]
    /// The field-name taxonomy (default `sigma`).
    public var taxonomy: String?
    /// Known false positives.
    public var falsepositives: [String]
    /// Where the rule applies.
    public var scope: [String]

    /// Memberwise initializer (the loader builds these; compilers and tests may too).
    public init(
        title: String, id: String? = nil, name: String? = nil, status: SigmaStatus? = nil, description: String? = nil,
        license: String? = nil, author: String? = nil, references: [String] = [], date: String? = nil,
        modified: String? = nil, level: SigmaLevel? = nil, tags: [String] = [], related: [RelatedRule] = [],
        taxonomy: String? = nil, falsepositives: [String] = [], scope: [String] = []
    ) {
        self.title = title
        self.id = id
        self.name = name
        self.status = status
        self.description = description
        self.license = license
        self.author = author
        self.references = references
        self.date = date
        self.modified = modified
        self.level = level
        self.tags = tags
        self.related = related
        self.taxonomy = taxonomy
        self.falsepositives = falsepositives
        self.scope = scope
    }
}
