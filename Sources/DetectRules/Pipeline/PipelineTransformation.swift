public import DetectCore

/// One entry of a pipeline's `transformations:` list. See `docs/pipelines.md` for the YAML.
public struct PipelineTransformation: Hashable, Sendable {
    /// What the transformation does.
    public enum Action: Hashable, Sendable {
        /// `field_name_mapping`: rename fields; a name mapped to several names matches any of them.
        case fieldNameMapping([String: [String]])
        /// `logsource_dataset` (sigflare): rules whose logsource matches `selector` run on these datasets.
        case logsourceDatasets(selector: LogSourceSelector, datasets: [String])
        /// `value_placeholders`: bind placeholders to the pipeline's `vars` (all, or only `include`d, or all but
        /// `exclude`d names).
        case valuePlaceholders(include: [String]?, exclude: [String]?)
        /// `ioc_list_placeholders` (sigflare): bind placeholders to IOC lists by name.
        case iocListPlaceholders([String: String])
    }

    /// How several `rule_conditions` combine (`rule_cond_op`).
    public enum ConditionLinking: String, Hashable, Sendable {
        case and
        case or
    }

    /// The optional `id`.
    public var id: String?
    /// What the transformation does.
    public var action: Action
    /// `rule_conditions` of `type: logsource`; empty means every rule.
    public var ruleConditions: [LogSourceSelector]
    /// `rule_cond_op`: how several rule conditions combine.
    public var conditionLinking: ConditionLinking
    /// `rule_cond_not`: apply to the rules the conditions do *not* select.
    public var negated: Bool
    /// Where it appears in the source file (1-based line and column).
    public var location: SourceLocation

    /// Memberwise initializer (the loader builds these; compilers and tests may too).
    public init(
        id: String? = nil, action: Action, ruleConditions: [LogSourceSelector] = [],
        conditionLinking: ConditionLinking = .and, negated: Bool = false, location: SourceLocation
    ) {
        self.id = id
        self.action = action
        self.ruleConditions = ruleConditions
        self.conditionLinking = conditionLinking
        self.negated = negated
        self.location = location
    }

    /// Whether the transformation applies to a rule with this logsource (its `rule_conditions`).
    public func applies(to logsource: LogSource) -> Bool {
        guard !self.ruleConditions.isEmpty else { return !self.negated }
        let selected: Bool
        switch self.conditionLinking {
        case .and: selected = self.ruleConditions.allSatisfy { $0.matches(logsource) }
        case .or: selected = self.ruleConditions.contains { $0.matches(logsource) }
        }
        return selected != self.negated
    }
}
