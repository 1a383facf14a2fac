import DetectECS
import Foundation
import Testing

/// Runs every Elastic `cloudflare_logpush` pipeline fixture (`../shared/conformance/elastic`) through
/// the normalizer, checks that each record's dataset is detected, and compares the ECS fields Elastic
/// expects. Elastic's own `cloudflare_logpush.*` copies, `event.original`, `ecs.version` and `tags` are
/// not ECS output; `*.geo.*` / `*.as.*` values come from Elastic's GeoIP test databases unless the raw
/// record carries them, so only those found in the raw record are compared. A fixture record that belongs
/// to another dataset is listed in the deviations with the field `@detection`.
@Suite("Elastic conformance")
struct ElasticConformanceTests {
    @Test("every Elastic fixture is detected and agrees field by field or through a listed deviation")
    func elasticFixtures() throws {
        guard let root = SharedData.folder("conformance/elastic") else { return }
        var runner = try ConformanceRunner()
        var detected: Set<CloudflareDataset> = []
        var events = 0
        for stream in try FileManager.default.contentsOfDirectory(atPath: root.path).sorted() {
            let directory = root.appendingPathComponent(stream)
            guard let files = try? FileManager.default.contentsOfDirectory(atPath: directory.path) else { continue }
            let dataset = try #require(CloudflareDataset(name: stream), "no dataset for Elastic stream \(stream)")
            for file in files.sorted() where file.hasSuffix(".log") {
                let lines = try String(contentsOf: directory.appendingPathComponent(file), encoding: .utf8)
                    .split(separator: "\n").map(String.init)
                let expectedData = try Data(contentsOf: directory.appendingPathComponent(file + "-expected.json"))
                let expected = try #require(
                    (try JSONSerialization.jsonObject(with: expectedData) as? [String: Any])?["expected"] as? [Any]
                )
                #expect(lines.count == expected.count, "\(stream)/\(file): one expected document per line")
                for (index, (line, document)) in zip(lines, expected).enumerated() {
                    events += 1
                    let (actual, record) = try runner.normalize(line)
                    let caseName = "\(stream)#\(index + 1)"
                    if record == .cloudflare(dataset) {
                        detected.insert(dataset)
                    } else if runner.deviations.explain(
                        source: "elastic", dataset: dataset.rawValue, caseName: caseName, field: "@detection"
                    ) == nil {
                        Issue.record("\(stream)/\(file) line \(index + 1) detected as \(record)")
                    }
                    let rawValues = Set(FlatDocument(try JSONSerialization.jsonObject(with: Data(line.utf8)))
                        .leaves.values.map { $0.lowercased() })
                    runner.compare(
                        source: "elastic", dataset: dataset.rawValue, caseName: caseName,
                        expected: FlatDocument(document), actual: actual
                    ) { field, value in
                        Self.isECS(field) && (!Self.isEnrichment(field) || rawValues.contains(value.lowercased()))
                    }
                }
            }
        }
        #expect(events == 80, "the Elastic corpus has 80 fixture events")
        #expect(detected.count == 25, "all 25 datasets are detected on Elastic's inputs")
        runner.report(source: "elastic")
    }

    static func isECS(_ field: String) -> Bool {
        !(field.hasPrefix("cloudflare_logpush.") || field == "event.original" || field == "ecs.version"
            || field == "tags" || field.hasPrefix("data_stream.") || field.hasPrefix("input."))
    }

    static func isEnrichment(_ field: String) -> Bool {
        field.contains(".geo.") || field.contains(".as.")
    }
}
