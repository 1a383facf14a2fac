internal import DetectMatch

/// What the values of one item test (or of one value, with `all`) contribute before they are compiled:
/// string patterns (grouped into sets by shape when many), networks (one CIDR set), and ready matchers.
struct MatcherGroup {
    /// Whether string patterns compare bytes exactly.
    let caseSensitive: Bool
    /// String patterns, wildcards and position already applied.
    var patterns: [WildcardPattern] = []
    /// `cidr` networks.
    var networks: [CIDR] = []
    /// Whether the item is a `cidr` item (an empty network list then still yields an empty set).
    var hasNetworks = false
    /// Matchers built directly (numbers, booleans, regular expressions, cached IOC sets).
    var others: [ValueMatcher] = []

    init(caseSensitive: Bool) {
        self.caseSensitive = caseSensitive
    }
}
