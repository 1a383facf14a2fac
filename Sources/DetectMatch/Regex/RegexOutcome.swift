/// The result of running a ``PCRE2Regex`` over one value.
public enum RegexOutcome: Hashable, Sendable {
    /// The pattern occurs in the value.
    case match
    /// The pattern does not occur in the value.
    case noMatch
    /// The match gave up on a resource limit (``RegexLimits``): treat it as no match and count it.
    ///
    /// Every PCRE2 match failure other than "no match" lands here. With `PCRE2_MATCH_INVALID_UTF` the
    /// subject is never rejected for bad UTF-8, so in practice these are the match, depth and heap limits,
    /// the JIT stack limit, and running out of memory.
    case limitExceeded

    /// Whether this outcome is ``match``.
    @inlinable
    public var isMatch: Bool { self == .match }
}
