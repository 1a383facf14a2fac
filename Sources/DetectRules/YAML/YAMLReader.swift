internal import DetectCore
internal import Yams

/// Reads the documents of a YAML stream into ``YAMLNode`` trees, turning Yams errors into diagnostics.
///
/// Scalars are not type-resolved by Yams (the `.basic` resolver is used, which is also much faster than the
/// regex-based default); ``YAMLScalar`` types plain scalars itself. The encoding is always UTF-8: Yams's
/// default reads the whole process environment for each parser (≈ 0.4 million instructions per file).
enum YAMLReader {
    /// The most nodes one file may expand to. Aliases are expanded when converting, so a small file of nested
    /// aliases ("billion laughs") could otherwise take forever; libyaml itself caps nesting at 1000 levels.
    static let nodeBudget = 1_000_000

    /// The documents read before any error, and the error (at most one: libyaml stops at the first).
    static func read(_ text: String, source: SourceText) -> (documents: [YAMLNode], diagnostics: [Diagnostic]) {
        var documents: [YAMLNode] = []
        var budget = Self.nodeBudget
        do {
            let parser = try Parser(yaml: text, resolver: .basic, encoding: .utf8)
            while let root = try parser.nextRoot() {
                guard let converted = Self.convert(root, budget: &budget) else {
                    let mark = root.mark
                    let location = SourceLocation(file: source.file, line: mark?.line ?? 1, column: mark?.column ?? 1)
                    let message = "the document expands to more than \(Self.nodeBudget) YAML nodes (nested aliases?)"
                    return (documents, [Diagnostic(.yamlSyntax, message, at: location)])
                }
                documents.append(converted)
            }
            return (documents, [])
        } catch let error as YamlError {
            return (documents, [Self.diagnostic(for: error, source: source)])
        } catch {
            let location = SourceLocation(file: source.file, line: 1, column: 1)
            return (documents, [Diagnostic(.yamlSyntax, "cannot parse YAML: \(error)", at: location)])
        }
    }

    private static func convert(_ node: Node, budget: inout Int) -> YAMLNode? {
        budget -= 1
        guard budget >= 0 else { return nil }
        let mark = node.mark
        let line = mark?.line ?? 1
        let column = mark?.column ?? 1
        switch node {
        case .scalar(let scalar):
            let style: YAMLScalar.Style
            switch scalar.style {
            case .singleQuoted: style = .singleQuoted
            case .doubleQuoted: style = .doubleQuoted
            case .literal: style = .literal
            case .folded: style = .folded
            case .plain, .any: style = .plain
            }
            let forced = style == .plain && scalar.tag.rawValue == Tag.Name.str.rawValue
            return YAMLNode(
                kind: .scalar(YAMLScalar(value: scalar.string, style: style, forcedString: forced)),
                line: line, column: column)
        case .sequence(let sequence):
            var elements: [YAMLNode] = []
            elements.reserveCapacity(sequence.count)
            for element in sequence {
                guard let converted = Self.convert(element, budget: &budget) else { return nil }
                elements.append(converted)
            }
            return YAMLNode(kind: .sequence(elements), line: line, column: column)
        case .mapping(let mapping):
            var pairs: [YAMLPair] = []
            pairs.reserveCapacity(mapping.count)
            for (key, value) in mapping {
                guard let keyNode = Self.convert(key, budget: &budget),
                    let valueNode = Self.convert(value, budget: &budget)
                else { return nil }
                // Non-scalar keys are kept with an empty name; callers report them (`yaml.key.type`).
                pairs.append(YAMLPair(key: keyNode.scalar?.value ?? "", keyNode: keyNode, value: valueNode))
            }
            return YAMLNode(kind: .mapping(pairs), line: line, column: column)
        case .alias(let alias):
            // Yams resolves aliases while parsing; a bare alias node only appears for unusual input.
            let mark = alias.mark
            return YAMLNode(
                kind: .scalar(YAMLScalar(value: "", style: .plain, forcedString: false)),
                line: mark?.line ?? line, column: mark?.column ?? column)
        }
    }

    private static func diagnostic(for error: YamlError, source: SourceText) -> Diagnostic {
        let file = source.file
        func location(_ mark: Mark?) -> SourceLocation {
            SourceLocation(file: file, line: max(mark?.line ?? 1, 1), column: max(mark?.column ?? 1, 1))
        }
        switch error {
        case .scanner(let context, let problem, let mark, _),
            .parser(let context, let problem, let mark, _),
            .composer(let context, let problem, let mark, _):
            var message = problem
            if let context { message += " (\(context.text) at line \(context.mark.line))" }
            return Diagnostic(.yamlSyntax, message, at: location(mark))
        case .duplicatedKeysInMapping(let duplicates, let context):
            let names = duplicates.map { "`\($0)`" }.joined(separator: ", ")
            // Yams marks the first occurrence; point at the repeated one when it can be found.
            let first = location(context.mark)
            let repeated = duplicates.first.flatMap { source.repeatedKey($0, after: first) } ?? first
            return Diagnostic(
                .yamlDuplicateKey, "duplicate mapping key \(names); each key may appear once in a mapping",
                at: repeated)
        case .reader(let problem, let offset, _, _):
            var message = "cannot read the YAML stream: \(problem)"
            if let offset { message += " at byte \(offset)" }
            return Diagnostic(.ioRead, message, at: location(nil))
        default:
            return Diagnostic(.yamlSyntax, "cannot parse YAML: \(error)", at: location(nil))
        }
    }
}
