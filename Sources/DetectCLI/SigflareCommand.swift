import ArgumentParser

/// The `sigflare` executable: a streaming detection engine for Cloudflare logs.
@main
struct SigflareCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "sigflare",
        abstract: "Normalize Cloudflare logs to ECS and detect threats in them with Sigma rules.",
        version: "0.1.0",
        subcommands: [Normalize.self, Validate.self]
    )
}
