import DetectCore
import DetectEngine
import DetectRules
import Foundation
import Testing

struct EngineDiagnosticCodeTests {
    @Test("docs/semantics.md lists every engine code with its severity, and nothing else")
    func documented() throws {
        let path = EngineTestSupport.packageRoot.appendingPathComponent("docs/semantics.md").path
        let text = try String(contentsOfFile: path, encoding: .utf8)
        guard let start = text.range(of: "## Compiler diagnostics") else {
            Issue.record("docs/semantics.md has no \"Compiler diagnostics\" section")
            return
        }
        var documented: [String: String] = [:]
        for line in text[start.upperBound...].split(separator: "\n") where line.hasPrefix("| `") {
            let cells = line.split(separator: "|").map { $0.trimmingCharacters(in: .whitespaces) }
            guard cells.count >= 2 else { continue }
            documented[cells[0].trimmingCharacters(in: CharacterSet(charactersIn: "`"))] = cells[1]
        }
        for code in EngineDiagnosticCode.allCases {
            #expect(documented[code.rawValue] == code.severity.rawValue, "\(code.rawValue)")
        }
        #expect(Set(documented.keys) == Set(EngineDiagnosticCode.allCases.map(\.rawValue)))
    }

    @Test("engine codes are dotted, lowercase, and distinct from the loader's")
    func distinct() {
        let codes = EngineDiagnosticCode.allCases.map(\.rawValue)
        #expect(Set(codes).count == codes.count)
        #expect(Set(codes).isDisjoint(with: SigmaDiagnosticCode.allCases.map(\.rawValue)))
        for code in codes {
            #expect(code.contains("."))
            #expect(code == code.lowercased())
        }
    }
}
