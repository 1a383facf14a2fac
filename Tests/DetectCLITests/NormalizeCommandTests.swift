import Foundation
import Testing

/// Runs the built `sigflare normalize` on the shipped fixtures: output, summary, dead letters, exit status.
struct NormalizeCommandTests {
    @Test("every shipped sample normalizes, one ECS line per record, exit 0")
    func shippedSamples() throws {
        let samples = ValidateCommandTests.packageRoot.appendingPathComponent("Fixtures/cloudflare/dns_logs/dns_logs.ndjson")
        guard let run = try ValidateCommandTests.run(["normalize", samples.path]) else { return }
        #expect(run.status == 0, "stderr: \(run.stderr)")
        #expect(run.lines.count == 20)
        for line in run.lines {
            let object = try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any]
            #expect((object?["event"] as? [String: Any])?["dataset"] as? String == "dns_logs")
        }
        #expect(run.stderr.contains("20 events from 1 input, 0 rejected"))
    }

    @Test("bad lines go to the dead-letter file with input, line and reason; the rest is normalized; exit 3")
    func badLinesAreDeadLettered() throws {
        let input = ValidateCommandTests.packageRoot.appendingPathComponent("Fixtures/bad/malformed.ndjson")
        let deadLetters = FileManager.default.temporaryDirectory.appendingPathComponent("sigflare-dead-\(UUID()).jsonl")
        defer { try? FileManager.default.removeItem(at: deadLetters) }
        guard let run = try ValidateCommandTests.run(["normalize", "--dead-letter", deadLetters.path, input.path]) else {
            return
        }
        #expect(run.status == 3)
        #expect(run.lines.count == 6)
        #expect(run.stderr.contains("6 events from 1 input, 5 rejected"))
        let letters = try String(contentsOf: deadLetters, encoding: .utf8).split(separator: "\n")
        #expect(letters.count == 5)
        let first = try #require(try JSONSerialization.jsonObject(with: Data(letters[0].utf8)) as? [String: Any])
        #expect(first["input"] as? String == input.path)
        #expect(first["line"] as? Int == 2)
        #expect((first["reason"] as? String)?.hasPrefix("json.") == true)
        #expect(first["record"] is String)
    }

    @Test("a truncated gzip file keeps the lines before the cut and reports gzip.truncated")
    func truncatedGzip() throws {
        let input = ValidateCommandTests.packageRoot.appendingPathComponent("Fixtures/bad/truncated.ndjson.gz")
        guard let run = try ValidateCommandTests.run(["normalize", input.path]) else { return }
        #expect(run.status == 3)
        #expect(run.lines.count >= 3)
        #expect(run.stderr.contains("rejected gzip.truncated: 1"))
    }

    @Test("an unknown dataset is a usage error, exit 2")
    func unknownDataset() throws {
        guard let run = try ValidateCommandTests.run(["normalize", "--dataset", "nope", "-"]) else { return }
        #expect(run.status == 2)
        #expect(run.stderr.contains("unknown dataset 'nope'"))
    }
}
