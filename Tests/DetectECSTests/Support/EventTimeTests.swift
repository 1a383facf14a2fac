import DetectECS
import Testing

struct EventTimeTests {
    private static func rfc3339(_ time: EventTime?, _ fraction: EventTime.FractionDigits = .microseconds) -> String? {
        guard let time else { return nil }
        var out: [UInt8] = []
        time.appendRFC3339(to: &out, fraction: fraction)
        return String(decoding: out, as: UTF8.self)
    }

    private static func string(_ text: String, unit: EventTime.EpochUnit? = nil) -> String? {
        rfc3339(EventTime.parse(text, unit: unit))
    }

    private static func number(_ text: String, unit: EventTime.EpochUnit? = nil) -> String? {
        rfc3339(SupportTesting.withBytes(text) { EventTime.parse(jsonNumber: $0, unit: unit) })
    }

    // MARK: Epoch numbers

    static let epochNumberCases: [(String, String?)] = [
        // Nanoseconds (> 1e18): Cloudflare unixnano, the Sekoia fixtures.
        ("1658281671671000000", "2022-07-20T01:47:51.671000Z"),
        ("1657233726004000000", "2022-07-07T22:42:06.004000Z"),
        ("1506702504433000200", "2017-09-29T16:28:24.433000Z"),
        ("1506702504433999999", "2017-09-29T16:28:24.433999Z"),  // truncated, not rounded
        ("1000000000000000001", "2001-09-09T01:46:40.000000Z"),
        // Seconds (< 1e10).
        ("1506702504", "2017-09-29T16:28:24.000000Z"),
        ("1", "1970-01-01T00:00:01.000000Z"),
        ("9999999999", "2286-11-20T17:46:39.000000Z"),
        ("1658281671.671", "2022-07-20T01:47:51.671000Z"),
        ("1658281671.6719999", "2022-07-20T01:47:51.671999Z"),
        ("1.658281671671e9", "2022-07-20T01:47:51.671000Z"),
        ("1.658281671671E+9", "2022-07-20T01:47:51.671000Z"),
        ("-1", "1969-12-31T23:59:59.000000Z"),
        ("-1.5", "1969-12-31T23:59:58.500000Z"),
        ("-0.0000015", "1969-12-31T23:59:59.999998Z"),  // floor, not towards zero
        // Milliseconds (1e10 ..< 1e15).
        ("10000000000", "1970-04-26T17:46:40.000000Z"),
        ("1653391413058", "2022-05-24T11:23:33.058000Z"),
        ("999999999999999", nil),  // ms, year 33658: out of range
        ("253402300799999", "9999-12-31T23:59:59.999000Z"),
        // Microseconds (1e15 ... 1e18): our band.
        ("1000000000000000", "2001-09-09T01:46:40.000000Z"),
        ("1658281671671123", "2022-07-20T01:47:51.671123Z"),
        ("1000000000000000000", nil),  // exactly 1e18 is µs (year 33658): out of range
        // Out of range / garbage.
        ("1e30", nil),
        ("99999999999999999999999", nil),
        ("0", nil),
        ("0.0", nil),
        ("-0", nil),
        ("000", nil),
        ("", nil),
        ("-", nil),
        ("1.", nil),
        ("1e", nil),
        ("1e+", nil),
        ("12a", nil),
        ("0x10", nil),
        ("1 2", nil),
    ]

    @Test("JSON number text is an epoch whose unit comes from its magnitude", arguments: epochNumberCases)
    func jsonNumbers(input: String, expected: String?) {
        #expect(Self.number(input) == expected)
    }

    @Test("a digit string is an epoch like the number", arguments: epochNumberCases.filter { !$0.0.isEmpty })
    func digitStrings(input: String, expected: String?) {
        #expect(Self.string(input) == expected)
    }

    @Test("an explicit unit overrides the magnitude guess")
    func explicitUnit() {
        #expect(Self.number("1658281671671000000", unit: .nanoseconds) == "2022-07-20T01:47:51.671000Z")
        #expect(Self.number("1658281671", unit: .nanoseconds) == "1970-01-01T00:00:01.658281Z")
        #expect(Self.number("1658281671671", unit: .milliseconds) == "2022-07-20T01:47:51.671000Z")
        #expect(Self.number("1658281671671", unit: .seconds) == nil)  // year 54519
        #expect(Self.number("1658281671", unit: .seconds) == "2022-07-20T01:47:51.000000Z")
        #expect(Self.number("1658281671671123", unit: .microseconds) == "2022-07-20T01:47:51.671123Z")
        #expect(Self.string("946684800000", unit: .milliseconds) == "2000-01-01T00:00:00.000000Z")
    }

    @Test("EpochUnit.classify follows Elastic plus a microsecond band")
    func classify() {
        #expect(EventTime.EpochUnit.classify(Int64(1_658_281_671_671_000_000)) == .nanoseconds)
        #expect(EventTime.EpochUnit.classify(Int64(1_000_000_000_000_000_000)) == .microseconds)
        #expect(EventTime.EpochUnit.classify(Int64(1_000_000_000_000_000)) == .microseconds)
        #expect(EventTime.EpochUnit.classify(Int64(999_999_999_999_999)) == .milliseconds)
        #expect(EventTime.EpochUnit.classify(Int64(10_000_000_000)) == .milliseconds)
        #expect(EventTime.EpochUnit.classify(Int64(9_999_999_999)) == .seconds)
        #expect(EventTime.EpochUnit.classify(Int64(-5_000_000_000_000)) == .seconds)
        #expect(EventTime.EpochUnit.classify(1.6e18) == .nanoseconds)
        #expect(EventTime.EpochUnit.classify(1.6e12) == .milliseconds)
        #expect(EventTime.EpochUnit.classify(1.6e9) == .seconds)
    }

    static let integerCases: [(Int64, String?)] = [
        (1_658_281_671_671_000_000, "2022-07-20T01:47:51.671000Z"),
        (1_506_702_504, "2017-09-29T16:28:24.000000Z"),
        (1_653_391_413_058, "2022-05-24T11:23:33.058000Z"),
        (1_658_281_671_671_123, "2022-07-20T01:47:51.671123Z"),
        (-1, "1969-12-31T23:59:59.000000Z"),
        (0, nil),
        (Int64.max, "2262-04-11T23:47:16.854775Z"),
        (Int64.min, nil),
    ]

    @Test("Int64 epochs convert exactly", arguments: integerCases)
    func int64Epochs(value: Int64, expected: String?) {
        #expect(Self.rfc3339(EventTime(unixTimestamp: value)) == expected)
    }

    @Test("an integer epoch gives the time its text gives, at every unit boundary")
    func integerMatchesText() {
        var values: [Int64] = [0, 1, -1, Int64.max, Int64.min, Int64.max - 1, Int64.min + 1]
        for power in 0...18 {
            let base = (0..<power).reduce(Int64(1)) { value, _ in value * 10 }
            values += [base - 1, base, base + 1, -base, -base - 1, base * 9, base * 7 + 123]
        }
        values += [1_700_000_000_025_000_000, 1_658_281_671_671, 1_506_702_504, -62_135_596_801, 253_402_300_800]
        for value in values {
            for unit in [nil] + EventTime.EpochUnit.allCases {
                #expect(EventTime(unixTimestamp: value, unit: unit) == SupportTesting.withBytes(String(value)) {
                    EventTime.parse(jsonNumber: $0, unit: unit)
                }, "\(value) \(String(describing: unit))")
            }
        }
    }

    @Test("negative nanoseconds floor to the microsecond")
    func negativeNanoseconds() {
        #expect(EventTime(unixTimestamp: Int64(-1_500), unit: .nanoseconds)?.microsecondsSinceEpoch == -2)
        #expect(EventTime(unixTimestamp: Int64(-1_000), unit: .nanoseconds)?.microsecondsSinceEpoch == -1)
        #expect(EventTime(unixTimestamp: Int64(1_999), unit: .nanoseconds)?.microsecondsSinceEpoch == 1)
    }

    static let doubleCases: [(Double, String?)] = [
        (1_658_281_671.671, "2022-07-20T01:47:51.671000Z"),
        (1_653_391_413_058, "2022-05-24T11:23:33.058000Z"),
        (1.658281671671e18, "2022-07-20T01:47:51.671000Z"),
        (0, nil),
        (.nan, nil),
        (.infinity, nil),
        (1e30, nil),
    ]

    @Test("Double epochs convert by magnitude", arguments: doubleCases)
    func doubleEpochs(value: Double, expected: String?) {
        #expect(Self.rfc3339(EventTime(fractionalUnixTimestamp: value)) == expected)
    }

    // MARK: RFC 3339

    static let rfc3339Cases: [(String, String?)] = [
        ("2023-05-24T02:48:33Z", "2023-05-24T02:48:33.000000Z"),
        ("2023-02-24T12:12:07Z", "2023-02-24T12:12:07.000000Z"),
        ("2019-08-02T15:29:08Z", "2019-08-02T15:29:08.000000Z"),
        ("2023-05-24T02:48:33+09:30", "2023-05-23T17:18:33.000000Z"),
        ("2023-05-24T02:48:33-05:00", "2023-05-24T07:48:33.000000Z"),
        ("2023-05-24T02:48:33+0930", "2023-05-23T17:18:33.000000Z"),
        ("2023-05-24T02:48:33+09", "2023-05-23T17:48:33.000000Z"),
        ("2023-05-24T02:48:33.549Z", "2023-05-24T02:48:33.549000Z"),
        ("2023-05-24T02:48:33.0252842Z", "2023-05-24T02:48:33.025284Z"),  // truncated
        ("2023-05-24T02:48:33.999999999Z", "2023-05-24T02:48:33.999999Z"),
        ("2023-05-24T02:48:33.1Z", "2023-05-24T02:48:33.100000Z"),
        ("2023-05-24T02:48:33,5Z", "2023-05-24T02:48:33.500000Z"),
        ("2023-05-24T02:48:33.000Z", "2023-05-24T02:48:33.000000Z"),
        ("2023-05-24t02:48:33z", "2023-05-24T02:48:33.000000Z"),
        ("2023-05-24 02:48:33Z", "2023-05-24T02:48:33.000000Z"),
        ("2023-05-24 02:48:33 +00:00", "2023-05-24T02:48:33.000000Z"),
        ("2023-05-24T02:48:33", "2023-05-24T02:48:33.000000Z"),  // no zone: UTC
        ("2023-05-24T02:48Z", "2023-05-24T02:48:00.000000Z"),
        ("2023-05-24", "2023-05-24T00:00:00.000000Z"),
        ("  2023-05-24T02:48:33Z\n", "2023-05-24T02:48:33.000000Z"),
        ("2024-02-29T00:00:00Z", "2024-02-29T00:00:00.000000Z"),
        ("2000-02-29T23:59:59.5-00:30", "2000-03-01T00:29:59.500000Z"),
        ("2016-12-31T23:59:60Z", "2016-12-31T23:59:59.000000Z"),  // leap second read as :59
        ("1970-01-01T00:00:00Z", "1970-01-01T00:00:00.000000Z"),  // a real time, not "no time"
        ("1969-12-31T23:59:59.999999Z", "1969-12-31T23:59:59.999999Z"),
        ("0001-01-01T00:00:00Z", "0001-01-01T00:00:00.000000Z"),
        ("9999-12-31T23:59:59.9999999Z", "9999-12-31T23:59:59.999999Z"),
        ("0001-01-01T00:00:00+01:00", nil),  // before year 1
        ("9999-12-31T23:59:59-01:00", nil),  // after year 9999
        ("0000-01-01T00:00:00Z", nil),
        ("2023-02-29T00:00:00Z", nil),
        ("1900-02-29T00:00:00Z", nil),
        ("2023-13-01T00:00:00Z", nil),
        ("2023-00-01T00:00:00Z", nil),
        ("2023-04-31T00:00:00Z", nil),
        ("2023-05-24T24:00:00Z", nil),
        ("2023-05-24T23:60:00Z", nil),
        ("2023-05-24T23:59:61Z", nil),
        ("2023-05-24T02:48:33.Z", nil),
        ("2023-05-24T02:48:33+24:00", nil),
        ("2023-05-24T02:48:33+09:60", nil),
        ("2023-05-24T02:48:33+9", nil),
        ("2023-05-24T02:48:33Zjunk", nil),
        ("2023-05-24X02:48:33Z", nil),
        ("2023-5-24T02:48:33Z", nil),
        ("2023-05-24T2:48:33Z", nil),
        ("2023-05-24T02:48:3Z", nil),
        ("2023-05-24T", nil),
        ("2023-05-2", nil),
        ("2023-", nil),
    ]

    @Test("RFC 3339 strings, with fractions, offsets and variants", arguments: rfc3339Cases)
    func rfc3339Strings(input: String, expected: String?) {
        #expect(Self.string(input) == expected)
    }

    // MARK: RFC 1123

    static let rfc1123Cases: [(String, String?)] = [
        ("Thu, 21 May 2022 11:17:33 UTC", "2022-05-21T11:17:33.000000Z"),  // the day name is not checked
        ("Sat, 21 May 2022 11:17:33 GMT", "2022-05-21T11:17:33.000000Z"),
        ("Sun, 06 Nov 1994 08:49:37 GMT", "1994-11-06T08:49:37.000000Z"),
        ("Sunday, 06 Nov 1994 08:49:37 GMT", "1994-11-06T08:49:37.000000Z"),
        ("sun, 6 nov 1994 08:49:37 gmt", "1994-11-06T08:49:37.000000Z"),
        ("06 Nov 1994 08:49:37 GMT", "1994-11-06T08:49:37.000000Z"),
        ("Sun 06 Nov 1994 08:49:37 GMT", "1994-11-06T08:49:37.000000Z"),
        ("Sun, 06 Nov 1994 08:49:37 +0200", "1994-11-06T06:49:37.000000Z"),
        ("Sun, 06 Nov 1994 08:49:37 -0500", "1994-11-06T13:49:37.000000Z"),
        ("Sun, 06 Nov 1994 08:49:37 EST", "1994-11-06T13:49:37.000000Z"),
        ("Sun, 06 Nov 1994 08:49:37 PDT", "1994-11-06T15:49:37.000000Z"),
        ("Sun, 06 Nov 1994 08:49:37 UT", "1994-11-06T08:49:37.000000Z"),
        ("Sun, 06 Nov 1994 08:49:37 Z", "1994-11-06T08:49:37.000000Z"),
        ("Sun, 06 Nov 1994 08:49 GMT", "1994-11-06T08:49:00.000000Z"),
        ("Sun, 06 Nov 1994 08:49:37", "1994-11-06T08:49:37.000000Z"),
        ("Wed, 31 Dec 1969 23:59:59 GMT", "1969-12-31T23:59:59.000000Z"),
        ("Sun, 31 Nov 1994 08:49:37 GMT", nil),
        ("Sun, 06 Foo 1994 08:49:37 GMT", nil),
        ("Someday, 06 Nov 1994 08:49:37 GMT", nil),
        ("Sun, 06 Nov 94 08:49:37 GMT", nil),
        ("Sun, 06 Nov 1994 08:49:37 XYZ", nil),
        ("Sun, 06 Nov 1994 08:49:37 GMTX", nil),
        ("Sun, 06 Nov 1994 08:49:37 +02", nil),
        ("Sun, 06 Nov 1994 25:49:37 GMT", nil),
        ("Sun, 06 Nov 1994 08:49:37 GMT junk", nil),
        ("Sun,06 Nov 1994 08:49:37 GMT", nil),
    ]

    @Test("RFC 1123 strings", arguments: rfc1123Cases)
    func rfc1123Strings(input: String, expected: String?) {
        #expect(Self.string(input) == expected)
    }

    static let garbageCases: [String] = [
        "", " ", "0", "00", "null", "now", "yesterday", "T", "Z", "2023", "abc-05-24",
        "2023/05/24 02:48:33", "24/05/2023", "\u{00e9}t\u{00e9}",
    ]

    @Test("garbage, empty and zero strings have no time", arguments: garbageCases)
    func garbageStrings(input: String) {
        // "2023" alone is a number: 2023 seconds after the epoch, like Elastic.
        if input == "2023" {
            #expect(Self.string(input) == "1970-01-01T00:33:43.000000Z")
        } else {
            #expect(Self.string(input) == nil)
        }
    }

    // MARK: Formatting

    @Test("the three fraction styles")
    func fractionStyles() {
        let whole = EventTime(year: 2023, month: 2, day: 24, hour: 12, minute: 12, second: 7)
        let fractional = EventTime(year: 2022, month: 7, day: 20, hour: 1, minute: 47, second: 51, microsecond: 671_999)
        #expect(Self.rfc3339(whole, .microseconds) == "2023-02-24T12:12:07.000000Z")
        #expect(Self.rfc3339(whole, .microsecondsUnlessZero) == "2023-02-24T12:12:07Z")
        #expect(Self.rfc3339(whole, .milliseconds) == "2023-02-24T12:12:07.000Z")
        #expect(Self.rfc3339(fractional, .microseconds) == "2022-07-20T01:47:51.671999Z")
        #expect(Self.rfc3339(fractional, .microsecondsUnlessZero) == "2022-07-20T01:47:51.671999Z")
        #expect(Self.rfc3339(fractional, .milliseconds) == "2022-07-20T01:47:51.671Z")
        #expect(fractional?.description == "2022-07-20T01:47:51.671999Z")
    }

    @Test("formatting appends and keeps what the buffer held")
    func appends() {
        var out = Array("@timestamp=".utf8)
        EventTime(unixTimestamp: Int64(1))?.appendRFC3339(to: &out)
        #expect(String(decoding: out, as: UTF8.self) == "@timestamp=1970-01-01T00:00:01.000000Z")
    }

    @Test("the range limits format with four-digit years")
    func limits() {
        #expect(EventTime.minimum.description == "0001-01-01T00:00:00.000000Z")
        #expect(EventTime.maximum.description == "9999-12-31T23:59:59.999999Z")
        #expect(EventTime(microsecondsSinceEpoch: EventTime.minimum.microsecondsSinceEpoch - 1) == nil)
        #expect(EventTime(microsecondsSinceEpoch: EventTime.maximum.microsecondsSinceEpoch + 1) == nil)
        #expect(EventTime(year: 2023, month: 2, day: 29) == nil)
        #expect(EventTime(year: 2023, month: 1, day: 1, hour: 24) == nil)
    }

    @Test("format then parse round-trips across the calendar")
    func roundTrip() {
        // Every 7919th day plus an odd time of day, from year 1 to 9999, and every day around 1970 and 2000.
        var days: [Int64] = Array(stride(from: Int64(-719_162), through: 2_932_896, by: 7_919))
        days += Array(-800...800) + Array(10_800...11_200)
        for day in days {
            let micros = day * 86_400_000_000 + 45_296_789_012
            guard let time = EventTime(microsecondsSinceEpoch: micros) else {
                Issue.record("day \(day) out of range")
                continue
            }
            let text = time.description
            #expect(EventTime.parse(text) == time, "\(text)")
        }
    }

    @Test("civil constructor agrees with the epoch")
    func civil() {
        #expect(EventTime(year: 1970, month: 1, day: 1, second: 1)?.microsecondsSinceEpoch == 1_000_000)
        #expect(EventTime(year: 2000, month: 3, day: 1)?.microsecondsSinceEpoch == Int64(11_017) * 86_400_000_000)
        #expect(
            EventTime(year: 1969, month: 12, day: 31, hour: 23, minute: 59, second: 59)?.microsecondsSinceEpoch
                == -1_000_000
        )
    }

    @Test("times compare by instant")
    func ordering() {
        let a = EventTime.parse("2023-05-24T02:48:33+09:30")
        let b = EventTime.parse("2023-05-23T17:18:33Z")
        let c = EventTime.parse("2023-05-23T17:18:34Z")
        #expect(a == b)
        if let b, let c { #expect(b < c) }
    }
}
