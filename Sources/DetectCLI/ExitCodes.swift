import ArgumentParser

/// Exit statuses shared by every command (README, "Exit codes").
enum ExitCodes {
    /// Rules, pipelines or configuration have errors.
    static let configurationError = ExitCode(1)
    /// The run finished, but some input was rejected (see the summary and the dead-letter file).
    static let inputRejected = ExitCode(3)
}
