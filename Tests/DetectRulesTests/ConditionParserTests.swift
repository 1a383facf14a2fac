import DetectCore
import DetectRules
import Testing

struct ConditionParserTests {
    static let identifiers = [
        "sel", "sel_a", "sel_b", "filter", "filter_main_x", "filter_optional_y", "a", "b", "c",
        "_hidden", "sel-1", "keywords",
    ]
    static let start = SourceLocation(file: "c.yml", line: 3, column: 16)

    static func parse(_ text: String) -> (ConditionExpression?, [Diagnostic]) {
        ConditionParser().parse(text, identifiers: identifiers, at: start)
    }

    static let valid: [(String, String)] = [
        ("sel", "sel"),
        ("sel-1", "sel-1"),
        ("sel and not filter", "and(sel, not(filter))"),
        ("a or b and c", "or(a, and(b, c))"),
        ("a and b or c", "or(and(a, b), c)"),
        ("not a and b", "and(not(a), b)"),
        ("not a or b", "or(not(a), b)"),
        ("not (a or b)", "not(or(a, b))"),
        ("(a or b) and c", "and(or(a, b), c)"),
        ("a and (b or c)", "and(a, or(b, c))"),
        ("a and b and c", "and(a, b, c)"),
        ("a or b or c", "or(a, b, c)"),
        ("a and (b and c)", "and(a, and(b, c))"),
        ("not not a", "not(not(a))"),
        ("((a))", "a"),
        ("1 of sel_*", "any(sel_*)"),
        ("any of sel_*", "any(sel_*)"),
        ("all of sel_*", "all(sel_*)"),
        ("1 of them", "any(them)"),
        ("all of them", "all(them)"),
        ("1 of sel", "any(sel)"),
        ("not 1 of filter*", "not(any(filter*))"),
        (
            "sel and not 1 of filter_main_* and not 1 of filter_optional_*",
            "and(sel, not(any(filter_main_*)), not(any(filter_optional_*)))"
        ),
        ("all of sel_* or (keywords and not filter)", "or(all(sel_*), and(keywords, not(filter)))"),
        ("  sel\n  and\tnot filter  ", "and(sel, not(filter))"),
    ]

    @Test("condition forms parse with not > and > or", arguments: valid)
    func parses(text: String, tree: String) throws {
        let (expression, diagnostics) = Self.parse(text)
        #expect(diagnostics.isEmpty, "\(diagnostics)")
        let parsed = try #require(expression)
        #expect(parsed.treeDescription == tree)
        // Printing gives Sigma syntax that parses back to the same tree.
        let (reparsed, _) = Self.parse(parsed.description)
        #expect(reparsed?.treeDescription == tree)
    }

    @Test("selectors resolve against identifier names; `them` and `*` leave out `_` names")
    func selectorResolution() throws {
        func resolved(_ text: String) throws -> [String] {
            let (expression, _) = Self.parse(text)
            guard case .selector(let selector) = try #require(expression) else { return [] }
            return selector.identifiers
        }
        #expect(try resolved("1 of sel_*") == ["sel_a", "sel_b"])
        #expect(try resolved("1 of sel*") == ["sel", "sel_a", "sel_b", "sel-1"])
        #expect(try resolved("all of them").contains("_hidden") == false)
        #expect(try resolved("all of them").count == Self.identifiers.count - 1)
        #expect(try resolved("1 of *").contains("_hidden") == false)
        #expect(try resolved("1 of _*") == ["_hidden"])
        #expect(try resolved("1 of *_x") == ["filter_main_x"])
        #expect(try resolved("1 of f*r") == ["filter"])
    }

    /// (condition, code, column offset from the condition's start)
    static let invalid: [(String, String, Int)] = [
        ("", "rule.condition.syntax", 0),
        ("sel and", "rule.condition.syntax", 7),
        ("sel or or a", "rule.condition.syntax", 7),
        ("(sel", "rule.condition.syntax", 4),
        ("sel)", "rule.condition.syntax", 3),
        ("sel filter", "rule.condition.syntax", 4),
        ("sel & filter", "rule.condition.syntax", 4),
        ("1 sel", "rule.condition.syntax", 2),
        ("1 of", "rule.condition.syntax", 4),
        ("1 of (sel)", "rule.condition.syntax", 5),
        ("sel*", "rule.condition.syntax", 0),
        ("them", "rule.condition.syntax", 0),
        ("not", "rule.condition.syntax", 3),
        ("sel | count() > 5", "rule.condition.unsupported", 4),
        ("a near b", "rule.condition.unsupported", 2),
        ("2 of sel_*", "rule.condition.unsupported", 0),
        ("nope", "rule.condition.undefined", 0),
        ("sel and not nope", "rule.condition.undefined", 12),
        ("1 of nope_*", "rule.condition.undefined", 0),
        ("sel AND filter", "rule.condition.syntax", 4),
        ("sél", "rule.condition.syntax", 1),
    ]

    @Test("errors carry a code and the column inside the condition", arguments: invalid)
    func rejects(text: String, code: String, offset: Int) throws {
        let (expression, diagnostics) = Self.parse(text)
        #expect(expression == nil)
        let diagnostic = try #require(diagnostics.first)
        #expect(diagnostic.code == code, "\(diagnostic)")
        #expect(diagnostic.severity == .error)
        #expect(diagnostic.location.line == 3)
        #expect(diagnostic.location.column == Self.start.column + offset, "\(diagnostic)")
    }

    @Test("undefined identifiers are all reported, with hints")
    func undefinedHints() {
        let (_, diagnostics) = ConditionParser().parse(
            "selection and not fliter", identifiers: ["selection", "filter"],
            at: Self.start)
        #expect(diagnostics.map(\.message) == ["undefined search identifier `fliter`; did you mean `filter`?"])
        let (_, both) = ConditionParser().parse("x or y", identifiers: ["a"], at: Self.start)
        #expect(both.count == 2)
        let (_, upper) = ConditionParser().parse("NOT", identifiers: ["a"], at: Self.start)
        #expect(upper.first?.message.contains("operators are lowercase") == true)
    }

    @Test("nesting deeper than the cap is a diagnostic, not a stack overflow")
    func depthCap() {
        let parens = String(repeating: "(", count: 10_000) + "a" + String(repeating: ")", count: 10_000)
        let (expression, diagnostics) = Self.parse(parens)
        #expect(expression == nil)
        #expect(diagnostics.map(\.code) == ["rule.condition.depth"])
        let nots = String(repeating: "not ", count: 10_000) + "a"
        #expect(Self.parse(nots).1.map(\.code) == ["rule.condition.depth"])
        let fine = String(repeating: "(", count: 64) + "a" + String(repeating: ")", count: 64)
        #expect(Self.parse(fine).1.isEmpty)
    }
}
