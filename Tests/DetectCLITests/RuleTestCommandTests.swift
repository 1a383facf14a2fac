import Foundation
import Testing

/// Runs the built `sigflare test` on the rule-test fixtures (`Fixtures/rule-tests/`): the FAIL lines, the
/// diagnostics of broken files, the summary line and the exit status. Skips when the executable is not built.
struct RuleTestCommandTests {
    static let iocs = ["--ioc", "Fixtures/rule-tests/iocs"]

    @Test("a directory whose cases all pass: only the summary, exit 0")
    func passing() throws {
        guard let run = try ValidateCommandTests.run(["test"] + Self.iocs + ["Fixtures/rule-tests/passing"]) else {
            return
        }
        #expect(run.status == 0, "\(run.lines) \(run.stderr)")
        #expect(run.lines == ["7 passed, 0 failed"])
    }

    @Test("failing cases: one FAIL line each, with position and reason, then the summary; exit 1")
    func failing() throws {
        let file = "Fixtures/rule-tests/failing/hacktool_user_agent.tests.yml"
        guard let run = try ValidateCommandTests.run(["test"] + Self.iocs + [file]) else { return }
        #expect(run.status == 1)
        #expect(
            Array(run.lines.prefix(4)) == [
                "\(file):6:5: FAIL: nikto is not in the rule: expected match, got none",
                "\(file):9:5: FAIL: sqlmap is not benign: expected no match, matched "
                    + "(selection user_agent.original=sqlmap/1.7)",
                "\(file):12:5: FAIL: the match is on the user agent, not the URL: expected a match on url.original, "
                    + "matched (selection user_agent.original=sqlmap/1.7)",
                "\(file):16:5: FAIL: a gateway DNS record never reaches the rule: expected match, got none "
                    + "(the rule runs on http_requests; the event is gateway_dns)",
            ])
        #expect(
            run.lines.dropLast().last?.hasPrefix("\(file):19:5: FAIL: not JSON: the event is not a valid JSON") == true)
        #expect(run.lines.count == 6)
        #expect(run.lines.last == "1 passed, 5 failed")
    }

    @Test("broken test files and rule files: located errors, each file counted as failed; exit 1")
    func broken() throws {
        guard let run = try ValidateCommandTests.run(["test"] + Self.iocs + ["Fixtures/rule-tests/broken"]) else {
            return
        }
        #expect(run.status == 1)
        let parsed = run.lines.dropLast().compactMap(ValidateCommandTests.diagnostic)
        #expect(parsed.count == run.lines.count - 1, "\(run.lines)")
        let folder = "Fixtures/rule-tests/broken/"
        #expect(
            parsed.map { "\($0.file.dropFirst(folder.count)) \($0.position) \($0.code)" } == [
                "bad_format.tests.yml 1:1 test.key.unknown",
                "bad_format.tests.yml 3:5 test.case.key.missing",
                "bad_format.tests.yml 5:11 test.case.name.duplicate",
                "bad_format.tests.yml 7:12 test.case.field.unexpected",
                "bad_format.tests.yml 8:14 test.dataset.unknown",
                "bad_format.tests.yml 9:12 test.event.type",
                "orphan.tests.yml 1:1 test.rule.missing",
                "two_rules.tests.yml 1:1 test.rule.ambiguous",
            ])
        #expect(run.lines.last == "0 passed, 3 failed")
    }

    @Test("several paths run together; a missing path or a rule file is an error; no path is a usage error (exit 2)")
    func arguments() throws {
        guard
            let run = try ValidateCommandTests.run(
                ["test"] + Self.iocs + ["Fixtures/rule-tests/passing", "Fixtures/rule-tests/failing", "no/such"])
        else { return }
        #expect(run.status == 1)
        #expect(run.lines.first?.hasPrefix("no/such:1:1: error: io.path.missing:") == true)
        #expect(run.lines.last == "8 passed, 5 failed")

        let rule = "Fixtures/rule-tests/passing/telegram_bot_api.yml"
        let ruleFile = try #require(try ValidateCommandTests.run(["test", rule]))
        #expect(ruleFile.status == 1)
        #expect(ruleFile.lines.first?.hasPrefix("\(rule):1:1: error: test.document.type: not a rule-test file") == true)
        #expect(ruleFile.lines.last == "0 passed, 1 failed")

        let usage = try #require(try ValidateCommandTests.run(["test"]))
        #expect(usage.status == 2)
        #expect(usage.lines.isEmpty)
    }

    @Test("the shipped rule pack passes its own tests (what `sigflare test Rules/` runs)")
    func shippedRules() throws {
        guard let run = try ValidateCommandTests.run(["test", "Rules"]) else { return }
        #expect(run.status == 0, "\(run.lines)")
        let summary = try #require(run.lines.last)
        #expect(summary.hasSuffix(" passed, 0 failed"), "\(run.lines)")
        #expect(summary != "0 passed, 0 failed")
    }
}
