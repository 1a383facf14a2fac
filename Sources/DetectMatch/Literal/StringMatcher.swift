/// A compiled Sigma string comparison on UTF-8 bytes: `equals`, `contains`, `startswith`, `endswith`
/// and wildcard patterns, without regular expressions.
///
/// Build one from a ``WildcardPattern`` (the modifiers `contains`, `startswith` and `endswith` add `*`
/// around the value first) or with the literal shorthands ``equals(_:caseSensitive:)``,
/// ``contains(_:caseSensitive:)``, ``startsWith(_:caseSensitive:)`` and ``endsWith(_:caseSensitive:)``.
/// The pattern's shape picks a specialized matcher: a plain literal compares lengths then bytes; `x*`,
/// `*x` and `*x*` compare at one end or run a SIMD substring search; everything else runs a segment
/// matcher (see the `*` and `?` rules on ``WildcardPattern``).
///
/// **Case.** By default matching ignores ASCII case only: `A`–`Z` equal `a`–`z`, and every other byte,
/// including each byte of a non-ASCII character, must be equal, so `É` does not match `é`. Needles are
/// folded once at build time; values are folded on the fly while comparing (no copy). With
/// `caseSensitive: true` (Sigma's `cased`) bytes compare exactly.
///
/// ```swift
/// let matcher = StringMatcher(WildcardPattern(sigma: "/wp-admin/*.php").withAnyRun(leading: true, trailing: false))
/// matcher.matches("/blog/WP-ADMIN/setup.php")   // true
/// ```
public struct StringMatcher: Hashable, Sendable {
    enum Kind: Hashable, Sendable {
        case anything
        case equals(LiteralNeedle)
        case startsWith(LiteralNeedle)
        case endsWith(LiteralNeedle)
        case contains(LiteralNeedle)
        case glob(WildcardGlob)
    }

    /// The pattern this matcher was built from.
    public let pattern: WildcardPattern
    /// Whether bytes compare exactly (Sigma's `cased`) rather than ignoring ASCII case.
    public let caseSensitive: Bool
    let kind: Kind

    /// Compiles `pattern`.
    ///
    /// - Parameters:
    ///   - pattern: The value, with wildcards as tokens.
    ///   - caseSensitive: `true` for Sigma's `cased`; by default ASCII letters match in either case.
    public init(_ pattern: WildcardPattern, caseSensitive: Bool = false) {
        self.pattern = pattern
        self.caseSensitive = caseSensitive
        let tokens = pattern.tokens
        func needle(_ bytes: [UInt8]) -> LiteralNeedle { LiteralNeedle(bytes, caseSensitive: caseSensitive) }
        switch tokens.count {
        case 0:
            self.kind = .equals(needle([]))
        case 1:
            switch tokens[0] {
            case .anyRun: self.kind = .anything
            case .literal(let bytes): self.kind = .equals(needle(bytes))
            case .anyCharacter: self.kind = .glob(WildcardGlob(tokens, caseSensitive: caseSensitive))
            }
        case 2:
            switch (tokens[0], tokens[1]) {
            case (.literal(let bytes), .anyRun): self.kind = .startsWith(needle(bytes))
            case (.anyRun, .literal(let bytes)): self.kind = .endsWith(needle(bytes))
            default: self.kind = .glob(WildcardGlob(tokens, caseSensitive: caseSensitive))
            }
        case 3:
            if case (.anyRun, .literal(let bytes), .anyRun) = (tokens[0], tokens[1], tokens[2]) {
                self.kind = .contains(needle(bytes))
            } else {
                self.kind = .glob(WildcardGlob(tokens, caseSensitive: caseSensitive))
            }
        default:
            self.kind = .glob(WildcardGlob(tokens, caseSensitive: caseSensitive))
        }
    }

    /// Compiles a Sigma value as written, wildcards and escapes included (``WildcardPattern/init(sigma:)``).
    public init(sigma value: some StringProtocol, caseSensitive: Bool = false) {
        self.init(WildcardPattern(sigma: value), caseSensitive: caseSensitive)
    }

    /// The whole value equals `literal` (no wildcards in `literal`).
    public static func equals(_ literal: some StringProtocol, caseSensitive: Bool = false) -> StringMatcher {
        StringMatcher(WildcardPattern(literal: literal), caseSensitive: caseSensitive)
    }

    /// `literal` occurs anywhere in the value.
    public static func contains(_ literal: some StringProtocol, caseSensitive: Bool = false) -> StringMatcher {
        StringMatcher(WildcardPattern(literal: literal).withAnyRun(leading: true, trailing: true),
                      caseSensitive: caseSensitive)
    }

    /// The value starts with `literal`.
    public static func startsWith(_ literal: some StringProtocol, caseSensitive: Bool = false) -> StringMatcher {
        StringMatcher(WildcardPattern(literal: literal).withAnyRun(leading: false, trailing: true),
                      caseSensitive: caseSensitive)
    }

    /// The value ends with `literal`.
    public static func endsWith(_ literal: some StringProtocol, caseSensitive: Bool = false) -> StringMatcher {
        StringMatcher(WildcardPattern(literal: literal).withAnyRun(leading: true, trailing: false),
                      caseSensitive: caseSensitive)
    }

    /// Whether the whole `value` (UTF-8 bytes) matches the pattern.
    public func matches(_ value: UnsafeRawBufferPointer) -> Bool {
        switch self.kind {
        case .anything: return true
        case .equals(let needle): return needle.equals(value)
        case .startsWith(let needle): return needle.isPrefix(of: value)
        case .endsWith(let needle): return needle.isSuffix(of: value)
        case .contains(let needle): return needle.firstIndex(in: value) != nil
        case .glob(let glob): return glob.matches(value)
        }
    }

    /// Whether the whole `value` matches the pattern.
    public func matches(_ value: String) -> Bool {
        var value = value
        return value.withUTF8 { self.matches(UnsafeRawBufferPointer($0)) }
    }
}
