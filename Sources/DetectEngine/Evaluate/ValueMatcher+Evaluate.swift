internal import DetectCore
internal import DetectMatch
internal import DetectRules

extension ValueMatcher {
    /// Tests one scalar value: its node (kind and number) and its text.
    ///
    /// - Parameters:
    ///   - node: The value's node (string, integer, float or boolean).
    ///   - text: The value's text (decoded for escaped strings).
    ///   - regex: PCRE2 working memory of the calling thread, if any.
    /// - Returns: `.limitExceeded` only for a regular expression that hit a ``RegexLimits`` limit.
    @inline(__always)
    func evaluate(_ node: ValueNode, text: UnsafeRawBufferPointer, regex: RegexScratch?) -> RegexOutcome {
        switch self {
        case .nothing:
            return .noMatch
        case .pattern(let matcher):
            return matcher.matches(text) ? .match : .noMatch
        case .exactSet(let set):
            return set.contains(text) ? .match : .noMatch
        case .prefixSet(let set):
            return set.matches(text) ? .match : .noMatch
        case .suffixSet(let set):
            return set.matches(text) ? .match : .noMatch
        case .substringSet(let automaton):
            return automaton.containsAny(text) ? .match : .noMatch
        case .number(let number):
            return Self.equals(number, node: node, text: text) ? .match : .noMatch
        case .bool(let flag):
            return Self.equals(flag, node: node, text: text) ? .match : .noMatch
        case .regex(let pattern):
            if let regex { return pattern.evaluate(text, scratch: regex) }
            return pattern.evaluate(text)
        case .network(let set):
            return node.kind == .string && set.contains(text) ? .match : .noMatch
        case .comparison(let comparison, let bound):
            guard let value = Self.number(node: node, text: text) else { return .noMatch }
            return Self.compare(value, comparison, bound) ? .match : .noMatch
        case .timePart(let part, let comparison, let bound):
            guard node.kind == .string, let parts = TimestampParts(text), let value = parts.value(of: part) else {
                return .noMatch
            }
            let matched = comparison.map { Self.compare(Double(value), $0, bound) } ?? (Double(value) == bound)
            return matched ? .match : .noMatch
        }
    }

    /// Numeric equality: numbers and numeric strings as numbers (integers exactly), other text as text.
    private static func equals(_ number: NumberEquality, node: ValueNode, text: UnsafeRawBufferPointer) -> Bool {
        switch node.kind {
        case .integer:
            if let integer = number.integer { return node.integer == integer }
            return Double(node.integer) == number.value
        case .float:
            return node.float == number.value
        case .string:
            if let parsed = NumericText.parse(text) {
                if let integer = parsed.integer, let expected = number.integer { return integer == expected }
                return parsed.double == number.value
            }
            return number.text.matches(text)
        default:
            return false
        }
    }

    /// Boolean equality: JSON booleans, and the strings `true` / `false` in any case.
    private static func equals(_ flag: Bool, node: ValueNode, text: UnsafeRawBufferPointer) -> Bool {
        switch node.kind {
        case .bool:
            return node.bool == flag
        case .string:
            let expected = flag ? "true" : "false"
            guard text.count == expected.utf8.count else { return false }
            return zip(text, expected.utf8).allSatisfy { $0 | 0x20 == $1 }
        default:
            return false
        }
    }

    /// The number of an integer, float or numeric-string value.
    private static func number(node: ValueNode, text: UnsafeRawBufferPointer) -> Double? {
        switch node.kind {
        case .integer: Double(node.integer)
        case .float: node.float
        case .string: NumericText.parse(text)?.double
        default: nil
        }
    }

    private static func compare(_ value: Double, _ comparison: DetectionItem.Comparison, _ bound: Double) -> Bool {
        switch comparison {
        case .lt: value < bound
        case .lte: value <= bound
        case .gt: value > bound
        case .gte: value >= bound
        }
    }
}
