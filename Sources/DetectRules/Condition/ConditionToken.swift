/// A token of a condition string, with its UTF-8 byte range in the string.
struct ConditionToken: Hashable, Sendable {
    enum Kind: Hashable, Sendable {
        case leftParen
        case rightParen
        case and
        case or
        case not
        case of
        case them
        /// `1`, `any` or `all`.
        case quantifier(ConditionSelector.Quantifier)
        /// A word without `*`.
        case identifier(String)
        /// A word with `*`.
        case pattern(String)
        /// A number other than `1` (only meaningful to report `2 of x` as unsupported).
        case number(String)
        /// `|`: the legacy aggregation syntax.
        case pipe
        /// `near`: the legacy temporal operator.
        case near
        /// A character that cannot start a token.
        case invalid(String)
        case end
    }

    var kind: Kind
    /// Byte offset of the first byte.
    var start: Int
    /// Byte offset after the last byte.
    var end: Int

    /// The token as it would appear in a message.
    var display: String {
        switch self.kind {
        case .leftParen: "`(`"
        case .rightParen: "`)`"
        case .and: "`and`"
        case .or: "`or`"
        case .not: "`not`"
        case .of: "`of`"
        case .them: "`them`"
        case .quantifier(let quantifier): quantifier == .all ? "`all`" : "quantifier"
        case .identifier(let name): "`\(name)`"
        case .pattern(let pattern): "`\(pattern)`"
        case .number(let number): "`\(number)`"
        case .pipe: "`|`"
        case .near: "`near`"
        case .invalid(let text): "`\(text)`"
        case .end: "the end of the condition"
        }
    }
}
