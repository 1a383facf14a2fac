public import DetectCore

/// Every diagnostic code the rule loader emits: stable dotted strings, each with a fixed severity.
///
/// `docs/diagnostics.md` documents each code; a test checks that the two lists agree. A document (rule,
/// correlation, filter, pipeline) with any error-severity diagnostic is skipped; warnings never skip anything.
public enum SigmaDiagnosticCode: String, CaseIterable, Hashable, Sendable {
    // MARK: Files and YAML
    case ioPathMissing = "io.path.missing"
    case ioRead = "io.read"
    case yamlSyntax = "yaml.syntax"
    case yamlDuplicateKey = "yaml.duplicate-key"
    case yamlKeyType = "yaml.key.type"
    case yamlDocumentType = "yaml.document.type"
    case documentKindUnknown = "document.kind.unknown"
    case collectionActionUnknown = "collection.action.unknown"
    case collectionRepeatOrphan = "collection.repeat.orphan"

    // MARK: Rule attributes
    case ruleTitleMissing = "rule.title.missing"
    case ruleTitleLength = "rule.title.length"
    case ruleAttributeType = "rule.attribute.type"
    case ruleIDFormat = "rule.id.format"
    case ruleStatusInvalid = "rule.status.invalid"
    case ruleLevelInvalid = "rule.level.invalid"
    case ruleDateFormat = "rule.date.format"
    case ruleRelatedInvalid = "rule.related.invalid"
    case ruleLogsourceMissing = "rule.logsource.missing"
    case ruleLogsourceInvalid = "rule.logsource.invalid"
    case ruleLogsourceEmpty = "rule.logsource.empty"

    // MARK: Detection
    case ruleDetectionMissing = "rule.detection.missing"
    case ruleDetectionInvalid = "rule.detection.invalid"
    case ruleDetectionEmpty = "rule.detection.empty"
    case ruleDetectionIdentifier = "rule.detection.identifier"
    case ruleDetectionTimeframe = "rule.detection.timeframe"

    // MARK: Modifiers
    case ruleModifierUnknown = "rule.modifier.unknown"
    case ruleModifierConflict = "rule.modifier.conflict"
    case ruleModifierOrder = "rule.modifier.order"
    case ruleModifierDuplicate = "rule.modifier.duplicate"
    case ruleModifierRedundant = "rule.modifier.redundant"
    case ruleModifierRegexFlag = "rule.modifier.regex-flag"
    case ruleModifierFieldRequired = "rule.modifier.field-required"
    case ruleModifierUnsupported = "rule.modifier.unsupported"

    // MARK: Values
    case ruleValueType = "rule.value.type"
    case ruleValueCIDR = "rule.value.cidr"
    case ruleValueCIDRHostBits = "rule.value.cidr-host-bits"
    case ruleValueNumber = "rule.value.number"
    case ruleValueBool = "rule.value.bool"
    case ruleValueNull = "rule.value.null"
    case ruleValueNullMixed = "rule.value.null-mixed"
    case ruleValueEmptyList = "rule.value.empty-list"
    case ruleValueAllSingle = "rule.value.all-single"
    case ruleValueWildcard = "rule.value.wildcard"
    case ruleValuePlaceholder = "rule.value.placeholder"
    case ruleValueFieldref = "rule.value.fieldref"

    // MARK: Conditions
    case ruleConditionMissing = "rule.condition.missing"
    case ruleConditionSyntax = "rule.condition.syntax"
    case ruleConditionUndefined = "rule.condition.undefined"
    case ruleConditionDepth = "rule.condition.depth"
    case ruleConditionUnsupported = "rule.condition.unsupported"

    // MARK: Correlation rules
    case correlationInvalid = "correlation.invalid"
    case correlationTypeMissing = "correlation.type.missing"
    case correlationTypeInvalid = "correlation.type.invalid"
    case correlationRulesMissing = "correlation.rules.missing"
    case correlationRulesUnknown = "correlation.rules.unknown"
    case correlationRulesCycle = "correlation.rules.cycle"
    case correlationGroupByMissing = "correlation.group-by.missing"
    case correlationGroupByInvalid = "correlation.group-by.invalid"
    case correlationTimespanMissing = "correlation.timespan.missing"
    case correlationTimespanInvalid = "correlation.timespan.invalid"
    case correlationConditionMissing = "correlation.condition.missing"
    case correlationConditionInvalid = "correlation.condition.invalid"
    case correlationFieldMissing = "correlation.field.missing"
    case correlationAliasesInvalid = "correlation.aliases.invalid"

    // MARK: Filters
    case filterInvalid = "filter.invalid"
    case filterRulesMissing = "filter.rules.missing"
    case filterRulesUnknown = "filter.rules.unknown"

    // MARK: Processing pipelines
    case pipelineNameMissing = "pipeline.name.missing"
    case pipelinePriorityInvalid = "pipeline.priority.invalid"
    case pipelineVarsInvalid = "pipeline.vars.invalid"
    case pipelineTransformationsMissing = "pipeline.transformations.missing"
    case pipelineTransformationTypeUnknown = "pipeline.transformation.type.unknown"
    case pipelineTransformationUnsupported = "pipeline.transformation.unsupported"
    case pipelineTransformationInvalid = "pipeline.transformation.invalid"
    case pipelineConditionUnsupported = "pipeline.condition.unsupported"
    case pipelineConditionInvalid = "pipeline.condition.invalid"
    case pipelineKeyUnknown = "pipeline.key.unknown"
    case pipelineMappingFieldref = "pipeline.mapping.fieldref"

    // MARK: Rule set
    case rulesetIDDuplicate = "ruleset.id.duplicate"
    case rulesetNameDuplicate = "ruleset.name.duplicate"

    /// The severity every diagnostic with this code has.
    public var severity: Diagnostic.Severity {
        switch self {
        case .ruleTitleLength, .ruleAttributeType, .ruleIDFormat, .ruleDateFormat, .ruleRelatedInvalid,
            .ruleLogsourceEmpty, .ruleDetectionIdentifier, .ruleDetectionTimeframe, .ruleModifierDuplicate,
            .ruleModifierRedundant, .ruleValueCIDRHostBits, .ruleValueNullMixed, .ruleValueEmptyList,
            .ruleValueAllSingle, .ruleValuePlaceholder, .correlationGroupByMissing, .filterRulesUnknown,
            .pipelineNameMissing, .pipelineKeyUnknown, .pipelineMappingFieldref:
            .warning
        default:
            .error
        }
    }
}

extension Diagnostic {
    /// A diagnostic with one of the loader's codes and that code's severity.
    public init(_ code: SigmaDiagnosticCode, _ message: String, at location: SourceLocation, ruleID: String? = nil) {
        self.init(code.severity, code: code.rawValue, message: message, location: location, ruleID: ruleID)
    }
}
