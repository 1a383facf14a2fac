internal import DetectCore
internal import DetectMatch
internal import DetectRules

/// The evaluation-ready form of a rule set: every rule's predicates, items and matchers lowered into flat
/// arrays of plain values (no references, so reading them retains nothing), and the matchers' compiled objects
/// in arrays by type. Built by ``ProgramBuilder`` from the ``Predicate`` trees and ``ValueMatcher``s that
/// ``RuleBuilder`` produces.
struct CompiledProgram: Sendable {
    /// Predicate nodes; `and`/`or` point into ``operands``.
    var nodes: [ProgramNode] = []
    /// Child node indices of `and`/`or` nodes, back to back.
    var operands: [Int32] = []
    /// Items (tests on one field, or on every string for keywords).
    var items: [ProgramItem] = []
    /// Matchers the items' ranges point into.
    var matchers: [MatcherRef] = []
    /// Search-identifier names, for explanations.
    var names: [String] = []
    /// The compiled matcher objects, by type.
    var store = MatcherStore()
    /// Per rule: its condition's root node and its filters' roots.
    var heads: [RuleHead] = []
    /// Root nodes of filter conditions; ``RuleHead/filters`` ranges point here.
    var filterRoots: [Int32] = []
}

/// One predicate node.
struct ProgramNode: Sendable {
    enum Kind: UInt8, Sendable {
        case constantFalse
        case constantTrue
        /// `first`: item index.
        case item
        /// A search identifier: `first` is its root node, `second` its name in ``CompiledProgram/names``.
        case selection
        /// `first`: the operand node.
        case not
        /// `first..<second`: range of ``CompiledProgram/operands``.
        case and
        case or
    }

    var kind: Kind
    var first: Int32
    var second: Int32
}

/// One item: the field (or -1 for keywords), the test, and the selection it belongs to.
struct ProgramItem: Sendable {
    var field: Int32
    var test: CompiledItem.Test
    /// Index of the selection name in ``CompiledProgram/names``.
    var selection: Int32
    /// A keyword item whose matchers are all plain substring searches without NUL bytes: it can search the
    /// event's strings joined by NUL in one pass per matcher.
    var joinable: Bool
    /// For other keyword items whose every matcher needs a literal: those literals (joinable substring
    /// matchers). When none occurs in the joined strings, no string can match and the item is false without
    /// looking at each string. Empty: no prefilter.
    var prefilter: Range<Int32> = 0..<0
}

/// Where a rule's compiled condition and filters start.
struct RuleHead: Sendable {
    var condition: Int32
    var filters: Range<Int32>
}
