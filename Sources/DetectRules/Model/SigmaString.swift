/// A Sigma string value: literal chunks interleaved with wildcard and placeholder tokens.
///
/// Escapes are resolved when the string is parsed, so a literal `*` and a wildcard `*` are different parts and
/// stay different through every later step (pySigma's `SigmaString` does the same). Parsing rules (Sigma 2.1,
/// confirmed against pySigma):
///
/// - `*` is ``Part/wildcardMulti`` (any sequence, including empty), `?` is ``Part/wildcardSingle`` (one character).
/// - `\*`, `\?` and `\\` are a literal `*`, `?` and `\`.
/// - A backslash before any other character, or at the end of the value, is a literal backslash.
/// - With placeholders enabled (the `expand` modifier), `%name%` is ``Part/placeholder(_:)`` and `\%` is a
///   literal `%`. Without `expand`, `%` is an ordinary character.
///
/// ```swift
/// let s = SigmaString(parsing: #"C:\\Windows\*\cmd.exe*"#)
/// // [.literal(#"C:\Windows*\cmd.exe"#), .wildcardMulti]
/// ```
public struct SigmaString: Hashable, Sendable, CustomStringConvertible {
    /// One element of a parsed Sigma string.
    public enum Part: Hashable, Sendable {
        /// Characters that match themselves (case-insensitively unless `cased`).
        case literal(String)
        /// `*`: any sequence of characters, including none.
        case wildcardMulti
        /// `?`: exactly one character.
        case wildcardSingle
        /// `%name%` under the `expand` modifier: replaced by a list or lookup bound by a processing pipeline.
        case placeholder(String)
    }

    /// The parts in order. Adjacent literals are always merged into one part.
    public var parts: [Part]

    /// Creates a string from already parsed parts, merging adjacent literals.
    public init(parts: [Part]) {
        var merged: [Part] = []
        merged.reserveCapacity(parts.count)
        for part in parts {
            if case .literal(let next) = part {
                if next.isEmpty { continue }
                if case .literal(let previous)? = merged.last {
                    merged[merged.count - 1] = .literal(previous + next)
                    continue
                }
            }
            merged.append(part)
        }
        self.parts = merged
    }

    /// A string that matches `text` exactly: no wildcard, no escape processing.
    public init(literal text: String) {
        self.parts = text.isEmpty ? [] : [.literal(text)]
    }

    /// Parses a rule value, resolving wildcards and escapes.
    ///
    /// - Parameters:
    ///   - text: the value as written in the rule (after YAML unquoting).
    ///   - placeholders: `true` under the `expand` modifier: `%name%` becomes a placeholder, `\%` a literal `%`.
    public init(parsing text: String, placeholders: Bool = false) {
        var parts: [Part] = []
        var literal = String.UnicodeScalarView()
        var escaped = false
        func flush() {
            if !literal.isEmpty {
                parts.append(.literal(String(literal)))
                literal = String.UnicodeScalarView()
            }
        }
        let scalars = Array(text.unicodeScalars)
        var index = 0
        while index < scalars.count {
            let scalar = scalars[index]
            index += 1
            if escaped {
                escaped = false
                switch scalar {
                case "*", "?", "\\":
                    literal.append(scalar)
                case "%" where placeholders:
                    literal.append(scalar)
                default:
                    literal.append("\\")
                    literal.append(scalar)
                }
                continue
            }
            switch scalar {
            case "\\":
                escaped = true
            case "*":
                flush()
                parts.append(.wildcardMulti)
            case "?":
                flush()
                parts.append(.wildcardSingle)
            case "%" where placeholders:
                // A placeholder runs to the next `%`; an unterminated or empty one stays literal.
                var end = index
                while end < scalars.count, scalars[end] != "%" { end += 1 }
                if end < scalars.count, end > index {
                    flush()
                    var name = String.UnicodeScalarView()
                    name.append(contentsOf: scalars[index..<end])
                    parts.append(.placeholder(String(name)))
                    index = end + 1
                } else {
                    literal.append(scalar)
                }
            default:
                literal.append(scalar)
            }
        }
        if escaped { literal.append("\\") }
        flush()
        self.init(parts: parts)
    }

    /// `true` when the string has no wildcard and no placeholder.
    public var isLiteral: Bool {
        self.parts.allSatisfy { if case .literal = $0 { true } else { false } }
    }

    /// The plain text when ``isLiteral`` (the empty string for an empty value), else `nil`.
    public var literalValue: String? {
        guard self.isLiteral else { return nil }
        return self.parts.reduce(into: "") { text, part in
            if case .literal(let chunk) = part { text += chunk }
        }
    }

    /// `true` when the string contains a `*` or `?` wildcard token.
    public var containsWildcards: Bool {
        self.parts.contains { $0 == .wildcardMulti || $0 == .wildcardSingle }
    }

    /// The names of the placeholders, in order of appearance.
    public var placeholderNames: [String] {
        self.parts.compactMap { if case .placeholder(let name) = $0 { name } else { nil } }
    }

    /// The string in Sigma syntax, escaped just enough to parse back to the same parts: a literal `*` or `?`
    /// becomes `\*` / `\?`, a literal `\` is doubled only where it precedes `*`, `?`, `\` (or `%` when there are
    /// placeholders) or ends the string, so `C:\Windows\cmd.exe` prints as written.
    public var description: String {
        let hasPlaceholders = !self.placeholderNames.isEmpty
        // Flatten to (scalar, isLiteral) units so escaping can look at the next unit across parts.
        var units: [(Unicode.Scalar, Bool)] = []
        for part in self.parts {
            switch part {
            case .literal(let chunk): units += chunk.unicodeScalars.map { ($0, true) }
            case .wildcardMulti: units.append(("*", false))
            case .wildcardSingle: units.append(("?", false))
            case .placeholder(let name):
                units.append(("%", false))
                units += name.unicodeScalars.map { ($0, false) }
                units.append(("%", false))
            }
        }
        var text = String.UnicodeScalarView()
        for (index, (scalar, literal)) in units.enumerated() {
            guard literal else {
                text.append(scalar)
                continue
            }
            switch scalar {
            case "*", "?":
                text.append("\\")
            case "%" where hasPlaceholders:
                text.append("\\")
            case "\\":
                let next = index + 1 < units.count ? units[index + 1].0 : nil
                if next == nil || next == "*" || next == "?" || next == "\\" || (hasPlaceholders && next == "%") {
                    text.append("\\")
                }
            default:
                break
            }
            text.append(scalar)
        }
        return String(text)
    }
}
