import DetectCore
import DetectECS
import DetectJSON
import Foundation
import Testing

/// Normalizes reference inputs and compares our ECS output with the reference's expected output.
struct ConformanceRunner {
    var normalizer: ECSNormalizer
    var deviations: Deviations
    var compared = 0
    var agreed = 0
    var deviated = 0
    var failures: [String] = []
    let verbose = ProcessInfo.processInfo.environment["CONFORMANCE_VERBOSE"] != nil

    init() throws {
        self.normalizer = ECSNormalizer(publicSuffixList: try PublicSuffixList())
        self.deviations = try Deviations(
            folder: SharedData.repositoryRoot.appendingPathComponent("Fixtures/conformance/deviations")
        )
    }

    /// Our ECS output for one raw line, flattened, and the record kind the normalizer saw.
    mutating func normalize(_ line: String) throws -> (FlatDocument, NormalizedRecord) {
        var event = Event()
        var bytes = Array(line.utf8)
        let record = try bytes.withUnsafeMutableBytes { raw in
            try self.normalizer.normalize(UnsafeRawBufferPointer(raw), into: &event)
        }
        var writer = JSONWriter()
        var scratch = EventWriterScratch()
        writer.writeEvent(event, table: FieldRegistry.shared.table(), scratch: &scratch)
        bytes = writer.output
        return (try FlatDocument(json: Data(bytes)), record)
    }

    /// Compares every expected leaf that `include` accepts with ours.
    mutating func compare(
        source: String, dataset: String, caseName: String, expected: FlatDocument, actual: FlatDocument,
        include: (String, String) -> Bool
    ) {
        for (field, value) in expected.leaves.sorted(by: { $0.key < $1.key }) where include(field, value) {
            self.compared += 1
            let ours = actual.leaves[field]
            if let ours, FlatDocument.agree(value, ours) {
                self.agreed += 1
                continue
            }
            let difference = "\(source) \(caseName) \(field): expected \(value.prefix(120)), got \(ours.map { String($0.prefix(120)) } ?? "nothing")"
            if let entry = self.deviations.explain(source: source, dataset: dataset, caseName: caseName, field: field) {
                self.deviated += 1
                if self.verbose { print("deviation (\(entry.line)): \(difference)") }
            } else {
                self.failures.append("[\(dataset)] \(difference)")
            }
        }
    }

    /// Prints the agreement figure and records a test issue per unexplained difference and stale deviation.
    func report(source: String) {
        print(
            "\(source) conformance: \(self.agreed)/\(self.compared) fields agree, \(self.deviated) listed deviations, "
                + "\(self.failures.count) unexplained"
        )
        for failure in self.failures { Issue.record(Comment(rawValue: failure)) }
        for entry in self.deviations.unused(source: source) {
            Issue.record("deviations \(entry.line) matches no difference any more; remove it: \(entry.field)")
        }
    }
}
