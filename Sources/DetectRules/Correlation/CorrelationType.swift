/// The `correlation.type` of a correlation rule (specification 2.1).
public enum CorrelationType: String, CaseIterable, Hashable, Sendable {
    /// Number of matching events per group in the window.
    case eventCount = "event_count"
    /// Number of distinct values of `condition.field` per group.
    case valueCount = "value_count"
    /// All referenced rules matched, in any order, per group.
    case temporal
    /// All referenced rules matched in the listed order, per group.
    case temporalOrdered = "temporal_ordered"
    /// Sum of the numeric `condition.field` per group.
    case valueSum = "value_sum"
    /// Average of the numeric `condition.field` per group.
    case valueAverage = "value_avg"
    /// Percentile of the numeric `condition.field` per group.
    case valuePercentile = "value_percentile"

    /// `true` for the types whose condition needs a `field`.
    public var requiresField: Bool {
        switch self {
        case .valueCount, .valueSum, .valueAverage, .valuePercentile: true
        case .eventCount, .temporal, .temporalOrdered: false
        }
    }

    /// `true` for the types that need a `condition` (temporal types default to "all rules matched").
    public var requiresCondition: Bool {
        switch self {
        case .temporal, .temporalOrdered: false
        default: true
        }
    }
}
