import Foundation
import Testing

/// Runs the built `sigflare replay` as a user would: alerts on stdout per the alert contract, the summary on
/// stderr, rule errors, determinism and streaming. Skips (with a notice) when the executable is not built.
struct ReplayCommandTests {
    static let rules = ValidateCommandTests.packageRoot.appendingPathComponent("Fixtures/rules/replay")

    /// A Gateway DNS query for the Telegram bot API.
    static let telegramQuery =
        #"{"Datetime":"2024-05-02T10:00:00Z","QueryName":"api.telegram.org","QueryType":1,"SrcIP":"10.0.0.5","#
        + #""ResolverDecision":"allowedOnNoPolicyMatch","Email":"ana@example.com"}"#
    /// An HTTP request with a curl user agent and a Ray ID.
    static let curlRequest =
        #"{"RayID":"7f1a2b3c4d5e6f70","EdgeStartTimestamp":1714644000000000000,"ClientIP":"203.0.113.9","#
        + #""ClientRequestHost":"www.example.com","ClientRequestMethod":"GET","ClientRequestURI":"/","#
        + #""ClientRequestUserAgent":"curl/8.5.0","EdgeResponseStatus":200}"#
    /// The same request as an ECS document, as Elastic's integration names the dataset.
    static let curlDocument =
        #"{"@timestamp":"2024-05-02T10:00:00Z","event":{"dataset":"cloudflare.http_request","id":"7f1a2b3c4d5e6f71"},"#
        + #""user_agent":{"original":"curl/8.5.0"},"source":{"ip":"203.0.113.9"}}"#

    /// Writes `lines` to a temporary input file.
    static func input(_ lines: [String], name: String = "input.ndjson") throws -> URL {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("replay-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        let file = directory.appendingPathComponent(name)
        try Data((lines.joined(separator: "\n") + "\n").utf8).write(to: file)
        return file
    }

    static func alerts(_ run: ValidateCommandTests.Run) throws -> [[String: Any]] {
        try run.lines.map { line in
            try #require(JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])
        }
    }

    static func value(_ object: [String: Any], _ path: String) -> Any? {
        var current: Any? = object
        for key in path.split(separator: ".") { current = (current as? [String: Any])?[String(key)] }
        return current
    }

    @Test("an alert is the triggering ECS event with rule, severity, threat, alert id and match fields")
    func alertContract() throws {
        let input = try Self.input([Self.telegramQuery, Self.curlRequest])
        let good = Self.rules.appendingPathComponent("good").path
        guard let run = try ValidateCommandTests.run(["replay", "--rules", good, input.path]) else { return }
        #expect(run.status == 0, "\(run.stderr)")
        let alerts = try Self.alerts(run)
        try #require(alerts.count == 2)
        let telegram = alerts[0]
        #expect(Self.value(telegram, "event.kind") as? String == "alert")
        #expect(Self.value(telegram, "event.dataset") as? String == "gateway_dns")
        #expect(Self.value(telegram, "@timestamp") as? String == "2024-05-02T10:00:00.000000Z")
        #expect(Self.value(telegram, "cloudflare.QueryName") as? String == "api.telegram.org")
        #expect(Self.value(telegram, "rule.id") as? String == "5b0c2a8e-4a47-4d55-9a0e-3b6f0f4d1a01")
        #expect(Self.value(telegram, "rule.name") as? String == "Telegram API over DNS (replay test)")
        #expect(Self.value(telegram, "rule.reference") as? [String] == ["https://core.telegram.org/bots/api"])
        #expect(Self.value(telegram, "rule.author") as? String == "sigflare tests")
        #expect(Self.value(telegram, "rule.ruleset") as? String == "good")
        #expect(Self.value(telegram, "sigflare.rule.level") as? String == "medium")
        #expect(Self.value(telegram, "event.severity") as? Int == 47)
        #expect(Self.value(telegram, "threat.framework") as? String == "MITRE ATT&CK")
        #expect(Self.value(telegram, "threat.tactic.id") as? [String] == ["TA0010"])
        #expect(Self.value(telegram, "threat.technique.id") as? [String] == ["T1567"])
        #expect(Self.value(telegram, "threat.technique.subtechnique.id") as? [String] == ["T1567.002"])
        #expect(Self.value(telegram, "sigflare.match.selection") as? String == "selection")
        #expect(Self.value(telegram, "sigflare.match.field") as? String == "dns.question.name")
        #expect(Self.value(telegram, "sigflare.match.value") as? String == "api.telegram.org")
        let id = try #require(Self.value(telegram, "sigflare.alert.id") as? String)
        #expect(id.count == 32 && id.allSatisfy(\.isHexDigit))

        let curl = alerts[1]
        #expect(Self.value(curl, "event.id") as? String == "7f1a2b3c4d5e6f70")
        #expect(Self.value(curl, "rule.name") as? String == "curl user agent (replay test)")
        #expect(Self.value(curl, "event.severity") as? Int == 21)
        #expect(Self.value(curl, "threat") == nil)
        #expect(run.stderr.contains("2 events from 1 input, 0 rejected"))
        #expect(run.stderr.contains("2 alerts"))
        #expect(run.stderr.contains("alerts Telegram API over DNS (replay test): 1"))
    }

    @Test("ECS documents are routed by the dataset their event.dataset names, Elastic's names included")
    func ecsDocuments() throws {
        let input = try Self.input([Self.curlDocument])
        let good = Self.rules.appendingPathComponent("good").path
        guard let run = try ValidateCommandTests.run(["replay", "--rules", good, input.path]) else { return }
        let alerts = try Self.alerts(run)
        try #require(alerts.count == 1)
        #expect(Self.value(alerts[0], "event.kind") as? String == "alert")
        #expect(Self.value(alerts[0], "event.dataset") as? String == "cloudflare.http_request")
        #expect(Self.value(alerts[0], "event.id") as? String == "7f1a2b3c4d5e6f71")
    }

    @Test("the same input gives byte-identical alerts; alert ids follow the event, not the run or its position")
    func determinism() throws {
        let good = Self.rules.appendingPathComponent("good").path
        let first = try Self.input([Self.curlRequest, Self.telegramQuery])
        let second = try Self.input(["{}", Self.telegramQuery, Self.curlRequest])
        guard let a = try ValidateCommandTests.run(["replay", "--rules", good, first.path]),
            let b = try ValidateCommandTests.run(["replay", "--rules", good, first.path]),
            let c = try ValidateCommandTests.run(["replay", "--rules", good, second.path])
        else { return }
        #expect(a.lines == b.lines)
        #expect(a.lines.count == 2)
        #expect(Set(a.lines) == Set(c.lines))
        #expect(c.lines.first?.contains("api.telegram.org") == true)
    }

    @Test("a broken rule is reported with its position and skipped; --strict refuses to start")
    func brokenRules() throws {
        let input = try Self.input([Self.curlRequest])
        let broken = Self.rules.appendingPathComponent("broken").path
        guard let lenient = try ValidateCommandTests.run(["replay", "--rules", broken, input.path]),
            let strict = try ValidateCommandTests.run(["replay", "--strict", "--rules", broken, input.path])
        else { return }
        #expect(lenient.status == 0)
        #expect(lenient.lines.count == 1)
        #expect(lenient.stderr.contains("bad_regex.yml:8:33: error: rule.value.regex"))
        #expect(lenient.stderr.contains("1 rule compiled, 1 error"))
        #expect(strict.status == 1)
        #expect(strict.lines.isEmpty)
        #expect(strict.stderr.contains("--strict"))
    }

    @Test("rejected lines are counted and the run goes on; exit status 3")
    func rejectedLines() throws {
        let input = try Self.input(["{not json", Self.curlRequest])
        let good = Self.rules.appendingPathComponent("good").path
        guard let run = try ValidateCommandTests.run(["replay", "--rules", good, input.path]) else { return }
        #expect(run.status == 3)
        #expect(run.lines.count == 1)
        #expect(run.stderr.contains("1 rejected"))
    }

    @Test("no rules is a configuration error")
    func noRules() throws {
        let empty = FileManager.default.temporaryDirectory.appendingPathComponent("replay-empty-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: empty, withIntermediateDirectories: true)
        guard let run = try ValidateCommandTests.run(["replay", "--rules", empty.path, "-"]) else { return }
        #expect(run.status == 1)
        #expect(run.stderr.contains("no rule compiled"))
    }

    @Test("alerts stream: a line written to stdin gets its alert before stdin is closed")
    func streaming() throws {
        guard let executable = ValidateCommandTests.executable else {
            print("skipped: the sigflare executable is not built next to the test bundle (run swift build first)")
            return
        }
        let process = Process()
        process.executableURL = executable
        process.arguments = ["replay", "--rules", Self.rules.appendingPathComponent("good").path, "-"]
        process.currentDirectoryURL = ValidateCommandTests.packageRoot
        let stdin = Pipe()
        let stdout = Pipe()
        process.standardInput = stdin
        process.standardOutput = stdout
        process.standardError = FileHandle.nullDevice
        try process.run()
        defer {
            try? stdin.fileHandleForWriting.close()
            process.waitUntilExit()
        }
        try stdin.fileHandleForWriting.write(contentsOf: Data((Self.curlRequest + "\n").utf8))
        // Read what arrives within 5 seconds while stdin stays open.
        let received = Received()
        let reader = stdout.fileHandleForReading
        let thread = Thread {
            let data = reader.availableData
            received.set(data)
        }
        thread.start()
        let deadline = Date().addingTimeInterval(5)
        while received.get() == nil, Date() < deadline { Thread.sleep(forTimeInterval: 0.01) }
        let data = try #require(received.get(), "no alert within 5 s of the line")
        #expect(String(decoding: data, as: UTF8.self).contains(#""rule":{"#))
    }

    /// Data handed from the reading thread to the test.
    final class Received: @unchecked Sendable {
        private let lock = NSLock()
        private var data: Data?
        func set(_ value: Data) { self.lock.withLock { self.data = value } }
        func get() -> Data? { self.lock.withLock { self.data } }
    }
}
