internal import DetectMatch

/// Which rules can match an event, found by scanning each indexed field's values once: every rule with a
/// requirement (``CompiledProgram/requirement(ofRule:)``) is listed under its required values, per route
/// (the rules of one dataset, or the unrouted rules); rules without one are always evaluated.
///
/// Evaluating only the candidates and the always-evaluated rules gives the same matches as evaluating every
/// rule of the route: a rule that is neither cannot match.
///
/// A class, so that a ``ScanMemo`` can tell which index its entries belong to.
final class RuleIndex: Sendable {
    /// How many rules have a requirement, for tests and notes.
    let indexedRuleCount: Int
    /// Per route: `routes[i]` for ``CompiledRuleSet/routeTable``'s `i`, the unrouted rules last.
    let routes: [RouteIndex]

    /// Indexes `program`'s rules for each route (lists of rule indices).
    init(program: CompiledProgram, routes: [[Int32]]) {
        let ruleCount = program.heads.count
        let requirements = program.heads.indices.map { program.requirement(ofRule: $0) }
        var always = requirements.map { $0 == nil }
        while true {
            var oversized: [Int32] = []
            var fieldCount: Int32 = 0
            let built = routes.map {
                RouteIndex(
                    rules: $0, requirements: requirements, always: always, ruleCount: ruleCount,
                    fieldCount: &fieldCount, oversized: &oversized)
            }
            if oversized.isEmpty {
                self.routes = built
                break
            }
            // Rules whose literals overflow an automaton's memory bound run always instead.
            for rule in oversized { always[Int(rule)] = true }
        }
        self.indexedRuleCount = always.count { !$0 }
    }
}

/// The index of one route: one entry per field that some rule of the route requires a value of.
struct RouteIndex: Sendable {
    let fields: [FieldIndex]
    /// The route's rules without a requirement (``RuleBits`` words over every rule index): they run on every
    /// event of the route.
    let alwaysEvaluated: [UInt64]

    /// Indexes `rules` (of `ruleCount` in all); its fields are numbered from `fieldCount` on
    /// (``FieldIndex/ordinal``), which is advanced past them.
    init(
        rules: [Int32], requirements: [[RequiredValue]?], always: [Bool], ruleCount: Int, fieldCount: inout Int32,
        oversized: inout [Int32]
    ) {
        self.alwaysEvaluated = RuleBits.words(of: rules.lazy.filter { always[Int($0)] }, ruleCount: ruleCount)
        var byField: [Int32: [RequiredValue: [Int32]]] = [:]
        var fieldOrder: [Int32] = []
        for rule in rules where !always[Int(rule)] {
            for value in requirements[Int(rule)] ?? [] {
                if byField[value.field] == nil { fieldOrder.append(value.field) }
                if byField[value.field, default: [:]][value, default: []].last != rule {
                    byField[value.field, default: [:]][value, default: []].append(rule)
                }
            }
        }
        var fields: [FieldIndex] = []
        for field in fieldOrder {
            guard let values = byField[field] else { continue }
            do {
                fields.append(try FieldIndex(field: field, values: values, ordinal: fieldCount))
                fieldCount += 1
            } catch {
                oversized += values.values.flatMap { $0 }
            }
        }
        self.fields = fields
    }
}

/// The required values of one field: whole values in a hash set, substrings in one Aho-Corasick automaton,
/// each with the rules that require it. A class, so that the per-event scan retains one reference instead of
/// copying its arrays.
final class FieldIndex: Sendable {
    /// Index into ``CompiledRuleSet/fields``, or -1 for every string of the event.
    let field: Int32
    /// Unique among the fields of its ``RuleIndex``: names this field's entries in a ``ScanMemo``.
    let ordinal: Int32
    let exact: ExactSet?
    /// Per entry of ``exact``: the rules.
    let exactRules: RuleLists
    let substrings: MultiLiteralMatcher?
    /// Per needle of ``substrings``: the rules.
    let substringRules: RuleLists
    /// The length of the shortest required value: shorter values satisfy none and are not scanned.
    let minimumLength: Int

    init(field: Int32, values: [RequiredValue: [Int32]], ordinal: Int32) throws {
        self.field = field
        self.ordinal = ordinal
        // Sorted, so that the index does not depend on hashing order.
        let sorted = values.sorted { a, b in
            a.key.exact != b.key.exact ? a.key.exact : a.key.bytes.lexicographicallyPrecedes(b.key.bytes)
        }
        let exact = sorted.filter { $0.key.exact }
        let substrings = sorted.filter { !$0.key.exact }
        // Closures rather than key paths: `\.key.bytes` goes through the run-time key path lookup, thousands of
        // instructions a value at start-up.
        self.exact = exact.isEmpty ? nil : ExactSet(byteStrings: exact.map { $0.key.bytes })
        self.exactRules = RuleLists(exact.map(\.value))
        self.substrings = substrings.isEmpty ? nil : try MultiLiteralMatcher(byteNeedles: substrings.map { $0.key.bytes })
        self.substringRules = RuleLists(substrings.map(\.value))
        self.minimumLength = sorted.map { $0.key.bytes.count }.min() ?? 0
    }

    /// Calls `body` with each rule whose required value `text` satisfies (a rule may come more than once).
    @inline(__always)
    func forEachRule(matching text: UnsafeRawBufferPointer, _ body: (Int32) -> Void) {
        // Optional chaining reads the sets in place (a binding would copy them, retaining every array).
        if let entry = self.exact?.index(of: text) {
            for rule in self.exactRules[entry] { body(rule) }
        }
        self.substrings?.forEachOccurrence(in: text) { needle in
            for rule in self.substringRules[needle] { body(rule) }
        }
    }
}

/// Lists of rule indices, back to back.
struct RuleLists: Sendable {
    private let starts: [Int32]
    private let rules: [Int32]

    init(_ lists: [[Int32]]) {
        var starts: [Int32] = [0]
        var rules: [Int32] = []
        for list in lists {
            rules += list
            starts.append(Int32(rules.count))
        }
        self.starts = starts
        self.rules = rules
    }

    subscript(index: Int) -> ArraySlice<Int32> {
        self.rules[Int(self.starts[index])..<Int(self.starts[index + 1])]
    }
}
