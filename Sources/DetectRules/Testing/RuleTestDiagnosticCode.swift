public import DetectCore

/// Every diagnostic code of rule-test files (`docs/rule-tests.md`): stable dotted strings, all errors. A test
/// file with one of them does not run.
public enum RuleTestDiagnosticCode: String, CaseIterable, Hashable, Sendable {
    /// The file is not one YAML mapping.
    case documentType = "test.document.type"
    /// A key the format does not know (at the top or in a case).
    case keyUnknown = "test.key.unknown"
    /// A known key with a value of the wrong type (`rule`, `iocs`, `dataset`, `field`, `name`, `match`).
    case valueType = "test.value.type"
    /// No `cases` list, or an empty one.
    case casesMissing = "test.cases.missing"
    /// A case without `name`, `match` or `event`.
    case caseKeyMissing = "test.case.key.missing"
    /// Two cases with the same name.
    case caseNameDuplicate = "test.case.name.duplicate"
    /// `field` in a case that expects no match.
    case caseFieldUnexpected = "test.case.field.unexpected"
    /// An `event` that is neither a mapping nor a string holding one JSON object.
    case eventType = "test.event.type"
    /// A `dataset` that names no Cloudflare dataset.
    case datasetUnknown = "test.dataset.unknown"
    /// No rule file beside the test file, or `rule:` names no rule of it that compiled.
    case ruleMissing = "test.rule.missing"
    /// No `rule:`, and the rule file holds several rules.
    case ruleAmbiguous = "test.rule.ambiguous"
}

extension Diagnostic {
    /// An error with one of the rule-test codes.
    public init(_ code: RuleTestDiagnosticCode, _ message: String, at location: SourceLocation) {
        self.init(.error, code: code.rawValue, message: message, location: location)
    }
}
