internal import DetectCore
internal import DetectJSON

/// What made a rule match: a selection, a field and a value (see ``RuleMatch``).
struct Witness {
    var selection: String?
    var field: String?
    var value: String?
}

extension EvaluationScratch {
    /// The first positive witness of a matched rule's condition (depth-first, left to right, outside `not`).
    mutating func witness(rule: Int, in ruleSet: CompiledRuleSet, event: Event) -> Witness {
        self.witness(ruleSet.rules[rule].condition, rule: rule, in: ruleSet, event: event) ?? Witness()
    }

    private mutating func witness(_ predicate: Predicate, rule: Int, in ruleSet: CompiledRuleSet, event: Event)
        -> Witness?
    {
        switch predicate {
        case .constant, .not:
            return nil
        case .selection(let index):
            let selection = ruleSet.rules[rule].selections[Int(index)]
            guard self.evaluate(selection.predicate, scope: -1, rule: rule, in: ruleSet, event: event) else {
                return nil
            }
            return self.witness(selection.predicate, rule: rule, in: ruleSet, event: event)
                ?? Witness(selection: selection.name)
        case .and(let operands):
            guard self.evaluate(predicate, scope: -1, rule: rule, in: ruleSet, event: event) else { return nil }
            for operand in operands {
                if let witness = self.witness(operand, rule: rule, in: ruleSet, event: event) { return witness }
            }
            return nil
        case .or(let operands):
            for operand in operands {
                if let witness = self.witness(operand, rule: rule, in: ruleSet, event: event) { return witness }
            }
            return nil
        case .item(let index):
            return self.itemWitness(Int(index), rule: rule, in: ruleSet, event: event)
        }
    }

    /// The witness of one item, when it holds: its selection, its field, and the value that matched.
    private mutating func itemWitness(_ index: Int, rule: Int, in ruleSet: CompiledRuleSet, event: Event) -> Witness? {
        guard self.evaluateItem(index, rule: rule, in: ruleSet, event: event) else { return nil }
        let item = ruleSet.rules[rule].items[index]
        let keyword = item.field < 0
        let field = keyword ? nil : ruleSet.fields[Int(item.field)].path
        let range = keyword ? self.stringLeaves(of: event) : self.resolve(Int(item.field), in: ruleSet, event: event)
        var node: Int?
        switch item.test {
        case .isNull:
            node = nil
        case .exists:
            node = nil
            for index in range {
                let candidate = Int(keyword ? self.leaves[index] : self.values[index])
                if event.tape.nodes[candidate].kind != .null {
                    node = candidate
                    break
                }
            }
        case .anyValue(let matchers):
            node = self.firstMatch(range, keyword: keyword, matchers: matchers, rule: rule, in: ruleSet, event: event)
        case .fieldReference(let other, let position, let caseSensitive):
            node = self.firstReferenceMatch(
                range, other: Int(other), position: position, caseSensitive: caseSensitive, in: ruleSet, event: event)
        }
        return Witness(selection: item.selection, field: field, value: node.flatMap { event.tape.text(of: $0) })
    }
}
