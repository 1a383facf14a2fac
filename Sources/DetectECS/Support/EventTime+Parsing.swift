extension EventTime {
    // MARK: Numbers

    /// An epoch integer (a JSON integer such as `EdgeStartTimestamp`), or nil for `0`, for a value outside
    /// `EventTime.minimum...maximum`, or on overflow.
    ///
    /// - Parameters:
    ///   - value: the epoch number.
    ///   - unit: the unit when the caller knows it (Sekoia reads ns fields as ns, no guessing); nil guesses
    ///     it from the magnitude, as Elastic does (`EpochUnit.classify`).
    /// - Returns: the time, truncated to microseconds towards the past (floor).
    ///
    /// Example: `EventTime(unixTimestamp: 1_506_702_504)` is 2017-09-29T16:28:24Z (seconds, by magnitude).
    public init?(unixTimestamp value: Int64, unit: EpochUnit? = nil) {
        guard value != 0 else { return nil }
        let micros: Int64
        switch unit ?? EpochUnit.classify(value) {
        case .seconds:
            let (m, overflow) = value.multipliedReportingOverflow(by: 1_000_000)
            guard !overflow else { return nil }
            micros = m
        case .milliseconds:
            let (m, overflow) = value.multipliedReportingOverflow(by: 1_000)
            guard !overflow else { return nil }
            micros = m
        case .microseconds:
            micros = value
        case .nanoseconds:
            let q = value / 1_000
            micros = (value % 1_000 < 0) ? q - 1 : q
        }
        self.init(microsecondsSinceEpoch: micros)
    }

    /// An epoch number already decoded as a `Double`, or nil for zero, NaN, infinities and out-of-range
    /// values. Prefer `parse(jsonNumber:)` on the number's text: a `Double` cannot hold a nanosecond epoch
    /// exactly (it is off by up to 128 ns, which can move the microsecond by one).
    ///
    /// - Parameters:
    ///   - value: the epoch number.
    ///   - unit: the unit when known; nil guesses it from the magnitude (`EpochUnit.classify`).
    public init?(fractionalUnixTimestamp value: Double, unit: EpochUnit? = nil) {
        guard value.isFinite, value != 0 else { return nil }
        let scaled: Double
        switch unit ?? EpochUnit.classify(value) {
        case .seconds: scaled = value * 1e6
        case .milliseconds: scaled = value * 1e3
        case .microseconds: scaled = value
        case .nanoseconds: scaled = value / 1e3
        }
        let micros = scaled.rounded(.down)
        guard micros >= Double(EventTime.minimum.microsecondsSinceEpoch),
            micros <= Double(EventTime.maximum.microsecondsSinceEpoch)
        else { return nil }
        self.init(microsecondsSinceEpoch: Int64(micros))
    }

    /// Parses the text of a JSON number (`1658281671671000000`, `1658281671.671`, `1.658281671671e9`) as an
    /// epoch, exactly (decimal arithmetic, no `Double`).
    ///
    /// - Parameters:
    ///   - bytes: the number's bytes, nothing else (no quotes, no whitespace).
    ///   - unit: the unit when known; nil guesses it from the magnitude (`EpochUnit.classify`).
    /// - Returns: the time truncated to microseconds (floor), or nil when the text is not a number, is
    ///   zero (`0`, `0.0`, `-0`), or is out of range.
    public static func parse(jsonNumber bytes: UnsafeBufferPointer<UInt8>, unit: EpochUnit? = nil) -> EventTime? {
        guard let number = DecimalNumber.parse(bytes, from: 0, to: bytes.count) else { return nil }
        return number.eventTime(unit: unit)
    }

    // MARK: Strings

    /// Parses the content of a JSON string holding a time (without the quotes, already unescaped).
    ///
    /// Accepted, after trimming ASCII whitespace:
    /// - a decimal number (`"1658281671671000000"`, `"1506702504"`, `"1658281671.671"`): an epoch, its unit
    ///   given by `unit` or guessed from its magnitude (`EpochUnit.classify`);
    /// - RFC 3339 / ISO 8601 extended: `2023-05-24T02:48:33Z`, any number of fraction digits (`.` or `,`;
    ///   truncated to microseconds), offsets `Z`, `z`, `+09:30`, `-0500`, `+09`; `t` or a space instead of
    ///   `T`; seconds may be omitted (`2023-05-24T02:48Z`); one space may precede the zone; no zone means
    ///   UTC; a date alone (`2023-05-24`) is midnight UTC; a leap second `:60` is read as `:59` (as
    ///   Java's `ISO_INSTANT` does);
    /// - RFC 1123 / RFC 2822: `Thu, 21 May 2022 11:17:33 UTC` with zones `GMT`, `UTC`, `UT`, `Z`, `±hhmm`
    ///   and the US zones `EST`…`PDT`; the day name is optional and **not checked against the date**
    ///   (Cloudflare's own sample `Thu, 21 May 2022` is a Saturday); seconds optional; no zone means UTC.
    ///
    /// - Parameters:
    ///   - bytes: the string's UTF-8 bytes.
    ///   - unit: the epoch unit for a numeric string when known.
    /// - Returns: nil for the empty string, `"0"` (no time; Elastic skips `0`, `"0"` and `""`), garbage,
    ///   invalid dates (`2023-02-30`), and times outside `EventTime.minimum...maximum`. The RFC 3339 text
    ///   `1970-01-01T00:00:00Z` is a real time and is returned (Elastic keeps it too).
    public static func parse(_ bytes: UnsafeBufferPointer<UInt8>, unit: EpochUnit? = nil) -> EventTime? {
        var start = 0
        var end = bytes.count
        while start < end, isSpace(bytes[start]) { start += 1 }
        while end > start, isSpace(bytes[end - 1]) { end -= 1 }
        guard start < end else { return nil }
        let first = bytes[start]
        if end - start >= 5, isDigit(first), isDigit(bytes[start + 1]), isDigit(bytes[start + 2]),
            isDigit(bytes[start + 3]), bytes[start + 4] == UInt8(ascii: "-")
        {
            return parseRFC3339(bytes, from: start, to: end)
        }
        if isDigit(first) || first == UInt8(ascii: "-") || first == UInt8(ascii: ".") {
            if let number = DecimalNumber.parse(bytes, from: start, to: end) {
                return number.eventTime(unit: unit)
            }
        }
        return parseRFC1123(bytes, from: start, to: end)
    }

    /// Convenience for tests and set-up code: `parse(_:unit:)` on a `String`'s UTF-8. Not for the hot path.
    public static func parse(_ text: String, unit: EpochUnit? = nil) -> EventTime? {
        var text = text
        return text.withUTF8 { parse($0, unit: unit) }
    }

    // MARK: RFC 3339

    /// `YYYY-MM-DD[(T|t| )HH:MM[:SS[(.|,)F+]][ ](Z|z|±HH[[:]MM])]` between `start` and `end`.
    static func parseRFC3339(_ p: UnsafeBufferPointer<UInt8>, from start: Int, to end: Int) -> EventTime? {
        guard end - start >= 10,
            let year = digits(p, start, 4, end), p[start + 4] == UInt8(ascii: "-"),
            let month = digits(p, start + 5, 2, end), p[start + 7] == UInt8(ascii: "-"),
            let day = digits(p, start + 8, 2, end),
            CivilCalendar.isValid(year: year, month: month, day: day)
        else { return nil }
        let days = CivilCalendar.daysFromCivil(year: year, month: month, day: day)
        var i = start + 10
        if i == end { return EventTime(microsecondsSinceEpoch: days * CivilCalendar.microsecondsPerDay) }

        let separator = p[i]
        guard separator == UInt8(ascii: "T") || separator == UInt8(ascii: "t") || separator == UInt8(ascii: " ")
        else { return nil }
        i += 1
        guard let hour = digits(p, i, 2, end), i + 2 < end, p[i + 2] == UInt8(ascii: ":"),
            let minute = digits(p, i + 3, 2, end), hour <= 23, minute <= 59
        else { return nil }
        i += 5
        var second = 0
        var micro = 0
        if i < end, p[i] == UInt8(ascii: ":") {
            guard let s = digits(p, i + 1, 2, end), s <= 60 else { return nil }
            second = min(s, 59)
            i += 3
            if i < end, p[i] == UInt8(ascii: ".") || p[i] == UInt8(ascii: ",") {
                i += 1
                var count = 0
                while i < end, isDigit(p[i]) {
                    if count < 6 { micro = micro * 10 + Int(p[i] &- 48) }
                    count += 1
                    i += 1
                }
                guard count > 0 else { return nil }
                var pad = count
                while pad < 6 {
                    micro *= 10
                    pad += 1
                }
            }
        }
        if i + 1 < end, p[i] == UInt8(ascii: " ") { i += 1 }
        guard let (offsetSeconds, next) = parseZone(p, i, end), next == end else { return nil }
        let local = days * 86_400 + Int64(hour * 3_600 + minute * 60 + second)
        return EventTime(microsecondsSinceEpoch: (local - Int64(offsetSeconds)) * 1_000_000 + Int64(micro))
    }

    /// An RFC 3339 zone at `i`: nothing (UTC), `Z`/`z`, or `±HH`, `±HHMM`, `±HH:MM`.
    /// Returns the offset east of UTC in seconds and the index after the zone.
    private static func parseZone(_ p: UnsafeBufferPointer<UInt8>, _ i: Int, _ end: Int) -> (Int, Int)? {
        if i == end { return (0, i) }
        let c = p[i]
        if c == UInt8(ascii: "Z") || c == UInt8(ascii: "z") { return (0, i + 1) }
        guard c == UInt8(ascii: "+") || c == UInt8(ascii: "-"), let hours = digits(p, i + 1, 2, end), hours <= 23
        else { return nil }
        var j = i + 3
        var minutes = 0
        if j < end {
            if p[j] == UInt8(ascii: ":") {
                guard let m = digits(p, j + 1, 2, end) else { return nil }
                minutes = m
                j += 3
            } else if let m = digits(p, j, 2, end) {
                minutes = m
                j += 2
            }
        }
        guard minutes <= 59 else { return nil }
        let offset = hours * 3_600 + minutes * 60
        return (c == UInt8(ascii: "-") ? -offset : offset, j)
    }

    // MARK: RFC 1123

    /// `[Day[,] ]D[D] Mon YYYY HH:MM[:SS] [zone]` between `start` and `end`.
    static func parseRFC1123(_ p: UnsafeBufferPointer<UInt8>, from start: Int, to end: Int) -> EventTime? {
        var i = start
        // Optional day name, checked against the list but not against the date.
        if i < end, isLetter(p[i]) {
            let nameStart = i
            while i < end, isLetter(p[i]) { i += 1 }
            guard isDayName(p, nameStart, i) else { return nil }
            if i < end, p[i] == UInt8(ascii: ",") { i += 1 }
            guard skipSpaces(p, &i, end) else { return nil }
        }
        // Day of month, one or two digits.
        guard i < end, isDigit(p[i]) else { return nil }
        var day = Int(p[i] &- 48)
        i += 1
        if i < end, isDigit(p[i]) {
            day = day * 10 + Int(p[i] &- 48)
            i += 1
        }
        guard skipSpaces(p, &i, end), i + 3 <= end, let month = monthNumber(p[i], p[i + 1], p[i + 2]) else {
            return nil
        }
        i += 3
        guard skipSpaces(p, &i, end), let year = digits(p, i, 4, end),
            CivilCalendar.isValid(year: year, month: month, day: day)
        else { return nil }
        i += 4
        guard skipSpaces(p, &i, end), let hour = digits(p, i, 2, end), i + 2 < end, p[i + 2] == UInt8(ascii: ":"),
            let minute = digits(p, i + 3, 2, end), hour <= 23, minute <= 59
        else { return nil }
        i += 5
        var second = 0
        if i < end, p[i] == UInt8(ascii: ":") {
            guard let s = digits(p, i + 1, 2, end), s <= 60 else { return nil }
            second = min(s, 59)
            i += 3
        }
        var offset = 0
        if i < end {
            guard skipSpaces(p, &i, end), let zone = rfc1123Zone(p, i, end) else { return nil }
            offset = zone
        }
        let days = CivilCalendar.daysFromCivil(year: year, month: month, day: day)
        let local = days * 86_400 + Int64(hour * 3_600 + minute * 60 + second)
        return EventTime(microsecondsSinceEpoch: (local - Int64(offset)) * 1_000_000)
    }

    /// The whole rest `p[i..<end]` as an RFC 2822 zone; the offset east of UTC in seconds.
    private static func rfc1123Zone(_ p: UnsafeBufferPointer<UInt8>, _ i: Int, _ end: Int) -> Int? {
        let c = p[i]
        if c == UInt8(ascii: "+") || c == UInt8(ascii: "-") {
            guard end - i == 5, let hours = digits(p, i + 1, 2, end), let minutes = digits(p, i + 3, 2, end),
                hours <= 23, minutes <= 59
            else { return nil }
            let offset = hours * 3_600 + minutes * 60
            return c == UInt8(ascii: "-") ? -offset : offset
        }
        var key: UInt32 = 0
        var j = i
        while j < end {
            guard isLetter(p[j]), j - i < 3 else { return nil }
            key = key << 8 | UInt32(p[j] | 0x20)
            j += 1
        }
        switch key {
        case 0x7A, 0x7574, 0x75_7463, 0x67_6D74: return 0  // z, ut, utc, gmt
        case 0x65_7374: return -5 * 3_600  // est
        case 0x65_6474: return -4 * 3_600  // edt
        case 0x63_7374: return -6 * 3_600  // cst
        case 0x63_6474: return -5 * 3_600  // cdt
        case 0x6D_7374: return -7 * 3_600  // mst
        case 0x6D_6474: return -6 * 3_600  // mdt
        case 0x70_7374: return -8 * 3_600  // pst
        case 0x70_6474: return -7 * 3_600  // pdt
        default: return nil
        }
    }

    /// A three-letter English month name, any case, as 1–12.
    private static func monthNumber(_ a: UInt8, _ b: UInt8, _ c: UInt8) -> Int? {
        guard isLetter(a), isLetter(b), isLetter(c) else { return nil }
        switch UInt32(a | 0x20) << 16 | UInt32(b | 0x20) << 8 | UInt32(c | 0x20) {
        case 0x6A_616E: return 1  // jan
        case 0x66_6562: return 2  // feb
        case 0x6D_6172: return 3  // mar
        case 0x61_7072: return 4  // apr
        case 0x6D_6179: return 5  // may
        case 0x6A_756E: return 6  // jun
        case 0x6A_756C: return 7  // jul
        case 0x61_7567: return 8  // aug
        case 0x73_6570: return 9  // sep
        case 0x6F_6374: return 10  // oct
        case 0x6E_6F76: return 11  // nov
        case 0x64_6563: return 12  // dec
        default: return nil
        }
    }

    private static let dayNames: [StaticString] = [
        "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
    ]

    /// Whether `p[start..<end]` is an English day name, abbreviated (`Thu`) or full (`Thursday`), any case.
    private static func isDayName(_ p: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int) -> Bool {
        let length = end - start
        for name in dayNames {
            let n = name.utf8CodeUnitCount
            guard length == 3 || length == n else { continue }
            let base = name.utf8Start
            var k = 0
            while k < length, (p[start + k] | 0x20) == base[k] { k += 1 }
            if k == length { return true }
        }
        return false
    }

    // MARK: Bytes

    /// Exactly `count` ASCII digits at `i` (all before `end`) as an integer.
    @inline(__always)
    static func digits(_ p: UnsafeBufferPointer<UInt8>, _ i: Int, _ count: Int, _ end: Int) -> Int? {
        guard i >= 0, i + count <= end else { return nil }
        var value = 0
        for k in i..<(i + count) {
            let d = p[k] &- 48
            guard d < 10 else { return nil }
            value = value * 10 + Int(d)
        }
        return value
    }

    /// Skips one or more spaces; false when there is none at `i`.
    @inline(__always)
    private static func skipSpaces(_ p: UnsafeBufferPointer<UInt8>, _ i: inout Int, _ end: Int) -> Bool {
        guard i < end, p[i] == UInt8(ascii: " ") else { return false }
        while i < end, p[i] == UInt8(ascii: " ") { i += 1 }
        return true
    }

    @inline(__always)
    static func isDigit(_ c: UInt8) -> Bool { c &- 48 < 10 }

    @inline(__always)
    static func isLetter(_ c: UInt8) -> Bool { (c | 0x20) &- 97 < 26 }

    @inline(__always)
    static func isSpace(_ c: UInt8) -> Bool {
        c == UInt8(ascii: " ") || c == UInt8(ascii: "\t") || c == UInt8(ascii: "\n") || c == UInt8(ascii: "\r")
    }
}
