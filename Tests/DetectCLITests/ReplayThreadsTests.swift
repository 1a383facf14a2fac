import Foundation
import Testing

/// `sigflare replay --threads N` writes exactly what `--threads 1` writes: the same alert bytes in the same
/// order, the same dead letters in input order, the same summary. Skips (with a notice) when the executable is
/// not built.
struct ReplayThreadsTests {
    static let root = ValidateCommandTests.packageRoot

    /// The outputs of one replay.
    struct Output: Equatable {
        var status: Int32
        var alerts: Data
        var deadLetters: Data
        /// Standard error with the run's seconds and rates blanked out.
        var summary: String
    }

    /// Replays `inputs` with the shipped rules and both IOC directories on `threads` threads.
    static func replay(_ inputs: [String], threads: Int, options: [String] = []) throws -> Output? {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("threads-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let alerts = directory.appendingPathComponent("alerts.jsonl")
        let deadLetters = directory.appendingPathComponent("dead.jsonl")
        let arguments =
            [
                "replay", "--threads", String(threads), "--rules", "Rules", "--ioc", "Rules/iocs", "--ioc", "Fixtures/iocs",
                "--alerts", alerts.path, "--dead-letter", deadLetters.path,
            ] + options + inputs
        guard let run = try ValidateCommandTests.run(arguments) else { return nil }
        let timing = try Regex(#"[0-9.]+ s, [0-9]+ events/s, [0-9.]+ MB/s"#)
        return Output(
            status: run.status, alerts: try Data(contentsOf: alerts), deadLetters: try Data(contentsOf: deadLetters),
            summary: run.stderr.replacing(timing, with: "…"))
    }

    /// The `--max-line-bytes` of the run with rejections.
    static let maxLineBytes = 1 << 16

    /// The replay samples, relative to the package root.
    static func samples() throws -> [String] {
        try ReplayFixturesTests.inputs()
    }

    /// A file of about 4 MiB (several batches): the NDJSON samples over and over, with a malformed line, a line
    /// longer than ``maxLineBytes``, invalid UTF-8, a blank line or a JSON array every few dozen records.
    static func inputWithRejections() throws -> URL {
        var records: [Data] = []
        for sample in try Self.samples() where sample.hasSuffix(".ndjson") {
            let text = try Data(contentsOf: Self.root.appendingPathComponent(sample))
            records += text.split(separator: UInt8(ascii: "\n")).map { Data($0) }
        }
        let bad: [Data] = [
            Data(#"{"ClientIP": "#.utf8), Data(#"{"message":"\#(String(repeating: "x", count: Self.maxLineBytes))"}"#.utf8),
            Data([0x7B, 0x22, 0x61, 0x22, 0x3A, 0x22, 0xFF, 0x22, 0x7D]), Data("   ".utf8), Data("[1,2]".utf8),
        ]
        var file = Data()
        var index = 0
        while file.count < 4 << 20 {
            file += records[index % records.count]
            file.append(UInt8(ascii: "\n"))
            if index % 37 == 0 {
                file += bad[(index / 37) % bad.count]
                file.append(UInt8(ascii: "\n"))
            }
            index += 1
        }
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("threads-\(UUID().uuidString).ndjson")
        try file.write(to: url)
        return url
    }

    @Test("the replay samples: alerts and summary of --threads 2 and 3 equal --threads 1 byte for byte")
    func samplesAreIdentical() throws {
        let inputs = try Self.samples()
        guard let one = try Self.replay(inputs, threads: 1) else { return }
        #expect(one.status == 0)
        #expect(one.alerts.count > 10_000)
        #expect(one.summary.contains("correlation alerts"))
        for threads in [2, 3] {
            let many = try #require(try Self.replay(inputs, threads: threads))
            #expect(many == one, "--threads \(threads) differs from --threads 1")
        }
    }

    @Test("rejected lines across several batches: dead letters in input order, alerts and summary identical")
    func rejectionsAreIdentical() throws {
        let input = try Self.inputWithRejections()
        defer { try? FileManager.default.removeItem(at: input) }
        let inputs = [input.path, "Fixtures/replay/gateway_dns_20240514T090000Z_20240515T000000Z.ndjson.gz", input.path]
        let options = ["--max-line-bytes", String(Self.maxLineBytes)]
        guard let one = try Self.replay(inputs, threads: 1, options: options) else { return }
        #expect(one.status == 3)
        let lines = one.deadLetters.split(separator: UInt8(ascii: "\n"))
        #expect(lines.count > 100)
        #expect(one.summary.contains("rejected line.too_long"))
        let numbers = try lines.map { line in
            let object = try #require(JSONSerialization.jsonObject(with: Data(line)) as? [String: Any])
            return try #require(object["line"] as? Int)
        }
        // Two passes over the same file: line numbers rise, start again once, and rise again.
        #expect(zip(numbers, numbers.dropFirst()).filter { $0 >= $1 }.count == 1)
        let many = try #require(try Self.replay(inputs, threads: 2, options: options))
        #expect(many == one)
    }

    @Test("--threads outside 1...256 is a usage error")
    func threadsValidated() throws {
        for value in ["0", "-1", "257"] {
            guard let run = try ValidateCommandTests.run(["replay", "--threads", value, "-"]) else { return }
            #expect(run.status == 2, "--threads \(value): exit \(run.status)")
            #expect(run.stderr.contains("--threads"))
        }
    }
}
