internal import DetectCore

/// One document of a file after parsing.
enum ParsedDocument {
    case rule(SigmaRule)
    case correlation(CorrelationRule)
    case filter(SigmaFilter)
    case pipeline(ProcessingPipeline)
    case rejected(RejectedDocument)
    /// A SigmaHQ regression-test description (`rule_metadata`, `regression_tests_info`), which sits beside rules in the
    /// SigmaHQ repository: not a detection document, skipped without a diagnostic.
    case regressionTestInfo
}

/// Parses the documents of one file: YAML, rule collections (`action: global` / `reset` / `repeat`), and the
/// dispatch of each document to its parser.
struct DocumentParser {
    let options: RuleLoader.Options

    func parse(text rawText: String, file: String) -> (documents: [ParsedDocument], diagnostics: [Diagnostic]) {
        // A UTF-8 byte order mark is not content (libyaml would read it as part of the first key).
        let text = rawText.unicodeScalars.first == "\u{FEFF}" ? String(rawText.unicodeScalars.dropFirst()) : rawText
        let source = SourceText(file: file, text: text)
        let context = ParseContext(source: source, options: self.options)
        let (roots, yamlDiagnostics) = YAMLReader.read(text, source: source)
        var documents: [ParsedDocument] = []
        var global: YAMLNode?
        var previous: YAMLNode?
        for root in roots {
            if root.isNull { continue }  // an empty document (`---` with nothing after it)
            guard root.pairs != nil else {
                let index = context.diagnostics.count
                context.report(
                    .yamlDocumentType, "a Sigma document must be a mapping, found \(root.typeDescription)",
                    at: root)
                documents.append(.rejected(self.rejection(.unknown, root, context, since: index)))
                continue
            }
            if let actionNode = root["action"] {
                switch actionNode.string {
                case "global":
                    global = Self.removing("action", from: root)
                    continue
                case "reset":
                    global = nil
                    continue
                case "repeat":
                    guard let base = previous else {
                        let index = context.diagnostics.count
                        context.report(
                            .collectionRepeatOrphan, "`action: repeat` has no previous document to repeat",
                            at: actionNode)
                        documents.append(.rejected(self.rejection(.unknown, root, context, since: index)))
                        continue
                    }
                    let effective = Self.merge(base, Self.removing("action", from: root))
                    previous = effective
                    documents.append(self.dispatch(effective, context))
                    continue
                default:
                    let index = context.diagnostics.count
                    context.report(
                        .collectionActionUnknown,
                        "unknown collection action `\(actionNode.string ?? actionNode.typeDescription)`; use "
                            + "`global`, `reset` or `repeat`",
                        at: actionNode)
                    documents.append(.rejected(self.rejection(.unknown, root, context, since: index)))
                    continue
                }
            }
            let effective = global.map { Self.merge($0, root) } ?? root
            previous = effective
            documents.append(self.dispatch(effective, context))
        }
        // A YAML error ends the stream: what follows it is lost, so count it as a rejected document.
        for diagnostic in yamlDiagnostics {
            context.append([diagnostic])
            documents.append(
                .rejected(
                    RejectedDocument(
                        kind: .unknown, title: nil, id: nil, location: diagnostic.location, codes: [diagnostic.code])))
        }
        return (documents, context.diagnostics)
    }

    private func dispatch(_ root: YAMLNode, _ context: ParseContext) -> ParsedDocument {
        let index = context.diagnostics.count
        context.ruleID = nil
        if root["regression_tests_info"] != nil || root["rule_metadata"] != nil, root["detection"] == nil,
            root["title"] == nil
        {
            return .regressionTestInfo
        }
        if root["correlation"] != nil {
            if let rule = CorrelationParser(context: context).parse(root) { return .correlation(rule) }
            return .rejected(self.rejection(.correlation, root, context, since: index))
        }
        if root["filter"] != nil, root["detection"] == nil {
            if let filter = FilterParser(context: context).parse(root) { return .filter(filter) }
            return .rejected(self.rejection(.filter, root, context, since: index))
        }
        if root["transformations"] != nil, root["detection"] == nil {
            if let pipeline = PipelineParser(context: context).parse(root) { return .pipeline(pipeline) }
            return .rejected(self.rejection(.pipeline, root, context, since: index))
        }
        if root["detection"] != nil || root["logsource"] != nil || root["title"] != nil {
            if let rule = RuleParser(context: context).parse(root) { return .rule(rule) }
            return .rejected(self.rejection(.rule, root, context, since: index))
        }
        context.report(
            .documentKindUnknown,
            "not a Sigma document: expected `detection` (rule), `correlation`, `filter` or `transformations` "
                + "(pipeline)",
            at: root)
        return .rejected(self.rejection(.unknown, root, context, since: index))
    }

    private func rejection(
        _ kind: RejectedDocument.Kind, _ root: YAMLNode, _ context: ParseContext, since index: Int
    ) -> RejectedDocument {
        RejectedDocument(
            kind: kind, title: root["title"]?.string, id: root["id"]?.string, location: context.location(root),
            codes: context.errorCodes(since: index))
    }

    // MARK: Collections

    static func removing(_ key: String, from node: YAMLNode) -> YAMLNode {
        guard let pairs = node.pairs else { return node }
        var copy = node
        copy.kind = .mapping(pairs.filter { $0.key != key })
        return copy
    }

    /// Deep merge of mappings (legacy Sigma collections): keys of `overlay` win, nested mappings merge.
    static func merge(_ base: YAMLNode, _ overlay: YAMLNode) -> YAMLNode {
        guard let basePairs = base.pairs, let overlayPairs = overlay.pairs else { return overlay }
        var merged: [YAMLPair] = []
        for pair in basePairs {
            if let replacement = overlayPairs.first(where: { $0.key == pair.key }) {
                var combined = replacement
                combined.value = Self.merge(pair.value, replacement.value)
                merged.append(combined)
            } else {
                merged.append(pair)
            }
        }
        for pair in overlayPairs where !basePairs.contains(where: { $0.key == pair.key }) {
            merged.append(pair)
        }
        var result = overlay
        result.kind = .mapping(merged)
        return result
    }
}
