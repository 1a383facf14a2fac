/// A YAML scalar with its presentation style, so the loader can type plain scalars itself.
///
/// The loader resolves plain scalars with the YAML 1.2 core schema instead of the YAML 1.1 resolver of libyaml's usual bindings (PyYAML): only
/// `true`/`false` (any case form listed by the core schema) are booleans, so `yes`, `no`, `on`, `off` stay
/// strings; integers are decimal, `0x` hex or `0o` octal; `.inf` and `.nan` are floats; dates stay strings.
struct YAMLScalar: Sendable {
    enum Style: Sendable {
        case plain
        case singleQuoted
        case doubleQuoted
        case literal
        case folded
    }

    /// The core-schema type of a scalar.
    enum Resolved: Sendable, Equatable {
        case null
        case bool(Bool)
        case integer(Int64)
        case float(Double)
        case string
    }

    var value: String
    var style: Style
    /// `true` when an explicit `!!str` tag forces a string.
    var forcedString: Bool

    var isQuoted: Bool { self.style == .singleQuoted || self.style == .doubleQuoted }

    var isNull: Bool { self.resolved == .null }

    /// The core-schema type (quoted, block and `!!str` scalars are always strings).
    var resolved: Resolved {
        guard self.style == .plain, !self.forcedString else { return .string }
        return Self.resolve(self.value)
    }

    static func resolve(_ text: String) -> Resolved {
        switch text {
        case "", "~", "null", "Null", "NULL": return .null
        case "true", "True", "TRUE": return .bool(true)
        case "false", "False", "FALSE": return .bool(false)
        case ".inf", ".Inf", ".INF", "+.inf", "+.Inf", "+.INF": return .float(.infinity)
        case "-.inf", "-.Inf", "-.INF": return .float(-.infinity)
        case ".nan", ".NaN", ".NAN": return .float(.nan)
        default: break
        }
        let bytes = Array(text.utf8)
        guard let first = bytes.first,
            first == UInt8(ascii: "-") || first == UInt8(ascii: "+") || first == UInt8(ascii: ".")
                || (first >= UInt8(ascii: "0") && first <= UInt8(ascii: "9"))
        else { return .string }
        if let integer = Self.integer(bytes) { return .integer(integer) }
        if Self.isFloat(bytes), let double = Double(text) { return .float(double) }
        return .string
    }

    private static func integer(_ bytes: [UInt8]) -> Int64? {
        var index = 0
        var negative = false
        if bytes[0] == UInt8(ascii: "-") || bytes[0] == UInt8(ascii: "+") {
            negative = bytes[0] == UInt8(ascii: "-")
            index = 1
        }
        guard index < bytes.count else { return nil }
        var radix: Int64 = 10
        if bytes.count - index > 2, bytes[index] == UInt8(ascii: "0") {
            if bytes[index + 1] == UInt8(ascii: "x") {
                radix = 16
                index += 2
            } else if bytes[index + 1] == UInt8(ascii: "o") {
                radix = 8
                index += 2
            }
        }
        var value: Int64 = 0
        while index < bytes.count {
            let byte = bytes[index]
            let digit: Int64
            switch byte {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): digit = Int64(byte - UInt8(ascii: "0"))
            case UInt8(ascii: "a")...UInt8(ascii: "f") where radix == 16: digit = Int64(byte - UInt8(ascii: "a") + 10)
            case UInt8(ascii: "A")...UInt8(ascii: "F") where radix == 16: digit = Int64(byte - UInt8(ascii: "A") + 10)
            default: return nil
            }
            guard digit < radix else { return nil }
            let (multiplied, overflow1) = value.multipliedReportingOverflow(by: radix)
            let (added, overflow2) = multiplied.addingReportingOverflow(digit)
            guard !overflow1, !overflow2 else { return nil }
            value = added
            index += 1
        }
        return negative ? -value : value
    }

    /// `[-+]? ( "." digits | digits ( "." digits? )? ) ( [eE] [-+]? digits )?`
    private static func isFloat(_ bytes: [UInt8]) -> Bool {
        var index = 0
        func digits() -> Int {
            let start = index
            while index < bytes.count, bytes[index] >= UInt8(ascii: "0"), bytes[index] <= UInt8(ascii: "9") {
                index += 1
            }
            return index - start
        }
        if index < bytes.count, bytes[index] == UInt8(ascii: "-") || bytes[index] == UInt8(ascii: "+") { index += 1 }
        let integerDigits = digits()
        var fractionDigits = 0
        if index < bytes.count, bytes[index] == UInt8(ascii: ".") {
            index += 1
            fractionDigits = digits()
        }
        guard integerDigits + fractionDigits > 0 else { return false }
        if index < bytes.count, bytes[index] == UInt8(ascii: "e") || bytes[index] == UInt8(ascii: "E") {
            index += 1
            if index < bytes.count, bytes[index] == UInt8(ascii: "-") || bytes[index] == UInt8(ascii: "+") {
                index += 1
            }
            guard digits() > 0 else { return false }
        }
        return index == bytes.count
    }
}
