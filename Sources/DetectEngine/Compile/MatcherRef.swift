internal import DetectRules

/// A matcher as plain values: its kind, the index of its object in ``MatcherStore``, and inline operands.
struct MatcherRef: Sendable {
    enum Kind: UInt8, Sendable {
        case nothing, pattern, exactSet, prefixSet, suffixSet, substringSet, number, bool, regex, regexSet, network
        case comparison, timePart
    }

    var kind: Kind
    var index: Int32 = 0
    var flag = false
    var comparison: DetectionItem.Comparison?
    var part: Modifier?
    var value: Double = 0
    /// A plain substring search (`*literal*` or a substring set) whose needles hold no NUL byte.
    var joinable = false
}
