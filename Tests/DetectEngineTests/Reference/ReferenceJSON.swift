import Foundation

/// A JSON value as Foundation's `JSONSerialization` gives it, classified for the reference interpreter.
enum ReferenceJSON {
    case string(String)
    case integer(Int64)
    case float(Double)
    case bool(Bool)
    case null
    case array([Any])
    case object([String: Any])

    init(_ value: Any) {
        switch value {
        case let string as String:
            self = .string(string)
        case is NSNull:
            self = .null
        case let array as [Any]:
            self = .array(array)
        case let object as [String: Any]:
            self = .object(object)
        case let number as NSNumber:
            switch String(cString: number.objCType) {
            case "c", "B": self = .bool(number.boolValue)
            case "d", "f": self = .float(number.doubleValue)
            default: self = .integer(number.int64Value)
            }
        default:
            self = .null
        }
    }

    /// The text of a scalar as the engine sees it (integers in decimal, floats in Swift's shortest form,
    /// booleans as `true`/`false`); `nil` for null, arrays and objects.
    var text: String? {
        switch self {
        case .string(let string): string
        case .integer(let value): String(value)
        case .float(let value): "\(value)"
        case .bool(let value): value ? "true" : "false"
        case .null, .array, .object: nil
        }
    }

    var isNull: Bool {
        if case .null = self { return true }
        return false
    }

    /// Parses a JSON object text.
    static func object(_ text: String) throws -> [String: Any] {
        guard let object = try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any] else {
            throw EngineTestSupport.SetupError(message: "not a JSON object: \(text)")
        }
        return object
    }

    /// The values at a dotted path: every way of spelling the path with nested objects and flat dotted
    /// keys, stepping into arrays of objects; arrays at the end are flattened.
    static func resolve(_ path: String, in object: [String: Any]) -> [ReferenceJSON] {
        let segments = path.split(separator: ".", omittingEmptySubsequences: false).map(String.init)
        var found: [ReferenceJSON] = []
        Self.walk(.object(object), segments[...], into: &found)
        return found
    }

    private static func walk(_ value: ReferenceJSON, _ segments: ArraySlice<String>, into found: inout [ReferenceJSON])
    {
        switch value {
        case .object(let object):
            for (key, member) in object {
                for length in 1...segments.count
                where key == segments.prefix(length).joined(separator: ".") {
                    if length == segments.count {
                        Self.flatten(ReferenceJSON(member), into: &found)
                    } else {
                        Self.walk(ReferenceJSON(member), segments.dropFirst(length), into: &found)
                    }
                }
            }
        case .array(let elements):
            for element in elements { Self.walk(ReferenceJSON(element), segments, into: &found) }
        default:
            return
        }
    }

    private static func flatten(_ value: ReferenceJSON, into found: inout [ReferenceJSON]) {
        if case .array(let elements) = value {
            for element in elements { Self.flatten(ReferenceJSON(element), into: &found) }
        } else {
            found.append(value)
        }
    }

    /// Every string value (not key) anywhere in the document.
    static func strings(in value: Any) -> [String] {
        switch ReferenceJSON(value) {
        case .string(let string): [string]
        case .array(let elements): elements.flatMap { Self.strings(in: $0) }
        case .object(let object): object.values.flatMap { Self.strings(in: $0) }
        default: []
        }
    }
}
