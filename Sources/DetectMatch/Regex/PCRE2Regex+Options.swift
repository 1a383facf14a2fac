internal import CPCRE2

extension PCRE2Regex {
    /// Compile flags: Sigma's `re` sub-modifiers `i`, `m` and `s`.
    public struct Options: OptionSet, Hashable, Sendable {
        /// The flag bits (this type's own, not PCRE2's option bits).
        public let rawValue: UInt32

        /// Flags from their bits.
        public init(rawValue: UInt32) {
            self.rawValue = rawValue
        }

        /// `i`: letters match in either case (`PCRE2_CASELESS`, Unicode-aware in UTF mode).
        public static let caseless = Options(rawValue: 1 << 0)
        /// `m`: `^` and `$` also match at line starts and ends (`PCRE2_MULTILINE`).
        public static let multiline = Options(rawValue: 1 << 1)
        /// `s`: `.` also matches a newline (`PCRE2_DOTALL`).
        public static let dotAll = Options(rawValue: 1 << 2)

        /// The PCRE2 compile options for these flags, on top of the ones every pattern gets.
        var pcre2Options: UInt32 {
            var options: UInt32 = PCRE2_UTF | PCRE2_MATCH_INVALID_UTF | PCRE2_NEVER_BACKSLASH_C
            if self.contains(.caseless) { options |= PCRE2_CASELESS }
            if self.contains(.multiline) { options |= PCRE2_MULTILINE }
            if self.contains(.dotAll) { options |= PCRE2_DOTALL }
            return options
        }
    }
}
