internal import DetectMatch
internal import DetectRules

/// A compiled test of one scalar value of an event (a string, a number or a boolean, given with its text).
///
/// Closed set, matched with exhaustive switches. Strings are folded at compile time; long value lists are
/// one set or automaton each (never OR chains of single comparisons).
enum ValueMatcher: Sendable {
    /// Matches nothing (a missing or empty IOC list).
    case nothing
    /// A Sigma string comparison: whole value, wildcards, `contains`/`startswith`/`endswith`, case.
    case pattern(StringMatcher)
    /// The whole value is one of many literals.
    case exactSet(ExactSet)
    /// The value starts with one of many literals.
    case prefixSet(PrefixSet)
    /// The value ends with one of many literals.
    case suffixSet(SuffixSet)
    /// One of many literals occurs in the value (Aho-Corasick); `joinable` when no needle holds a NUL byte.
    case substringSet(MultiLiteralMatcher, joinable: Bool)
    /// A numeric rule value: numbers and numeric strings compare as numbers, other text as text.
    case number(NumberEquality)
    /// A boolean rule value: JSON booleans, and the strings `true`/`false` in any case.
    case bool(Bool)
    /// `re`: PCRE2, unanchored search.
    case regex(PCRE2Regex)
    /// Many `re` values of one item: a literal prefilter selects the patterns PCRE2 runs.
    case regexSet(RegexSet)
    /// `cidr`: the value is an IP address inside one of the networks.
    case network(CIDRSet)
    /// `lt`, `lte`, `gt`, `gte` against a number.
    case comparison(DetectionItem.Comparison, Double)
    /// `minute` ... `year` of a timestamp, equal to (or compared with) a number.
    case timePart(Modifier, DetectionItem.Comparison?, Double)
}

extension ValueMatcher {
    /// Whether a string matcher compares bytes exactly (for prefilters derived from it).
    var caseSensitive: Bool {
        if case .pattern(let matcher) = self { return matcher.caseSensitive }
        return false
    }
}

/// A numeric rule value and its text, for ``ValueMatcher/number(_:)``.
struct NumberEquality: Sendable {
    /// The value.
    let value: Double
    /// The value when it is an integer (compared exactly with integer event values).
    let integer: Int64?
    /// The rule's text (`0x1F`), compared case-insensitively with event text that is not a number.
    let text: StringMatcher
}
