/// Settings of the correlation stage (docs/correlation.md, "Options"). Check them with ``validate()`` at
/// start-up.
public struct CorrelationOptions: Hashable, Sendable {
    /// Default allowed lateness: 60 seconds.
    public static let defaultLatenessSeconds = 60
    /// Default cap on live groups per correlation rule: 100,000.
    public static let defaultMaxGroups = 100_000
    /// Default number of contributing event ids an alert lists: 8.
    public static let defaultMaxContributors = 8
    /// Default number of events a group of a `value_sum`/`value_avg`/`value_percentile` correlation keeps: 10,000.
    public static let defaultMaxEventsPerGroup = 10_000
    /// The percentile `value_percentile` compares (nearest rank): 95.
    public static let defaultPercentile = 95.0

    /// How far (in microseconds) an event may lie behind the correlation's watermark (the latest event time it
    /// has counted) and still be counted; later events are counted as late and left out.
    public var latenessMicroseconds: Int64
    /// The most live groups one correlation rule keeps; a new group beyond it evicts the least recently
    /// updated one.
    public var maxGroups: Int
    /// The most contributing event ids an alert lists (the most recent ones in the window).
    public var maxContributors: Int
    /// The most events one group of a value aggregate (`value_sum`, `value_avg`, `value_percentile`) keeps;
    /// beyond it the oldest is dropped and counted. `event_count` and `value_count` keep only what their
    /// threshold needs, `temporal` one time per rule.
    public var maxEventsPerGroup: Int
    /// The percentile (0 < p ≤ 100) `value_percentile` compares with its threshold, nearest-rank method.
    public var percentile: Double

    /// Settings; every parameter defaults to the documented default.
    public init(
        latenessSeconds: Int = Self.defaultLatenessSeconds, maxGroups: Int = Self.defaultMaxGroups,
        maxContributors: Int = Self.defaultMaxContributors, maxEventsPerGroup: Int = Self.defaultMaxEventsPerGroup,
        percentile: Double = Self.defaultPercentile
    ) {
        self.latenessMicroseconds = Int64(clamping: latenessSeconds) &* 1_000_000
        self.maxGroups = maxGroups
        self.maxContributors = maxContributors
        self.maxEventsPerGroup = maxEventsPerGroup
        self.percentile = percentile
    }

    /// Why the settings cannot be used, in words for a usage error, or `nil` when they can.
    ///
    /// Limits: lateness 0 s … 7 days; 1 … 100,000,000 groups; 0 … 1,000 contributors; 1 … 1,000,000 events
    /// per group; a percentile in (0, 100].
    public func validate() -> String? {
        if self.latenessMicroseconds < 0 || self.latenessMicroseconds > 7 * 86_400 * 1_000_000 {
            return "the correlation lateness must be between 0 and 604800 seconds (7 days)"
        }
        if self.maxGroups < 1 || self.maxGroups > 100_000_000 {
            return "the maximum number of correlation groups must be between 1 and 100000000"
        }
        if self.maxContributors < 0 || self.maxContributors > 1_000 {
            return "the number of contributing event ids must be between 0 and 1000"
        }
        if self.maxEventsPerGroup < 1 || self.maxEventsPerGroup > 1_000_000 {
            return "the number of events kept per group must be between 1 and 1000000"
        }
        if !(self.percentile > 0 && self.percentile <= 100) {
            return "the percentile must be greater than 0 and at most 100"
        }
        return nil
    }
}
