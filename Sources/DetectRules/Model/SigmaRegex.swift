/// A regular expression value (the `re` modifier): the pattern exactly as written, and its flags.
///
/// The pattern is not wildcard- or escape-processed. Semantics (ARCHITECTURE.md): PCRE2, case-sensitive,
/// unanchored search; the compiler validates and compiles the pattern.
public struct SigmaRegex: Hashable, Sendable, CustomStringConvertible {
    /// Flags set by the `i`, `m` and `s` sub-modifiers of `re`.
    public struct Flags: OptionSet, Hashable, Sendable {
        /// The flag bits.
        public let rawValue: UInt8
        /// Memberwise initializer (the loader builds these; compilers and tests may too).
        public init(rawValue: UInt8) { self.rawValue = rawValue }

        /// `i` / `ignorecase`: case-insensitive matching.
        public static let ignoreCase = Flags(rawValue: 1 << 0)
        /// `m` / `multiline`: `^` and `$` match at line boundaries.
        public static let multiline = Flags(rawValue: 1 << 1)
        /// `s` / `dotall`: `.` also matches a newline.
        public static let dotAll = Flags(rawValue: 1 << 2)
    }

    /// The pattern exactly as written.
    public var pattern: String
    /// Flags from `i`, `m`, `s`.
    public var flags: Flags

    /// Memberwise initializer (the loader builds these; compilers and tests may too).
    public init(pattern: String, flags: Flags = []) {
        self.pattern = pattern
        self.flags = flags
    }

    /// `/pattern/flags`, for messages and tests.
    public var description: String {
        var suffix = ""
        if self.flags.contains(.ignoreCase) { suffix += "i" }
        if self.flags.contains(.multiline) { suffix += "m" }
        if self.flags.contains(.dotAll) { suffix += "s" }
        return "/\(self.pattern)/\(suffix)"
    }
}
