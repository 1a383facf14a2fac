internal import DetectMatch

/// Lowers the rules ``RuleBuilder`` compiled (predicate trees, items, matchers) into one ``CompiledProgram``.
struct ProgramBuilder {
    var program = CompiledProgram()

    /// Adds one rule; returns nothing, its head is appended to ``CompiledProgram/heads``.
    mutating func add(
        items: [CompiledItem], matchers: [ValueMatcher], selections: [CompiledSelection], condition: Predicate,
        filters: [CompiledFilter]
    ) {
        let matcherBase = Int32(self.program.matchers.count)
        for matcher in matchers { self.program.matchers.append(self.lower(matcher)) }
        var required: [Int32: [UInt8]] = [:]
        for (offset, matcher) in matchers.enumerated() {
            if case .pattern(let pattern) = matcher, let literal = Self.requiredLiteral(pattern) {
                required[matcherBase + Int32(offset)] = literal
            }
        }
        let itemBase = Int32(self.program.items.count)
        for item in items {
            var test = item.test
            if case .anyValue(let range) = test {
                test = .anyValue((range.lowerBound + matcherBase)..<(range.upperBound + matcherBase))
            }
            var joinable = false
            if item.field < 0, case .anyValue(let range) = test, !range.isEmpty {
                joinable = range.allSatisfy { self.program.matchers[Int($0)].joinable }
            }
            var prefilter: Range<Int32> = 0..<0
            if item.field < 0, !joinable, case .anyValue(let range) = test, !range.isEmpty,
                range.allSatisfy({ required[$0] != nil || self.program.matchers[Int($0)].joinable })
            {
                let start = Int32(self.program.matchers.count)
                for index in range {
                    if let literal = required[index] {
                        let caseSensitive = matchers[Int(index - matcherBase)].caseSensitive
                        let needle = StringMatcher(
                            WildcardPattern(tokens: [.anyRun, .literal(literal), .anyRun]), caseSensitive: caseSensitive
                        )
                        self.program.matchers.append(self.lower(.pattern(needle)))
                    } else {
                        self.program.matchers.append(self.program.matchers[Int(index)])
                    }
                }
                prefilter = start..<Int32(self.program.matchers.count)
            }
            self.program.items.append(
                ProgramItem(
                    field: item.field, test: test, selection: self.name(item.selection), joinable: joinable,
                    prefilter: prefilter))
        }
        let roots = self.lower(selections, itemBase: itemBase)
        let condition = self.lower(condition, selections: roots, itemBase: itemBase)
        let filterStart = Int32(self.program.filterRoots.count)
        for filter in filters {
            let filterRoots = self.lower(filter.selections, itemBase: itemBase)
            self.program.filterRoots.append(self.lower(filter.condition, selections: filterRoots, itemBase: itemBase))
        }
        self.program.heads.append(
            RuleHead(condition: condition, filters: filterStart..<Int32(self.program.filterRoots.count)))
    }

    /// The longest literal a string pattern needs, when it has one without NUL bytes: any text it matches
    /// contains that literal (ignoring case unless the pattern is case-sensitive).
    static func requiredLiteral(_ matcher: StringMatcher) -> [UInt8]? {
        var best: [UInt8]?
        for token in matcher.pattern.tokens {
            guard case .literal(let bytes) = token, !bytes.contains(0) else { continue }
            if bytes.count > (best?.count ?? 0) { best = bytes }
        }
        return best
    }

    private mutating func name(_ name: String) -> Int32 {
        self.program.names.append(name)
        return Int32(self.program.names.count - 1)
    }

    private mutating func node(_ kind: ProgramNode.Kind, _ first: Int32 = 0, _ second: Int32 = 0) -> Int32 {
        self.program.nodes.append(ProgramNode(kind: kind, first: first, second: second))
        return Int32(self.program.nodes.count - 1)
    }

    /// Lowers a scope's selections; returns their `selection` nodes.
    private mutating func lower(_ selections: [CompiledSelection], itemBase: Int32) -> [Int32] {
        selections.map { selection in
            let root = self.lower(selection.predicate, selections: [], itemBase: itemBase)
            return self.node(.selection, root, self.name(selection.name))
        }
    }

    private mutating func lower(_ predicate: Predicate, selections: [Int32], itemBase: Int32) -> Int32 {
        switch predicate {
        case .constant(let value):
            return self.node(value ? .constantTrue : .constantFalse)
        case .item(let index):
            return self.node(.item, itemBase + index)
        case .selection(let index):
            return Int(index) < selections.count ? selections[Int(index)] : self.node(.constantFalse)
        case .not(let operand):
            return self.node(.not, self.lower(operand, selections: selections, itemBase: itemBase))
        case .and(let operands), .or(let operands):
            let children = operands.map { self.lower($0, selections: selections, itemBase: itemBase) }
            let start = Int32(self.program.operands.count)
            self.program.operands += children
            let kind: ProgramNode.Kind = if case .and = predicate { .and } else { .or }
            return self.node(kind, start, Int32(self.program.operands.count))
        }
    }

    private mutating func lower(_ matcher: ValueMatcher) -> MatcherRef {
        switch matcher {
        case .nothing:
            return MatcherRef(kind: .nothing)
        case .pattern(let pattern):
            self.program.store.patterns.append(pattern)
            var joinable = false
            let tokens = pattern.pattern.tokens
            if tokens.count == 3, tokens[0] == .anyRun, tokens[2] == .anyRun, case .literal(let bytes) = tokens[1] {
                joinable = !bytes.contains(0)
            }
            return MatcherRef(kind: .pattern, index: Int32(self.program.store.patterns.count - 1), joinable: joinable)
        case .exactSet(let set):
            self.program.store.exactSets.append(set)
            return MatcherRef(kind: .exactSet, index: Int32(self.program.store.exactSets.count - 1))
        case .prefixSet(let set):
            self.program.store.prefixSets.append(set)
            return MatcherRef(kind: .prefixSet, index: Int32(self.program.store.prefixSets.count - 1))
        case .suffixSet(let set):
            self.program.store.suffixSets.append(set)
            return MatcherRef(kind: .suffixSet, index: Int32(self.program.store.suffixSets.count - 1))
        case .substringSet(let automaton, let joinable):
            self.program.store.substringSets.append(automaton)
            return MatcherRef(
                kind: .substringSet, index: Int32(self.program.store.substringSets.count - 1), joinable: joinable)
        case .number(let number):
            self.program.store.numbers.append(number)
            return MatcherRef(kind: .number, index: Int32(self.program.store.numbers.count - 1))
        case .bool(let flag):
            return MatcherRef(kind: .bool, flag: flag)
        case .regex(let regex):
            self.program.store.regexes.append(regex)
            return MatcherRef(kind: .regex, index: Int32(self.program.store.regexes.count - 1))
        case .regexSet(let set):
            self.program.store.regexSets.append(set)
            return MatcherRef(kind: .regexSet, index: Int32(self.program.store.regexSets.count - 1))
        case .network(let set):
            self.program.store.networks.append(set)
            return MatcherRef(kind: .network, index: Int32(self.program.store.networks.count - 1))
        case .comparison(let comparison, let bound):
            return MatcherRef(kind: .comparison, comparison: comparison, value: bound)
        case .timePart(let part, let comparison, let bound):
            return MatcherRef(kind: .timePart, comparison: comparison, part: part, value: bound)
        }
    }
}
