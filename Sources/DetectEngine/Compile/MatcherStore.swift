internal import DetectMatch

/// The compiled matcher objects, one array per type.
struct MatcherStore: Sendable {
    var patterns: [StringMatcher] = []
    var exactSets: [ExactSet] = []
    var prefixSets: [PrefixSet] = []
    var suffixSets: [SuffixSet] = []
    var substringSets: [MultiLiteralMatcher] = []
    var numbers: [NumberEquality] = []
    var regexes: [PCRE2Regex] = []
    var regexSets: [RegexSet] = []
    var networks: [CIDRSet] = []
}
