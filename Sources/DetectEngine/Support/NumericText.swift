/// Numbers written as text: what a numeric string is, and its value.
///
/// A numeric string is an optional sign, digits with an optional fraction (or a fraction alone), and an
/// optional exponent: `42`, `-7`, `+3.5`, `.5`, `1e3`, `2.5E-3`. No whitespace, no hexadecimal, no `inf`
/// or `nan`: `0x1F` or ` 42` are text.
enum NumericText {
    /// The value of a numeric string: exact when it is an integer that fits in 64 bits.
    struct Value {
        var double: Double
        var integer: Int64?
    }

    /// Parses `bytes` as a numeric string; `nil` when it is not one.
    static func parse(_ bytes: UnsafeRawBufferPointer) -> Value? {
        let count = bytes.count
        guard count > 0, count <= 64 else { return nil }
        var index = 0
        var negative = false
        if bytes[0] == UInt8(ascii: "+") || bytes[0] == UInt8(ascii: "-") {
            negative = bytes[0] == UInt8(ascii: "-")
            index = 1
        }
        var digits = 0
        var integer: Int64 = 0
        var overflow = false
        while index < count, bytes[index] &- UInt8(ascii: "0") < 10 {
            let (times, o1) = integer.multipliedReportingOverflow(by: 10)
            let (sum, o2) = times.addingReportingOverflow(Int64(bytes[index] &- UInt8(ascii: "0")))
            overflow = overflow || o1 || o2
            integer = sum
            digits += 1
            index += 1
        }
        var isInteger = true
        if index < count, bytes[index] == UInt8(ascii: ".") {
            isInteger = false
            index += 1
            while index < count, bytes[index] &- UInt8(ascii: "0") < 10 {
                digits += 1
                index += 1
            }
        }
        guard digits > 0 else { return nil }
        if index < count, bytes[index] | 0x20 == UInt8(ascii: "e") {
            isInteger = false
            index += 1
            if index < count, bytes[index] == UInt8(ascii: "+") || bytes[index] == UInt8(ascii: "-") { index += 1 }
            var exponentDigits = 0
            while index < count, bytes[index] &- UInt8(ascii: "0") < 10 {
                exponentDigits += 1
                index += 1
            }
            guard exponentDigits > 0 else { return nil }
        }
        guard index == count else { return nil }
        if isInteger && !overflow {
            let value = negative ? -integer : integer
            return Value(double: Double(value), integer: value)
        }
        guard let double = Double(String(decoding: bytes, as: UTF8.self)) else { return nil }
        return Value(double: double, integer: nil)
    }
}
