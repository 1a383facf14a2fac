/// Splits a condition string into tokens.
///
/// Words are runs of ASCII letters, digits, `_`, `-` and `*`; keywords are lowercase and case-sensitive, as in
/// pySigma (`AND` is an identifier, which the parser then reports as undefined with a hint).
struct ConditionLexer {
    static func tokenize(_ text: String) -> [ConditionToken] {
        let bytes = Array(text.utf8)
        var tokens: [ConditionToken] = []
        var index = 0
        while index < bytes.count {
            let byte = bytes[index]
            if byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D {
                index += 1
                continue
            }
            if byte == UInt8(ascii: "(") {
                tokens.append(ConditionToken(kind: .leftParen, start: index, end: index + 1))
                index += 1
                continue
            }
            if byte == UInt8(ascii: ")") {
                tokens.append(ConditionToken(kind: .rightParen, start: index, end: index + 1))
                index += 1
                continue
            }
            if byte == UInt8(ascii: "|") {
                tokens.append(ConditionToken(kind: .pipe, start: index, end: index + 1))
                index += 1
                continue
            }
            if Self.isWordByte(byte) {
                let start = index
                var hasStar = false
                while index < bytes.count, Self.isWordByte(bytes[index]) {
                    if bytes[index] == UInt8(ascii: "*") { hasStar = true }
                    index += 1
                }
                let word = String(decoding: bytes[start..<index], as: UTF8.self)
                tokens.append(ConditionToken(kind: Self.classify(word, hasStar: hasStar), start: start, end: index))
                continue
            }
            // Any other character (one whole UTF-8 sequence) is invalid.
            let start = index
            index += 1
            while index < bytes.count, bytes[index] & 0xC0 == 0x80 { index += 1 }
            let text = String(decoding: bytes[start..<index], as: UTF8.self)
            tokens.append(ConditionToken(kind: .invalid(text), start: start, end: index))
        }
        tokens.append(ConditionToken(kind: .end, start: bytes.count, end: bytes.count))
        return tokens
    }

    private static func isWordByte(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"),
            UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "_"), UInt8(ascii: "-"), UInt8(ascii: "*"):
            true
        default:
            false
        }
    }

    private static func classify(_ word: String, hasStar: Bool) -> ConditionToken.Kind {
        if hasStar { return .pattern(word) }
        switch word {
        case "and": return .and
        case "or": return .or
        case "not": return .not
        case "of": return .of
        case "them": return .them
        case "1", "any": return .quantifier(.any)
        case "all": return .quantifier(.all)
        case "near": return .near
        default:
            if word.utf8.allSatisfy({ $0 >= UInt8(ascii: "0") && $0 <= UInt8(ascii: "9") }) { return .number(word) }
            return .identifier(word)
        }
    }
}
