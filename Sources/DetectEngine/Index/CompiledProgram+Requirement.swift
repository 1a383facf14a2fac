internal import DetectMatch

extension CompiledProgram {
    /// The most required values one rule may have; a rule needing more (a long IOC list) is always evaluated.
    static let maxRequiredValues = 4096

    /// What every match of rule `rule` needs: one of the returned values holds in the event whenever the
    /// rule's condition does. `[]`: the rule can never match. `nil`: nothing known, the rule must always be
    /// evaluated. Filters only remove matches, so the condition alone decides.
    ///
    /// An item contributes when each of its matchers needs a literal (a string pattern's longest literal, a
    /// set's entries, a regular expression's required literals); `or` unites its operands' requirements,
    /// `and` keeps the most selective operand's; `not` contributes nothing.
    func requirement(ofRule rule: Int) -> [RequiredValue]? {
        self.requirement(node: self.heads[rule].condition)
    }

    private func requirement(node: Int32) -> [RequiredValue]? {
        let current = self.nodes[Int(node)]
        switch current.kind {
        case .constantFalse:
            return []
        case .constantTrue, .not:
            return nil
        case .selection:
            return self.requirement(node: current.first)
        case .item:
            return self.requirement(item: Int(current.first))
        case .or:
            var union: [RequiredValue] = []
            for index in current.first..<current.second {
                guard let operand = self.requirement(node: self.operands[Int(index)]) else { return nil }
                union += operand
                if union.count > Self.maxRequiredValues { return nil }
            }
            return union
        case .and:
            var best: [RequiredValue]?
            for index in current.first..<current.second {
                guard let operand = self.requirement(node: self.operands[Int(index)]) else { continue }
                if let current = best, !Self.isMoreSelective(operand, than: current) { continue }
                best = operand
            }
            return best
        }
    }

    /// Whether requirement `a` is expected to hold less often than `b`: its least selective value is more
    /// selective, or as selective with fewer values.
    private static func isMoreSelective(_ a: [RequiredValue], than b: [RequiredValue]) -> Bool {
        let weakestA = a.map(\.selectivity).min() ?? Int.max
        let weakestB = b.map(\.selectivity).min() ?? Int.max
        return weakestA != weakestB ? weakestA > weakestB : a.count < b.count
    }

    private func requirement(item index: Int) -> [RequiredValue]? {
        let item = self.items[index]
        guard case .anyValue(let range) = item.test else { return nil }
        var union: [RequiredValue] = []
        for matcher in range {
            guard let literals = self.store.requiredLiterals(self.matchers[Int(matcher)]) else { return nil }
            union += literals.map { RequiredValue(field: item.field, exact: $0.exact, bytes: $0.bytes) }
            if union.count > Self.maxRequiredValues { return nil }
        }
        return union
    }
}

extension MatcherStore {
    /// Substring literals shorter than this are not worth indexing (they occur in almost every value).
    static let minimumIndexedLiteral = 2

    /// The literals one of which every value `ref` matches equals (`exact`) or contains; `[]` when it matches
    /// nothing; `nil` when none is known (numbers, networks, comparisons, patterns without a literal).
    func requiredLiterals(_ ref: MatcherRef) -> [(exact: Bool, bytes: [UInt8])]? {
        let index = Int(ref.index)
        func substrings(_ literals: [[UInt8]]) -> [(exact: Bool, bytes: [UInt8])]? {
            guard literals.allSatisfy({ $0.count >= Self.minimumIndexedLiteral }) else { return nil }
            return literals.map { (false, $0) }
        }
        switch ref.kind {
        case .nothing:
            return []
        case .pattern:
            let tokens = self.patterns[index].pattern.tokens
            if tokens.isEmpty { return [(true, [])] }
            if tokens.count == 1, case .literal(let bytes) = tokens[0] { return [(true, bytes)] }
            var longest: [UInt8] = []
            for case .literal(let bytes) in tokens where bytes.count > longest.count { longest = bytes }
            return substrings([longest])
        case .exactSet:
            return self.exactSets[index].entries.map { (true, $0) }
        case .prefixSet:
            return substrings(self.prefixSets[index].entries)
        case .suffixSet:
            return substrings(self.suffixSets[index].entries)
        case .substringSet:
            return substrings(self.substringSets[index].needles)
        case .regex:
            return self.regexLiterals(self.regexes[index]).flatMap(substrings)
        case .regexSet:
            var union: [[UInt8]] = []
            for regex in self.regexSets[index].regexes {
                guard let literals = self.regexLiterals(regex) else { return nil }
                union += literals
            }
            return substrings(union)
        case .number, .bool, .network, .comparison, .timePart:
            return nil
        }
    }

    private func regexLiterals(_ regex: PCRE2Regex) -> [[UInt8]]? {
        RegexRequiredLiterals.of(regex.pattern, caseless: regex.options.contains(.caseless))
    }
}
