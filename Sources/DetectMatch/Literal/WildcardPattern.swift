/// A Sigma string value as tokens: literal bytes, `*` (any run) and `?` (one character).
///
/// Wildcards are tokens, never characters, so escaping stays correct through modifiers (pySigma's
/// `SigmaString`). ``init(sigma:)`` parses Sigma's escapes:
///
/// | written | means |
/// | --- | --- |
/// | `*` / `?` | any run (empty too) / exactly one character |
/// | `\*` / `\?` | a literal `*` / `?` |
/// | `\\` | one literal backslash (so `\\*` is a backslash followed by a wildcard) |
/// | `\` before any other character, or at the end | a literal backslash |
///
/// "One character" is one UTF-8 encoded Unicode scalar (1–4 bytes), or one byte of a malformed sequence.
///
/// The tokens are kept normal: adjacent literals are merged, runs of `*` collapse to one, and empty
/// literals are dropped, so two patterns that match the same strings this way compare equal.
public struct WildcardPattern: Hashable, Sendable, CustomStringConvertible {
    /// One piece of a pattern.
    public enum Token: Hashable, Sendable {
        /// Bytes that must appear as they are (case folding is the matcher's choice).
        case literal([UInt8])
        /// `*`: any sequence of bytes, including none.
        case anyRun
        /// `?`: exactly one character.
        case anyCharacter
    }

    /// The normalized tokens.
    public let tokens: [Token]

    /// A pattern from tokens, normalized.
    public init(tokens: some Sequence<Token>) {
        var normalized: [Token] = []
        for token in tokens {
            switch (token, normalized.last) {
            case (.literal(let bytes), _) where bytes.isEmpty:
                continue
            case (.literal(let bytes), .literal(let previous)?):
                normalized[normalized.count - 1] = .literal(previous + bytes)
            case (.anyRun, .anyRun?):
                continue
            default:
                normalized.append(token)
            }
        }
        self.tokens = normalized
    }

    /// A pattern that matches exactly `literal`, with no wildcards.
    public init(literal: some StringProtocol) {
        self.init(tokens: [.literal(Array(literal.utf8))])
    }

    /// Parses a Sigma value: `*` and `?` are wildcards, `\` escapes as described on the type.
    public init(sigma value: some StringProtocol) {
        var tokens: [Token] = []
        var literal: [UInt8] = []
        var escaped = false
        func flush() {
            if !literal.isEmpty { tokens.append(.literal(literal)) }
            literal.removeAll(keepingCapacity: true)
        }
        for byte in value.utf8 {
            if escaped {
                escaped = false
                switch byte {
                case UInt8(ascii: "*"), UInt8(ascii: "?"), UInt8(ascii: "\\"):
                    literal.append(byte)
                default:
                    literal.append(UInt8(ascii: "\\"))
                    literal.append(byte)
                }
                continue
            }
            switch byte {
            case UInt8(ascii: "\\"):
                escaped = true
            case UInt8(ascii: "*"):
                flush()
                tokens.append(.anyRun)
            case UInt8(ascii: "?"):
                flush()
                tokens.append(.anyCharacter)
            default:
                literal.append(byte)
            }
        }
        if escaped { literal.append(UInt8(ascii: "\\")) }
        flush()
        self.init(tokens: tokens)
    }

    /// The same pattern with `*` added at the start and/or end (unless already there): `contains` is
    /// `withAnyRun(leading: true, trailing: true)`, `startswith` is `withAnyRun(leading: false,
    /// trailing: true)`, `endswith` is `withAnyRun(leading: true, trailing: false)`.
    public func withAnyRun(leading: Bool, trailing: Bool) -> WildcardPattern {
        WildcardPattern(tokens: (leading ? [.anyRun] : []) + self.tokens + (trailing ? [.anyRun] : []))
    }

    /// Whether the pattern has any `*` or `?`.
    public var hasWildcards: Bool {
        self.tokens.contains { if case .literal = $0 { false } else { true } }
    }

    /// The pattern written back in Sigma syntax (`*`, `?`, and `\` escapes where needed).
    public var description: String {
        var text = ""
        for token in self.tokens {
            switch token {
            case .anyRun: text += "*"
            case .anyCharacter: text += "?"
            case .literal(let bytes):
                let string = String(decoding: bytes, as: UTF8.self)
                for character in string.unicodeScalars {
                    if character == "*" || character == "?" || character == "\\" { text += "\\" }
                    text.unicodeScalars.append(character)
                }
            }
        }
        return text
    }
}
