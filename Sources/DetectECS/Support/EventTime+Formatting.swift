extension EventTime {
    /// How many fractional-second digits `appendRFC3339(to:fraction:)` writes.
    public enum FractionDigits: Sendable, Hashable, CaseIterable {
        /// Always six digits: `2022-07-20T01:47:51.671000Z`, `…:07.000000Z`.
        case microseconds
        /// Six digits, or none when the microseconds are zero: `…51.671000Z`, `2023-02-24T12:12:07Z`.
        /// This is Python's `datetime.isoformat()` shape that Sekoia emits (ECS-MAPPING.md P5).
        case microsecondsUnlessZero
        /// Always three digits, truncated: `2023-05-23T17:18:33.000Z` (Elastic's `date` output).
        case milliseconds
    }

    /// Appends the time as RFC 3339 in UTC with a `Z` suffix, e.g. `2022-07-20T01:47:51.671000Z`.
    ///
    /// No Foundation: the civil date comes from `CivilCalendar.civilFromDays`. At most 27 bytes are
    /// appended; nothing is removed from `out`.
    ///
    /// - Parameters:
    ///   - out: the buffer to append to.
    ///   - fraction: the fractional digits; six by default.
    public func appendRFC3339(to out: inout [UInt8], fraction: FractionDigits = .microseconds) {
        let micros = self.microsecondsSinceEpoch
        var days = micros / CivilCalendar.microsecondsPerDay
        var microOfDay = micros % CivilCalendar.microsecondsPerDay
        if microOfDay < 0 {
            microOfDay += CivilCalendar.microsecondsPerDay
            days -= 1
        }
        let (year, month, day) = CivilCalendar.civilFromDays(days)
        let secondOfDay = Int(microOfDay / 1_000_000)
        let micro = Int(microOfDay % 1_000_000)

        Self.appendDigits(year, count: 4, to: &out)
        out.append(UInt8(ascii: "-"))
        Self.appendDigits(month, count: 2, to: &out)
        out.append(UInt8(ascii: "-"))
        Self.appendDigits(day, count: 2, to: &out)
        out.append(UInt8(ascii: "T"))
        Self.appendDigits(secondOfDay / 3_600, count: 2, to: &out)
        out.append(UInt8(ascii: ":"))
        Self.appendDigits(secondOfDay / 60 % 60, count: 2, to: &out)
        out.append(UInt8(ascii: ":"))
        Self.appendDigits(secondOfDay % 60, count: 2, to: &out)
        switch fraction {
        case .microseconds:
            out.append(UInt8(ascii: "."))
            Self.appendDigits(micro, count: 6, to: &out)
        case .microsecondsUnlessZero:
            if micro != 0 {
                out.append(UInt8(ascii: "."))
                Self.appendDigits(micro, count: 6, to: &out)
            }
        case .milliseconds:
            out.append(UInt8(ascii: "."))
            Self.appendDigits(micro / 1_000, count: 3, to: &out)
        }
        out.append(UInt8(ascii: "Z"))
    }

    /// Appends `value` (non-negative) as exactly `count` zero-padded decimal digits.
    @inline(__always)
    private static func appendDigits(_ value: Int, count: Int, to out: inout [UInt8]) {
        var divisor = 1
        for _ in 1..<count { divisor *= 10 }
        var rest = value
        while divisor > 0 {
            out.append(UInt8(truncatingIfNeeded: 48 + rest / divisor))
            rest %= divisor
            divisor /= 10
        }
    }
}
