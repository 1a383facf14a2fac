import Foundation
import Testing

/// Runs the built `sigflare validate` as a user would: exit status, the diagnostic lines on stdout and the
/// summary line. Skips (with a notice) when the executable has not been built next to the test bundle.
struct ValidateCommandTests {
    /// The package root, from this file's path (Tests/DetectCLITests/ValidateCommandTests.swift).
    static let packageRoot = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// `sigflare` next to the test bundle (`.build/<triple>/<config>/sigflare`), or `nil` when it is not built.
    static let executable: URL? = {
        var directories: [URL] = []
        // macOS: the .xctest bundle sits in the build directory; Linux: the test runner is an executable there.
        for bundle in Bundle.allBundles where bundle.bundlePath.hasSuffix(".xctest") {
            directories.append(bundle.bundleURL.deletingLastPathComponent())
        }
        if let runner = Bundle.main.executableURL { directories.append(runner.deletingLastPathComponent()) }
        directories.append(Bundle.main.bundleURL)
        for directory in directories {
            let candidate = directory.appendingPathComponent("sigflare")
            if FileManager.default.isExecutableFile(atPath: candidate.path) { return candidate }
        }
        return nil
    }()

    /// What one run printed and how it ended.
    struct Run {
        /// The exit status.
        var status: Int32
        /// Standard output, one element per line.
        var lines: [String]
        /// Standard error.
        var stderr: String
    }

    /// Runs `sigflare` with `arguments` in the package root; `nil` (and a notice) when it is not built.
    static func run(_ arguments: [String]) throws -> Run? {
        guard let executable = Self.executable else {
            print("skipped: the sigflare executable is not built next to the test bundle (run swift build first)")
            return nil
        }
        let process = Process()
        process.executableURL = executable
        process.arguments = arguments
        process.currentDirectoryURL = Self.packageRoot
        let stdout = Pipe()
        let stderr = Pipe()
        process.standardOutput = stdout
        process.standardError = stderr
        try process.run()
        // Standard error is small (usage lines); standard output is read to its end before waiting, so a full
        // pipe never blocks the child.
        let out = stdout.fileHandleForReading.readDataToEndOfFile()
        let err = stderr.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Run(
            status: process.terminationStatus,
            lines: String(decoding: out, as: UTF8.self).split(separator: "\n").map(String.init),
            stderr: String(decoding: err, as: UTF8.self))
    }

    /// The figures of a summary line `N rules: C compiled, E with errors, W warnings`.
    struct Summary: Equatable {
        var rules: Int
        var compiled: Int
        var withErrors: Int
        var warnings: Int

        /// The figures of `line`, or `nil` when the line has another shape.
        init?(_ line: String?) {
            guard let words = line?.split(separator: " ", omittingEmptySubsequences: false), words.count == 9,
                words[1] == "rules:", words[3] == "compiled,", words[5] == "with", words[6] == "errors,",
                words[8] == "warnings", let rules = Int(words[0]), let compiled = Int(words[2]),
                let withErrors = Int(words[4]), let warnings = Int(words[7])
            else { return nil }
            self.rules = rules
            self.compiled = compiled
            self.withErrors = withErrors
            self.warnings = warnings
        }
    }

    /// The parts of a line `file:line:col: error|warning: code: message`, or `nil` for any other shape.
    static func diagnostic(_ line: String) -> (file: String, position: String, severity: String, code: String)? {
        let parts = line.split(separator: ":", maxSplits: 5, omittingEmptySubsequences: false).map(String.init)
        guard parts.count == 6, !parts[0].isEmpty, Int(parts[1]) != nil, Int(parts[2]) != nil,
            parts[3] == " error" || parts[3] == " warning", parts[4].hasPrefix(" "), parts[4].count > 1,
            parts[5].hasPrefix(" "), parts[5].count > 1
        else { return nil }
        return (parts[0], "\(parts[1]):\(parts[2])", String(parts[3].dropFirst()), String(parts[4].dropFirst()))
    }

    @Test("validate on the invalid fixtures: every loader diagnostic, the summary line, exit 1")
    func invalidFixtures() throws {
        guard let run = try Self.run(["validate", "Fixtures/rules/invalid"]) else { return }
        #expect(run.status == 1, "\(run.stderr)")
        let summary = try #require(Summary(run.lines.last), "last line: \(run.lines.last ?? "none")")
        #expect(summary.rules == summary.compiled + summary.withErrors)
        #expect(summary.withErrors >= 20)
        #expect(summary.compiled >= 1)

        let diagnostics = run.lines.dropLast()
        let parsed = diagnostics.compactMap(Self.diagnostic)
        #expect(parsed.count == diagnostics.count, "\(diagnostics.filter { Self.diagnostic($0) == nil })")
        #expect(summary.warnings == parsed.count { $0.severity == "warning" })
        // Sorted and deterministic: a second run prints the same bytes.
        let again = try #require(try Self.run(["validate", "Fixtures/rules/invalid"]))
        #expect(again.lines == run.lines)

        // Each fixture's expected loader diagnostics (`<case>.diagnostics`: `line:col severity code`) are printed
        // for that file; the compiler may add warnings of its own.
        let folder = Self.packageRoot.appendingPathComponent("Fixtures/rules/invalid")
        let names = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasSuffix(".yml") }
        #expect(names.count >= 20)
        let printed = Set(parsed.map { "\($0.file) \($0.position) \($0.severity) \($0.code)" })
        for name in names.sorted() {
            let expectedPath = folder.appendingPathComponent(String(name.dropLast(4)) + ".diagnostics").path
            let expected = try String(contentsOfFile: expectedPath, encoding: .utf8).split(separator: "\n")
                .map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty && !$0.hasPrefix("#") }
            for line in expected {
                #expect(printed.contains("Fixtures/rules/invalid/\(name) \(line)"), "\(name): \(line)")
            }
        }
    }

    @Test("validate on valid rules exits 0 and ends with the summary line")
    func validFixtures() throws {
        guard let run = try Self.run(["validate", "Fixtures/rules/valid"]) else { return }
        #expect(run.status == 0, "\(run.lines)")
        let summary = try #require(Summary(run.lines.last))
        #expect(summary.withErrors == 0)
        #expect(summary.compiled == summary.rules)
        #expect(summary.rules > 0)
        #expect(run.lines.dropLast().allSatisfy { Self.diagnostic($0)?.severity == "warning" })
    }

    @Test("an explicit --pipeline replaces the default pipelines; a missing one is an error")
    func explicitPipeline() throws {
        let pipeline = "Rules/pipelines/cloudflare-ecs.yml"
        guard let run = try Self.run(["validate", "--pipeline", pipeline, "Fixtures/rules/valid/proxy_basic.yml"])
        else { return }
        #expect(run.status == 0, "\(run.lines)")
        #expect(Summary(run.lines.last)?.rules == 1)

        let missing = try #require(try Self.run(["validate", "--pipeline", "no/such.yml", "Fixtures/rules/valid"]))
        #expect(missing.status == 1)
        #expect(missing.lines.contains { $0.hasPrefix("no/such.yml:1:1: error: io.path.missing:") })
        #expect(Summary(missing.lines.last) != nil)
    }

    @Test("bad arguments exit 2 with a usage message", arguments: [["validate"], ["validate", "--bogus", "x"]])
    func badArguments(arguments: [String]) throws {
        guard let run = try Self.run(arguments) else { return }
        #expect(run.status == 2)
        #expect(run.lines.isEmpty)
        #expect(run.stderr.contains("Usage: sigflare validate"))
    }
}
