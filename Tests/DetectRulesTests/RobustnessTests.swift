import DetectCore
import DetectRules
import Foundation
import DetectTesting
import Testing

/// Hostile and broken input: the loader must answer with diagnostics, never trap or hang.
struct RobustnessTests {
    @Test("random token soups parse to a tree or to located diagnostics")
    func randomConditions() {
        let tokens = [
            "a", "b", "sel_*", "and", "or", "not", "(", ")", "1", "all", "any", "of", "them", "|", "near",
            "2", "AND", "é", "*", "_x", "filter",
        ]
        var generator = SplitMix64(seed: 42)
        let parser = ConditionParser()
        let start = SourceLocation(file: "c", line: 1, column: 1)
        for _ in 0..<5_000 {
            let count = Int.random(in: 0...12, using: &generator)
            let text = (0..<count).map { _ in tokens.randomElement(using: &generator) ?? "a" }.joined(separator: " ")
            let (expression, diagnostics) = parser.parse(
                text, identifiers: ["a", "b", "sel_1", "filter", "_x"],
                at: start)
            #expect((expression == nil) == !diagnostics.isEmpty, "\(text)")
            for diagnostic in diagnostics {
                #expect(diagnostic.location.column >= 1 && diagnostic.location.column <= text.count + 1, "\(text)")
            }
            if let expression {
                let (again, _) = parser.parse(
                    expression.description, identifiers: ["a", "b", "sel_1", "filter", "_x"],
                    at: start)
                #expect(again?.treeDescription == expression.treeDescription, "\(text)")
            }
        }
    }

    @Test("every prefix of every valid fixture loads without trapping")
    func truncatedFixtures() throws {
        let directory = TestSupport.packageRoot.appendingPathComponent("Fixtures/rules/valid").path
        let names = try FileManager.default.contentsOfDirectory(atPath: directory).filter { $0.hasSuffix(".yml") }
        #expect(!names.isEmpty)
        let loader = RuleLoader()
        for name in names {
            let text = try String(contentsOfFile: directory + "/" + name, encoding: .utf8)
            let bytes = Array(text.utf8)
            for end in stride(from: 0, to: bytes.count, by: 5) {
                let prefix = String(decoding: bytes[..<end], as: UTF8.self)
                let (set, diagnostics) = loader.load(yaml: prefix, file: name)
                // Every rejected document is explained by at least one error.
                if !set.rejected.isEmpty { #expect(diagnostics.contains { $0.severity == .error }) }
                for diagnostic in diagnostics {
                    #expect(diagnostic.location.line >= 1 && diagnostic.location.column >= 1)
                }
            }
        }
    }

    @Test("odd YAML shapes are diagnosed")
    func oddShapes() {
        let cases = [
            "", "---", "--- null", "42", "'just a string'", "[a, b]", "? [complex, key]\n: value\n",
            "title: t\nlogsource: {category: x}\ndetection: {? [k]: v, condition: x}\n",
            "title: t\nlogsource: {category: x}\ndetection: {sel: {? [k]: v}, condition: sel}\n",
            "title: t\nlogsource: {category: x}\ndetection:\n  sel: &a {f: v}\n  other: *a\n"
                + "  condition: sel and other\n",
            "title: [a]\nlogsource: x\ndetection: 5\n",
            "title: t\nlogsource: {category: x}\ndetection: {sel: {f: v}, condition: [sel, [nested]]}\n",
            "title: t\nlogsource: {category: x}\ndetection: {sel: {f: v}, condition: {a: b}}\n",
            "title: t\nlogsource: {category: x}\ndetection: {sel: {f: v}, condition: ''}\n",
            "title: t\nlogsource: {category: x}\ndetection: {sel: {f: v}, condition: null}\n",
            "\u{FEFF}title: bom\nlogsource: {category: x}\ndetection: {sel: {f: v}, condition: sel}\n",
            "title: t\r\nlogsource: {category: x}\r\ndetection:\r\n  sel: {f|nope: v}\r\n  condition: sel\r\n",
        ]
        for yaml in cases {
            let (set, diagnostics) = TestSupport.load(yaml)
            if !set.rejected.isEmpty { #expect(diagnostics.contains { $0.severity == .error }, "\(yaml)") }
        }
        let (bom, bomDiagnostics) = TestSupport.load(cases[15])
        #expect(bom.rules.count == 1 && bomDiagnostics.isEmpty)
        let (_, crlf) = TestSupport.load(cases[16])
        #expect(TestSupport.summary(crlf) == ["4:11 error rule.modifier.unknown"])
        let (aliased, aliasDiagnostics) = TestSupport.load(cases[9])
        #expect(aliased.rules.count == 1 && aliasDiagnostics.isEmpty)
    }
}
