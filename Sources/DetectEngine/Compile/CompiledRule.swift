public import DetectRules

/// One rule of a ``CompiledRuleSet``: the rule as written (for alert metadata) and its compiled detection.
public struct CompiledRule: Sendable {
    /// The rule as loaded, before pipeline field mapping (title, id, level, tags, ... for alerts).
    public let rule: SigmaRule
    /// The datasets the rule runs on, or `nil` when its logsource is unmapped (it runs on every event).
    public let datasets: [String]?
    /// The ids (or titles) of the filters applied to the rule, in load order.
    public let filterNames: [String]
    /// The items of the rule's and its filters' search identifiers.
    let items: [CompiledItem]
    /// The value matchers the items point into.
    let matchers: [ValueMatcher]
    /// The rule's search identifiers.
    let selections: [CompiledSelection]
    /// The rule's condition (a list-form condition is ORed) over ``selections``.
    let condition: Predicate
    /// Filters: the rule matches only when none of these conditions holds.
    let filters: [CompiledFilter]

    /// The rule's Sigma `id`, if any.
    public var id: String? { self.rule.id }
    /// The rule's `title`.
    public var title: String { self.rule.title }
}
