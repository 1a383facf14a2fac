internal import DetectCore
internal import DetectMatch
internal import DetectRules

extension MatcherStore {
    /// Tests one scalar value (its node and its text) with the matcher `ref` describes.
    ///
    /// - Returns: `.limitExceeded` only for a regular expression that hit a ``RegexLimits`` limit.
    @inline(__always)
    func evaluate(_ ref: MatcherRef, node: ValueNode, text: UnsafeRawBufferPointer, regex: RegexScratch?)
        -> RegexOutcome
    {
        let index = Int(ref.index)
        switch ref.kind {
        case .nothing:
            return .noMatch
        case .pattern:
            return self.patterns.withUnsafeBufferPointer { $0[index].matches(text) } ? .match : .noMatch
        case .exactSet:
            return self.exactSets.withUnsafeBufferPointer { $0[index].contains(text) } ? .match : .noMatch
        case .prefixSet:
            return self.prefixSets.withUnsafeBufferPointer { $0[index].matches(text) } ? .match : .noMatch
        case .suffixSet:
            return self.suffixSets.withUnsafeBufferPointer { $0[index].matches(text) } ? .match : .noMatch
        case .substringSet:
            return self.substringSets.withUnsafeBufferPointer { $0[index].containsAny(text) } ? .match : .noMatch
        case .number:
            return Self.equals(self.numbers[index], node: node, text: text) ? .match : .noMatch
        case .bool:
            return Self.equals(ref.flag, node: node, text: text) ? .match : .noMatch
        case .regex:
            if let regex { return self.regexes[index].evaluate(text, scratch: regex) }
            return self.regexes[index].evaluate(text)
        case .regexSet:
            return self.regexSets[index].evaluate(text, scratch: regex)
        case .network:
            return node.kind == .string && self.networks.withUnsafeBufferPointer { $0[index].contains(text) }
                ? .match : .noMatch
        case .comparison:
            guard let comparison = ref.comparison, let value = Self.number(node: node, text: text) else {
                return .noMatch
            }
            return Self.compare(value, comparison, ref.value) ? .match : .noMatch
        case .timePart:
            guard node.kind == .string, let part = ref.part, let parts = TimestampParts(text),
                let value = parts.value(of: part)
            else { return .noMatch }
            let matched =
                ref.comparison.map { Self.compare(Double(value), $0, ref.value) } ?? (Double(value) == ref.value)
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
