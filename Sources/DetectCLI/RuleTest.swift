import ArgumentParser
import DetectCore
import DetectECS
import DetectEngine
import DetectIntake
import DetectRules
import Glibc

extension SigflareCommand {
    /// `sigflare test`: run the rule tests (`x.tests.yml` beside `x.yml`; docs/rule-tests.md).
    struct RuleTest: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "test",
            abstract: "Run rule tests: each case's event must match its rule, or must not.",
            discussion: """
                A test file x.tests.yml tests the rule of x.yml beside it (format: docs/rule-tests.md). Each \
                failed case is printed on stdout as `file:line:col: FAIL: <case name>: <reason>`, a broken test \
                file or rule as `file:line:col: error: code: message`; the last line is `N passed, M failed`. \
                Without --pipeline, the pipelines in Rules/pipelines/ are used when that directory exists; \
                without --ioc, Rules/iocs/ when it exists.
                Exit status: 0 every case passed, 1 some case failed or a test file or rule is broken, 2 bad \
                arguments.
                """
        )

        @OptionGroup var sources: RuleSourceOptions

        @Option(name: .long, help: ArgumentHelp("Public Suffix List used to split domains.", valueName: "FILE"))
        var publicSuffixList: String = PublicSuffixList.defaultPath

        @Argument(
            help: ArgumentHelp(
                "Test files and directories (walked for *.tests.yml and *.tests.yaml).", valueName: "PATH"))
        var paths: [String]

        func run() throws {
            let suffixes = try RunSetup.publicSuffixList(at: self.publicSuffixList)
            let run = RuleTestRun(
                testPaths: self.paths, pipelinePaths: self.sources.pipelinePaths,
                iocDirectories: self.sources.iocDirectories,
                normalizer: ECSNormalizer(publicSuffixList: suffixes))
            let report = run.run()
            let output = FileOutput.standardOutput(capacity: 1 << 16)
            do {
                for line in report.lines { try output.write(line + "\n") }
                try output.write("\(report.summary)\n")
                try output.flush()
            } catch {
                Diagnostics.error("\(error)")
                throw ExitCodes.configurationError
            }
            if report.hasFailures { throw ExitCodes.configurationError }
        }
    }
}

/// One `test` run: loads the pipelines and IOC lists once, then per test file its cases and its sibling rule
/// file, compiles that file's rules with the file's IOC lists, and runs the cases.
///
/// Pure apart from reading the files; the command prints the result.
struct RuleTestRun {
    /// What a run found.
    struct Report {
        /// Errors (broken test files, rules, pipelines, IOC lists) and failed cases, in file order.
        var lines: [String] = []
        /// Cases that passed.
        var passed = 0
        /// Cases that failed, and the cases of test files that could not run (at least one per such file).
        var failed = 0
        /// Whether an error not tied to a test file (a pipeline, an IOC list, a missing path) was found.
        var hasErrors = false

        /// Whether `test` must exit 1.
        var hasFailures: Bool { self.failed > 0 || self.hasErrors }

        /// `N passed, M failed`.
        var summary: String { "\(self.passed) passed, \(self.failed) failed" }
    }

    let testPaths: [String]
    let pipelinePaths: [String]
    let iocDirectories: [String]
    let normalizer: ECSNormalizer

    func run() -> Report {
        var report = Report()
        let loader = RuleLoader()
        let (pipelines, pipelineDiagnostics) = loader.loadPipelines(paths: self.pipelinePaths)
        let (catalog, iocDiagnostics) = IOCListLoader().load(directories: self.iocDirectories)
        let (files, pathDiagnostics) = self.testFiles()
        let setupErrors = (pipelineDiagnostics + iocDiagnostics + pathDiagnostics).filter { $0.severity == .error }
        report.lines += setupErrors.map(\.description)
        report.hasErrors = !setupErrors.isEmpty

        let parser = RuleTestParser { CloudflareDataset(name: $0) != nil }
        var runner = RuleTestRunner(normalizer: self.normalizer)
        for file in files {
            guard RuleTestSuite.isTestFile(file) else {
                let message = "not a rule-test file: tests of `x.yml` are in `x.tests.yml` (or `x.tests.yaml`)"
                report.lines.append(
                    Diagnostic(.documentType, message, at: SourceLocation(file: file, line: 1, column: 1)).description)
                report.failed += 1
                continue
            }
            let (suite, parseErrors) = parser.parse(file: file)
            guard let suite else {
                report.lines += parseErrors.map(\.description)
                report.failed += 1
                continue
            }
            let (rule, errors) = Self.ruleUnderTest(
                suite, loader: loader, pipelines: pipelines, iocs: catalog, ruleRoots: self.ruleRoots)
            guard let rule else {
                report.lines += errors.map(\.description)
                report.failed += max(suite.cases.count, 1)
                continue
            }
            for result in runner.run(suite, against: rule) {
                if let line = result.failureLine {
                    report.lines.append(line)
                    report.failed += 1
                } else {
                    report.passed += 1
                }
            }
        }
        return report
    }

    /// The test files of the paths: directories walked for `*.tests.yml` / `*.tests.yaml` (sorted, hidden
    /// entries skipped), files taken as given.
    private func testFiles() -> ([String], [Diagnostic]) {
        let walker = RuleLoader(options: RuleLoader.Options(skipsRuleTests: false))
        var files: [String] = []
        var diagnostics: [Diagnostic] = []
        for path in self.testPaths {
            let (found, problems) = walker.files(in: [path])
            files += FileSystem.isDirectory(path) ? found.filter(RuleTestSuite.isTestFile) : found
            diagnostics += problems
        }
        return (files, diagnostics)
    }

    /// Where the rules that correlations reference are looked for: the directories among the test paths, and
    /// `Rules/` when it exists.
    private var ruleRoots: [String] {
        var roots = self.testPaths.filter(FileSystem.isDirectory)
        if FileSystem.isDirectory(RuleSourceOptions.defaultRuleDirectory) {
            roots.append(RuleSourceOptions.defaultRuleDirectory)
        }
        return roots
    }

    /// Loads the rule file beside the suite's file and compiles the rule under test; any error in that file
    /// keeps the suite from running. A file with correlations is loaded together with the rule files under
    /// `ruleRoots`, so that the rules it references resolve.
    private static func ruleUnderTest(
        _ suite: RuleTestSuite, loader: RuleLoader, pipelines: [ProcessingPipeline], iocs: IOCCatalog,
        ruleRoots: [String]
    ) -> (RuleUnderTest?, [Diagnostic]) {
        let candidates = RuleTestSuite.siblingRuleFiles(of: suite.file)
        guard let ruleFile = candidates.first(where: { access($0, F_OK) == 0 && !FileSystem.isDirectory($0) }) else {
            let message = "no rule file \(candidates.joined(separator: " or ")) beside the test file"
            return (nil, [Diagnostic(.ruleMissing, message, at: SourceLocation(file: suite.file, line: 1, column: 1))])
        }
        var (rules, loadDiagnostics) = loader.load(paths: [ruleFile])
        if !rules.correlations.isEmpty || rules.rejected.contains(where: { $0.kind == .correlation }) {
            let sibling = Self.canonical(ruleFile)
            var seen: Set<String> = [sibling]
            let others = loader.files(in: ruleRoots).0.filter { seen.insert(Self.canonical($0)).inserted }
            (rules, loadDiagnostics) = loader.load(paths: [ruleFile] + others)
            loadDiagnostics = loadDiagnostics.filter { $0.location.file == ruleFile }
        }
        let loadErrors = loadDiagnostics.filter { $0.severity == .error }
        guard loadErrors.isEmpty else { return (nil, loadErrors) }
        return RuleUnderTest.compile(suite, rules: rules, pipelines: pipelines, iocs: iocs)
    }

    /// The absolute path with symbolic links resolved, or `path` when it cannot be resolved.
    private static func canonical(_ path: String) -> String {
        guard let resolved = realpath(path, nil) else { return path }
        defer { free(resolved) }
        return String(decoding: UnsafeRawBufferPointer(start: resolved, count: strlen(resolved)), as: UTF8.self)
    }
}
