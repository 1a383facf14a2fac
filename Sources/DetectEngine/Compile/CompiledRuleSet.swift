internal import DetectCore
internal import DetectRules

/// The immutable, `Sendable` result of ``RuleCompiler``: every rule that compiled, indexed by dataset.
///
/// Evaluate events with ``evaluate(_:dataset:scratch:)``; a reload builds a new set and swaps it whole.
/// Rules keep their load order, and matches come out in that order.
public struct CompiledRuleSet: Sendable {
    /// The compiled rules, in load order. ``RuleMatch/ruleIndex`` indexes this array.
    public let rules: [CompiledRule]
    /// Every field the rules reference (index 0 is `event.dataset`), resolved at most once per event.
    let fields: [CompiledField]
    /// The paths of ``fields`` as a trie, for resolving all fields below an object entry in one walk.
    let fieldTrie: FieldPathTrie
    /// The rules' predicates, items and matchers, flat; `program.heads[i]` belongs to `rules[i]`.
    let program: CompiledProgram
    /// Dataset names, looked up from event bytes without building a `String`.
    let datasetTable: ByteKeyTable
    /// Per id of ``datasetTable``: indices of the rules that run on that dataset (its own rules and the
    /// unrouted ones), ascending.
    let routeTable: [[Int32]]
    /// Indices of the rules whose logsource no pipeline maps: they run on every event.
    let unrouted: [Int32]
    /// Candidate rules per route (``RuleCompiler/Options/indexesRules``); `nil`: every rule of the route runs.
    let index: RuleIndex?
    /// The routed dataset names, sorted.
    public let datasets: [String]
    /// The dotted paths of every field the rules reference, sorted.
    public let referencedFields: [String]

    /// The index of `event.dataset` in ``fields`` (the compiler interns it first).
    static let datasetFieldIndex = 0

    init(rules: [CompiledRule], fields: [CompiledField], program: CompiledProgram, indexed: Bool) {
        self.rules = rules
        self.fields = fields
        self.fieldTrie = FieldPathTrie(fields: fields)
        self.program = program
        var used: Set<String> = []
        for item in program.items where item.field >= 0 {
            used.insert(fields[Int(item.field)].path)
            if case .fieldReference(let other, _, _) = item.test { used.insert(fields[Int(other)].path) }
        }
        self.referencedFields = used.sorted()
        var unrouted: [Int32] = []
        var names: Set<String> = []
        for (index, rule) in rules.enumerated() {
            if let datasets = rule.datasets {
                names.formUnion(datasets)
            } else {
                unrouted.append(Int32(index))
            }
        }
        let sorted = names.sorted()
        self.datasets = sorted
        self.datasetTable = ByteKeyTable(sorted)
        self.routeTable = sorted.map { dataset in
            rules.indices.filter { rules[$0].datasets?.contains(dataset) ?? true }.map { Int32($0) }
        }
        self.unrouted = unrouted
        self.index = indexed ? RuleIndex(program: program, routes: self.routeTable + [unrouted]) : nil
    }

    /// A set without rules.
    public static let empty = RuleCompiler().compile(RuleSet()).0

    /// The number of compiled rules.
    public var count: Int { self.rules.count }

    /// How many rules the index can skip (rules with a required value); 0 without an index.
    public var indexedRuleCount: Int { self.index?.indexedRuleCount ?? 0 }

    /// The indices of the rules that run on events of `dataset` (rules routed to it, and rules whose
    /// logsource is unmapped), ascending; with `nil` or an unknown dataset, the unrouted rules only.
    public func ruleIndices(forDataset dataset: String?) -> [Int] {
        guard let dataset, let id = self.datasetTable.id(of: dataset) else { return self.unrouted.map(Int.init) }
        return self.routeTable[id].map(Int.init)
    }
}
