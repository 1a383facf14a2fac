import DetectRules
import Testing

struct SigmaStringTests {
    typealias Part = SigmaString.Part

    static let cases: [(String, Bool, [Part])] = [
        ("abc", false, [.literal("abc")]),
        ("", false, []),
        ("*abc*", false, [.wildcardMulti, .literal("abc"), .wildcardMulti]),
        ("a?c", false, [.literal("a"), .wildcardSingle, .literal("c")]),
        (#"a\*c"#, false, [.literal("a*c")]),
        (#"a\?c"#, false, [.literal("a?c")]),
        (#"C:\Windows\cmd.exe"#, false, [.literal(#"C:\Windows\cmd.exe"#)]),
        (#"C:\\Windows"#, false, [.literal(#"C:\Windows"#)]),
        (#"\\*"#, false, [.literal(#"\"#), .wildcardMulti]),
        (#"\\\*"#, false, [.literal(#"\*"#)]),
        (#"\\\\server"#, false, [.literal(#"\\server"#)]),
        (#"trailing\"#, false, [.literal(#"trailing\"#)]),
        ("%APPDATA%\\x", false, [.literal("%APPDATA%\\x")]),
        ("%tor_nodes%", true, [.placeholder("tor_nodes")]),
        ("*.%suffix%", true, [.wildcardMulti, .literal("."), .placeholder("suffix")]),
        (#"100\%"#, true, [.literal("100%")]),
        ("50% off", true, [.literal("50% off")]),
        ("%DC-MACHINE-NAME%", true, [.placeholder("DC-MACHINE-NAME")]),
        ("%%", true, [.literal("%%")]),
    ]

    @Test("wildcards, escapes and placeholders parse into tokens", arguments: cases)
    func parses(text: String, placeholders: Bool, expected: [Part]) {
        let string = SigmaString(parsing: text, placeholders: placeholders)
        #expect(string.parts == expected)
        // Printing escapes what must be escaped: parsing the printed form gives the same parts.
        #expect(SigmaString(parsing: string.description, placeholders: placeholders).parts == expected)
    }

    @Test("derived views report literals, wildcards and placeholders")
    func derivedViews() {
        #expect(SigmaString(parsing: #"a\*b"#).literalValue == "a*b")
        #expect(SigmaString(parsing: "a*b").literalValue == nil)
        #expect(SigmaString(parsing: "a*b").containsWildcards)
        #expect(!SigmaString(parsing: #"a\?b"#).containsWildcards)
        #expect(SigmaString(parsing: "%a%-%b%", placeholders: true).placeholderNames == ["a", "b"])
        #expect(SigmaString(literal: "*").parts == [.literal("*")])
    }
}
