import DetectCore
import DetectEngine
import DetectRules
import Foundation
import DetectTesting
import Testing

/// The rule index changes which rules are evaluated, never the answers: the same matches, in the same order,
/// with the same witnesses, as evaluating every rule (`RuleCompiler.Options.indexesRules` off).
struct RuleIndexDifferentialTests {
    @Test("index on and off agree on generated rules and events", arguments: 0..<24)
    func generatedRules(seed: Int) throws {
        var rules = RandomRules(random: SplitMix64(seed: UInt64(seed) &* 0x1000_0001))
        var events = RandomEvents(random: SplitMix64(seed: UInt64(seed) &* 0x2000_0003 &+ 7))
        let yaml = (0..<60).map { rules.rule(index: seed * 1000 + $0) }.joined(separator: "---\n")
        let pipelines = EngineTestSupport.pipelines(RandomRules.pipeline)
        let (ruleSet, _) = RuleLoader().load(yaml: yaml, file: "generated-\(seed).yml")
        let (indexed, unindexed) = Self.compileBoth(ruleSet, pipelines: pipelines, iocs: DifferentialTests.iocs)
        #expect(indexed.indexedRuleCount > 0)
        let jsons = (0..<80).map { _ in events.event() }
        // Three passes with one scratch: its scan memo sees each value, then stores it, then answers from it.
        var scratch = EvaluationScratch()
        var matched = 0
        for _ in 0..<3 {
            for json in jsons {
                matched += try Self.compare(indexed, unindexed, json: json, dataset: nil, scratch: &scratch)
            }
        }
        #expect(matched > 0)
    }

    @Test("index on and off agree on the SigmaHQ web rules (the 147-rule bench set)")
    func sigmaHQWebRules() throws {
        guard let directory = try Self.scaleRules() else { return }
        defer { try? FileManager.default.removeItem(at: directory) }
        let pipelinePath = EngineTestSupport.packageRoot.appendingPathComponent("Rules/pipelines/cloudflare-ecs.yml").path
        let (pipelines, _) = RuleLoader().loadPipelines(paths: [pipelinePath])
        let (ruleSet, _) = RuleLoader.load(paths: [directory.path])
        #expect(ruleSet.rules.count == 147)
        let (indexed, unindexed) = Self.compileBoth(ruleSet, pipelines: pipelines, iocs: .empty)
        print("sigmahq web rules: \(indexed.count) compiled, \(indexed.indexedRuleCount) indexed")
        #expect(indexed.indexedRuleCount > indexed.count / 2)

        // Events from the bench generator, and the same events with rule values planted in their fields so
        // that most rules become candidates and many match.
        let values = try Self.ruleValues(in: directory)
        var random = SplitMix64(seed: 42)
        var scratch = EvaluationScratch()
        var matched = 0
        var compared = 0
        for line in try Self.generatedEvents(count: 1500) {
            matched += try Self.compare(indexed, unindexed, json: line, dataset: "http_requests", scratch: &scratch)
            var object = try #require(JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])
            Self.plant(values, into: &object, random: &random)
            let planted = String(decoding: try JSONSerialization.data(withJSONObject: object), as: UTF8.self)
            matched += try Self.compare(indexed, unindexed, json: planted, dataset: "http_requests", scratch: &scratch)
            compared += 2
        }
        print("sigmahq web rules: \(matched) matches over \(compared) events, index on and off identical")
        #expect(matched > compared / 10)
    }

    // MARK: Helpers

    static func compileBoth(
        _ ruleSet: RuleSet, pipelines: [ProcessingPipeline], iocs: IOCCatalog
    ) -> (CompiledRuleSet, CompiledRuleSet) {
        let indexed = RuleCompiler(pipelines: pipelines, iocs: iocs).compile(ruleSet).0
        let unindexed = RuleCompiler(
            pipelines: pipelines, iocs: iocs, options: RuleCompiler.Options(indexesRules: false)
        ).compile(ruleSet).0
        #expect(unindexed.indexedRuleCount == 0)
        #expect(indexed.count == unindexed.count)
        return (indexed, unindexed)
    }

    /// Evaluates `json` with both sets, expects identical matches; returns how many there were. `scratch` is
    /// reused from event to event, as a detector does (its scan memo answers for repeated values).
    static func compare(
        _ indexed: CompiledRuleSet, _ unindexed: CompiledRuleSet, json: String, dataset: String?,
        scratch: inout EvaluationScratch
    ) throws -> Int {
        let event = try EngineTestSupport.event(json)
        let expected = unindexed.evaluate(event, dataset: dataset, scratch: &scratch)
        let actual = indexed.evaluate(event, dataset: dataset, scratch: &scratch)
        #expect(actual == expected, "event: \(json)")
        return expected.count
    }

    /// The 147-rule set of `../shared/bench/README.md`, built by its `map_sigmahq_web.py` into a temporary
    /// directory with the 5 bench rules; `nil` (with a notice) when `../shared` or `python3` is missing.
    static func scaleRules() throws -> URL? {
        let shared = EngineTestSupport.packageRoot.deletingLastPathComponent().appendingPathComponent("shared")
        let script = shared.appendingPathComponent("bench/map_sigmahq_web.py")
        guard FileManager.default.fileExists(atPath: script.path),
            FileManager.default.fileExists(atPath: EngineTestSupport.corpusRoot.path)
        else {
            print("skipped: ../shared/bench or ../shared/sigma-corpus not found")
            return nil
        }
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("sigflare-scale-\(UUID())")
        guard Self.run("python3", [script.path, EngineTestSupport.corpusRoot.path, directory.path]) != nil else {
            print("skipped: python3 with yaml could not run map_sigmahq_web.py")
            return nil
        }
        let benchRules = shared.appendingPathComponent("bench/rules")
        for file in try FileManager.default.contentsOfDirectory(atPath: benchRules.path) where file.hasSuffix(".yml") {
            try FileManager.default.copyItem(
                at: benchRules.appendingPathComponent(file), to: directory.appendingPathComponent(file))
        }
        return directory
    }

    /// The first `count` events of `gen_events.py --seed 1`.
    static func generatedEvents(count: Int) throws -> [String] {
        let shared = EngineTestSupport.packageRoot.deletingLastPathComponent().appendingPathComponent("shared")
        let output = FileManager.default.temporaryDirectory.appendingPathComponent("sigflare-events-\(UUID()).jsonl")
        defer { try? FileManager.default.removeItem(at: output) }
        let script = shared.appendingPathComponent("bench/gen_events.py").path
        _ = try #require(Self.run("python3", [script, "--count", "\(count)", "--seed", "1", "--out", output.path]))
        return try String(contentsOf: output, encoding: .utf8).split(separator: "\n").map(String.init)
    }

    /// The string values written in the rules' detections (list items and `key: value` scalars), without
    /// Sigma wildcards.
    static func ruleValues(in directory: URL) throws -> [String] {
        var values: Set<String> = []
        for file in try FileManager.default.contentsOfDirectory(atPath: directory.path) where file.hasSuffix(".yml") {
            let text = try String(contentsOf: directory.appendingPathComponent(file), encoding: .utf8)
            guard let detection = text.range(of: "detection:") else { continue }
            for line in text[detection.upperBound...].split(separator: "\n") {
                let trimmed = line.trimmingCharacters(in: .whitespaces)
                if trimmed.hasPrefix("condition:") { break }
                var value = trimmed
                if value.hasPrefix("- ") {
                    value.removeFirst(2)
                } else if let colon = value.range(of: ": ") {
                    value = String(value[colon.upperBound...])
                } else {
                    continue
                }
                value = value.trimmingCharacters(in: CharacterSet(charactersIn: "'\" "))
                value = value.replacingOccurrences(of: "*", with: "")
                if !value.isEmpty { values.insert(value) }
            }
        }
        return values.sorted()
    }

    /// Puts rule values (alone, or inside other text) into the fields the rules look at.
    static func plant(_ values: [String], into object: inout [String: Any], random: inout SplitMix64) {
        func pick() -> String {
            let value = values[Int(random.next() % UInt64(values.count))]
            switch random.next() % 3 {
            case 0: return value
            case 1: return "/x/" + value + "?y=1"
            default: return "Mozilla/5.0 " + value
            }
        }
        var url = object["url"] as? [String: Any] ?? [:]
        url["path"] = pick()
        url["query"] = pick()
        url["original"] = pick()
        url["domain"] = pick()
        object["url"] = url
        object["user_agent"] = ["original": pick()]
        var http = object["http"] as? [String: Any] ?? [:]
        var request = http["request"] as? [String: Any] ?? [:]
        if random.next() % 2 == 0 { request["method"] = pick() }
        request["referrer"] = pick()
        http["request"] = request
        object["http"] = http
    }

    /// Runs a program found on `PATH`; its standard output, or `nil` when it cannot run or fails.
    static func run(_ program: String, _ arguments: [String]) -> String? {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = [program] + arguments
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = FileHandle.nullDevice
        do { try process.run() } catch { return nil }
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return process.terminationStatus == 0 ? String(decoding: data, as: UTF8.self) : nil
    }
}
