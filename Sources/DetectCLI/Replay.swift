import ArgumentParser
import DetectCore
import DetectECS
import DetectEngine
import DetectIntake
import Glibc

extension SigflareCommand {
    /// `sigflare replay`: Cloudflare logs in, alerts out.
    struct Replay: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Evaluate Sigma rules over Cloudflare logs and write alerts as JSON lines.",
            discussion: """
                Each input line may be a raw Cloudflare record, an ECS document, or a {"message": "<raw JSON>"} \
                wrapper. Alerts are written as they fire, in input order and then rule order, one ECS document \
                per line; the same input and rules give byte-identical output. Rule problems are printed on \
                stderr and the broken rules skipped (--strict refuses to start instead). A summary goes to stderr.
                Exit status: 0 done, 1 rule or configuration error, 2 bad arguments, 3 some input rejected.
                """
        )

        @Option(
            name: .long,
            help: ArgumentHelp("Rule file or directory (repeatable; default: Rules/).", valueName: "PATH"))
        var rules: [String] = []

        @OptionGroup var sources: RuleSourceOptions

        @Option(name: .long, help: ArgumentHelp("Write alerts here, - for stdout (default: -).", valueName: "FILE|-"))
        var alerts: String = "-"

        @Flag(name: .long, help: "Refuse to start when any rule, pipeline or IOC list has an error.")
        var strict = false

        @Option(
            name: .long,
            help: ArgumentHelp(
                "How far an event may lie behind a correlation's latest event time and still count; later ones "
                    + "are counted as late and left out (default: \(CorrelationOptions.defaultLatenessSeconds), "
                    + "at most 604800).", valueName: "SECONDS"))
        var correlationLateness: Int = CorrelationOptions.defaultLatenessSeconds

        @Option(
            name: .long,
            help: ArgumentHelp(
                "Live groups kept per correlation rule; beyond it the least recently updated group is evicted "
                    + "(default: \(CorrelationOptions.defaultMaxGroups)).", valueName: "N"))
        var maxCorrelationGroups: Int = CorrelationOptions.defaultMaxGroups

        @Option(
            name: .long,
            help: ArgumentHelp(
                "Threads parsing, normalizing and evaluating events (default: the CPUs this process may run on, "
                    + "as taskset or a cgroup cpuset allows; 1 runs everything on one thread). The output is the "
                    + "same for any number.", valueName: "N"))
        var threads: Int = Self.usableProcessors

        @OptionGroup var input: InputOptions

        /// The correlation settings of the options.
        var correlationOptions: CorrelationOptions {
            CorrelationOptions(latenessSeconds: self.correlationLateness, maxGroups: self.maxCorrelationGroups)
        }

        /// The most `--threads` accepted.
        static let maxThreads = 256

        /// The processors this process may be scheduled on (its affinity mask, which `taskset` and cpusets
        /// narrow: `Cpus_allowed` in /proc/self/status), at least 1; the processors online when it cannot be read.
        static var usableProcessors: Int {
            let online = max(1, sysconf(Int32(_SC_NPROCESSORS_ONLN)))
            guard let file = fopen("/proc/self/status", "r") else { return online }
            defer { fclose(file) }
            var line: UnsafeMutablePointer<CChar>?
            var capacity = 0
            defer { free(line) }
            while getline(&line, &capacity, file) > 0, let line {
                let text = String(cString: line)
                guard text.hasPrefix("Cpus_allowed:") else { continue }
                let count = text.dropFirst("Cpus_allowed:".count).reduce(0) { count, character in
                    count + (character.hexDigitValue.map { $0.nonzeroBitCount } ?? 0)
                }
                return count > 0 ? count : online
            }
            return online
        }

        func validate() throws {
            if let problem = self.correlationOptions.validate() { throw ValidationError(problem) }
            guard (1...Self.maxThreads).contains(self.threads) else {
                throw ValidationError("--threads must be between 1 and \(Self.maxThreads)")
            }
        }

        func run() throws {
            // The Public Suffix List is read on the other core while the rules load.
            let path = self.input.publicSuffixList
            let suffixes = BackgroundValue { try PublicSuffixList(path: path) }
            let rules = try self.loadRules()
            let setup = try RunSetup(input: self.input, suffixes: suffixes.result())
            let output = try self.openAlerts()
            let started = MonotonicClock.now()
            var pipeline = ReplayPipeline(
                threads: self.threads, rules: rules.compiled, correlations: rules.correlations,
                correlationOptions: self.correlationOptions, rulesForThread: { rules.copies[$0 - 1] },
                makeNormalizer: setup.makeNormalizer, dataset: self.input.cloudflareDataset,
                maxLineBytes: self.input.maxLineBytes, rejections: RejectionLog(deadLetters: setup.deadLetters),
                output: output)
            var progress = ProgressLine(started: started)
            try pipeline.run(self.input.paths) { counters, alerts in
                progress.update(events: counters.events, alerts: alerts)
            }
            try output.flush()
            progress.clear()
            let seconds = MonotonicClock.now() - started
            var status = ExitCode.success
            do {
                try setup.finish(
                    pipeline.counters, rejections: pipeline.rejections, seconds: seconds,
                    details: Self.alertSummary(pipeline, rules: rules.compiled))
            } catch let code as ExitCode {
                status = code
            }
            // Everything is written: the process ends here. Freeing the compiled rules, the normalizers and the
            // batches object by object would add milliseconds to every run, and more with every thread.
            Glibc.exit(status.rawValue)
        }

        /// Loads and compiles the rules and correlations; prints their errors, and a count of warnings.
        private func loadRules() throws -> RuleSetup {
            let rulePaths = self.rules.isEmpty ? [RuleSourceOptions.defaultRuleDirectory] : self.rules
            if self.rules.isEmpty, !FileSystem.isDirectory(RuleSourceOptions.defaultRuleDirectory) {
                Diagnostics.error("no rules: Rules/ is not here; pass --rules PATH")
                throw ExitCodes.configurationError
            }
            let setup = RuleSetup(
                rulePaths: rulePaths, pipelinePaths: self.sources.pipelinePaths,
                iocDirectories: self.sources.iocDirectories, copies: self.threads)
            for diagnostic in setup.diagnostics where diagnostic.severity == .error {
                Diagnostics.write("\(diagnostic)\n")
            }
            let compiled = setup.compiled
            var summary = "\(Self.count(compiled.count, "rule")) compiled"
            if !setup.correlations.isEmpty {
                summary += ", \(Self.count(setup.correlations.correlations.count, "correlation"))"
            }
            if setup.errorCount > 0 { summary += ", \(Self.count(setup.errorCount, "error"))" }
            if setup.warningCount > 0 {
                summary += ", \(Self.count(setup.warningCount, "warning")) (see sigflare validate)"
            }
            Diagnostics.note(summary)
            if self.strict, setup.errorCount > 0 {
                Diagnostics.error("--strict: not starting with rule errors")
                throw ExitCodes.configurationError
            }
            if compiled.count == 0 {
                Diagnostics.error("no rule compiled from \(rulePaths.joined(separator: ", "))")
                throw ExitCodes.configurationError
            }
            return setup
        }

        private func openAlerts() throws -> FileOutput {
            guard self.alerts != "-" else { return FileOutput.standardOutput(capacity: 1 << 18) }
            do {
                return try FileOutput.open(self.alerts, capacity: 1 << 18)
            } catch {
                Diagnostics.error("\(error)")
                throw ExitCodes.configurationError
            }
        }

        /// `N correlation alerts`, the alerts per correlation, and what the correlation stage left out.
        private static func correlationSummary(_ correlator: Correlator) -> [String] {
            let counters = correlator.counters
            let options = correlator.options
            var lines = ["\(correlator.alertCount) correlation alerts"]
            for (index, count) in correlator.alertsByCorrelation.enumerated() where count > 0 {
                lines.append("  correlation alerts \(correlator.correlations.correlations[index].title): \(count)")
            }
            lines.append(
                "  correlation late events: \(counters.lateEvents) (left out; lateness "
                    + "\(options.latenessMicroseconds / 1_000_000) s)")
            lines.append(
                "  correlation groups evicted: \(counters.evictedGroups) (at most \(options.maxGroups) per correlation)")
            if counters.untimedEvents > 0 {
                lines.append("  correlation events without a usable @timestamp: \(counters.untimedEvents) (not counted)")
            }
            if counters.missingValues > 0 {
                lines.append("  correlation events without the aggregated field: \(counters.missingValues) (not counted)")
            }
            if counters.droppedSamples > 0 {
                lines.append(
                    "  correlation values dropped: \(counters.droppedSamples) (a group held \(options.maxEventsPerGroup))")
            }
            return lines
        }

        /// `1 rule`, `2 rules`.
        private static func count(_ number: Int, _ noun: String) -> String {
            "\(number) \(noun)\(number == 1 ? "" : "s")"
        }

        /// `N alerts`, then one line per rule that fired, in rule order, then the correlations: one line per
        /// correlation that fired, in evaluation order, and the late, untimed and evicted counts.
        private static func alertSummary(_ pipeline: ReplayPipeline, rules: CompiledRuleSet) -> [String] {
            var lines = ["\(pipeline.alertCount) alerts"]
            for (index, count) in pipeline.alertsByRule.enumerated() where count > 0 {
                lines.append("  alerts \(rules.rules[index].title): \(count)")
            }
            if !pipeline.correlator.correlations.isEmpty {
                lines += Self.correlationSummary(pipeline.correlator)
            }
            if pipeline.regexLimitHits > 0 {
                lines.append("  regular expressions stopped at their limits: \(pipeline.regexLimitHits) (counted as no match)")
            }
            return lines
        }
    }
}
