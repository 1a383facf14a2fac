public import DetectCore

/// Every diagnostic code the engine emits (IOC list loading and rule compilation): stable dotted strings,
/// each with a fixed severity.
///
/// The loader's own codes are `SigmaDiagnosticCode` (DetectRules, `docs/diagnostics.md`); these are the
/// ones `docs/semantics.md` lists, and a test checks that the page and this enum agree. A rule with an
/// error-severity diagnostic is skipped by ``RuleCompiler``; warnings never skip anything.
public enum EngineDiagnosticCode: String, CaseIterable, Hashable, Sendable {
    // MARK: IOC lists
    /// An IOC directory does not exist or is not a directory.
    case iocPathMissing = "ioc.path.missing"
    /// An IOC file cannot be read, or a line is not valid UTF-8 (the line is skipped).
    case iocRead = "ioc.read"
    /// An IOC value a rule cannot use as its modifiers require (not a network under `cidr`), or a value
    /// with control characters; the value is skipped.
    case iocEntryInvalid = "ioc.entry.invalid"
    /// A `%placeholder%` that no pipeline binds and no IOC list is named after; the value matches nothing.
    case iocListMissing = "ioc.list.missing"

    // MARK: Rules
    /// The rule's logsource is mapped to no dataset by any pipeline: the rule runs on every event.
    case ruleLogsourceUnmapped = "rule.logsource.unmapped"
    /// A rule field (after pipeline mapping) is not among the fields the pipelines declare (`ecs_fields`).
    case ruleFieldUnmapped = "rule.field.unmapped"
    /// A field name that cannot be used (the field registry is full).
    case ruleFieldInvalid = "rule.field.invalid"
    /// A `re` value that PCRE2 cannot compile.
    case ruleValueRegex = "rule.value.regex"
    /// A value that expands to too many variants (`windash`, placeholders) or whose matcher would be too large.
    case ruleValueExpansion = "rule.value.expansion"

    // MARK: Filters
    /// A filter names a rule whose logsource its own logsource does not cover; it is not applied to that rule.
    case filterLogsourceMismatch = "filter.logsource.mismatch"

    // MARK: Correlations
    /// A correlation references a rule or correlation that did not compile; the correlation is skipped.
    case correlationRuleUncompiled = "correlation.rule.uncompiled"
    /// A correlation over another correlation groups by, or aggregates, a field that is not one of the
    /// referenced correlation's group-by fields (the only fields its alerts carry); the correlation is skipped.
    case correlationChainField = "correlation.chain.field"
    /// An alias has no field for one of the correlation's rules; the alias name itself is read as the field.
    case correlationAliasIncomplete = "correlation.alias.incomplete"

    /// The severity every diagnostic with this code has.
    public var severity: Diagnostic.Severity {
        switch self {
        case .iocPathMissing, .iocRead, .ruleFieldInvalid, .ruleValueRegex, .ruleValueExpansion,
            .correlationRuleUncompiled, .correlationChainField:
            .error
        case .iocEntryInvalid, .iocListMissing, .ruleLogsourceUnmapped, .ruleFieldUnmapped, .filterLogsourceMismatch,
            .correlationAliasIncomplete:
            .warning
        }
    }
}

extension Diagnostic {
    /// A diagnostic with one of the engine's codes and that code's severity.
    init(_ code: EngineDiagnosticCode, _ message: String, at location: SourceLocation, ruleID: String? = nil) {
        self.init(code.severity, code: code.rawValue, message: message, location: location, ruleID: ruleID)
    }
}
