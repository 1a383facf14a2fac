import DetectCore
import Glibc

/// The byte-level state machine behind ``JSONParser``: one pass, no recursion, no allocation beyond
/// the node array.
struct JSONScanner {
    private let bytes: UnsafePointer<UInt8>
    private var position: Int
    private let end: Int
    /// Whether whitespace between tokens held a line break: container texts are then not copied as they
    /// are (one JSON line must stay one line), so their spans are dropped.
    private(set) var sawLineBreak = false
    private let maxDepth: Int

    init(bytes: UnsafePointer<UInt8>, start: Int, end: Int, maxDepth: Int) {
        self.bytes = bytes
        self.position = start
        self.end = end
        self.maxDepth = maxDepth
    }

    mutating func parseDocument(into nodes: inout NodeBuffer, stack: inout ContainerStack) throws(JSONError) -> Int {
        let root = nodes.nextIndex
        self.skipWhitespace()
        value: while true {
            guard self.position < self.end else { throw self.error(.unexpectedEnd, "unexpected end of input") }
            let byte = self.bytes[self.position]
            switch byte {
            case UInt8(ascii: "{"), UInt8(ascii: "["):
                let isObject = byte == UInt8(ascii: "{")
                guard stack.count < self.maxDepth else {
                    throw self.error(.tooDeep, "nesting deeper than \(self.maxDepth)")
                }
                stack.push(ContainerStack.Entry(node: nodes.nextIndex, count: 0, isObject: isObject))
                let spanStart = UInt64(self.position) << 32
                nodes.append(ValueNode(kind: isObject ? .object : .array, length: 0, offset: 0, payload: spanStart))
                self.position += 1
                self.skipWhitespace()
                let close = isObject ? UInt8(ascii: "}") : UInt8(ascii: "]")
                if self.position < self.end, self.bytes[self.position] == close {
                    self.position += 1
                    let empty = stack.pop()
                    nodes[empty.node].offset = UInt32(nodes.nextIndex)
                    nodes[empty.node].payload |= UInt64(self.position)
                } else {
                    if isObject { try self.parseKey(into: &nodes) }
                    continue value
                }
            case UInt8(ascii: "\""):
                try self.parseString(into: &nodes)
            case UInt8(ascii: "t"):
                try self.expectLiteral("true", length: 4)
                nodes.append(ValueNode(kind: .bool, length: 0, offset: 0, payload: 1))
            case UInt8(ascii: "f"):
                try self.expectLiteral("false", length: 5)
                nodes.append(ValueNode(kind: .bool, length: 0, offset: 0, payload: 0))
            case UInt8(ascii: "n"):
                try self.expectLiteral("null", length: 4)
                nodes.append(ValueNode(kind: .null, length: 0, offset: 0, payload: 0))
            case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"):
                try self.parseNumber(into: &nodes)
            default:
                throw self.error(.unexpectedByte, "unexpected \(Self.describe(byte)) where a value was expected")
            }

            // After a value: close containers that end here, or move to the next member.
            while true {
                guard !stack.isEmpty else {
                    self.skipWhitespace()
                    guard self.position == self.end else {
                        throw self.error(.trailingContent, "content after the JSON value")
                    }
                    return root
                }
                stack.top.count += 1
                self.skipWhitespace()
                guard self.position < self.end else { throw self.error(.unexpectedEnd, "unexpected end of input") }
                let byte = self.bytes[self.position]
                let isObject = stack.top.isObject
                if byte == UInt8(ascii: ",") {
                    self.position += 1
                    self.skipWhitespace()
                    if isObject { try self.parseKey(into: &nodes) }
                    continue value
                }
                guard byte == (isObject ? UInt8(ascii: "}") : UInt8(ascii: "]")) else {
                    let expected = isObject ? "',' or '}'" : "',' or ']'"
                    throw self.error(.unexpectedByte, "unexpected \(Self.describe(byte)), expected \(expected)")
                }
                self.position += 1
                let container = stack.pop()
                nodes[container.node].length = container.count
                nodes[container.node].offset = UInt32(nodes.nextIndex)
                nodes[container.node].payload |= UInt64(self.position)
            }
        }
    }

    /// Parses `"key"` and the `:` after it. Inlined into its two callers: a call per key costs more than
    /// the key's own scan for the short keys of log records.
    @inline(__always)
    private mutating func parseKey(into nodes: inout NodeBuffer) throws(JSONError) {
        guard self.position < self.end else { throw self.error(.unexpectedEnd, "unexpected end of input") }
        guard self.bytes[self.position] == UInt8(ascii: "\"") else {
            throw self.error(.unexpectedByte, "unexpected \(Self.describe(self.bytes[self.position])), expected a key")
        }
        try self.parseString(into: &nodes)
        self.skipWhitespace()
        guard self.position < self.end else { throw self.error(.unexpectedEnd, "unexpected end of input") }
        guard self.bytes[self.position] == UInt8(ascii: ":") else {
            throw self.error(.unexpectedByte, "expected ':' after a key")
        }
        self.position += 1
        self.skipWhitespace()
    }

    // MARK: - Scalars

    @inline(__always)
    private mutating func parseString(into nodes: inout NodeBuffer) throws(JSONError) {
        self.position += 1
        let start = self.position
        var escaped = false
        while true {
            self.skipPlainStringBytes()
            guard self.position < self.end else { throw self.error(.unexpectedEnd, "unterminated string") }
            let byte = self.bytes[self.position]
            if byte == UInt8(ascii: "\"") { break }
            if byte == UInt8(ascii: "\\") {
                escaped = true
                try self.skipEscape()
            } else if byte < 0x20 {
                throw self.error(.invalidString, "control character \(Self.describe(byte)) in a string")
            } else {
                try self.skipUTF8Sequence()
            }
        }
        nodes.append(
            ValueNode(
                kind: .string, isEscaped: escaped, isVerbatim: true, length: UInt32(self.position - start), offset: UInt32(start),
                payload: 0
            )
        )
        self.position += 1
    }

    /// Advances over bytes that need no attention: not `"`, `\`, a control character or non-ASCII.
    @inline(__always)
    private mutating func skipPlainStringBytes() {
        let ones: UInt64 = 0x0101_0101_0101_0101
        let highs: UInt64 = 0x8080_8080_8080_8080
        while self.position + 8 <= self.end {
            let word = UnsafeRawPointer(self.bytes + self.position).loadUnaligned(as: UInt64.self)
            let quotes = word ^ (ones &* 0x22)
            let slashes = word ^ (ones &* 0x5C)
            let special =
                ((quotes &- ones) & ~quotes) | ((slashes &- ones) & ~slashes) | ((word &- ones &* 0x20) & ~word)
                | word
            let flagged = special & highs
            if flagged != 0 {
                self.position += flagged.trailingZeroBitCount >> 3
                return
            }
            self.position += 8
        }
        while self.position < self.end {
            let byte = self.bytes[self.position]
            if byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "\\") || byte < 0x20 || byte >= 0x80 { return }
            self.position += 1
        }
    }

    private mutating func skipEscape() throws(JSONError) {
        guard self.position + 1 < self.end else { throw self.error(.unexpectedEnd, "unterminated escape") }
        switch self.bytes[self.position + 1] {
        case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"), UInt8(ascii: "b"), UInt8(ascii: "f"),
            UInt8(ascii: "n"), UInt8(ascii: "r"), UInt8(ascii: "t"):
            self.position += 2
        case UInt8(ascii: "u"):
            let unit = try self.hexUnit(at: self.position + 2)
            guard !(0xDC00...0xDFFF).contains(unit) else {
                throw self.error(.invalidEscape, "unpaired UTF-16 surrogate in \\u escape")
            }
            self.position += 6
            if (0xD800...0xDBFF).contains(unit) {
                // Input that ends where the low surrogate should start is truncated, not unpaired.
                let remaining = self.end - self.position
                if remaining == 0 || (remaining == 1 && self.bytes[self.position] == UInt8(ascii: "\\")) {
                    throw JSONError(.unexpectedEnd, "unterminated \\u escape", offset: self.end)
                }
                guard self.position + 1 < self.end, self.bytes[self.position] == UInt8(ascii: "\\"),
                    self.bytes[self.position + 1] == UInt8(ascii: "u"),
                    (0xDC00...0xDFFF).contains(try self.hexUnit(at: self.position + 2))
                else { throw self.error(.invalidEscape, "unpaired UTF-16 surrogate in \\u escape") }
                self.position += 6
            }
        default:
            throw self.error(.invalidEscape, "invalid escape \\\(Self.describe(self.bytes[self.position + 1]))")
        }
    }

    private func hexUnit(at offset: Int) throws(JSONError) -> UInt32 {
        guard offset + 4 <= self.end else { throw self.error(.unexpectedEnd, "unterminated \\u escape") }
        var value: UInt32 = 0
        for index in offset..<offset + 4 {
            let byte = self.bytes[index]
            let digit: UInt8
            switch byte {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): digit = byte - UInt8(ascii: "0")
            case UInt8(ascii: "a")...UInt8(ascii: "f"): digit = byte - UInt8(ascii: "a") + 10
            case UInt8(ascii: "A")...UInt8(ascii: "F"): digit = byte - UInt8(ascii: "A") + 10
            default: throw self.error(.invalidEscape, "invalid hex digit in \\u escape")
            }
            value = value << 4 | UInt32(digit)
        }
        return value
    }

    /// Checks one UTF-8 sequence starting at a byte >= 0x80 (no overlongs, no surrogates, <= U+10FFFF).
    private mutating func skipUTF8Sequence() throws(JSONError) {
        let lead = self.bytes[self.position]
        let length: Int
        var lower: UInt8 = 0x80
        var upper: UInt8 = 0xBF
        switch lead {
        case 0xC2...0xDF: length = 2
        case 0xE0: length = 3; lower = 0xA0
        case 0xE1...0xEC, 0xEE...0xEF: length = 3
        case 0xED: length = 3; upper = 0x9F
        case 0xF0: length = 4; lower = 0x90
        case 0xF1...0xF3: length = 4
        case 0xF4: length = 4; upper = 0x8F
        default: throw self.error(.invalidUTF8, "invalid UTF-8: \(Self.describe(lead))")
        }
        guard self.position + length <= self.end else { throw self.error(.invalidUTF8, "truncated UTF-8 sequence") }
        let second = self.bytes[self.position + 1]
        guard second >= lower, second <= upper else { throw self.error(.invalidUTF8, "invalid UTF-8 sequence") }
        for index in 2..<length where self.bytes[self.position + index] & 0xC0 != 0x80 {
            throw self.error(.invalidUTF8, "invalid UTF-8 sequence")
        }
        self.position += length
    }

    private mutating func expectLiteral(_ literal: StaticString, length: Int) throws(JSONError) {
        let available = min(length, self.end - self.position)
        guard memcmp(self.bytes + self.position, literal.utf8Start, available) == 0 else {
            throw self.error(.unexpectedByte, "invalid literal, expected \(literal)")
        }
        guard available == length else {
            // The input ends inside the literal (`tr`): a truncated line, not a wrong byte.
            throw JSONError(.unexpectedEnd, "unexpected end of input", offset: self.end)
        }
        self.position += length
    }

    private mutating func parseNumber(into nodes: inout NodeBuffer) throws(JSONError) {
        let start = self.position
        var negative = false
        if self.bytes[self.position] == UInt8(ascii: "-") {
            negative = true
            self.position += 1
        }
        let digitsStart = self.position
        var magnitude: UInt64 = 0
        var overflow = false
        // 19 digits always fit in a UInt64 (10^19 - 1 < 2^64), so only longer numbers check for overflow.
        let uncheckedEnd = min(self.end, digitsStart + 19)
        while self.position < uncheckedEnd, case let digit = self.bytes[self.position] &- UInt8(ascii: "0"), digit < 10 {
            magnitude = magnitude &* 10 &+ UInt64(digit)
            self.position += 1
        }
        while self.position < self.end, case let digit = self.bytes[self.position] &- UInt8(ascii: "0"), digit < 10 {
            let (times10, o1) = magnitude.multipliedReportingOverflow(by: 10)
            let (sum, o2) = times10.addingReportingOverflow(UInt64(digit))
            overflow = overflow || o1 || o2
            magnitude = sum
            self.position += 1
        }
        let digitCount = self.position - digitsStart
        guard digitCount > 0 else { throw self.error(.invalidNumber, "a number needs digits") }
        guard !(digitCount > 1 && self.bytes[digitsStart] == UInt8(ascii: "0")) else {
            throw self.error(.invalidNumber, "leading zero in a number")
        }
        var isFloat = false
        if self.position < self.end, self.bytes[self.position] == UInt8(ascii: ".") {
            isFloat = true
            self.position += 1
            guard self.skipDigits() > 0 else { throw self.error(.invalidNumber, "a fraction needs digits") }
        }
        if self.position < self.end, self.bytes[self.position] | 0x20 == UInt8(ascii: "e") {
            isFloat = true
            self.position += 1
            if self.position < self.end,
                self.bytes[self.position] == UInt8(ascii: "+") || self.bytes[self.position] == UInt8(ascii: "-")
            {
                self.position += 1
            }
            guard self.skipDigits() > 0 else { throw self.error(.invalidNumber, "an exponent needs digits") }
        }
        let length = UInt32(self.position - start)
        let limit: UInt64 = negative ? UInt64(Int64.max) + 1 : UInt64(Int64.max)
        if !isFloat && !overflow && magnitude <= limit {
            let value = negative ? Int64(truncatingIfNeeded: 0 &- magnitude) : Int64(magnitude)
            nodes.append(
                ValueNode(kind: .integer, length: length, offset: UInt32(start), payload: UInt64(bitPattern: value))
            )
        } else {
            let value = self.parseDouble(from: start, length: Int(length))
            nodes.append(ValueNode(kind: .float, length: length, offset: UInt32(start), payload: value.bitPattern))
        }
    }

    private mutating func skipDigits() -> Int {
        let start = self.position
        while self.position < self.end, self.bytes[self.position] &- UInt8(ascii: "0") < 10 { self.position += 1 }
        return self.position - start
    }

    /// Converts validated number text: exactly, without `strtod`, when its digits make an integer of at
    /// most 2^53 and its decimal exponent is within ±22 (Clinger's fast path: both operands of the one
    /// multiplication or division are exact doubles, so the result is the correctly rounded value, bit
    /// for bit what `strtod` returns); otherwise with `strtod`.
    private func parseDouble(from start: Int, length: Int) -> Double {
        if let value = self.exactDouble(from: start, end: start + length) { return value }
        return self.parseDoubleWithStrtod(from: start, length: length)
    }

    /// Exact powers of ten as doubles (10^22 is the largest one a double holds exactly).
    private static let exactPowersOfTen: [Double] = [
        1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18,
        1e19, 1e20, 1e21, 1e22,
    ]

    /// The fast path of ``parseDouble(from:length:)`` over validated number text `start..<end`; nil when
    /// it does not apply.
    private func exactDouble(from start: Int, end: Int) -> Double? {
        var index = start
        let negative = self.bytes[index] == UInt8(ascii: "-")
        if negative { index += 1 }
        var mantissa: UInt64 = 0
        var digits = 0
        var fractionDigits = 0
        var inFraction = false
        while index < end {
            let byte = self.bytes[index]
            if byte == UInt8(ascii: ".") {
                inFraction = true
            } else if byte &- UInt8(ascii: "0") < 10 {
                // Leading zeros add nothing to the mantissa; 19 digits always fit a UInt64.
                if mantissa != 0 || byte != UInt8(ascii: "0") { digits += 1 }
                guard digits <= 19 else { return nil }
                mantissa = mantissa &* 10 &+ UInt64(byte &- UInt8(ascii: "0"))
                if inFraction { fractionDigits += 1 }
            } else {
                break  // `e` or `E`
            }
            index += 1
        }
        var exponent = 0
        if index < end {
            index += 1  // the validated `e` / `E`
            var exponentNegative = false
            if self.bytes[index] == UInt8(ascii: "-") || self.bytes[index] == UInt8(ascii: "+") {
                exponentNegative = self.bytes[index] == UInt8(ascii: "-")
                index += 1
            }
            guard end - index <= 4 else { return nil }
            while index < end {
                exponent = exponent * 10 + Int(self.bytes[index] &- UInt8(ascii: "0"))
                index += 1
            }
            if exponentNegative { exponent = -exponent }
        }
        let power = exponent - fractionDigits
        guard mantissa <= 1 << 53, power >= -22, power <= 22 else { return nil }
        let magnitude = Double(mantissa)
        let value = power < 0 ? magnitude / Self.exactPowersOfTen[-power] : magnitude * Self.exactPowersOfTen[power]
        return negative ? -value : value
    }

    /// Converts validated number text with `strtod` (numbers are short; a copy makes it NUL-terminated).
    private func parseDoubleWithStrtod(from start: Int, length: Int) -> Double {
        withUnsafeTemporaryAllocation(of: CChar.self, capacity: length + 1) { buffer in
            let base = buffer.baseAddress!
            UnsafeMutableRawPointer(base).copyMemory(from: self.bytes + start, byteCount: length)
            base[length] = 0
            return strtod(base, nil)
        }
    }

    /// Skips JSON whitespace. A byte above `0x20` (every token; compact NDJSON has no whitespace) ends the
    /// loop with one comparison.
    @inline(__always)
    private mutating func skipWhitespace() {
        while self.position < self.end {
            let byte = self.bytes[self.position]
            if byte > 0x20 { return }
            switch byte {
            case UInt8(ascii: " "), UInt8(ascii: "\t"): self.position += 1
            case UInt8(ascii: "\n"), UInt8(ascii: "\r"):
                self.sawLineBreak = true
                self.position += 1
            default: return
            }
        }
    }

    private func error(_ code: JSONError.Code, _ message: String) -> JSONError {
        JSONError(code, message, offset: self.position)
    }

    private static func describe(_ byte: UInt8) -> String {
        if byte >= 0x21 && byte < 0x7F { return "'\(Character(Unicode.Scalar(byte)))'" }
        let hex = String(byte, radix: 16, uppercase: true)
        return "byte 0x\(byte < 16 ? "0" : "")\(hex)"
    }
}
