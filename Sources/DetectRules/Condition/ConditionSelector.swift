public import DetectCore

/// A quantified selector: `1 of selection_*`, `any of them`, `all of filter_*`.
public struct ConditionSelector: Hashable, Sendable, CustomStringConvertible {
    /// `1 of` / `any of`, or `all of`.
    public enum Quantifier: Hashable, Sendable {
        /// At least one of the identifiers (`1 of`, `any of`).
        case any
        /// Every identifier (`all of`).
        case all
    }

    /// What the selector ranges over.
    public enum Target: Hashable, Sendable, CustomStringConvertible {
        /// `them`: every identifier not starting with `_`.
        case them
        /// A name pattern where `*` matches any run of characters; it must match the whole name.
        case pattern(String)

        /// A readable form, for messages and tests.
        public var description: String {
            switch self {
            case .them: "them"
            case .pattern(let pattern): pattern
            }
        }
    }

    /// `1 of` / `any of`, or `all of`.
    public var quantifier: Quantifier
    /// `them` or a name pattern.
    public var target: Target
    /// The identifiers the target resolved to, in detection order (never empty in a loaded rule).
    public var identifiers: [String]
    /// Where it appears in the source file (1-based line and column).
    public var location: SourceLocation

    /// Memberwise initializer (the loader builds these; compilers and tests may too).
    public init(quantifier: Quantifier, target: Target, identifiers: [String], location: SourceLocation) {
        self.quantifier = quantifier
        self.target = target
        self.identifiers = identifiers
        self.location = location
    }

    /// A readable form, for messages and tests.
    public var description: String {
        "\(self.quantifier == .all ? "all" : "1") of \(self.target)"
    }

    /// Resolves a target against identifier names, following pySigma: a pattern must match the whole name, and
    /// names starting with `_` are only included when the pattern itself starts with `_` (`them` never includes
    /// them).
    public static func resolve(_ target: Target, in names: [String]) -> [String] {
        switch target {
        case .them:
            return names.filter { !$0.hasPrefix("_") }
        case .pattern(let pattern):
            let includeHidden = pattern.hasPrefix("_")
            return names.filter { (includeHidden || !$0.hasPrefix("_")) && Self.wildcardMatch(pattern, $0) }
        }
    }

    /// Whole-string match where `*` in `pattern` matches any run of characters.
    static func wildcardMatch(_ pattern: String, _ name: String) -> Bool {
        let p = Array(pattern.utf8)
        let n = Array(name.utf8)
        var pi = 0
        var ni = 0
        var star = -1
        var mark = 0
        while ni < n.count {
            if pi < p.count, p[pi] != UInt8(ascii: "*"), p[pi] == n[ni] {
                pi += 1
                ni += 1
            } else if pi < p.count, p[pi] == UInt8(ascii: "*") {
                star = pi
                mark = ni
                pi += 1
            } else if star >= 0 {
                pi = star + 1
                mark += 1
                ni = mark
            } else {
                return false
            }
        }
        while pi < p.count, p[pi] == UInt8(ascii: "*") { pi += 1 }
        return pi == p.count
    }
}
