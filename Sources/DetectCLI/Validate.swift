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

        @OptionGroup var sources: RuleSourceOptions

        @Argument(help: ArgumentHelp("Rule files and directories (walked for .yml and .yaml).", valueName: "PATH"))
        var paths: [String]

        func run() throws {
            let report = ValidationRun(
                rulePaths: self.paths, pipelinePaths: self.sources.pipelinePaths,
                iocDirectories: self.sources.iocDirectories
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
        let setup = RuleSetup(
            rulePaths: self.rulePaths, pipelinePaths: self.pipelinePaths, iocDirectories: self.iocDirectories)
        let ruleSet = setup.ruleSet
        // Rejected pipelines are not rules (their errors still count); everything else rejected was meant as one.
        let rejected = ruleSet.rejected.count { $0.kind != .pipeline }
        let failed = ruleSet.rules.count - setup.compiled.count
        let ruleCount = ruleSet.rules.count + ruleSet.correlations.count + ruleSet.filters.count + rejected
        return Report(
            diagnostics: setup.diagnostics, ruleCount: ruleCount, rulesWithErrors: rejected + failed,
            warningCount: setup.warningCount, errorCount: setup.errorCount)
    }
}
