import ArgumentParser
import Glibc

/// The `sigflare` executable: a streaming detection engine for Cloudflare logs.
@main
struct SigflareCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "sigflare",
        abstract: "Normalize Cloudflare logs to ECS and detect threats in them with Sigma rules.",
        version: "0.1.0",
        subcommands: [Replay.self, Normalize.self, Validate.self, RuleTest.self]
    )
}

extension SigflareCommand {
    /// The entry point: argument-parser's, except that bad arguments exit 2 as README and ARCHITECTURE.md
    /// promise for every command (argument-parser's own code for them is 64, `EX_USAGE`). The message is
    /// argument-parser's (the error, then the usage line).
    static func main() {
        do {
            var command = try Self.parseAsRoot()
            try command.run()
        } catch {
            guard Self.exitCode(for: error) == .validationFailure else { Self.exit(withError: error) }
            Diagnostics.usage(Self.fullMessage(for: error))
            Glibc.exit(2)
        }
    }
}

extension Diagnostics {
    /// A usage error, as argument-parser words it.
    static func usage(_ text: String) {
        var text = text.hasSuffix("\n") ? text : text + "\n"
        text.withUTF8 { bytes in _ = Glibc.write(STDERR_FILENO, bytes.baseAddress, bytes.count) }
    }
}
