import ArgumentParser
import DetectCore
import DetectEngine
import DetectIntake
import DetectRules
import Glibc

extension SigflareCommand {
    /// `sigflare validate`: load and compile rules, print every problem, summarize.
    struct Validate: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Check Sigma rules, filters, correlations and pipelines; print every problem.",
            discussion: """
                Each problem is printed on stdout as `file:line:col: error|warning: code: message`, sorted by \
                file and position; the last line is `N rules: C compiled, E with errors, W warnings`. \
                Without --pipeline, the pipelines in Rules/pipelines/ are used when that directory exists; \
                without --ioc, Rules/iocs/ when it exists.
                Exit status: 0 no errors (warnings allowed), 1 some error, 2 bad arguments.
                """
        )

        @Option(
            name: .long,
            help: ArgumentHelp(
                "Processing pipeline file (repeatable; default: Rules/pipelines/*.yml).", valueName: "FILE"))
        var pipeline: [String] = []

        @Option(
            name: .long,
            help: ArgumentHelp(
                "IOC list directory (repeatable, a later list replaces a same-named one; default: Rules/iocs/).",
                valueName: "DIR"))
        var ioc: [String] = []

        @Argument(help: ArgumentHelp("Rule files and directories (walked for .yml and .yaml).", valueName: "PATH"))
        var paths: [String]

        func run() throws {
            let report = ValidationRun(
                rulePaths: self.paths, pipelinePaths: self.pipelinePaths, iocDirectories: self.iocDirectories
            ).run()
            let output = FileOutput.standardOutput(capacity: 1 << 18)
            do {
                for diagnostic in report.diagnostics { try output.write("\(diagnostic)\n") }
                try output.write("\(report.summary)\n")
                try output.flush()
            } catch {
                Diagnostics.error("\(error)")
                throw ExitCodes.configurationError
            }
            if report.hasErrors { throw ExitCodes.configurationError }
        }

        /// `--pipeline`, else the `.yml`/`.yaml` files directly in `Rules/pipelines/` when that directory exists
        /// (not those of its subdirectories, which can hold pipelines to load on demand).
        var pipelinePaths: [String] {
            if !self.pipeline.isEmpty { return self.pipeline }
            let directory = Self.defaultPipelineDirectory
            guard FileSystem.isDirectory(directory) else { return [] }
            return RuleLoader().files(in: [directory]).0.filter { !$0.dropFirst(directory.count + 1).contains("/") }
        }

        /// `--ioc`, else `Rules/iocs/` when it exists.
        var iocDirectories: [String] {
            if !self.ioc.isEmpty { return self.ioc }
            return FileSystem.isDirectory(Self.defaultIOCDirectory) ? [Self.defaultIOCDirectory] : []
        }

        static let defaultPipelineDirectory = "Rules/pipelines"
        static let defaultIOCDirectory = "Rules/iocs"
    }
}

/// One `validate` run: loads pipelines, IOC lists and rules, compiles the rules, and collects the diagnostics.
///
/// Pure apart from reading the files; the command prints the result.
struct ValidationRun {
    /// What a run found.
    struct Report {
        /// Every diagnostic, sorted by file, line, column, then severity, code and message; no duplicates.
        var diagnostics: [Diagnostic]
        /// Rule documents seen: detection rules, correlation rules and filters, loaded or rejected, and the
        /// documents that could not be read as anything (a YAML syntax error, a mapping with no known section).
        var ruleCount: Int
        /// Rule documents with an error: rejected by the loader or by the compiler.
        var rulesWithErrors: Int
        /// Warning diagnostics.
        var warningCount: Int
        /// Error diagnostics (also those not tied to a rule: pipelines, IOC lists, missing paths).
        var errorCount: Int

        /// Whether `validate` must exit 1.
        var hasErrors: Bool { self.errorCount > 0 }

        /// `N rules: C compiled, E with errors, W warnings`.
        var summary: String {
            "\(self.ruleCount) rules: \(self.ruleCount - self.rulesWithErrors) compiled, "
                + "\(self.rulesWithErrors) with errors, \(self.warningCount) warnings"
        }
    }

    let rulePaths: [String]
    let pipelinePaths: [String]
    let iocDirectories: [String]

    func run() -> Report {
        let loader = RuleLoader()
        let (pipelines, pipelineDiagnostics) = loader.loadPipelines(paths: self.pipelinePaths)
        let (catalog, iocDiagnostics) = IOCListLoader().load(directories: self.iocDirectories)
        let (ruleSet, ruleDiagnostics) = loader.load(paths: self.rulePaths)
        // The compiler adds the pipelines found among the rules (skipping those equal to one of these, as when
        // `validate Rules/` reads Rules/pipelines/ both ways) and leaves out the rules it cannot compile.
        let (compiled, compileDiagnostics) = RuleCompiler(pipelines: pipelines, iocs: catalog).compile(ruleSet)

        let diagnostics = Self.sorted(pipelineDiagnostics + iocDiagnostics + ruleDiagnostics + compileDiagnostics)
        // Rejected pipelines are not rules (their errors still count); everything else rejected was meant as one.
        let rejected = ruleSet.rejected.count { $0.kind != .pipeline }
        let failed = ruleSet.rules.count - compiled.count
        let ruleCount = ruleSet.rules.count + ruleSet.correlations.count + ruleSet.filters.count + rejected
        return Report(
            diagnostics: diagnostics, ruleCount: ruleCount, rulesWithErrors: rejected + failed,
            warningCount: diagnostics.count { $0.severity == .warning },
            errorCount: diagnostics.count { $0.severity == .error })
    }

    /// Sorted by file, line, column, severity (errors first), code, message; exact duplicates removed (a file
    /// both given with `--pipeline` and found among the rules is read twice).
    static func sorted(_ diagnostics: [Diagnostic]) -> [Diagnostic] {
        let ordered = diagnostics.sorted { lhs, rhs in
            let a = lhs.location
            let b = rhs.location
            if a.file != b.file { return a.file < b.file }
            if a.line != b.line { return a.line < b.line }
            if a.column != b.column { return a.column < b.column }
            if lhs.severity != rhs.severity { return lhs.severity > rhs.severity }
            if lhs.code != rhs.code { return lhs.code < rhs.code }
            return lhs.message < rhs.message
        }
        var unique: [Diagnostic] = []
        unique.reserveCapacity(ordered.count)
        for diagnostic in ordered where unique.last != diagnostic { unique.append(diagnostic) }
        return unique
    }
}

/// File-system questions the CLI asks before loading anything.
enum FileSystem {
    /// Whether `path` exists and is a directory (following symbolic links).
    static func isDirectory(_ path: String) -> Bool {
        var status = stat()
        return stat(path, &status) == 0 && (status.st_mode & S_IFMT) == S_IFDIR
    }
}
