/// A compiled filter document applied to a rule: the rule matches only if the filter's condition does not.
struct CompiledFilter: Sendable {
    /// The filter's `id` or title, for explanations.
    let name: String
    /// The filter's own search identifiers.
    let selections: [CompiledSelection]
    /// The filter's condition over ``selections``.
    let condition: Predicate
}
