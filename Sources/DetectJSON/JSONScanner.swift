import DetectCore
import Glibc

/// The byte-level state machine behind ``JSONParser``: one pass, no recursion, no allocation beyond
/// the node array.
///
/// The hot path works on a local position (kept in a register) and scans string bodies eight bytes at
/// a time (``StringBlock``); escapes, control characters, non-ASCII bytes and the last few bytes of the
/// input go to a general loop, and errors are built out of line.
struct JSONScanner {
    private let bytes: UnsafePointer<UInt8>
    private let start: Int
    private let end: Int
    private let maxDepth: Int

    /// - Precondition: `end` fits the 32-bit offsets of ``ValueNode``.
    init(bytes: UnsafePointer<UInt8>, start: Int, end: Int, maxDepth: Int) {
        precondition(end <= Int(UInt32.max), "JSON text beyond 4 GiB")
        self.bytes = bytes
        self.start = start
        self.end = end
        self.maxDepth = maxDepth
    }

    /// Parses the document from `start` to `end`; returns the index of its root node.
    ///
    /// - Parameter sawLineBreak: Set when whitespace between tokens held a line break: container texts
    ///   are then not copied as they are (one JSON line must stay one line), so their spans are dropped.
    /// - Parameter keyPrediction: The keys tried first; it tells afterwards whether they all matched.
    func parseDocument(
        into nodeBuffer: inout NodeBuffer, stack containerStack: inout ContainerStack, sawLineBreak: inout Bool,
        keys keyPrediction: inout KeyPrediction
    ) throws(JSONError) -> Int {
        // Local copies, written back on the way out, so that the loop keeps them in registers.
        var nodes = nodeBuffer
        var stack = containerStack
        var lineBreak = false
        var prediction = keyPrediction
        defer {
            nodeBuffer = nodes
            containerStack = stack
            sawLineBreak = lineBreak
            keyPrediction = prediction
        }
        let root = nodes.nextIndex
        var position = self.skipWhitespace(from: self.start, &lineBreak)
        // Set where an object member starts, so that keys are parsed at this one place.
        var atKey = false
        // The innermost open container's child count and kind, kept here (`stack` holds the enclosing
        // containers' counts) so that counting a child touches no memory.
        var count: UInt32 = 0
        var inObject = false
        value: while true {
            if atKey {
                // `"key":`, tried first as the predicted member prefix (see `KeyPrediction`).
                atKey = false
                let available = self.end &- position
                if let key = prediction.match(self.bytes + position, available: available, depth: stack.count) {
                    nodes.append(
                        ValueNode(
                            kind: .string, isEscaped: key.isEscaped, isVerbatim: true,
                            length: UInt32(truncatingIfNeeded: key.length),
                            offset: UInt32(truncatingIfNeeded: position &+ 1), payload: 0
                        )
                    )
                    position = self.skipWhitespace(from: position &+ key.length &+ 3, &lineBreak)
                } else {
                    position = try self.parseKey(at: position, into: &nodes, &lineBreak)
                }
            }
            guard position < self.end else { throw Self.error(.unexpectedEnd, "unexpected end of input", at: position) }
            let byte = self.bytes[position]
            switch byte {
            case UInt8(ascii: "\""):
                position = try self.parseString(at: position, into: &nodes)
            case UInt8(ascii: "{"), UInt8(ascii: "["):
                let isObject = byte == UInt8(ascii: "{")
                guard stack.count < self.maxDepth else { throw Self.tooDeep(self.maxDepth, at: position) }
                let container = nodes.nextIndex
                let spanStart = UInt64(position) << 32
                nodes.append(ValueNode(kind: isObject ? .object : .array, length: 0, offset: 0, payload: spanStart))
                position = self.skipWhitespace(from: position &+ 1, &lineBreak)
                let close = isObject ? UInt8(ascii: "}") : UInt8(ascii: "]")
                if position < self.end, self.bytes[position] == close {
                    position &+= 1
                    nodes[container].offset = UInt32(truncatingIfNeeded: nodes.nextIndex)
                    nodes[container].payload |= UInt64(position)
                } else {
                    stack.push(ContainerStack.Entry(node: container, enclosingCount: count, isObject: isObject))
                    count = 0
                    inObject = isObject
                    atKey = isObject
                    continue value
                }
            case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"):
                position = try self.parseNumber(at: position, into: &nodes)
            case UInt8(ascii: "t"):
                position = try self.expectLiteral("true", length: 4, at: position)
                nodes.append(ValueNode(kind: .bool, length: 0, offset: 0, payload: 1))
            case UInt8(ascii: "f"):
                position = try self.expectLiteral("false", length: 5, at: position)
                nodes.append(ValueNode(kind: .bool, length: 0, offset: 0, payload: 0))
            case UInt8(ascii: "n"):
                position = try self.expectLiteral("null", length: 4, at: position)
                nodes.append(ValueNode(kind: .null, length: 0, offset: 0, payload: 0))
            default:
                throw Self.unexpected(byte, " where a value was expected", at: position)
            }

            // After a value: close containers that end here, or move to the next member.
            while true {
                guard !stack.isEmpty else {
                    position = self.skipWhitespace(from: position, &lineBreak)
                    guard position == self.end else {
                        throw Self.error(.trailingContent, "content after the JSON value", at: position)
                    }
                    return root
                }
                count &+= 1
                position = self.skipWhitespace(from: position, &lineBreak)
                guard position < self.end else { throw Self.error(.unexpectedEnd, "unexpected end of input", at: position) }
                let byte = self.bytes[position]
                let isObject = inObject
                if byte == UInt8(ascii: ",") {
                    position = self.skipWhitespace(from: position &+ 1, &lineBreak)
                    atKey = isObject
                    continue value
                }
                guard byte == (isObject ? UInt8(ascii: "}") : UInt8(ascii: "]")) else {
                    throw Self.unexpected(byte, isObject ? ", expected ',' or '}'" : ", expected ',' or ']'", at: position)
                }
                position &+= 1
                let container = stack.pop()
                nodes[container.node].length = count
                nodes[container.node].offset = UInt32(truncatingIfNeeded: nodes.nextIndex)
                nodes[container.node].payload |= UInt64(position)
                count = container.enclosingCount
                inObject = !stack.isEmpty && stack.top.isObject
            }
        }
    }

    // MARK: - Strings

    /// Parses the key at `position` (where its opening quote should be) and the `:` after it; returns the
    /// position of the member's value.
    private func parseKey(
        at position: Int, into nodes: inout NodeBuffer, _ lineBreak: inout Bool
    ) throws(JSONError) -> Int {
        guard position < self.end else { throw Self.error(.unexpectedEnd, "unexpected end of input", at: position) }
        guard self.bytes[position] == UInt8(ascii: "\"") else {
            throw Self.unexpected(self.bytes[position], ", expected a key", at: position)
        }
        var colon = self.skipWhitespace(from: try self.parseString(at: position, into: &nodes), &lineBreak)
        guard colon < self.end else { throw Self.error(.unexpectedEnd, "unexpected end of input", at: colon) }
        guard self.bytes[colon] == UInt8(ascii: ":") else {
            throw Self.error(.unexpectedByte, "expected ':' after a key", at: colon)
        }
        colon &+= 1
        return self.skipWhitespace(from: colon, &lineBreak)
    }

    /// Parses the string whose opening quote is at `quote`; returns the position after its closing quote.
    @inline(__always)
    private func parseString(at quote: Int, into nodes: inout NodeBuffer) throws(JSONError) -> Int {
        let start = quote &+ 1
        var position = start
        // Whole words of plain bytes; the first special byte (or too few bytes left) ends the loop.
        while position &+ 8 <= self.end {
            let special = StringBlock.specialBytes(UnsafeRawPointer(self.bytes + position).loadUnaligned(as: UInt64.self))
            if special != 0 {
                position &+= special.trailingZeroBitCount &>> 3
                break
            }
            position &+= 8
        }
        var escaped = false
        if position >= self.end || self.bytes[position] != UInt8(ascii: "\"") {
            (position, escaped) = try self.scanStringRest(from: position)
        }
        nodes.append(
            ValueNode(
                kind: .string, isEscaped: escaped, isVerbatim: true, length: UInt32(truncatingIfNeeded: position &- start),
                offset: UInt32(truncatingIfNeeded: start), payload: 0
            )
        )
        return position &+ 1
    }

    /// The general string loop from `position` (inside a string body) to the closing quote: validates
    /// escapes and UTF-8 and rejects control characters. Returns the quote's position and whether the
    /// body has escapes.
    private func scanStringRest(from start: Int) throws(JSONError) -> (quote: Int, escaped: Bool) {
        var position = start
        var escaped = false
        while true {
            while position &+ 8 <= self.end {
                let special = StringBlock.specialBytes(
                    UnsafeRawPointer(self.bytes + position).loadUnaligned(as: UInt64.self))
                if special != 0 {
                    position &+= special.trailingZeroBitCount &>> 3
                    break
                }
                position &+= 8
            }
            while position < self.end, !StringBlock.isSpecial(self.bytes[position]) { position &+= 1 }
            guard position < self.end else { throw Self.error(.unexpectedEnd, "unterminated string", at: position) }
            let byte = self.bytes[position]
            if byte == UInt8(ascii: "\"") { return (position, escaped) }
            if byte == UInt8(ascii: "\\") {
                escaped = true
                position = try self.skipEscape(at: position)
            } else if byte < 0x20 {
                throw Self.error(.invalidString, "control character \(Self.describe(byte)) in a string", at: position)
            } else {
                position = try self.skipUTF8Sequence(at: position)
            }
        }
    }

    /// Skips the escape at `position` (a `\`); returns the position after it.
    private func skipEscape(at position: Int) throws(JSONError) -> Int {
        guard position + 1 < self.end else { throw Self.error(.unexpectedEnd, "unterminated escape", at: position) }
        switch self.bytes[position + 1] {
        case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"), UInt8(ascii: "b"), UInt8(ascii: "f"),
            UInt8(ascii: "n"), UInt8(ascii: "r"), UInt8(ascii: "t"):
            return position + 2
        case UInt8(ascii: "u"):
            let unit = try self.hexUnit(at: position + 2, escape: position)
            guard !(0xDC00...0xDFFF).contains(unit) else {
                throw Self.error(.invalidEscape, "unpaired UTF-16 surrogate in \\u escape", at: position)
            }
            let next = position + 6
            guard (0xD800...0xDBFF).contains(unit) else { return next }
            // Input that ends where the low surrogate should start is truncated, not unpaired.
            let remaining = self.end - next
            if remaining == 0 || (remaining == 1 && self.bytes[next] == UInt8(ascii: "\\")) {
                throw Self.error(.unexpectedEnd, "unterminated \\u escape", at: self.end)
            }
            guard next + 1 < self.end, self.bytes[next] == UInt8(ascii: "\\"), self.bytes[next + 1] == UInt8(ascii: "u"),
                (0xDC00...0xDFFF).contains(try self.hexUnit(at: next + 2, escape: next))
            else { throw Self.error(.invalidEscape, "unpaired UTF-16 surrogate in \\u escape", at: next) }
            return next + 6
        default:
            throw Self.error(.invalidEscape, "invalid escape \\\(Self.describe(self.bytes[position + 1]))", at: position)
        }
    }

    /// The four hex digits at `offset` of the `\u` escape at `escape` (errors are reported there).
    private func hexUnit(at offset: Int, escape: Int) throws(JSONError) -> UInt32 {
        guard offset + 4 <= self.end else { throw Self.error(.unexpectedEnd, "unterminated \\u escape", at: escape) }
        var value: UInt32 = 0
        for index in offset..<offset + 4 {
            let byte = self.bytes[index]
            let digit: UInt8
            switch byte {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): digit = byte - UInt8(ascii: "0")
            case UInt8(ascii: "a")...UInt8(ascii: "f"): digit = byte - UInt8(ascii: "a") + 10
            case UInt8(ascii: "A")...UInt8(ascii: "F"): digit = byte - UInt8(ascii: "A") + 10
            default: throw Self.error(.invalidEscape, "invalid hex digit in \\u escape", at: escape)
            }
            value = value << 4 | UInt32(digit)
        }
        return value
    }

    /// Checks the UTF-8 sequence at `position`, whose lead byte is >= 0x80 (no overlongs, no surrogates,
    /// <= U+10FFFF); returns the position after it.
    private func skipUTF8Sequence(at position: Int) throws(JSONError) -> Int {
        let lead = self.bytes[position]
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
        default: throw Self.error(.invalidUTF8, "invalid UTF-8: \(Self.describe(lead))", at: position)
        }
        guard position + length <= self.end else {
            throw Self.error(.invalidUTF8, "truncated UTF-8 sequence", at: position)
        }
        let second = self.bytes[position + 1]
        guard second >= lower, second <= upper else {
            throw Self.error(.invalidUTF8, "invalid UTF-8 sequence", at: position)
        }
        for index in 2..<length where self.bytes[position + index] & 0xC0 != 0x80 {
            throw Self.error(.invalidUTF8, "invalid UTF-8 sequence", at: position)
        }
        return position + length
    }

    // MARK: - Literals and numbers

    /// Checks the literal at `position`; returns the position after it.
    private func expectLiteral(_ literal: StaticString, length: Int, at position: Int) throws(JSONError) -> Int {
        let available = min(length, self.end - position)
        guard memcmp(self.bytes + position, literal.utf8Start, available) == 0 else {
            throw Self.error(.unexpectedByte, "invalid literal, expected \(literal)", at: position)
        }
        guard available == length else {
            // The input ends inside the literal (`tr`): a truncated line, not a wrong byte.
            throw Self.error(.unexpectedEnd, "unexpected end of input", at: self.end)
        }
        return position + length
    }

    /// Parses the number at `start`; returns the position after it.
    @inline(__always)
    private func parseNumber(at start: Int, into nodes: inout NodeBuffer) throws(JSONError) -> Int {
        var position = start
        let negative = self.bytes[position] == UInt8(ascii: "-")
        if negative { position &+= 1 }
        let digitsStart = position
        var magnitude: UInt64 = 0
        // 19 digits always fit in a UInt64 (10^19 - 1 < 2^64); longer numbers take the general path.
        let uncheckedEnd = min(self.end, digitsStart &+ 19)
        while position < uncheckedEnd, case let digit = self.bytes[position] &- UInt8(ascii: "0"), digit < 10 {
            magnitude = magnitude &* 10 &+ UInt64(digit)
            position &+= 1
        }
        // A plain integer of at most 19 digits (no leading zero) that fits an Int64 ends here: the common
        // case, nanosecond timestamps included.
        let digitCount = position &- digitsStart
        let limit: UInt64 = negative ? UInt64(Int64.max) &+ 1 : UInt64(Int64.max)
        if digitCount > 0, magnitude <= limit, position < self.end,
            !Self.continuesNumber(self.bytes[position]), digitCount == 1 || self.bytes[digitsStart] != UInt8(ascii: "0")
        {
            let value = negative ? Int64(truncatingIfNeeded: 0 &- magnitude) : Int64(truncatingIfNeeded: magnitude)
            nodes.append(
                ValueNode(
                    kind: .integer, length: UInt32(truncatingIfNeeded: position &- start),
                    offset: UInt32(truncatingIfNeeded: start), payload: UInt64(bitPattern: value)
                )
            )
            return position
        }
        return try self.parseNumberRest(from: start, into: &nodes)
    }

    /// Whether `byte` may continue a number after its integer digits (a digit, `.`, `e` or `E`).
    @inline(__always)
    private static func continuesNumber(_ byte: UInt8) -> Bool {
        byte &- UInt8(ascii: "0") < 10 || byte == UInt8(ascii: ".") || byte | 0x20 == UInt8(ascii: "e")
    }

    /// The general number path: long integers, fractions, exponents, and malformed numbers.
    private func parseNumberRest(from start: Int, into nodes: inout NodeBuffer) throws(JSONError) -> Int {
        var position = start
        let negative = self.bytes[position] == UInt8(ascii: "-")
        if negative { position += 1 }
        let digitsStart = position
        var magnitude: UInt64 = 0
        var overflow = false
        while position < self.end, case let digit = self.bytes[position] &- UInt8(ascii: "0"), digit < 10 {
            let (times10, o1) = magnitude.multipliedReportingOverflow(by: 10)
            let (sum, o2) = times10.addingReportingOverflow(UInt64(digit))
            overflow = overflow || o1 || o2
            magnitude = sum
            position += 1
        }
        let digitCount = position - digitsStart
        guard digitCount > 0 else { throw Self.error(.invalidNumber, "a number needs digits", at: position) }
        guard !(digitCount > 1 && self.bytes[digitsStart] == UInt8(ascii: "0")) else {
            throw Self.error(.invalidNumber, "leading zero in a number", at: position)
        }
        var isFloat = false
        if position < self.end, self.bytes[position] == UInt8(ascii: ".") {
            isFloat = true
            position += 1
            let fractionStart = position
            position = self.skipDigits(from: position)
            guard position > fractionStart else {
                throw Self.error(.invalidNumber, "a fraction needs digits", at: position)
            }
        }
        if position < self.end, self.bytes[position] | 0x20 == UInt8(ascii: "e") {
            isFloat = true
            position += 1
            if position < self.end, self.bytes[position] == UInt8(ascii: "+") || self.bytes[position] == UInt8(ascii: "-") {
                position += 1
            }
            let exponentStart = position
            position = self.skipDigits(from: position)
            guard position > exponentStart else {
                throw Self.error(.invalidNumber, "an exponent needs digits", at: position)
            }
        }
        let length = UInt32(truncatingIfNeeded: position - start)
        let limit: UInt64 = negative ? UInt64(Int64.max) + 1 : UInt64(Int64.max)
        if !isFloat && !overflow && magnitude <= limit {
            let value = negative ? Int64(truncatingIfNeeded: 0 &- magnitude) : Int64(magnitude)
            nodes.append(
                ValueNode(
                    kind: .integer, length: length, offset: UInt32(truncatingIfNeeded: start),
                    payload: UInt64(bitPattern: value)
                )
            )
        } else {
            let value = self.parseDouble(from: start, length: Int(length))
            nodes.append(
                ValueNode(kind: .float, length: length, offset: UInt32(truncatingIfNeeded: start), payload: value.bitPattern)
            )
        }
        return position
    }

    private func skipDigits(from start: Int) -> Int {
        var position = start
        while position < self.end, self.bytes[position] &- UInt8(ascii: "0") < 10 { position += 1 }
        return position
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

    // MARK: - Whitespace and errors

    /// The first position from `position` on that is not JSON whitespace. A byte above `0x20` (every
    /// token; compact NDJSON has no whitespace) returns at once.
    @inline(__always)
    private func skipWhitespace(from position: Int, _ lineBreak: inout Bool) -> Int {
        guard position < self.end, self.bytes[position] <= 0x20 else { return position }
        return self.skipWhitespaceRun(from: position, &lineBreak)
    }

    private func skipWhitespaceRun(from start: Int, _ lineBreak: inout Bool) -> Int {
        var position = start
        while position < self.end {
            switch self.bytes[position] {
            case UInt8(ascii: " "), UInt8(ascii: "\t"): position += 1
            case UInt8(ascii: "\n"), UInt8(ascii: "\r"):
                lineBreak = true
                position += 1
            default: return position
            }
        }
        return position
    }

    @inline(never)
    private static func error(_ code: JSONError.Code, _ message: String, at offset: Int) -> JSONError {
        JSONError(code, message, offset: offset)
    }

    /// `unexpected <byte><context>` at `offset`.
    @inline(never)
    private static func unexpected(_ byte: UInt8, _ context: StaticString, at offset: Int) -> JSONError {
        JSONError(.unexpectedByte, "unexpected \(Self.describe(byte))\(context)", offset: offset)
    }

    @inline(never)
    private static func tooDeep(_ maxDepth: Int, at offset: Int) -> JSONError {
        JSONError(.tooDeep, "nesting deeper than \(maxDepth)", offset: offset)
    }

    private static func describe(_ byte: UInt8) -> String {
        if byte >= 0x21 && byte < 0x7F { return "'\(Character(Unicode.Scalar(byte)))'" }
        let hex = String(byte, radix: 16, uppercase: true)
        return "byte 0x\(byte < 16 ? "0" : "")\(hex)"
    }
}
