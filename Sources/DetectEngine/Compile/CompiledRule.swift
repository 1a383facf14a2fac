public import DetectRules

/// One rule of a ``CompiledRuleSet``: the rule as written (for alert metadata), where it runs, and the filters
/// applied to it. Its compiled detection lives in the set's flat program.
public struct CompiledRule: Sendable {
    /// The rule as loaded, before pipeline field mapping (title, id, level, tags, ... for alerts).
    public let rule: SigmaRule
    /// The datasets the rule runs on, or `nil` when its logsource is unmapped (it runs on every event).
    public let datasets: [String]?
    /// The ids (or titles) of the filters applied to the rule, in load order.
    public let filterNames: [String]

    /// The rule's Sigma `id`, if any.
    public var id: String? { self.rule.id }
    /// The rule's `title`.
    public var title: String { self.rule.title }
}
