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
        self.witness(ruleSet.program.heads[rule].condition, in: ruleSet, event: event) ?? Witness()
    }

    private mutating func witness(_ node: Int32, in ruleSet: CompiledRuleSet, event: Event) -> Witness? {
        let current = ruleSet.program.nodes[Int(node)]
        switch current.kind {
        case .constantFalse, .constantTrue, .not:
            return nil
        case .selection:
            guard self.evaluate(current.first, in: ruleSet, event: event) else { return nil }
            return self.witness(current.first, in: ruleSet, event: event)
                ?? Witness(selection: ruleSet.program.names[Int(current.second)])
        case .and, .or:
            guard self.evaluate(node, in: ruleSet, event: event) else { return nil }
            for index in current.first..<current.second {
                if let witness = self.witness(ruleSet.program.operands[Int(index)], in: ruleSet, event: event) {
                    return witness
                }
            }
            return nil
        case .item:
            return self.itemWitness(Int(current.first), in: ruleSet, event: event)
        }
    }

    /// The witness of one item, when it holds: its selection, its field, and the value that matched.
    private mutating func itemWitness(_ index: Int, in ruleSet: CompiledRuleSet, event: Event) -> Witness? {
        guard self.evaluateItem(index, in: ruleSet, event: event) else { return nil }
        let item = ruleSet.program.items[index]
        let keyword = item.field < 0
        let field = keyword ? nil : ruleSet.fields[Int(item.field)].path
        let range = keyword ? self.stringLeaves(of: event) : self.resolve(Int(item.field), in: ruleSet, event: event)
        var node: Int?
        switch item.test {
        case .isNull:
            node = nil
        case .exists:
            for index in range {
                let candidate = Int(keyword ? self.leaves[index] : self.values[index])
                if event.tape.nodes[candidate].kind != .null {
                    node = candidate
                    break
                }
            }
        case .anyValue(let matchers):
            node = self.firstMatch(range, keyword: keyword, matchers: matchers, in: ruleSet, event: event)
        case .fieldReference(let other, let position, let caseSensitive):
            node = self.firstReferenceMatch(
                range, other: Int(other), position: position, caseSensitive: caseSensitive, in: ruleSet, event: event)
        }
        return Witness(
            selection: ruleSet.program.names[Int(item.selection)], field: field,
            value: node.flatMap { event.tape.text(of: $0) })
    }
}
