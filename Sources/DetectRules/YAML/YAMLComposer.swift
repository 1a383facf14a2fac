// libyaml is the system's (Debian libyaml-dev); the loader reads its parse events directly, with no Swift YAML
// package between (their node trees cost several thousand instructions per node to build, hash and copy).
internal import CLibYAML

/// Builds ``YAMLNode`` trees from libyaml's parse events: an alias stands for the node last anchored under its
/// name (anchors carry over between documents), a mapping with equal keys is an error, positions are the
/// events' start marks (1-based).
///
/// Keys are equal when they are equal scalars with the same tag (no tag and quoted count as `!!str`), or
/// collections with equal elements.
final class YAMLComposer {
    /// What stops composing: libyaml's error, an alias with no anchor, or repeated mapping keys.
    enum Failure: Error {
        /// A reader, scanner or parser error of libyaml.
        case libyaml(Libyaml)
        /// An alias whose anchor has not been seen.
        case undefinedAlias(line: Int, column: Int)
        /// The repeated keys of a mapping (scalar strings, `<uncovertable>` for others) and the first key's
        /// position.
        case duplicateKeys([String], line: Int, column: Int)
        /// A document expands to more nodes than the budget left (its root's position).
        case overBudget(line: Int, column: Int)
        /// Out of memory in libyaml.
        case memory
    }

    /// A libyaml error as its parser reports it.
    struct Libyaml {
        /// `true` for reader errors (the input stream), `false` for scanner and parser errors.
        var isReader: Bool
        var problem: String
        /// 1-based.
        var problemLine: Int
        var problemColumn: Int
        /// The byte offset of a reader error.
        var problemOffset: Int
        /// What was being parsed, and where (1-based line).
        var context: (text: String, line: Int)?
    }

    /// A composed node, the number of nodes it expands to (itself included), and for a scalar its explicit tag.
    struct Composed {
        var node: YAMLNode
        var size: Int
        var tag: String?
    }

    private let parser = UnsafeMutablePointer<yaml_parser_t>.allocate(capacity: 1)
    private var anchors: [String: Composed] = [:]
    /// The nodes the documents still to come may expand to, together.
    private var budget: Int

    /// Starts parsing `bytes` (UTF-8), which must outlive the composer; the documents may expand to
    /// `nodeBudget` nodes in all (aliases expanded: nested aliases can make a small file huge).
    init(_ bytes: UnsafeBufferPointer<UInt8>, nodeBudget: Int) throws(Failure) {
        self.budget = nodeBudget
        yaml_parser_initialize(self.parser)
        yaml_parser_set_encoding(self.parser, YAML_UTF8_ENCODING)
        yaml_parser_set_input_string(self.parser, bytes.baseAddress, bytes.count)
        try self.withNextEvent { _ in }  // STREAM-START
    }

    deinit {
        yaml_parser_delete(self.parser)
        self.parser.deallocate()
    }

    /// The next document's root, or `nil` at the end of the stream.
    func nextDocument() throws(Failure) -> YAMLNode? {
        if self.parser.pointee.stream_end_produced != 0 { return nil }
        let isEnd = try self.withNextEvent { $0.type == YAML_STREAM_END_EVENT }  // or DOCUMENT-START
        guard !isEnd, let root = try self.nextNode() else { return nil }
        try self.withNextEvent { _ in }  // DOCUMENT-END
        guard root.size <= self.budget else { throw .overBudget(line: root.node.line, column: root.node.column) }
        self.budget -= root.size
        return root.node
    }

    // MARK: - Nodes

    /// The next node, or `nil` when the next event ends the enclosing collection.
    private func nextNode() throws(Failure) -> Composed? {
        try self.withNextEvent { event throws(Failure) -> Composed? in
            let line = event.start_mark.line + 1
            let column = event.start_mark.column + 1
            switch event.type {
            case YAML_ALIAS_EVENT:
                guard let anchored = self.anchors[String(cString: event.data.alias.anchor)] else {
                    throw .undefinedAlias(line: line, column: column)
                }
                return anchored
            case YAML_SCALAR_EVENT:
                let composed = Self.scalar(event, line: line, column: column)
                self.register(event.data.scalar.anchor, composed)
                return composed
            case YAML_SEQUENCE_START_EVENT:
                var elements: [YAMLNode] = []
                var size = 1
                while let element = try self.nextNode() {
                    elements.append(element.node)
                    size = Self.sum(size, element.size)
                }
                let composed = Composed(node: YAMLNode(kind: .sequence(elements), line: line, column: column), size: size)
                self.register(event.data.sequence_start.anchor, composed)
                return composed
            case YAML_MAPPING_START_EVENT:
                var pairs: [YAMLPair] = []
                var keyTags: [String?] = []
                var size = 1
                while let key = try self.nextNode(), let value = try self.nextNode() {
                    // Non-scalar keys are kept with an empty name; callers report them (`yaml.key.type`).
                    pairs.append(YAMLPair(key: key.node.scalar?.value ?? "", keyNode: key.node, value: value.node))
                    keyTags.append(key.tag)
                    size = Self.sum(size, Self.sum(key.size, value.size))
                }
                try Self.checkDuplicates(pairs, tags: keyTags)
                let composed = Composed(node: YAMLNode(kind: .mapping(pairs), line: line, column: column), size: size)
                self.register(event.data.mapping_start.anchor, composed)
                return composed
            default:  // SEQUENCE-END, MAPPING-END
                return nil
            }
        }
    }

    private static func scalar(_ event: yaml_event_t, line: Int, column: Int) -> Composed {
        let scalar = event.data.scalar
        let value = String(decoding: UnsafeBufferPointer(start: scalar.value, count: scalar.length), as: UTF8.self)
        let style: YAMLScalar.Style
        switch scalar.style {
        case YAML_SINGLE_QUOTED_SCALAR_STYLE: style = .singleQuoted
        case YAML_DOUBLE_QUOTED_SCALAR_STYLE: style = .doubleQuoted
        case YAML_LITERAL_SCALAR_STYLE: style = .literal
        case YAML_FOLDED_SCALAR_STYLE: style = .folded
        default: style = .plain
        }
        let tag = scalar.tag.map { String(cString: $0) }
        let forced = style == .plain && tag == Self.stringTag
        let node = YAMLNode(
            kind: .scalar(YAMLScalar(value: value, style: style, forcedString: forced)), line: line, column: column)
        return Composed(node: node, size: 1, tag: tag)
    }

    private func register(_ anchor: UnsafeMutablePointer<yaml_char_t>?, _ composed: Composed) {
        guard let anchor else { return }
        self.anchors[String(cString: anchor)] = composed
    }

    /// Node counts add up to at most `Int.max` (nested aliases can expand exponentially).
    private static func sum(_ a: Int, _ b: Int) -> Int {
        let (total, overflow) = a.addingReportingOverflow(b)
        return overflow ? .max : total
    }

    // MARK: - Duplicate keys

    private static let stringTag = "tag:yaml.org,2002:str"

    /// Throws when two keys are equal: the repeated keys sorted by string, at the first key's position.
    private static func checkDuplicates(_ pairs: [YAMLPair], tags: [String?]) throws(Failure) {
        guard pairs.count > 1 else { return }
        var firstOf: [KeyIdentity: Int] = [:]
        var repeated: [Int] = []
        for (index, pair) in pairs.enumerated() {
            let identity = KeyIdentity(pair.keyNode, tag: tags[index])
            if let first = firstOf[identity] {
                if !repeated.contains(first) { repeated.append(first) }
            } else {
                firstOf[identity] = index
            }
        }
        guard !repeated.isEmpty else { return }
        let keys = repeated.map { pairs[$0].keyNode }.sorted { a, b in
            guard let a = a.scalar, let b = b.scalar else { return false }
            return a.value < b.value
        }
        throw .duplicateKeys(keys.map { $0.scalar?.value ?? "<uncovertable>" }, line: keys[0].line, column: keys[0].column)
    }

    /// What makes two keys equal.
    private indirect enum KeyIdentity: Hashable {
        case scalar(String, tag: String)
        case sequence([KeyIdentity])
        case mapping([KeyIdentity])

        init(_ node: YAMLNode, tag: String?) {
            switch node.kind {
            case .scalar(let scalar):
                self = .scalar(scalar.value, tag: tag ?? YAMLComposer.stringTag)
            case .sequence(let elements):
                self = .sequence(elements.map { KeyIdentity($0, tag: nil) })
            case .mapping(let pairs):
                self = .mapping(pairs.flatMap { [KeyIdentity($0.keyNode, tag: nil), KeyIdentity($0.value, tag: nil)] })
            }
        }
    }

    // MARK: - Events

    /// Parses the next event and runs `body` on it; libyaml's error is thrown as ``Failure/libyaml(_:)``.
    private func withNextEvent<Result>(
        _ body: (inout yaml_event_t) throws(Failure) -> Result
    ) throws(Failure) -> Result {
        var event = yaml_event_t()
        guard yaml_parser_parse(self.parser, &event) == 1 else { throw self.failure() }
        defer { yaml_event_delete(&event) }
        return try body(&event)
    }

    private func failure() -> Failure {
        let parser = self.parser.pointee
        if parser.error == YAML_MEMORY_ERROR { return .memory }
        let context = parser.context.map { (text: String(cString: $0), line: parser.context_mark.line + 1) }
        return .libyaml(
            Libyaml(
                isReader: parser.error == YAML_READER_ERROR, problem: parser.problem.map { String(cString: $0) } ?? "",
                problemLine: parser.problem_mark.line + 1, problemColumn: parser.problem_mark.column + 1,
                problemOffset: parser.problem_offset, context: context))
    }
}
