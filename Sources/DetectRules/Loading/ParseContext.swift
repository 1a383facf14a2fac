internal import DetectCore

/// Collects the diagnostics of one file and helps parsers read typed attributes from YAML nodes.
final class ParseContext {
    let source: SourceText
    let options: RuleLoader.Options
    private(set) var diagnostics: [Diagnostic] = []
    private(set) var errorCount = 0
    /// The `id` of the document being parsed, attached to its diagnostics.
    var ruleID: String?

    init(source: SourceText, options: RuleLoader.Options) {
        self.source = source
        self.options = options
    }

    var file: String { self.source.file }

    func location(_ node: YAMLNode) -> SourceLocation { self.source.location(node) }

    func report(_ code: SigmaDiagnosticCode, _ message: String, at location: SourceLocation) {
        if code.severity == .error { self.errorCount += 1 }
        self.diagnostics.append(Diagnostic(code, message, at: location, ruleID: self.ruleID))
    }

    func report(_ code: SigmaDiagnosticCode, _ message: String, at node: YAMLNode) {
        self.report(code, message, at: self.location(node))
    }

    /// Adds diagnostics produced elsewhere (the condition parser), counting their errors.
    func append(_ diagnostics: [Diagnostic]) {
        for diagnostic in diagnostics {
            if diagnostic.severity == .error { self.errorCount += 1 }
            self.diagnostics.append(diagnostic)
        }
    }

    /// The codes of the errors reported since `mark` (an earlier ``errorCount``), for rejected documents.
    func errorCodes(since diagnosticIndex: Int) -> [String] {
        self.diagnostics[diagnosticIndex...].filter { $0.severity == .error }.map(\.code)
    }

    // MARK: Typed attribute readers

    /// Reports mapping keys that are not scalars.
    func checkKeys(_ node: YAMLNode) {
        guard let pairs = node.pairs else { return }
        for pair in pairs where pair.keyNode.scalar == nil {
            self.report(
                .yamlKeyType, "mapping keys must be plain strings, found \(pair.keyNode.typeDescription)",
                at: pair.keyNode)
        }
    }

    /// A string attribute: scalars give their text, null gives `nil`, anything else is reported and ignored.
    func string(_ node: YAMLNode?, attribute: String) -> String? {
        guard let node, !node.isNull else { return nil }
        if let scalar = node.scalar { return scalar.value }
        self.report(
            .ruleAttributeType, "`\(attribute)` must be a string, found \(node.typeDescription); ignored",
            at: node)
        return nil
    }

    /// A list-of-strings attribute; a single scalar is accepted as a one-element list.
    func stringList(_ node: YAMLNode?, attribute: String) -> [String] {
        guard let node, !node.isNull else { return [] }
        switch node.kind {
        case .scalar(let scalar):
            return [scalar.value]
        case .sequence(let elements):
            var strings: [String] = []
            for element in elements {
                if let scalar = element.scalar, !element.isNull {
                    strings.append(scalar.value)
                } else {
                    self.report(
                        .ruleAttributeType,
                        "`\(attribute)` entries must be strings, found \(element.typeDescription); ignored",
                        at: element)
                }
            }
            return strings
        case .mapping:
            self.report(
                .ruleAttributeType, "`\(attribute)` must be a list of strings, found a mapping; ignored",
                at: node)
            return []
        }
    }

    /// A boolean attribute (`true`/`false`); anything else is reported and `defaultValue` used.
    func bool(_ node: YAMLNode?, attribute: String, default defaultValue: Bool) -> Bool {
        guard let node, !node.isNull else { return defaultValue }
        if case .bool(let value)? = node.scalar?.resolved { return value }
        self.report(
            .ruleAttributeType, "`\(attribute)` must be `true` or `false`, found \(node.typeDescription)",
            at: node)
        return defaultValue
    }
}
