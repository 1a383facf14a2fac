public import DetectCore

/// Reads rule-test files (`x.tests.yml`; format in `docs/rule-tests.md`) into ``RuleTestSuite``s.
///
/// Every problem is an error ``Diagnostic`` with `file:line:col` (codes in ``RuleTestDiagnosticCode``, YAML
/// and I/O problems with the loader's `yaml.*` and `io.read`); a file with any error gives no suite. Nothing
/// is thrown.
///
/// ```swift
/// let parser = RuleTestParser { CloudflareDataset(name: $0) != nil }
/// let (suite, diagnostics) = parser.parse(file: "Rules/domains/telegram_bot_api_request.tests.yml")
/// ```
public struct RuleTestParser: Sendable {
    /// Whether a case's `dataset` names a dataset (DetectECS knows the names, DetectRules does not).
    public var isDatasetName: @Sendable (String) -> Bool

    /// A parser.
    ///
    /// - Parameter isDatasetName: Whether a `dataset` value names a dataset; others are
    ///   `test.dataset.unknown` errors.
    public init(isDatasetName: @escaping @Sendable (String) -> Bool) {
        self.isDatasetName = isDatasetName
    }

    /// Reads and parses the test file at `path`.
    public func parse(file path: String) -> (RuleTestSuite?, [Diagnostic]) {
        let start = SourceLocation(file: path, line: 1, column: 1)
        let data: [UInt8]
        do throws(FileSystemError) {
            data = try FileSystem.contents(of: path)
        } catch {
            return (nil, [Diagnostic(.ioRead, "cannot read the file: \(error)", at: start)])
        }
        guard let text = String(validating: data, as: UTF8.self) else {
            return (nil, [Diagnostic(.ioRead, "the file is not valid UTF-8", at: start)])
        }
        return self.parse(text: text, file: path)
    }

    /// Parses the text of a test file.
    ///
    /// - Parameters:
    ///   - text: The YAML text.
    ///   - file: The path used in diagnostics and case locations.
    /// - Returns: The suite, or `nil` when the file has an error; every error found.
    public func parse(text rawText: String, file: String) -> (RuleTestSuite?, [Diagnostic]) {
        // A byte order mark is not content (libyaml would read it as part of the first key).
        let text = rawText.unicodeScalars.first == "\u{FEFF}" ? String(rawText.unicodeScalars.dropFirst()) : rawText
        var reader = Reader(source: SourceText(file: file, text: text), isDatasetName: self.isDatasetName)
        let (roots, yamlDiagnostics) = YAMLReader.read(text, source: reader.source)
        guard yamlDiagnostics.isEmpty else { return (nil, yamlDiagnostics) }
        let suite = reader.suite(roots.filter { !$0.isNull })
        return reader.diagnostics.isEmpty ? (suite, []) : (nil, RuleLoader.sorted(reader.diagnostics))
    }
}

/// The reading of one file: its text, for positions, and the errors found so far.
private struct Reader {
    let source: SourceText
    let isDatasetName: @Sendable (String) -> Bool
    var diagnostics: [Diagnostic] = []

    static let topKeys = ["rule", "iocs", "cases"]
    static let caseKeys = ["name", "match", "dataset", "field", "event", "events", "alerts"]

    init(source: SourceText, isDatasetName: @escaping @Sendable (String) -> Bool) {
        self.source = source
        self.isDatasetName = isDatasetName
    }

    mutating func report(_ code: RuleTestDiagnosticCode, _ message: String, at node: YAMLNode) {
        self.diagnostics.append(Diagnostic(code, message, at: self.source.location(node)))
    }

    mutating func suite(_ roots: [YAMLNode]) -> RuleTestSuite? {
        let file = self.source.file
        guard let root = roots.first else {
            self.diagnostics.append(
                Diagnostic(
                    .documentType, "the file is empty; expected a mapping with `cases`",
                    at: SourceLocation(file: file, line: 1, column: 1)))
            return nil
        }
        guard roots.count == 1 else {
            self.report(.documentType, "a rule-test file holds one YAML document", at: roots[1])
            return nil
        }
        guard root.pairs != nil else {
            self.report(
                .documentType, "a rule-test file must be a mapping with `cases`, found \(root.typeDescription)",
                at: root)
            return nil
        }
        self.checkKeys(root, allowed: Self.topKeys, in: "a rule-test file")
        let rule = root["rule"].flatMap { self.string($0, key: "rule") }
        let iocs = root["iocs"].map { self.iocLists($0) } ?? []
        guard let casesNode = root["cases"], let elements = casesNode.elements, !elements.isEmpty else {
            let found = root["cases"].map { ", found \($0.typeDescription)" } ?? ""
            self.report(
                .casesMissing, "a rule-test file needs a non-empty list `cases`\(found)", at: root["cases"] ?? root)
            return nil
        }
        var cases: [RuleTestCase] = []
        var firstLineByName: [String: Int] = [:]
        for element in elements {
            let testCase = self.testCase(element)
            guard let nameNode = element["name"], let name = nameNode.scalar?.value else { continue }
            if let line = firstLineByName[name] {
                self.report(.caseNameDuplicate, "the case name `\(name)` is already used on line \(line)", at: nameNode)
                continue
            }
            firstLineByName[name] = element.line
            if let testCase { cases.append(testCase) }
        }
        return RuleTestSuite(
            file: file, rule: rule, ruleLocation: root["rule"].map(self.source.location), iocs: iocs, cases: cases)
    }

    mutating func testCase(_ node: YAMLNode) -> RuleTestCase? {
        guard node.pairs != nil else {
            self.report(.valueType, "a case must be a mapping, found \(node.typeDescription)", at: node)
            return nil
        }
        self.checkKeys(node, allowed: Self.caseKeys, in: "a case")
        if node["alerts"] != nil || node["events"] != nil {
            return self.correlationCase(node)
        }
        for key in ["name", "match", "event"] where node[key] == nil {
            self.report(.caseKeyMissing, "the case has no `\(key)`", at: node)
        }
        let name = node["name"].flatMap { self.string($0, key: "name") }
        var expectsMatch: Bool?
        if let match = node["match"] {
            if case .bool(let value) = match.scalar?.resolved {
                expectsMatch = value
            } else {
                self.report(.valueType, "`match` must be true or false, found \(match.typeDescription)", at: match)
            }
        }
        let dataset = self.dataset(node)
        let field = node["field"].flatMap { self.string($0, key: "field") }
        if field != nil, expectsMatch == false, let fieldNode = node["field"] {
            self.report(.caseFieldUnexpected, "`field` only applies to a case with `match: true`", at: fieldNode)
        }
        let event = node["event"].flatMap { self.event($0) }
        guard let name, let expectsMatch, let event else { return nil }
        return RuleTestCase(
            name: name, expectsMatch: expectsMatch, dataset: dataset, field: field, event: event,
            location: self.source.location(node))
    }

    /// A correlation case: `events` (a non-empty list) and `alerts` (the number of alerts they raise).
    mutating func correlationCase(_ node: YAMLNode) -> RuleTestCase? {
        for key in ["name", "events", "alerts"] where node[key] == nil {
            self.report(.caseKeyMissing, "the correlation case has no `\(key)`", at: node)
        }
        for key in ["match", "event", "field"] {
            guard let keyNode = node.pair(key)?.keyNode else { continue }
            self.report(
                .valueType, "a correlation case has `events` and `alerts`, not `\(key)`", at: keyNode)
        }
        let name = node["name"].flatMap { self.string($0, key: "name") }
        var alerts: Int?
        if let alertsNode = node["alerts"] {
            if case .integer(let value) = alertsNode.scalar?.resolved, value >= 0, value <= Int64(Int32.max) {
                alerts = Int(value)
            } else {
                self.report(
                    .valueType, "`alerts` must be a number of alerts (0 or more), found \(alertsNode.typeDescription)",
                    at: alertsNode)
            }
        }
        var events: [RuleTestEvent] = []
        if let eventsNode = node["events"] {
            if let elements = eventsNode.elements, !elements.isEmpty {
                events = elements.compactMap { self.event($0) }
                if events.count < elements.count { return nil }
            } else {
                self.report(
                    .valueType, "`events` must be a non-empty list of events, found \(eventsNode.typeDescription)",
                    at: eventsNode)
            }
        }
        let dataset = self.dataset(node)
        guard let name, let alerts, let first = events.first else { return nil }
        return RuleTestCase(
            name: name, expectsMatch: false, dataset: dataset, event: first, location: self.source.location(node),
            events: events, expectedAlerts: alerts)
    }

    /// The case's `dataset`, checked.
    mutating func dataset(_ node: YAMLNode) -> String? {
        guard let datasetNode = node["dataset"], let name = self.string(datasetNode, key: "dataset") else { return nil }
        guard self.isDatasetName(name) else {
            self.report(.datasetUnknown, "`\(name)` is not a Cloudflare dataset name", at: datasetNode)
            return nil
        }
        return name
    }

    /// A mapping, or a string holding one JSON object.
    mutating func event(_ node: YAMLNode) -> RuleTestEvent? {
        switch node.kind {
        case .mapping:
            do {
                return .document(try RuleTestValue(yaml: node))
            } catch {
                self.report(
                    .eventType, "event keys must be strings, found \(error.node.typeDescription)", at: error.node)
                return nil
            }
        case .scalar(let scalar) where scalar.resolved == .string:
            let text = scalar.value
            let start = text.firstIndex { !$0.isWhitespace } ?? text.endIndex
            let end = text.lastIndex { !$0.isWhitespace }.map(text.index(after:)) ?? start
            let line = String(text[start..<end])
            guard line.hasPrefix("{") else {
                self.report(.eventType, "a string `event` must hold one JSON object (`{...}`)", at: node)
                return nil
            }
            return .jsonLine(line)
        default:
            self.report(
                .eventType,
                "`event` must be a mapping or a string holding one JSON object, found "
                    + node.typeDescription, at: node)
            return nil
        }
    }

    /// `iocs:` — a mapping of list names to lists of values.
    mutating func iocLists(_ node: YAMLNode) -> [RuleTestSuite.IOCOverride] {
        guard let pairs = node.pairs else {
            self.report(
                .valueType, "`iocs` must map list names to lists of values, found \(node.typeDescription)", at: node)
            return []
        }
        var lists: [RuleTestSuite.IOCOverride] = []
        for pair in pairs {
            let values = pair.value.elements ?? [pair.value]
            var entries: [RuleTestSuite.IOCOverride.Entry] = []
            for value in values {
                guard let scalar = value.scalar, !scalar.isNull else {
                    self.report(
                        .valueType,
                        "the values of IOC list `\(pair.key)` must be scalars, found "
                            + value.typeDescription, at: value)
                    continue
                }
                entries.append(.init(scalar.value, location: self.source.location(value)))
            }
            lists.append(RuleTestSuite.IOCOverride(name: pair.key, entries: entries))
        }
        return lists
    }

    /// The text of a scalar string value; other values are reported.
    mutating func string(_ node: YAMLNode, key: String) -> String? {
        if let scalar = node.scalar, !scalar.isNull { return scalar.value }
        self.report(.valueType, "`\(key)` must be a string, found \(node.typeDescription)", at: node)
        return nil
    }

    /// Reports keys not in `allowed` (with a suggestion when one is close).
    mutating func checkKeys(_ node: YAMLNode, allowed: [String], in place: String) {
        for pair in node.pairs ?? [] where !allowed.contains(pair.key) {
            var message = "unknown key `\(pair.key)` in \(place)"
            if let suggestion = Suggestion.closest(to: pair.key, in: allowed) {
                message += "; did you mean `\(suggestion)`?"
            } else {
                message += " (known: \(allowed.map { "`\($0)`" }.joined(separator: ", ")))"
            }
            self.report(.keyUnknown, message, at: pair.keyNode)
        }
    }
}
