import DetectECS
import Foundation
import Testing

/// Runs every Sekoia.io Cloudflare parser test case (`../shared/conformance/sekoia`) through the
/// normalizer and compares every field Sekoia expects, apart from the raw `message`.
@Suite("Sekoia conformance")
struct SekoiaConformanceTests {
    @Test("every Sekoia case agrees field by field or through a listed deviation")
    func sekoiaCases() throws {
        guard let root = SharedData.folder("conformance/sekoia") else { return }
        var runner = try ConformanceRunner()
        let folders = try FileManager.default.contentsOfDirectory(atPath: root.path).sorted()
        var cases = 0
        for folder in folders {
            let directory = root.appendingPathComponent(folder)
            guard CloudflareDataset(rawValue: folder) != nil,
                let files = try? FileManager.default.contentsOfDirectory(atPath: directory.path)
            else { continue }
            for file in files.sorted() where file.hasSuffix(".json") {
                let data = try Data(contentsOf: directory.appendingPathComponent(file))
                let test = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
                let input = try #require(test["input"] as? [String: Any])
                let expected = FlatDocument(try #require(test["expected"]))
                let wrapper = try JSONSerialization.data(withJSONObject: ["message": input["message"] as Any])
                let (actual, _) = try runner.normalize(String(decoding: wrapper, as: UTF8.self))
                cases += 1
                runner.compare(
                    source: "sekoia", dataset: folder, caseName: "\(folder)/\(file)", expected: expected,
                    actual: actual
                ) { field, _ in field != "message" }
            }
        }
        #expect(cases == 33, "the Sekoia corpus has 33 cases")
        runner.report(source: "sekoia")
    }
}
