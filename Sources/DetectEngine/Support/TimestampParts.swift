internal import DetectRules

/// The parts of a timestamp written as text, for the time modifiers (`minute` ... `year`).
///
/// Accepted: `YYYY-MM-DD`, optionally followed by `T` or a space, `HH:MM`, optional `:SS`, an optional
/// fraction and an optional zone (`Z`, `±HH:MM`, `±HHMM`, `±HH`). Parts are taken as written: no time-zone
/// conversion (as the specification says), so `2024-05-01T23:30:00-02:00` has hour 23. A date without a time
/// has no hour or minute. Anything else (epoch numbers, other formats) has no parts.
struct TimestampParts {
    var year: Int
    var month: Int
    var day: Int
    var hour: Int?
    var minute: Int?

    /// Parses a timestamp; `nil` when the text is not one of the accepted forms or the date is invalid.
    init?(_ bytes: UnsafeRawBufferPointer) {
        func number(_ start: Int, _ length: Int) -> Int? {
            guard start + length <= bytes.count else { return nil }
            var value = 0
            for index in start..<(start + length) {
                let digit = bytes[index] &- UInt8(ascii: "0")
                guard digit < 10 else { return nil }
                value = value * 10 + Int(digit)
            }
            return value
        }
        guard bytes.count >= 10, bytes[4] == UInt8(ascii: "-"), bytes[7] == UInt8(ascii: "-"),
            let year = number(0, 4), let month = number(5, 2), let day = number(8, 2),
            (1...12).contains(month), day >= 1, day <= Self.daysInMonth(year: year, month: month)
        else { return nil }
        self.year = year
        self.month = month
        self.day = day
        guard bytes.count > 10 else { return }
        guard bytes[10] == UInt8(ascii: "T") || bytes[10] == UInt8(ascii: "t") || bytes[10] == UInt8(ascii: " "),
            bytes.count >= 16, bytes[13] == UInt8(ascii: ":"),
            let hour = number(11, 2), let minute = number(14, 2), hour < 24, minute < 60
        else { return nil }
        var index = 16
        if index < bytes.count, bytes[index] == UInt8(ascii: ":") {
            guard let second = number(index + 1, 2), second <= 60 else { return nil }
            index += 3
            if index < bytes.count, bytes[index] == UInt8(ascii: ".") || bytes[index] == UInt8(ascii: ",") {
                index += 1
                let digitsStart = index
                while index < bytes.count, bytes[index] &- UInt8(ascii: "0") < 10 { index += 1 }
                guard index > digitsStart else { return nil }
            }
        }
        if index < bytes.count {
            switch bytes[index] {
            case UInt8(ascii: "Z"), UInt8(ascii: "z"):
                index += 1
            case UInt8(ascii: "+"), UInt8(ascii: "-"):
                guard number(index + 1, 2) != nil else { return nil }
                index += 3
                if index < bytes.count, bytes[index] == UInt8(ascii: ":") { index += 1 }
                if index < bytes.count {
                    guard number(index, 2) != nil else { return nil }
                    index += 2
                }
            default:
                return nil
            }
        }
        guard index == bytes.count else { return nil }
        self.hour = hour
        self.minute = minute
    }

    /// The value of a time part (`week` is the ISO 8601 week number, 1–53), or `nil`.
    func value(of part: Modifier) -> Int? {
        switch part {
        case .minute: self.minute
        case .hour: self.hour
        case .day: self.day
        case .week: Self.isoWeek(year: self.year, month: self.month, day: self.day)
        case .month: self.month
        case .year: self.year
        default: nil
        }
    }

    static func isLeap(_ year: Int) -> Bool { year % 4 == 0 && (year % 100 != 0 || year % 400 == 0) }

    static func daysInMonth(year: Int, month: Int) -> Int {
        switch month {
        case 2: Self.isLeap(year) ? 29 : 28
        case 4, 6, 9, 11: 30
        default: 31
        }
    }

    /// Days since 1970-01-01 (proleptic Gregorian).
    static func daysFromCivil(year: Int, month: Int, day: Int) -> Int {
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yearOfEra = y - era * 400
        let dayOfYear = (153 * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        return era * 146_097 + dayOfEra - 719_468
    }

    /// The ISO 8601 week number of a date.
    static func isoWeek(year: Int, month: Int, day: Int) -> Int {
        let days = Self.daysFromCivil(year: year, month: month, day: day)
        let weekday = ((days % 7) + 10) % 7 + 1  // Monday 1 ... Sunday 7
        let ordinal = days - Self.daysFromCivil(year: year, month: 1, day: 1) + 1
        let week = (ordinal - weekday + 10) / 7
        if week < 1 { return Self.weeksInYear(year - 1) }
        if week > Self.weeksInYear(year) { return 1 }
        return week
    }

    /// 52 or 53.
    static func weeksInYear(_ year: Int) -> Int {
        func p(_ y: Int) -> Int { (y + y / 4 - y / 100 + y / 400) % 7 }
        return p(year) == 4 || p(year - 1) == 3 ? 53 : 52
    }
}
