import DetectCore
import DetectRules
import Foundation
import Testing

struct DiagnosticCodeTests {
    @Test("docs/diagnostics.md documents every code with its severity, and nothing else")
    func documented() throws {
        let path = TestSupport.packageRoot.appendingPathComponent("docs/diagnostics.md").path
        let text = try String(contentsOfFile: path, encoding: .utf8)
        // Table rows look like: | `rule.modifier.unknown` | error | ... |
        var documented: [String: String] = [:]
        for line in text.split(separator: "\n") where line.hasPrefix("| `") {
            let cells = line.split(separator: "|").map { $0.trimmingCharacters(in: .whitespaces) }
            guard cells.count >= 2 else { continue }
            documented[cells[0].trimmingCharacters(in: CharacterSet(charactersIn: "`"))] = cells[1]
        }
        for code in SigmaDiagnosticCode.allCases {
            #expect(documented[code.rawValue] == code.severity.rawValue, "\(code.rawValue)")
        }
        #expect(Set(documented.keys) == Set(SigmaDiagnosticCode.allCases.map(\.rawValue)))
    }

    @Test("codes are unique, dotted and lowercase")
    func wellFormed() {
        let codes = SigmaDiagnosticCode.allCases.map(\.rawValue)
        #expect(Set(codes).count == codes.count)
        for code in codes {
            #expect(code.contains("."))
            #expect(code == code.lowercased())
        }
    }
}
