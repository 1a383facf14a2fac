import Foundation
import Testing

/// Replays the shipped one-day samples (`Fixtures/replay/`) through the shipped rule pack (`Rules/`) with the
/// shipped and the demo IOC lists (`--ioc Rules/iocs --ioc Fixtures/iocs`), as the README's quick start does,
/// and compares the alerts per `rule.name` with the tables of `Fixtures/replay/EXPECTED.md` (written by
/// scripts/make_replay_fixtures.py, the one place the expected counts live). Skips (with a notice) when the
/// executable is not built.
struct ReplayFixturesTests {
    static let root = ValidateCommandTests.packageRoot
    static let samples = Self.root.appendingPathComponent("Fixtures/replay")

    /// Alert counts by rule title, from the rows `| Title | N | … |` of EXPECTED.md (detection and correlation
    /// tables alike).
    static func expectedCounts() throws -> [String: Int] {
        let text = try String(
            contentsOf: Self.samples.appendingPathComponent("EXPECTED.md"), encoding: .utf8)
        var counts: [String: Int] = [:]
        for line in text.split(separator: "\n") where line.hasPrefix("| ") {
            let cells = line.split(separator: "|", omittingEmptySubsequences: false)
                .map { $0.trimmingCharacters(in: .whitespaces) }
            // Header, separator and file rows have no count in their second cell.
            guard cells.count >= 4, let count = Int(cells[2]) else { continue }
            counts[cells[1]] = count
        }
        return counts
    }

    /// The titles of the shipped rules (`title:` of each rule file under Rules/, rule tests excluded), split
    /// into detection rules and correlation rules.
    static func shippedRules() throws -> (detections: Set<String>, correlations: Set<String>) {
        var detections: Set<String> = []
        var correlations: Set<String> = []
        let rules = Self.root.appendingPathComponent("Rules")
        let files = try #require(FileManager.default.enumerator(at: rules, includingPropertiesForKeys: nil))
        for case let file as URL in files
        where file.pathExtension == "yml" && !file.lastPathComponent.hasSuffix(".tests.yml") {
            let lines = try String(contentsOf: file, encoding: .utf8).split(separator: "\n")
            // Pipelines have no title.
            guard let title = lines.first(where: { $0.hasPrefix("title:") }) else { continue }
            let name = title.dropFirst("title:".count).trimmingCharacters(in: CharacterSet(charactersIn: " '\""))
            if lines.contains(where: { $0.hasPrefix("correlation:") }) {
                correlations.insert(name)
            } else {
                detections.insert(name)
            }
        }
        return (detections, correlations)
    }

    /// The sample files (`.ndjson`, `.ndjson.gz`) relative to the package root, sorted.
    static func inputs() throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: Self.samples.path)
            .filter { $0.hasSuffix(".ndjson") || $0.hasSuffix(".ndjson.gz") }
            .sorted()
            .map { "Fixtures/replay/\($0)" }
    }

    @Test("replaying the samples raises exactly EXPECTED.md's alerts per rule, every shipped rule, no rejection")
    func expectedAlerts() throws {
        let inputs = try Self.inputs()
        #expect(inputs.contains { $0.hasSuffix(".ndjson") } && inputs.contains { $0.hasSuffix(".ndjson.gz") })
        guard
            let run = try ValidateCommandTests.run(
                ["replay", "--ioc", "Rules/iocs", "--ioc", "Fixtures/iocs"] + inputs)
        else { return }
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stderr.contains(", 0 rejected,"), "\(run.stderr)")

        var actual: [String: Int] = [:]
        for alert in try ReplayCommandTests.alerts(run) {
            let name = try #require(ReplayCommandTests.value(alert, "rule.name") as? String)
            actual[name, default: 0] += 1
        }
        let expected = try Self.expectedCounts()
        let shipped = try Self.shippedRules()
        #expect(shipped.detections.count >= 21, "\(shipped.detections.sorted())")

        // Every shipped detection rule is expected to fire, and does so exactly as often as EXPECTED.md says.
        for title in shipped.detections.sorted() {
            let want = expected[title] ?? 0
            #expect(want >= 1, "EXPECTED.md has no row for the shipped rule '\(title)'")
            #expect(actual[title] ?? 0 == want, "\(title): \(actual[title] ?? 0) alerts, EXPECTED.md says \(want)")
        }
        // Correlation rows count once their rule is shipped.
        for title in shipped.correlations.sorted() {
            #expect(actual[title] ?? 0 == expected[title] ?? 0, "\(title): \(actual[title] ?? 0) alerts")
        }
        // The benign records raise nothing: every alert belongs to a rule of EXPECTED.md.
        let unexpected = actual.filter { expected[$0.key] == nil }
        #expect(unexpected.isEmpty, "alerts of rules not in EXPECTED.md: \(unexpected)")
    }
}
