/// One rule that matched an event, and what matched.
///
/// `selection`, `field` and `value` describe the first positive witness found in the condition: the first
/// search identifier that holds (outside any `not`), its first matching item, and the event value that made
/// the item match. A keyword item has no field. A rule that matched only through negations (`not filter`)
/// has no witness: the three are `nil`.
public struct RuleMatch: Hashable, Sendable, CustomStringConvertible {
    /// Index of the rule in ``CompiledRuleSet/rules``.
    public var ruleIndex: Int
    /// The rule's Sigma `id`, if any.
    public var ruleID: String?
    /// The rule's `title`.
    public var title: String
    /// The search identifier (selection) that matched.
    public var selection: String?
    /// The event field that matched (after pipeline mapping), `nil` for a keyword match.
    public var field: String?
    /// The text of the event value that matched (`nil` for `null`/`exists` tests).
    public var value: String?

    /// A match; normally built by the evaluator.
    public init(
        ruleIndex: Int, ruleID: String?, title: String, selection: String? = nil, field: String? = nil,
        value: String? = nil
    ) {
        self.ruleIndex = ruleIndex
        self.ruleID = ruleID
        self.title = title
        self.selection = selection
        self.field = field
        self.value = value
    }

    /// `title [selection] field=value`, for logs and tests.
    public var description: String {
        var text = self.title
        if let selection = self.selection { text += " [\(selection)]" }
        if let field = self.field { text += " \(field)" }
        if let value = self.value { text += self.field == nil ? " \"\(value)\"" : "=\"\(value)\"" }
        return text
    }
}
