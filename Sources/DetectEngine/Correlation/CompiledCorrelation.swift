internal import DetectCore
public import DetectRules

/// One correlation rule ready to run: its inputs resolved to compiled rules or other correlations, its
/// group-by and aggregated fields interned per input (aliases applied), its window in microseconds.
public struct CompiledCorrelation: Sendable {
    /// What feeds an input: a detection rule (index in ``CompiledRuleSet/rules``) or another correlation
    /// (index in ``CompiledCorrelationSet/correlations``).
    public enum Source: Hashable, Sendable {
        case rule(Int)
        case correlation(Int)
    }

    /// Where an input reads one group-by value or the aggregated value.
    enum Reader: Hashable, Sendable {
        /// From the event: the first of these fields that has a value (a pipeline may map one name to several).
        case fields([FieldID])
        /// From an alert of a referenced correlation: its group-by value at this position.
        case group(Int)
    }

    /// One referenced rule or correlation, in the order of `rules`.
    struct Input: Sendable {
        let source: Source
        /// One reader per group-by entry.
        let group: [Reader]
        /// The aggregated field(s) for the `value_*` types (several for a `value_count` over a field list).
        let value: [Reader]
    }

    /// The correlation rule as loaded (before pipeline mapping).
    public let rule: CorrelationRule
    /// The correlation type.
    public let type: CorrelationType
    /// The window length in microseconds.
    public let timespanMicroseconds: Int64
    /// The thresholds, all of which must hold (a temporal correlation without `condition` gets `gte` the
    /// number of rules).
    public let thresholds: [CorrelationCondition.Threshold]
    /// Whether the referenced rules and correlations also alert on their own.
    public let generate: Bool
    /// The fields the group-by values are written at in alerts (the field itself, or for an alias the field
    /// of its first mapping), in group-by order.
    public let groupPaths: [String]
    let groupFields: [FieldID]
    let inputs: [Input]
    let template: AlertTemplate

    /// The sources of the inputs, in `rules` order.
    public var sources: [Source] { self.inputs.map(\.source) }

    /// The title.
    public var title: String { self.rule.title }

    /// Whether `measured` satisfies every threshold.
    func isSatisfied(by measured: Double) -> Bool {
        self.thresholds.allSatisfy { $0.isSatisfied(by: measured) }
    }

    /// For the counting types (`event_count`, `value_count`): the smallest count above every threshold, so
    /// that knowing the count up to it decides every comparison.
    var countHorizon: Int {
        let largest = self.thresholds.map(\.value.doubleValue).max() ?? 0
        guard largest >= 0 else { return 1 }
        return largest >= Double(Int32.max) ? Int(Int32.max) : Int(largest.rounded(.down)) + 1
    }

    init(
        rule: CorrelationRule, type: CorrelationType, timespanMicroseconds: Int64,
        thresholds: [CorrelationCondition.Threshold], generate: Bool, groupPaths: [String], inputs: [Input],
        registry: FieldRegistry
    ) {
        self.rule = rule
        self.type = type
        self.timespanMicroseconds = timespanMicroseconds
        self.thresholds = thresholds
        self.generate = generate
        self.groupPaths = groupPaths
        self.groupFields = groupPaths.map { registry.id($0) }
        self.inputs = inputs
        self.template = AlertTemplate(rule, registry: registry)
    }
}
