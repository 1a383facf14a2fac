import DetectMatch
import Testing

struct WildcardPatternTests {
    typealias Token = WildcardPattern.Token

    static func lit(_ text: String) -> Token { .literal(Array(text.utf8)) }

    /// Sigma value as written (Swift escapes doubled) -> tokens.
    static let cases: [(String, [Token])] = [
        ("abc", [lit("abc")]),
        ("*abc", [.anyRun, lit("abc")]),
        ("a?c", [lit("a"), .anyCharacter, lit("c")]),
        ("a**b", [lit("a"), .anyRun, lit("b")]),
        (#"\*"#, [lit("*")]),
        (#"\?"#, [lit("?")]),
        (#"a\*b\?c"#, [lit("a*b?c")]),
        (#"\\"#, [lit(#"\"#)]),
        (#"\\*"#, [lit(#"\"#), .anyRun]),
        (#"\\\*"#, [lit(#"\*"#)]),
        (#"\\\\"#, [lit(#"\\"#)]),
        (#"C:\Windows\System32"#, [lit(#"C:\Windows\System32"#)]),
        (#"C:\Windows\\*"#, [lit(#"C:\Windows\"#), .anyRun]),
        (#"abc\"#, [lit(#"abc\"#)]),
        (#"\"#, [lit(#"\"#)]),
        (#"*\\"#, [.anyRun, lit(#"\"#)]),
        ("", []),
        ("*", [.anyRun]),
        ("?*", [.anyCharacter, .anyRun]),
    ]

    @Test("parses Sigma wildcards and backslash escapes", arguments: Self.cases)
    func parsing(value: String, tokens: [Token]) {
        #expect(WildcardPattern(sigma: value).tokens == tokens)
    }

    @Test("writing a pattern back and parsing it again gives the same tokens", arguments: Self.cases)
    func roundTrip(value: String, tokens: [Token]) {
        let pattern = WildcardPattern(sigma: value)
        #expect(WildcardPattern(sigma: pattern.description) == pattern)
    }

    @Test("withAnyRun adds stars only where missing")
    func withAnyRun() {
        let pattern = WildcardPattern(sigma: "*abc")
        #expect(pattern.withAnyRun(leading: true, trailing: true).tokens == [.anyRun, Self.lit("abc"), .anyRun])
        #expect(WildcardPattern(literal: "a*b").withAnyRun(leading: false, trailing: true).tokens
            == [Self.lit("a*b"), .anyRun])
    }

    @Test("a literal pattern keeps stars and question marks as text")
    func literal() {
        #expect(WildcardPattern(literal: "a*b?").tokens == [Self.lit("a*b?")])
        #expect(!WildcardPattern(literal: "a*b?").hasWildcards)
        #expect(WildcardPattern(sigma: "a*b").hasWildcards)
    }
}
