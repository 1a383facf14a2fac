/// A point in time, in whole microseconds since 1970-01-01T00:00:00Z (UTC).
///
/// Microseconds are the precision of the ECS output (Sekoia's P5 shape `…51.671000Z`); finer digits in
/// the input (nanosecond epochs, long RFC 3339 fractions) are truncated towards the past, never
/// rounded, as Python's `datetime` does.
///
/// Every value lies between `EventTime.minimum` (0001-01-01T00:00:00Z) and `EventTime.maximum`
/// (9999-12-31T23:59:59.999999Z), so it always formats as a four-digit-year RFC 3339 string.
///
/// Parsing is in `EventTime+Parsing.swift`, formatting in `EventTime+Formatting.swift`; neither uses
/// Foundation.
///
/// ```swift
/// let t = EventTime(unixTimestamp: 1_658_281_671_671_000_000)   // nanoseconds, by magnitude
/// var out: [UInt8] = []
/// t?.appendRFC3339(to: &out)                                     // "2022-07-20T01:47:51.671000Z"
/// ```
public struct EventTime: Hashable, Comparable, Sendable, CustomStringConvertible {
    /// Microseconds since 1970-01-01T00:00:00Z; negative before 1970.
    public let microsecondsSinceEpoch: Int64

    /// 0001-01-01T00:00:00Z, the earliest representable time.
    public static let minimum = EventTime(unchecked: -62_135_596_800_000_000)
    /// 9999-12-31T23:59:59.999999Z, the latest representable time.
    public static let maximum = EventTime(unchecked: 253_402_300_799_999_999)

    /// Wraps a microsecond count, or returns nil when it is outside `minimum...maximum`.
    public init?(microsecondsSinceEpoch: Int64) {
        guard microsecondsSinceEpoch >= EventTime.minimum.microsecondsSinceEpoch,
            microsecondsSinceEpoch <= EventTime.maximum.microsecondsSinceEpoch
        else { return nil }
        self.microsecondsSinceEpoch = microsecondsSinceEpoch
    }

    /// A UTC civil time, or nil when a component is out of range (month 1–12, day within the month,
    /// hour 0–23, minute 0–59, second 0–59, microsecond 0–999999, year 1–9999).
    ///
    /// Example: `EventTime(year: 2022, month: 7, day: 20, hour: 1, minute: 47, second: 51,
    /// microsecond: 671_000)`.
    public init?(
        year: Int,
        month: Int,
        day: Int,
        hour: Int = 0,
        minute: Int = 0,
        second: Int = 0,
        microsecond: Int = 0
    ) {
        guard CivilCalendar.isValid(year: year, month: month, day: day),
            (0...23).contains(hour), (0...59).contains(minute), (0...59).contains(second),
            (0...999_999).contains(microsecond)
        else { return nil }
        let days = CivilCalendar.daysFromCivil(year: year, month: month, day: day)
        let seconds = days * 86_400 + Int64(hour * 3_600 + minute * 60 + second)
        self.init(unchecked: seconds * 1_000_000 + Int64(microsecond))
    }

    /// Wraps a value already known to be in range.
    init(unchecked microseconds: Int64) {
        self.microsecondsSinceEpoch = microseconds
    }

    public static func < (lhs: EventTime, rhs: EventTime) -> Bool {
        lhs.microsecondsSinceEpoch < rhs.microsecondsSinceEpoch
    }

    /// The RFC 3339 text with six fractional digits, e.g. `2022-07-20T01:47:51.671000Z`.
    public var description: String {
        var bytes: [UInt8] = []
        self.appendRFC3339(to: &bytes)
        return String(decoding: bytes, as: UTF8.self)
    }
}
