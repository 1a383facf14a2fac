internal import DetectCore

/// Reads the documents of a YAML stream into ``YAMLNode`` trees (``YAMLComposer`` over libyaml), turning
/// errors into diagnostics.
///
/// Scalars are not type-resolved here; ``YAMLScalar`` types plain scalars itself. The encoding is always UTF-8.
enum YAMLReader {
    /// The most nodes one file may expand to. Aliases are expanded when converting, so a small file of nested
    /// aliases ("billion laughs") could otherwise take forever; libyaml itself caps nesting at 1000 levels.
    static let nodeBudget = 1_000_000

    /// The documents read before any error, and the error (at most one: libyaml stops at the first).
    static func read(_ text: String, source: SourceText) -> (documents: [YAMLNode], diagnostics: [Diagnostic]) {
        var text = text
        var documents: [YAMLNode] = []
        let failure = text.withUTF8 { bytes -> YAMLComposer.Failure? in
            do throws(YAMLComposer.Failure) {
                let composer = try YAMLComposer(bytes, nodeBudget: Self.nodeBudget)
                while let root = try composer.nextDocument() { documents.append(root) }
                return nil
            } catch {
                return error
            }
        }
        guard let failure else { return (documents, []) }
        return (documents, [Self.diagnostic(for: failure, text: text, source: source)])
    }

    private static func diagnostic(for failure: YAMLComposer.Failure, text: String, source: SourceText) -> Diagnostic {
        let file = source.file
        switch failure {
        case .libyaml(let error) where error.isReader:
            // libyaml's reader reports the offset in bytes; the message gives it in characters.
            var message = "cannot read the YAML stream: \(error.problem)"
            if let index = text.utf8.index(text.utf8.startIndex, offsetBy: error.problemOffset, limitedBy: text.utf8.endIndex)?
                .samePosition(in: text)
            {
                message += " at byte \(text.distance(from: text.startIndex, to: index))"
            }
            return Diagnostic(.ioRead, message, at: SourceLocation(file: file, line: 1, column: 1))
        case .libyaml(let error):
            var message = error.problem
            if let context = error.context { message += " (\(context.text) at line \(context.line))" }
            let location = SourceLocation(file: file, line: max(error.problemLine, 1), column: max(error.problemColumn, 1))
            return Diagnostic(.yamlSyntax, message, at: location)
        case .undefinedAlias(let line, let column):
            return Diagnostic(.yamlSyntax, "found undefined alias", at: SourceLocation(file: file, line: line, column: column))
        case .duplicateKeys(let keys, let line, let column):
            let names = keys.map { "`\($0)`" }.joined(separator: ", ")
            // The first key's position; point at the repeated one when it can be found.
            let first = SourceLocation(file: file, line: line, column: column)
            let repeated = keys.first.flatMap { source.repeatedKey($0, after: first) } ?? first
            return Diagnostic(
                .yamlDuplicateKey, "duplicate mapping key \(names); each key may appear once in a mapping",
                at: repeated)
        case .overBudget(let line, let column):
            let message = "the document expands to more than \(Self.nodeBudget) YAML nodes (nested aliases?)"
            return Diagnostic(.yamlSyntax, message, at: SourceLocation(file: file, line: line, column: column))
        case .memory:
            return Diagnostic(.yamlSyntax, "cannot parse YAML: Memory error", at: SourceLocation(file: file, line: 1, column: 1))
        }
    }
}
