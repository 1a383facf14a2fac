internal import DetectCore
internal import DetectMatch
internal import DetectRules

extension EvaluationScratch {
    /// Whether rule `rule` matches: its condition holds and none of its filters' conditions does.
    mutating func matches(rule: Int, in ruleSet: CompiledRuleSet, event: Event) -> Bool {
        let head = ruleSet.program.heads[rule]
        guard self.evaluate(head.condition, in: ruleSet, event: event) else { return false }
        for index in head.filters
        where self.evaluate(ruleSet.program.filterRoots[Int(index)], in: ruleSet, event: event) {
            return false
        }
        return true
    }

    /// Evaluates the predicate node `node`.
    mutating func evaluate(_ node: Int32, in ruleSet: CompiledRuleSet, event: Event) -> Bool {
        let current = ruleSet.program.nodes[Int(node)]
        switch current.kind {
        case .constantFalse:
            return false
        case .constantTrue:
            return true
        case .item:
            return self.evaluateItem(Int(current.first), in: ruleSet, event: event)
        case .selection, .not:
            let result = self.evaluate(current.first, in: ruleSet, event: event)
            return current.kind == .not ? !result : result
        case .and:
            for index in current.first..<current.second
            where !self.evaluate(ruleSet.program.operands[Int(index)], in: ruleSet, event: event) {
                return false
            }
            return true
        case .or:
            for index in current.first..<current.second
            where self.evaluate(ruleSet.program.operands[Int(index)], in: ruleSet, event: event) {
                return true
            }
            return false
        }
    }

    /// Evaluates one item, once per event.
    mutating func evaluateItem(_ index: Int, in ruleSet: CompiledRuleSet, event: Event) -> Bool {
        if self.itemStamps[index] == self.generation { return self.itemResults[index] }
        let result = self.testItem(index, in: ruleSet, event: event)
        self.itemStamps[index] = self.generation
        self.itemResults[index] = result
        return result
    }

    /// Tests one item against the event.
    private mutating func testItem(_ index: Int, in ruleSet: CompiledRuleSet, event: Event) -> Bool {
        let item = ruleSet.program.items[index]
        let keyword = item.field < 0
        let range = keyword ? self.stringLeaves(of: event) : self.resolve(Int(item.field), in: ruleSet, event: event)
        switch item.test {
        case .isNull:
            return !self.hasNonNull(range, keyword: keyword, tape: event.tape)
        case .exists(let flag):
            return self.hasNonNull(range, keyword: keyword, tape: event.tape) == flag
        case .anyValue(let matchers):
            if item.joinable { return self.joinedMatch(matchers, in: ruleSet, event: event) }
            if !item.prefilter.isEmpty, !self.joinedMatch(item.prefilter, in: ruleSet, event: event) { return false }
            return self.firstMatch(range, keyword: keyword, matchers: matchers, in: ruleSet, event: event) != nil
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
        _ range: Range<Int>, keyword: Bool, matchers: Range<Int32>, in ruleSet: CompiledRuleSet, event: Event
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
                    let ref = ruleSet.program.matchers[Int(matcher)]
                    switch ruleSet.program.store.evaluate(ref, node: value, text: text, regex: regex) {
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

    /// Keyword substring searches over every string of the event at once (joined by NUL bytes, which no
    /// needle holds, so no match spans two strings).
    mutating func joinedMatch(_ matchers: Range<Int32>, in ruleSet: CompiledRuleSet, event: Event) -> Bool {
        self.buildJoined(event)
        let stringNode = ValueNode(kind: .string, length: 0, offset: 0, payload: 0)
        return self.joined.withUnsafeBytes { text in
            for matcher in matchers {
                let ref = ruleSet.program.matchers[Int(matcher)]
                if ruleSet.program.store.evaluate(ref, node: stringNode, text: text, regex: nil) == .match {
                    return true
                }
            }
            return false
        }
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
