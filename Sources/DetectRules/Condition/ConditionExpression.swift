public import DetectCore

/// A parsed Sigma condition.
///
/// `and` and `or` are n-ary (a chain `a and b and c` is one node); parentheses only appear as nesting.
/// Identifier and selector leaves carry their position inside the condition string.
public indirect enum ConditionExpression: Hashable, Sendable, CustomStringConvertible {
    /// A search identifier by name (checked to exist).
    case identifier(String, location: SourceLocation)
    /// `1 of pattern`, `all of them`, ...
    case selector(ConditionSelector)
    case not(ConditionExpression)
    case and([ConditionExpression])
    case or([ConditionExpression])

    /// The condition in Sigma syntax with the minimum of parentheses; parsing it gives the same tree.
    public var description: String {
        switch self {
        case .identifier(let name, _):
            return name
        case .selector(let selector):
            return selector.description
        case .not(let operand):
            switch operand {
            case .and, .or: return "not (\(operand))"
            default: return "not \(operand)"
            }
        case .and(let operands):
            return operands.map { operand in
                if case .or = operand { return "(\(operand))" }
                if case .and = operand { return "(\(operand))" }
                return operand.description
            }.joined(separator: " and ")
        case .or(let operands):
            return operands.map { operand in
                if case .or = operand { return "(\(operand))" }
                return operand.description
            }.joined(separator: " or ")
        }
    }

    /// A fully bracketed prefix form, `and(a, not(b), any(filter_*))`, for tests and debugging.
    public var treeDescription: String {
        switch self {
        case .identifier(let name, _):
            return name
        case .selector(let selector):
            let quantifier = selector.quantifier == .all ? "all" : "any"
            return "\(quantifier)(\(selector.target))"
        case .not(let operand):
            return "not(\(operand.treeDescription))"
        case .and(let operands):
            return "and(" + operands.map(\.treeDescription).joined(separator: ", ") + ")"
        case .or(let operands):
            return "or(" + operands.map(\.treeDescription).joined(separator: ", ") + ")"
        }
    }

    /// Every search identifier the condition can reach (selectors expanded), without duplicates, in order.
    public var referencedIdentifiers: [String] {
        var seen = Set<String>()
        var names: [String] = []
        func visit(_ expression: ConditionExpression) {
            switch expression {
            case .identifier(let name, _):
                if seen.insert(name).inserted { names.append(name) }
            case .selector(let selector):
                for name in selector.identifiers where seen.insert(name).inserted { names.append(name) }
            case .not(let operand):
                visit(operand)
            case .and(let operands), .or(let operands):
                operands.forEach(visit)
            }
        }
        visit(self)
        return names
    }
}
