internal import DetectCore

extension RuleTestValue {
    /// A mapping key that is not a scalar, which JSON cannot hold.
    struct NonScalarKey: Error {
        let node: YAMLNode
    }

    /// The JSON value of a YAML node: plain scalars typed by the core schema, other scalars strings, key order
    /// kept.
    init(yaml node: YAMLNode) throws(NonScalarKey) {
        switch node.kind {
        case .scalar(let scalar):
            switch scalar.resolved {
            case .null: self = .null
            case .bool(let value): self = .bool(value)
            case .integer(let value): self = .integer(value)
            case .float(let value): self = .float(value)
            case .string: self = .string(scalar.value)
            }
        case .sequence(let elements):
            var values: [RuleTestValue] = []
            values.reserveCapacity(elements.count)
            for element in elements { values.append(try RuleTestValue(yaml: element)) }
            self = .array(values)
        case .mapping(let pairs):
            var members: [Member] = []
            members.reserveCapacity(pairs.count)
            for pair in pairs {
                guard pair.keyNode.scalar != nil else { throw NonScalarKey(node: pair.keyNode) }
                members.append(Member(pair.key, try RuleTestValue(yaml: pair.value)))
            }
            self = .object(members)
        }
    }
}
