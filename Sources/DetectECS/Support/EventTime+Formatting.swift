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
        self.withRFC3339(fraction: fraction) { out.append(contentsOf: $0) }
    }

    /// Calls `body` with the text ``appendRFC3339(to:fraction:)`` appends, written in a stack buffer (at
    /// most 27 bytes).
    public func withRFC3339<R>(
        fraction: FractionDigits = .microseconds, _ body: (UnsafeBufferPointer<UInt8>) -> R
    ) -> R {
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

        return withUnsafeTemporaryAllocation(of: UInt8.self, capacity: 27) { text in
            var count = 0
            func put(_ byte: UInt8) {
                text[count] = byte
                count += 1
            }
            func put(_ value: Int, digits: Int) {
                var divisor = 1
                for _ in 1..<digits { divisor *= 10 }
                var rest = value
                while divisor > 0 {
                    put(UInt8(truncatingIfNeeded: 48 + rest / divisor))
                    rest %= divisor
                    divisor /= 10
                }
            }
            put(year, digits: 4)
            put(UInt8(ascii: "-"))
            put(month, digits: 2)
            put(UInt8(ascii: "-"))
            put(day, digits: 2)
            put(UInt8(ascii: "T"))
            put(secondOfDay / 3_600, digits: 2)
            put(UInt8(ascii: ":"))
            put(secondOfDay / 60 % 60, digits: 2)
            put(UInt8(ascii: ":"))
            put(secondOfDay % 60, digits: 2)
            switch fraction {
            case .microseconds:
                put(UInt8(ascii: "."))
                put(micro, digits: 6)
            case .microsecondsUnlessZero:
                if micro != 0 {
                    put(UInt8(ascii: "."))
                    put(micro, digits: 6)
                }
            case .milliseconds:
                put(UInt8(ascii: "."))
                put(micro / 1_000, digits: 3)
            }
            put(UInt8(ascii: "Z"))
            return body(UnsafeBufferPointer(rebasing: text[..<count]))
        }
    }
}
