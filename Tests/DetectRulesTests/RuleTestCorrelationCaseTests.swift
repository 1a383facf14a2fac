import DetectCore
import DetectRules
import Testing

/// Correlation cases of rule-test files (`events` and `alerts`; docs/rule-tests.md).
struct RuleTestCorrelationCaseTests {
    typealias P = RuleTestParserTests

    @Test("a correlation case holds its events in order and the expected alert count")
    func correlationCase() throws {
        let suite = try P.suite(
            """
            cases:
              - name: burst
                alerts: 2
                dataset: gateway_dns
                events:
                  - {"QueryName": "a.example", "Datetime": "2024-05-14T10:00:00Z"}
                  - '{"QueryName": "b.example", "Datetime": "2024-05-14T10:00:01Z"}'
              - name: single
                match: true
                event: {"QueryName": "c.example"}
            """)
        let burst = try #require(suite.cases.first)
        #expect(burst.isCorrelationCase)
        #expect(burst.expectedAlerts == 2)
        #expect(burst.dataset == "gateway_dns")
        #expect(burst.events.count == 2)
        #expect(burst.events.last == .jsonLine(#"{"QueryName": "b.example", "Datetime": "2024-05-14T10:00:01Z"}"#))
        #expect(suite.cases.last?.isCorrelationCase == false)
    }

    @Test("correlation cases: missing keys, detection keys mixed in, bad alerts and events are located")
    func brokenCases() {
        #expect(P.errors("cases:\n  - name: a\n    alerts: 1\n") == ["2:5 test.case.key.missing"])
        #expect(
            P.errors("cases:\n  - name: a\n    alerts: 1\n    match: true\n    events: [{}]\n")
                == ["4:5 test.value.type"])
        #expect(P.errors("cases:\n  - name: a\n    alerts: -1\n    events: [{}]\n") == ["3:13 test.value.type"])
        #expect(P.errors("cases:\n  - name: a\n    alerts: 1\n    events: []\n") == ["4:13 test.value.type"])
        #expect(P.errors("cases:\n  - name: a\n    alerts: 1\n    events: [12]\n") == ["4:14 test.event.type"])
    }
}
