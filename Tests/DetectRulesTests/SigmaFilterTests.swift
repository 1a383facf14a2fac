import DetectCore
import DetectRules
import Testing

struct SigmaFilterTests {
    static let rules = """
        title: Data compressed
        id: 6f3e2987-db24-4c78-a860-b4f4095a7095
        logsource: {category: process_creation, product: windows}
        detection: {sel: {Image|endswith: '\\rar.exe'}, condition: sel}
        ---
        title: Jump host login
        name: jump_host_login
        logsource: {category: process_creation, product: windows}
        detection: {sel: {User: x}, condition: sel}
        """

    @Test("a filter document loads and finds the rules it names")
    func loads() throws {
        let (set, diagnostics) = TestSupport.load(
            Self.rules + """

                ---
                title: Filter Administrator account
                description: The valid administrator account start with adm_
                logsource:
                    category: process_creation
                    product: windows
                filter:
                    rules:
                        - 6f3e2987-db24-4c78-a860-b4f4095a7095
                        - jump_host_login
                    selection:
                        User|startswith: 'adm_'
                    condition: selection
                """)
        #expect(diagnostics.isEmpty, "\(diagnostics)")
        let filter = try #require(set.filters.first)
        #expect(filter.title == "Filter Administrator account")
        #expect(filter.rules.map(\.value) == ["6f3e2987-db24-4c78-a860-b4f4095a7095", "jump_host_login"])
        #expect(filter.detection.identifiers.map(\.name) == ["selection"])
        #expect(filter.detection.condition.treeDescription == "selection")
        #expect(set.rules.allSatisfy { set.filters(for: $0).count == 1 })
    }

    @Test("filter problems are diagnosed")
    func problems() {
        let unknown = TestSupport.load(
            Self.rules + """

                ---
                title: f
                logsource: {category: process_creation}
                filter: {rules: [nope], sel: {a: b}, condition: sel}
                """)
        #expect(unknown.1.map(\.code) == ["filter.rules.unknown"])
        #expect(unknown.0.filters.count == 1)

        let missing = TestSupport.load("title: f\nlogsource: {category: x}\nfilter: {sel: {a: b}, condition: sel}\n")
        #expect(missing.1.map(\.code) == ["filter.rules.missing"])
        let badCondition = TestSupport.load(
            "title: f\nlogsource: {category: x}\nfilter: {rules: [r], sel: {a: b}, condition: sel and rules}\n")
        #expect(badCondition.1.map(\.code) == ["rule.condition.undefined"])
        let notMap = TestSupport.load("title: f\nlogsource: {category: x}\nfilter: [a]\n")
        #expect(notMap.1.map(\.code) == ["filter.invalid"])
        let noLogsource = TestSupport.load("title: f\nfilter: {rules: [r], sel: {a: b}, condition: sel}\n")
        #expect(noLogsource.1.map(\.code) == ["rule.logsource.missing"])
    }
}
