public import DetectCore

/// A correlation window: `<number><unit>` with unit `s`, `m`, `h`, `d` (specification) or `w` (weeks, as pySigma).
public struct Timespan: Hashable, Sendable, CustomStringConvertible {
    /// The length in seconds.
    public var seconds: Int
    /// The text as written (`10m`).
    public var text: String
    /// Where it appears in the source file (1-based line and column).
    public var location: SourceLocation

    /// Memberwise initializer (the loader builds these; compilers and tests may too).
    public init(seconds: Int, text: String, location: SourceLocation) {
        self.seconds = seconds
        self.text = text
        self.location = location
    }

    /// Parses `30s`, `10m`, `1h`, `1d`, `2w`. The number is a positive integer; the unit is lowercase.
    ///
    /// - Returns: the length in seconds, or `nil` for anything else (including `0m` and overflowing values).
    public static func seconds(parsing text: String) -> Int? {
        let bytes = Array(text.utf8)
        guard bytes.count >= 2, let unit = bytes.last else { return nil }
        let digits = bytes.dropLast()
        guard digits.allSatisfy({ $0 >= UInt8(ascii: "0") && $0 <= UInt8(ascii: "9") }), digits.count <= 9,
            let number = Int(String(decoding: digits, as: UTF8.self)), number > 0
        else { return nil }
        let multiplier: Int
        switch unit {
        case UInt8(ascii: "s"): multiplier = 1
        case UInt8(ascii: "m"): multiplier = 60
        case UInt8(ascii: "h"): multiplier = 3_600
        case UInt8(ascii: "d"): multiplier = 86_400
        case UInt8(ascii: "w"): multiplier = 604_800
        default: return nil
        }
        return number * multiplier
    }

    /// A readable form, for messages and tests.
    public var description: String { self.text }
}
