public import DetectCore
internal import Dispatch

/// Loads Sigma rules, correlation rules, filters and processing pipelines from files and directories.
///
/// Every problem becomes a ``Diagnostic`` with `file:line:col` (codes in ``SigmaDiagnosticCode`` and
/// `docs/diagnostics.md`); a document with an error is skipped and recorded in ``RuleSet/rejected``, the
/// others load. Nothing is thrown and nothing traps.
///
/// ```swift
/// let (ruleSet, diagnostics) = RuleLoader.load(paths: ["Rules/"])
/// for diagnostic in diagnostics { print(diagnostic) }   // file:line:col: error: code: message
/// ```
///
/// Directories are walked recursively for `.yml` and `.yaml` files, in sorted order, skipping hidden entries and
/// rule-test files (`*.tests.yml`, `*.tests.yaml`; `docs/rule-tests.md`); a file named explicitly is always read.
/// A file may hold several YAML documents, including legacy rule collections (`action: global`, `reset`, `repeat`).
public struct RuleLoader: Sendable {
    /// Loader settings.
    public struct Options: Sendable {
        /// Deepest nesting of `(` and `not` in a condition (`rule.condition.depth` beyond it).
        public var maxConditionDepth: Int
        /// File extensions read when walking directories, without the dot.
        public var fileExtensions: Set<String>
        /// Skip `*.tests.yml` / `*.tests.yaml` (rule tests, not rules) when walking directories.
        public var skipsRuleTests: Bool

        /// Memberwise initializer (the loader builds these; compilers and tests may too).
        public init(
            maxConditionDepth: Int = 64, fileExtensions: Set<String> = ["yml", "yaml"], skipsRuleTests: Bool = true
        ) {
            self.maxConditionDepth = maxConditionDepth
            self.fileExtensions = fileExtensions
            self.skipsRuleTests = skipsRuleTests
        }
    }

    /// The loader settings.
    public var options: Options

    /// Memberwise initializer (the loader builds these; compilers and tests may too).
    public init(options: Options = Options()) {
        self.options = options
    }

    /// Loads every document under `paths` with default options.
    ///
    /// - Parameter paths: files and directories.
    /// - Returns: the valid documents and every diagnostic, sorted by file, line and column.
    public static func load(paths: [String]) -> (RuleSet, [Diagnostic]) {
        RuleLoader().load(paths: paths)
    }

    /// Loads every document under `paths`.
    ///
    /// - Parameter paths: files and directories.
    /// - Returns: the valid documents and every diagnostic, sorted by file, line and column.
    public func load(paths: [String]) -> (RuleSet, [Diagnostic]) {
        let (files, pathDiagnostics) = self.files(in: paths)
        var results = [(documents: [ParsedDocument], diagnostics: [Diagnostic])](
            repeating: ([], []), count: files.count)
        let parser = DocumentParser(options: self.options)
        results.withUnsafeMutableBufferPointer { buffer in
            let slots = UncheckedBuffer(buffer: buffer)
            DispatchQueue.concurrentPerform(iterations: files.count) { index in
                slots.buffer[index] = Self.parseFile(files[index], parser: parser)
            }
        }
        return Self.assemble(results, files: files, extraDiagnostics: pathDiagnostics)
    }

    /// Loads the documents of one YAML text (tests, stdin, editors).
    ///
    /// - Parameters:
    ///   - yaml: the YAML stream.
    ///   - file: the name used in diagnostics.
    public func load(yaml: String, file: String) -> (RuleSet, [Diagnostic]) {
        let result = DocumentParser(options: self.options).parse(text: yaml, file: file)
        return Self.assemble([result], files: [file], extraDiagnostics: [])
    }

    /// Loads only processing pipelines (for `--pipeline FILE`); other documents in the files are reported as
    /// `document.kind.unknown` errors.
    public func loadPipelines(paths: [String]) -> ([ProcessingPipeline], [Diagnostic]) {
        let (set, diagnostics) = self.load(paths: paths)
        var extra: [Diagnostic] = []
        let others: [any SigmaDocument] = set.rules as [any SigmaDocument] + set.correlations + set.filters
        for document in others {
            extra.append(
                Diagnostic(
                    .documentKindUnknown, "expected a processing pipeline, found the rule `\(document.title)`",
                    at: document.location, ruleID: document.id))
        }
        return (set.pipelines, Self.sorted(diagnostics + extra))
    }

    /// The files `paths` designate: files as given, directories walked (sorted, recursive).
    public func files(in paths: [String]) -> ([String], [Diagnostic]) {
        var files: [String] = []
        var diagnostics: [Diagnostic] = []
        for path in paths {
            guard FileSystem.exists(path) else {
                diagnostics.append(
                    Diagnostic(
                        .ioPathMissing, "no such file or directory", at: SourceLocation(file: path, line: 1, column: 1))
                )
                continue
            }
            guard FileSystem.isDirectory(path) else {
                files.append(path)
                continue
            }
            guard let entries = FileSystem.files(under: path) else {
                diagnostics.append(
                    Diagnostic(
                        .ioRead, "cannot list the directory", at: SourceLocation(file: path, line: 1, column: 1)))
                continue
            }
            var found: [String] = []
            for entry in entries {
                let name = entry.split(separator: "/").last ?? Substring(entry)
                guard let dot = name.lastIndex(of: ".") else { continue }
                guard self.options.fileExtensions.contains(String(name[name.index(after: dot)...])) else { continue }
                if self.options.skipsRuleTests, name.hasSuffix(".tests.yml") || name.hasSuffix(".tests.yaml") {
                    continue
                }
                found.append(FileSystem.path(entry, in: path))
            }
            files += found.sorted()
        }
        return (files, diagnostics)
    }

    // MARK: - Internals

    private static func parseFile(
        _ file: String, parser: DocumentParser
    ) -> (documents: [ParsedDocument], diagnostics: [Diagnostic]) {
        let start = SourceLocation(file: file, line: 1, column: 1)
        let data: [UInt8]
        do throws(FileSystemError) {
            data = try FileSystem.contents(of: file)
        } catch {
            let diagnostic = Diagnostic(.ioRead, "cannot read the file: \(error)", at: start)
            return (
                [
                    .rejected(
                        RejectedDocument(kind: .unknown, title: nil, id: nil, location: start, codes: [diagnostic.code])
                    )
                ],
                [diagnostic]
            )
        }
        guard let text = String(validating: data, as: UTF8.self) else {
            let diagnostic = Diagnostic(.ioRead, "the file is not valid UTF-8", at: start)
            return (
                [
                    .rejected(
                        RejectedDocument(kind: .unknown, title: nil, id: nil, location: start, codes: [diagnostic.code])
                    )
                ],
                [diagnostic]
            )
        }
        return parser.parse(text: text, file: file)
    }

    private static func assemble(
        _ results: [(documents: [ParsedDocument], diagnostics: [Diagnostic])], files: [String],
        extraDiagnostics: [Diagnostic]
    ) -> (RuleSet, [Diagnostic]) {
        var rules: [SigmaRule] = []
        var correlations: [CorrelationRule] = []
        var filters: [SigmaFilter] = []
        var pipelines: [ProcessingPipeline] = []
        var rejected: [RejectedDocument] = []
        var diagnostics = extraDiagnostics
        for result in results {
            diagnostics += result.diagnostics
            for document in result.documents {
                switch document {
                case .rule(let rule): rules.append(rule)
                case .correlation(let correlation): correlations.append(correlation)
                case .filter(let filter): filters.append(filter)
                case .pipeline(let pipeline): pipelines.append(pipeline)
                case .rejected(let rejection): rejected.append(rejection)
                case .regressionTestInfo: continue
                }
            }
        }
        var validator = RuleSetValidator(rules: rules, correlations: correlations, filters: filters)
        validator.run()
        diagnostics += validator.diagnostics
        rejected += validator.rejected
        let set = RuleSet(
            rules: validator.rules, correlations: validator.correlations, filters: validator.filters,
            pipelines: pipelines, rejected: rejected, files: files)
        return (set, Self.sorted(diagnostics))
    }

    /// Stable sort by file, line, column.
    static func sorted(_ diagnostics: [Diagnostic]) -> [Diagnostic] {
        diagnostics.enumerated().sorted { lhs, rhs in
            let a = lhs.element.location
            let b = rhs.element.location
            if a.file != b.file { return a.file < b.file }
            if a.line != b.line { return a.line < b.line }
            if a.column != b.column { return a.column < b.column }
            return lhs.offset < rhs.offset
        }.map(\.element)
    }
}

/// Lets `concurrentPerform` write each file's result into its own slot.
private struct UncheckedBuffer<Element>: @unchecked Sendable {
    let buffer: UnsafeMutableBufferPointer<Element>
}
