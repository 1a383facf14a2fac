import DetectTesting
import Foundation

/// Generates JSON events over the fields and value pools of ``RandomRules``: strings (with escapes), numbers,
/// numeric strings, booleans, null, arrays, nested objects and flat dotted keys, IP addresses, timestamps and
/// base64 texts.
struct RandomEvents {
    var random: SplitMix64

    static let stringAtoms = [
        "ab", "AB", "x", "-x", "/x", "\u{2013}x", "\u{2014}enc", " -enc", " /enc", "a-b", "é", "É", "\\", "*", "?", "",
        "1",
        "10", "0x1F", "true", "TRUE", ".", "cmd", "CMD.exe", "/c", "\n", "%", "x-1", "c", "a/b", "a\u{2013}b",
        "\u{2015}x",
        "x/1", "ab*", "xy",
    ]
    static let encoded: [String] = {
        let texts = ["ab", "cmd", "xxcmd", " ab ", "x-1", "é", "AB", "c"]
        var values: [String] = []
        for text in texts {
            values.append(Data(text.utf8).base64EncodedString())
            values.append(Data(("Z" + text).utf8).base64EncodedString())
            values.append(Data(("ZZ" + text).utf8).base64EncodedString())
            let wide = Array(text.data(using: .utf16LittleEndian)!)
            values.append(Data(wide).base64EncodedString())
            values.append(Data([0x20] + wide).base64EncodedString())
            values.append(Data([0xFF, 0xFE] + wide).base64EncodedString())
            values.append(String(decoding: wide, as: UTF8.self))
            values.append(String(decoding: Array(text.data(using: .utf16BigEndian)!), as: UTF8.self))
        }
        return values
    }()
    static let addresses = ["10.1.2.3", "192.168.1.5", "8.8.8.8", "2001:db8::1", "2001:db8:1::9", "fe80::1", "x"]
    static let timestamps = [
        "2024-05-01T23:30:00Z", "2024-12-30T08:15:00.5+02:00", "2021-01-03 00:59:59", "2024-05-01", "garbage",
        "2024-05-01T23:45:10.123456789-05:00",
    ]

    /// One event as JSON text.
    mutating func event() -> String {
        var members: [String] = []
        for field in ["a", "b", "n"] where self.random.chance(75) {
            members.append("\(Self.json(field)):\(self.value(depth: 0))")
        }
        if self.random.chance(60) { members.append("\"ip\":\(self.address())") }
        if self.random.chance(50) { members.append("\"ts\":\(Self.json(self.random.pick(Self.timestamps)))") }
        switch self.random.int(5) {
        case 0:
            members.append("\"c\":{\"d\":\(self.value(depth: 0)),\"e\":\(self.value(depth: 0))}")
        case 1:
            members.append("\"c.d\":\(self.value(depth: 0))")
        case 2:
            members.append("\"c\":[{\"d\":\(self.value(depth: 1))},{\"e\":\(self.value(depth: 1))}]")
        case 3:
            members.append("\"c\":{\"d\":\(self.value(depth: 0))},\"c.e\":\(self.value(depth: 0))")
        default:
            break
        }
        if self.random.chance(20) { members.append("\"other\":{\"deep\":[\(self.value(depth: 1))]}") }
        return "{" + members.joined(separator: ",") + "}"
    }

    private mutating func address() -> String {
        self.random.chance(15)
            ? "[\(Self.json(self.random.pick(Self.addresses))),\(Self.json(self.random.pick(Self.addresses)))]"
            : Self.json(self.random.pick(Self.addresses))
    }

    private mutating func value(depth: Int) -> String {
        switch self.random.int(12) {
        case 0: return String(self.random.int(16) - 3)
        case 1: return "\(Double(self.random.int(40) - 8) / 4)"
        case 2: return Self.json(self.random.pick(["10", "2.50", "+3", "-2", "3", "1e1", "0x1f", " 3"]))
        case 3: return self.random.chance(50) ? "true" : "false"
        case 4: return "null"
        case 5:
            guard depth < 1 else { return "null" }
            let count = self.random.int(4)
            return "[" + (0..<count).map { _ in self.value(depth: depth + 1) }.joined(separator: ",") + "]"
        case 6: return Self.json(self.random.pick(Self.encoded))
        default:
            let text = (0..<self.random.int(4)).map { _ in self.random.pick(Self.stringAtoms) }.joined()
            return self.random.chance(20) ? Self.escapedJSON(text) : Self.json(text)
        }
    }

    /// JSON string text with only the required escapes.
    static func json(_ text: String) -> String {
        var out = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            default:
                if scalar.value < 0x20 {
                    out += String(format: "\\u%04x", scalar.value)
                } else {
                    out.unicodeScalars.append(scalar)
                }
            }
        }
        return out + "\""
    }

    /// JSON string text with every non-ASCII or special character written as a `\u` escape.
    static func escapedJSON(_ text: String) -> String {
        var out = "\""
        for unit in text.utf16 {
            if unit < 0x80, unit >= 0x20, unit != 0x22, unit != 0x5C, unit != UInt16(UInt8(ascii: "/")) {
                out.unicodeScalars.append(Unicode.Scalar(UInt8(unit)))
            } else {
                out += String(format: "\\u%04X", unit)
            }
        }
        return out + "\""
    }
}
