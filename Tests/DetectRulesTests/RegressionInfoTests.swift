import DetectCore
import DetectRules
import Testing

/// SigmaHQ keeps regression-test descriptions (`info.yml`) beside its rules; loading its repository must
/// not report them as broken Sigma documents.
struct RegressionInfoTests {
    @Test("a SigmaHQ regression-test description is skipped without a diagnostic")
    func regressionInfoIsSkipped() {
        let yaml = """
            id: 78f47243-0906-4e62-b75d-e23d58f0ddd7
            description: N/A
            rule_metadata:
                - id: ef0ff092-a24a-4fbc-beea-06c08d53e085
                  title: Cisco Dot1x Disabled
            """
        let (set, diagnostics) = RuleLoader().load(yaml: yaml, file: "info.yml")
        #expect(diagnostics.isEmpty)
        #expect(set.rules.isEmpty && set.rejected.isEmpty)
    }

    @Test("a document with neither rule keys nor regression-test keys is still reported")
    func unknownDocumentIsReported() {
        let (_, diagnostics) = RuleLoader().load(yaml: "colour: blue\n", file: "other.yml")
        #expect(diagnostics.map(\.code) == ["document.kind.unknown"])
    }
}
