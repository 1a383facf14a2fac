/// The compiled form of a condition, a search identifier and a filter: a closed tree evaluated with
/// exhaustive switches (no existentials on the hot path).
///
/// Leaves point into flat tables of the ``CompiledRule`` (items and selections) by index, so a predicate
/// holds no matcher itself and evaluating it copies nothing but small integers.
indirect enum Predicate: Hashable, Sendable {
    /// Always true or always false (an empty `or`, a folded constant).
    case constant(Bool)
    /// A detection item: ``CompiledRule/items```[index]`.
    case item(Int32)
    /// A search identifier of the enclosing scope (the rule's or a filter's selections) by index.
    case selection(Int32)
    case not(Predicate)
    /// Every operand (true when empty).
    case and([Predicate])
    /// At least one operand (false when empty).
    case or([Predicate])

    /// `and` without needless nesting: a single operand stands alone.
    static func all(_ operands: [Predicate]) -> Predicate {
        operands.count == 1 ? operands[0] : .and(operands)
    }

    /// `or` without needless nesting: a single operand stands alone.
    static func any(_ operands: [Predicate]) -> Predicate {
        operands.count == 1 ? operands[0] : .or(operands)
    }
}
