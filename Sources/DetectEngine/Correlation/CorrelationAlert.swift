/// One correlation alert as the stage raises it: which correlation, the group, the window and what crossed
/// the threshold. ``CorrelationAlertBuilder`` turns it into the alert document.
public struct CorrelationAlert: Hashable, Sendable {
    /// Index in ``CompiledCorrelationSet/correlations``.
    public var correlation: Int
    /// The group-by values in group-by order (`nil` for a missing one).
    public var groupValues: [String?]
    /// The end of the window, microseconds since the epoch: the event time at which the condition became true.
    public var time: Int64
    /// The start of the window: `time` minus the timespan (inclusive).
    public var windowStart: Int64
    /// The number (`event_count`: events; `value_count`: distinct values; temporal types: rules matched) or
    /// the value (`value_sum`, `value_avg`, `value_percentile`) that satisfied the condition.
    public var measured: Double
    /// The `sigflare.alert.id`s of the most recent contributing events (detection alerts of the referenced
    /// rules, or alerts of referenced correlations) in the window, oldest first, at most
    /// ``CorrelationOptions/maxContributors``.
    public var contributors: [AlertDigest]
    /// The alert's own id, from the correlation rule, the group and `time`.
    public var id: AlertDigest
}
