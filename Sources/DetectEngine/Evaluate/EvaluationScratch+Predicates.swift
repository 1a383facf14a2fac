internal import DetectCore
internal import DetectMatch
internal import DetectRules

extension EvaluationScratch {
    /// Whether rule `rule` matches: its condition holds and none of its filters' conditions does.
    mutating func matches(rule: Int, in ruleSet: CompiledRuleSet, event: Event) -> Bool {
        guard self.evaluate(ruleSet.rules[rule].condition, scope: -1, rule: rule, in: ruleSet, event: event) else {
            return false
        }
        for filter in ruleSet.rules[rule].filters.indices {
            let condition = ruleSet.rules[rule].filters[filter].condition
            if self.evaluate(condition, scope: filter, rule: rule, in: ruleSet, event: event) { return false }
        }
        return true
    }

    /// Evaluates a predicate of rule `rule`; `scope` is -1 for the rule's own selections, or a filter index.
    mutating func evaluate(
        _ predicate: Predicate, scope: Int, rule: Int, in ruleSet: CompiledRuleSet, event: Event
    ) -> Bool {
        switch predicate {
        case .constant(let value):
            return value
        case .item(let index):
            return self.evaluateItem(Int(index), rule: rule, in: ruleSet, event: event)
        case .selection(let index):
            return self.evaluate(
                Self.selectionPredicate(Int(index), scope: scope, rule: rule, in: ruleSet), scope: scope, rule: rule,
                in: ruleSet, event: event)
        case .not(let operand):
            return !self.evaluate(operand, scope: scope, rule: rule, in: ruleSet, event: event)
        case .and(let operands):
            for operand in operands where !self.evaluate(operand, scope: scope, rule: rule, in: ruleSet, event: event) {
                return false
            }
            return true
        case .or(let operands):
            for operand in operands where self.evaluate(operand, scope: scope, rule: rule, in: ruleSet, event: event) {
                return true
            }
            return false
        }
    }

    static func selectionPredicate(_ index: Int, scope: Int, rule: Int, in ruleSet: CompiledRuleSet) -> Predicate {
        scope < 0
            ? ruleSet.rules[rule].selections[index].predicate
            : ruleSet.rules[rule].filters[scope].selections[index].predicate
    }

    /// Evaluates one compiled item.
    mutating func evaluateItem(_ index: Int, rule: Int, in ruleSet: CompiledRuleSet, event: Event) -> Bool {
        let field = Int(ruleSet.rules[rule].items[index].field)
        let keyword = field < 0
        let range = keyword ? self.stringLeaves(of: event) : self.resolve(field, in: ruleSet, event: event)
        switch ruleSet.rules[rule].items[index].test {
        case .isNull:
            return !self.hasNonNull(range, keyword: keyword, tape: event.tape)
        case .exists(let flag):
            return self.hasNonNull(range, keyword: keyword, tape: event.tape) == flag
        case .anyValue(let matchers):
            return self.firstMatch(range, keyword: keyword, matchers: matchers, rule: rule, in: ruleSet, event: event)
                != nil
        case .fieldReference(let other, let position, let caseSensitive):
            return self.firstReferenceMatch(
                range, other: Int(other), position: position, caseSensitive: caseSensitive, in: ruleSet, event: event)
                != nil
        }
    }

    /// Whether some value of the range is not JSON null.
    func hasNonNull(_ range: Range<Int>, keyword: Bool, tape: ValueTape) -> Bool {
        for index in range {
            let node = Int(keyword ? self.leaves[index] : self.values[index])
            if tape.nodes[node].kind != .null { return true }
        }
        return false
    }

    /// The first value node of the range that some matcher of `matchers` accepts.
    mutating func firstMatch(
        _ range: Range<Int>, keyword: Bool, matchers: Range<Int32>, rule: Int, in ruleSet: CompiledRuleSet,
        event: Event
    ) -> Int? {
        guard !matchers.isEmpty else { return nil }
        let regex = self.regex
        for index in range {
            let node = Int(keyword ? self.leaves[index] : self.values[index])
            guard let span = self.span(of: node, in: event.tape) else { continue }
            let value = event.tape.nodes[node]
            let (matched, limitHits) = self.withBytes(span, in: event.tape) { text -> (Bool, Int) in
                var hits = 0
                for matcher in matchers {
                    switch ruleSet.rules[rule].matchers[Int(matcher)].evaluate(value, text: text, regex: regex) {
                    case .match: return (true, hits)
                    case .noMatch: continue
                    case .limitExceeded: hits += 1
                    }
                }
                return (false, hits)
            }
            self.regexLimitHits += limitHits
            if matched { return node }
        }
        return nil
    }

    /// The first value of the range that relates to some value of field `other` as `position` says.
    mutating func firstReferenceMatch(
        _ range: Range<Int>, other: Int, position: DetectionItem.StringPosition, caseSensitive: Bool,
        in ruleSet: CompiledRuleSet, event: Event
    ) -> Int? {
        let others = self.resolve(other, in: ruleSet, event: event)
        for index in range {
            let node = Int(self.values[index])
            guard let span = self.span(of: node, in: event.tape) else { continue }
            for otherIndex in others {
                let otherNode = Int(self.values[otherIndex])
                guard let otherSpan = self.span(of: otherNode, in: event.tape) else { continue }
                let matched = self.withBytes(span, in: event.tape) { text in
                    self.withBytes(otherSpan, in: event.tape) { otherText in
                        TextComparison.matches(text, otherText, position: position, caseSensitive: caseSensitive)
                    }
                }
                if matched { return node }
            }
        }
        return nil
    }
}
