import DetectECS
@testable import DetectIntake
import Testing

struct IntakeCountersTests {
    @Test("events are counted per dataset, unknown record and ECS document, and summarised by name")
    func countsByDataset() {
        var counters = IntakeCounters()
        let records: [NormalizedRecord] = [
            .cloudflare(.httpRequests), .ecs, .cloudflare(.httpRequests), .unknown, .cloudflare(.warpToggleChanges),
            .cloudflare(.firewallEvents), .ecs, .cloudflare(.httpRequests),
        ]
        for record in records { counters.count(record) }
        #expect(counters.events == 8)
        #expect(
            counters.datasets == [
                "http_requests": 3, "ecs": 2, CloudflareDataset.unknownName: 1, "warp_toggle_changes": 1,
                "firewall_events": 1,
            ])
        #expect(
            Array(counters.summaryLines(seconds: 0).dropFirst()) == [
                "  dataset cloudflare.unknown: 1", "  dataset ecs: 2", "  dataset firewall_events: 1",
                "  dataset http_requests: 3", "  dataset warp_toggle_changes: 1",
            ])
    }

    @Test("every dataset has a counter of its own")
    func everyDataset() {
        var counters = IntakeCounters()
        for dataset in CloudflareDataset.allCases { counters.count(.cloudflare(dataset)) }
        #expect(counters.datasets == Dictionary(uniqueKeysWithValues: CloudflareDataset.allCases.map { ($0.rawValue, 1) }))
    }
}
