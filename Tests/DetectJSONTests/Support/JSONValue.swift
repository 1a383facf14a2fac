import DetectCore
import DetectJSON

/// A JSON value read back from a ``ValueTape`` (strings decoded), so tests can compare whole trees.
indirect enum JSONValue: Equatable, Sendable, CustomStringConvertible {
    case string(String)
    case integer(Int64)
    /// Compared by bit pattern, so `-0.0` differs from `0.0`.
    case float(Double)
    case bool(Bool)
    case null
    case array([JSONValue])
    case object([Member])

    struct Member: Equatable, Sendable {
        var key: String
        var value: JSONValue

        init(_ key: String, _ value: JSONValue) {
            self.key = key
            self.value = value
        }
    }

    static func == (lhs: JSONValue, rhs: JSONValue) -> Bool {
        switch (lhs, rhs) {
        case let (.string(l), .string(r)): l == r
        case let (.integer(l), .integer(r)): l == r
        case let (.float(l), .float(r)): l.bitPattern == r.bitPattern
        case let (.bool(l), .bool(r)): l == r
        case (.null, .null): true
        case let (.array(l), .array(r)): l == r
        case let (.object(l), .object(r)): l == r
        default: false
        }
    }

    var description: String {
        switch self {
        case .string(let text): "string(\(text.debugDescription))"
        case .integer(let value): "integer(\(value))"
        case .float(let value): "float(\(value))"
        case .bool(let value): "bool(\(value))"
        case .null: "null"
        case .array(let elements): "[" + elements.map(\.description).joined(separator: ", ") + "]"
        case .object(let members):
            "{" + members.map { "\($0.key.debugDescription): \($0.value)" }.joined(separator: ", ") + "}"
        }
    }

    /// Reads the value at `index` of `tape`, decoding escaped strings.
    init(tape: ValueTape, at index: Int) {
        let node = tape.nodes[index]
        switch node.kind {
        case .string:
            let raw = tape.withText(of: index) { Array($0) }
            self = .string(node.isEscaped ? unescapeJSONString(raw) : String(decoding: raw, as: UTF8.self))
        case .integer: self = .integer(node.integer)
        case .float: self = .float(node.float)
        case .bool: self = .bool(node.bool)
        case .null: self = .null
        case .array: self = .array(tape.elements(of: index).map { JSONValue(tape: tape, at: $0) })
        case .object:
            var members: [Member] = []
            tape.forEachMember(of: index) { key, value in
                guard case .string(let name) = JSONValue(tape: tape, at: key) else {
                    preconditionFailure("object key is not a string node")
                }
                members.append(Member(name, JSONValue(tape: tape, at: value)))
            }
            self = .object(members)
        }
    }

    /// Appends this value to `tape` the way the normalizer builds values (strings unescaped, numbers without
    /// text); returns its node index.
    @discardableResult
    func append(to tape: inout ValueTape) -> Int {
        switch self {
        case .string(let text): return tape.appendString(text)
        case .integer(let value): return tape.appendInteger(value)
        case .float(let value): return tape.appendFloat(value)
        case .bool(let value): return tape.appendBool(value)
        case .null: return tape.appendNull()
        case .array(let elements):
            let head = tape.openContainer(.array)
            for element in elements { element.append(to: &tape) }
            tape.closeContainer(head, count: elements.count)
            return head
        case .object(let members):
            let head = tape.openContainer(.object)
            for member in members {
                tape.appendString(member.key)
                member.value.append(to: &tape)
            }
            tape.closeContainer(head, count: members.count)
            return head
        }
    }

    /// This value written by ``JSONWriter``.
    var written: [UInt8] {
        var tape = ValueTape()
        let root = self.append(to: &tape)
        var writer = JSONWriter()
        writer.writeValue(tape, at: root)
        return writer.output
    }
}

/// Decodes the body of a JSON string that the parser accepted (escapes resolved, surrogate pairs joined).
func unescapeJSONString(_ raw: [UInt8]) -> String {
    var scalars = String.UnicodeScalarView()
    var bytes: [UInt8] = []
    func flush() {
        scalars.append(contentsOf: String(decoding: bytes, as: UTF8.self).unicodeScalars)
        bytes.removeAll()
    }
    func hex(_ at: Int) -> UInt32 { UInt32(String(decoding: raw[at..<at + 4], as: UTF8.self), radix: 16)! }
    var index = 0
    while index < raw.count {
        guard raw[index] == UInt8(ascii: "\\") else {
            bytes.append(raw[index])
            index += 1
            continue
        }
        flush()
        let escape = raw[index + 1]
        index += 2
        switch escape {
        case UInt8(ascii: "b"): scalars.append("\u{08}")
        case UInt8(ascii: "f"): scalars.append("\u{0C}")
        case UInt8(ascii: "n"): scalars.append("\n")
        case UInt8(ascii: "r"): scalars.append("\r")
        case UInt8(ascii: "t"): scalars.append("\t")
        case UInt8(ascii: "u"):
            var unit = hex(index)
            index += 4
            if (0xD800...0xDBFF).contains(unit) {
                let low = hex(index + 2)
                index += 6
                unit = 0x10000 + ((unit - 0xD800) << 10) + (low - 0xDC00)
            }
            scalars.append(Unicode.Scalar(unit)!)
        default: scalars.append(Unicode.Scalar(escape))
        }
    }
    flush()
    return String(scalars)
}

/// Parses `bytes` into a fresh tape and reads the result back.
func parseValue(_ bytes: [UInt8], parser: JSONParser = JSONParser()) throws(JSONError) -> JSONValue {
    var tape = ValueTape()
    let root = try parse(bytes, into: &tape, parser: parser)
    return JSONValue(tape: tape, at: root)
}

func parseValue(_ text: String, parser: JSONParser = JSONParser()) throws(JSONError) -> JSONValue {
    try parseValue(Array(text.utf8), parser: parser)
}

/// The error parsing `bytes` throws, or `nil` when it parses.
func parseError(_ bytes: [UInt8], parser: JSONParser = JSONParser()) -> JSONError? {
    do {
        _ = try parseValue(bytes, parser: parser)
        return nil
    } catch {
        return error
    }
}

func parseError(_ text: String, parser: JSONParser = JSONParser()) -> JSONError? {
    parseError(Array(text.utf8), parser: parser)
}

/// Parses `bytes` into `tape` and returns the root node.
func parse(_ bytes: [UInt8], into tape: inout ValueTape, parser: JSONParser = JSONParser()) throws(JSONError) -> Int {
    let result: Result<Int, JSONError> = bytes.withUnsafeBytes { buffer in
        do throws(JSONError) {
            return .success(try parser.parse(buffer, into: &tape))
        } catch {
            return .failure(error)
        }
    }
    return try result.get()
}

func parse(_ text: String, into tape: inout ValueTape) throws(JSONError) -> Int {
    try parse(Array(text.utf8), into: &tape)
}

/// Parses, then writes the root value back.
func roundTrip(_ bytes: [UInt8]) throws(JSONError) -> [UInt8] {
    var tape = ValueTape()
    let root = try parse(bytes, into: &tape)
    var writer = JSONWriter()
    writer.writeValue(tape, at: root)
    return writer.output
}

extension Array where Element == UInt8 {
    var text: String { String(decoding: self, as: UTF8.self) }
}
