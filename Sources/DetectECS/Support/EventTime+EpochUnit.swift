extension EventTime {
    /// The unit of a unix epoch number.
    ///
    /// Cloudflare sends `unixnano` (nanoseconds, the API default), `unix` (seconds) and, in a few plain
    /// fields such as `EventTimestampMs`, milliseconds. `classify` guesses the unit from the magnitude
    /// when the caller does not know it.
    public enum EpochUnit: Sendable, Hashable, CaseIterable {
        case seconds
        case milliseconds
        case microseconds
        case nanoseconds

        /// Guesses the unit of an epoch number from its magnitude.
        ///
        /// Elastic's shared Logpush script (ECS-MAPPING.md §3.2) uses: above 1e18 nanoseconds, below 1e10
        /// seconds, anything else milliseconds. We add one band on top of it:
        ///
        /// | value `v`               | unit          | times covered                      |
        /// |-------------------------|---------------|------------------------------------|
        /// | `v > 1e18`              | nanoseconds   | after 2001-09-09T01:46:40Z          |
        /// | `1e15 <= v <= 1e18`     | microseconds  | 2001-09-09 … 33658 (out of range)   |
        /// | `1e10 <= v < 1e15`      | milliseconds  | 1970-04-26 … 33658                  |
        /// | `v < 1e10` (negatives)  | seconds       | … 2286-11-20                        |
        ///
        /// The microsecond band is our decision: Elastic reads those values as milliseconds, which puts
        /// them beyond year 33658 and fails, so no valid Elastic output changes. The cost: a nanosecond
        /// epoch before 2001-09-09 would be read as microseconds; Cloudflare logs never carry one.
        ///
        /// - Parameter isAbove1e18: `v > 1e18`.
        /// - Parameter isAtLeast1e15: `v >= 1e15`.
        /// - Parameter isBelow1e10: `v < 1e10` (true for every negative value).
        static func classify(isAbove1e18: Bool, isAtLeast1e15: Bool, isBelow1e10: Bool) -> EpochUnit {
            if isAbove1e18 { return .nanoseconds }
            if isBelow1e10 { return .seconds }
            if isAtLeast1e15 { return .microseconds }
            return .milliseconds
        }

        /// Guesses the unit of an integer epoch from its magnitude (see `classify`).
        public static func classify(_ value: Int64) -> EpochUnit {
            classify(
                isAbove1e18: value > 1_000_000_000_000_000_000,
                isAtLeast1e15: value >= 1_000_000_000_000_000,
                isBelow1e10: value < 10_000_000_000
            )
        }

        /// Guesses the unit of a floating-point epoch from its magnitude (see `classify`).
        public static func classify(_ value: Double) -> EpochUnit {
            classify(isAbove1e18: value > 1e18, isAtLeast1e15: value >= 1e15, isBelow1e10: value < 1e10)
        }

        /// Decimal exponent that turns a value in this unit into microseconds (`µs = v × 10^e`).
        var microsecondExponent: Int {
            switch self {
            case .seconds: return 6
            case .milliseconds: return 3
            case .microseconds: return 0
            case .nanoseconds: return -3
            }
        }
    }
}
