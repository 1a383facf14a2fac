import DetectECS
import Foundation

/// A JSON document flattened to dotted leaf paths with comparable text values.
///
/// Arrays of scalars are one leaf (their elements sorted: Sekoia writes lists sorted), objects inside
/// arrays become canonical JSON, numbers are written without a trailing `.0`.
struct FlatDocument {
    var leaves: [String: String] = [:]

    init(_ object: Any) {
        self.flatten(object, prefix: "")
    }

    init(json: Data) throws {
        self.init(try JSONSerialization.jsonObject(with: json))
    }

    private mutating func flatten(_ value: Any, prefix: String) {
        if let object = value as? [String: Any] {
            for (key, child) in object {
                self.flatten(child, prefix: prefix.isEmpty ? key : "\(prefix).\(key)")
            }
        } else {
            self.leaves[prefix] = Self.canonical(value)
        }
    }

    static func canonical(_ value: Any) -> String {
        switch value {
        case let string as String: return string
        case let number as NSNumber:
            if String(cString: number.objCType) == "c" { return number.boolValue ? "true" : "false" }
            let double = number.doubleValue
            if double == double.rounded(), abs(double) < 1e18 { return String(Int64(double)) }
            return String(double)
        case let array as [Any]: return "[" + array.map(Self.canonical).sorted().joined(separator: ",") + "]"
        case let object as [String: Any]:
            return "{" + object.keys.sorted().map { "\($0):\(Self.canonical(object[$0]!))" }.joined(separator: ",") + "}"
        case is NSNull: return "null"
        default: return "\(value)"
        }
    }

    /// Whether two leaf values agree: equal text, or the same instant (to the millisecond) when both are
    /// timestamps, or the same number.
    static func agree(_ expected: String, _ actual: String) -> Bool {
        if expected == actual { return true }
        if let left = EventTime.parse(expected), let right = EventTime.parse(actual), expected.contains("-") {
            return left.microsecondsSinceEpoch / 1000 == right.microsecondsSinceEpoch / 1000
        }
        if let left = Double(expected), let right = Double(actual) { return left == right }
        return false
    }
}
