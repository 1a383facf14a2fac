/// A YAML node as the loader sees it: a small, position-carrying tree composed from libyaml's events
/// (``YAMLComposer``).
///
/// Lines and columns are 1-based (libyaml marks; columns count Unicode scalars).
struct YAMLNode: Sendable {
    enum Kind: Sendable {
        case scalar(YAMLScalar)
        case sequence([YAMLNode])
        case mapping([YAMLPair])
    }

    var kind: Kind
    var line: Int
    var column: Int

    /// The scalar, if this is one.
    var scalar: YAMLScalar? {
        if case .scalar(let scalar) = self.kind { return scalar }
        return nil
    }

    /// The pairs, if this is a mapping.
    var pairs: [YAMLPair]? {
        if case .mapping(let pairs) = self.kind { return pairs }
        return nil
    }

    /// The elements, if this is a sequence.
    var elements: [YAMLNode]? {
        if case .sequence(let elements) = self.kind { return elements }
        return nil
    }

    /// The value of the first pair whose key is `key`.
    subscript(key: String) -> YAMLNode? {
        guard case .mapping(let pairs) = self.kind else { return nil }
        return pairs.first { $0.key == key }?.value
    }

    /// The first pair whose key is `key`.
    func pair(_ key: String) -> YAMLPair? {
        guard case .mapping(let pairs) = self.kind else { return nil }
        return pairs.first { $0.key == key }
    }

    /// The string of a scalar (quoted or not), `nil` otherwise.
    var string: String? { self.scalar?.value }

    /// `true` for a plain `null`, `~`, `Null`, `NULL` or an empty plain scalar.
    var isNull: Bool {
        guard let scalar = self.scalar else { return false }
        return scalar.isNull
    }

    /// "a mapping", "a list", "a string", ... for messages.
    var typeDescription: String {
        switch self.kind {
        case .mapping: "a mapping"
        case .sequence: "a list"
        case .scalar(let scalar):
            switch scalar.resolved {
            case .null: "null"
            case .bool: "a boolean"
            case .integer, .float: "a number"
            case .string: "a string"
            }
        }
    }
}

/// A key/value pair of a mapping. Keys are scalars (the reader rejects other keys).
struct YAMLPair: Sendable {
    var key: String
    var keyNode: YAMLNode
    var value: YAMLNode
}
