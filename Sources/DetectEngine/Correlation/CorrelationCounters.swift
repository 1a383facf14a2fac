/// What the correlation stage counted besides alerts; replay prints these in its summary.
public struct CorrelationCounters: Hashable, Sendable {
    /// Contributions left out because their event time lay more than the allowed lateness behind the
    /// correlation's watermark.
    public var lateEvents = 0
    /// Events that matched a referenced rule but have no usable `@timestamp`; they are not counted.
    public var untimedEvents = 0
    /// Contributions without the aggregated field (`value_*` types), or with a non-numeric one for the
    /// value aggregates; they are not counted.
    public var missingValues = 0
    /// Live groups evicted because a correlation held the maximum number of groups.
    public var evictedGroups = 0
    /// Groups dropped because their window had closed (no later event can join it).
    public var expiredGroups = 0
    /// Value samples dropped because a group of a value aggregate held the maximum number of events.
    public var droppedSamples = 0

    public init() {}
}
