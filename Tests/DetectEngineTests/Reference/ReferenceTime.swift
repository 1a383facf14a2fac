import DetectRules
import Foundation

/// Time parts of a timestamp text for the reference interpreter, with Foundation's ISO 8601 calendar.
enum ReferenceTime {
    private static let syntax = try! NSRegularExpression(
        pattern:
            #"^(\d{4})-(\d{2})-(\d{2})(?:[Tt ](\d{2}):(\d{2})(?::(\d{2})(?:[.,]\d+)?)?(?:[Zz]|[+-]\d{2}(?::?\d{2})?)?)?$"#
    )

    /// The value of `part` in `text`, taken as written (no time-zone conversion), or `nil`.
    static func part(_ part: Modifier, of text: String) -> Int? {
        let range = NSRange(text.startIndex..., in: text)
        guard let match = Self.syntax.firstMatch(in: text, range: range) else { return nil }
        func group(_ index: Int) -> Int? {
            guard let range = Range(match.range(at: index), in: text) else { return nil }
            return Int(text[range])
        }
        guard let year = group(1), let month = group(2), let day = group(3) else { return nil }
        var calendar = Calendar(identifier: .iso8601)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        let components = DateComponents(calendar: calendar, year: year, month: month, day: day)
        guard components.isValidDate, let date = calendar.date(from: components) else { return nil }
        let hour = group(4)
        let minute = group(5)
        if let hour, hour > 23 { return nil }
        if let minute, minute > 59 { return nil }
        if let second = group(6), second > 60 { return nil }
        switch part {
        case .minute: return minute
        case .hour: return hour
        case .day: return day
        case .week: return calendar.component(.weekOfYear, from: date)
        case .month: return month
        case .year: return year
        default: return nil
        }
    }
}
