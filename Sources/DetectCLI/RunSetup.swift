import ArgumentParser
import DetectECS
import DetectIntake
import Glibc

/// What every log-reading command sets up: the normalizer, the dead-letter sink, the reader; and the
/// summary it prints at the end.
struct RunSetup {
    let deadLetters: DeadLetterSink?
    private let suffixes: PublicSuffixList
    private let input: InputOptions

    init(input: InputOptions) throws {
        try self.init(input: input, suffixes: Result { try PublicSuffixList(path: input.publicSuffixList) })
    }

    /// A set-up with the Public Suffix List loaded beforehand (or its failure to load).
    init(input: InputOptions, suffixes loaded: Result<PublicSuffixList, any Error>) throws {
        let suffixes = try Self.publicSuffixList(loaded)
        do {
            self.deadLetters = try input.deadLetter.map { path throws(IntakeError) in
                DeadLetterSink(output: try FileOutput.open(path))
            }
        } catch {
            Diagnostics.error("\(error)")
            throw ExitCodes.configurationError
        }
        self.suffixes = suffixes
        self.input = input
    }

    /// The Public Suffix List at `path`; an unreadable or malformed list is a configuration error (exit 1) with
    /// a hint at Debian's package and the option.
    static func publicSuffixList(at path: String) throws -> PublicSuffixList {
        try self.publicSuffixList(Result { try PublicSuffixList(path: path) })
    }

    /// The loaded list, or its error reported as ``publicSuffixList(at:)`` reports it.
    private static func publicSuffixList(_ loaded: Result<PublicSuffixList, any Error>) throws -> PublicSuffixList {
        do {
            return try loaded.get()
        } catch {
            Diagnostics.error("\(error) (install Debian's publicsuffix package or pass --public-suffix-list)")
            throw ExitCodes.configurationError
        }
    }

    /// A normalizer with scratch and tables of its own.
    func makeNormalizer() -> ECSNormalizer {
        ECSNormalizer(publicSuffixList: self.suffixes)
    }

    /// A reader of the inputs, one line after the other.
    func eventReader() -> EventReader {
        EventReader(
            normalizer: self.makeNormalizer(), dataset: self.input.cloudflareDataset, deadLetters: self.deadLetters,
            maxLineBytes: self.input.maxLineBytes
        )
    }

    /// Prints the summary to stderr (the counters, then `details`, then the first rejections) and exits 3 when
    /// anything was rejected.
    func finish(
        _ counters: IntakeCounters, rejections: RejectionLog, seconds: Double, details: [String] = []
    ) throws {
        try rejections.flush()
        for line in counters.summaryLines(seconds: seconds) + details { Diagnostics.note(line) }
        for rejection in rejections.first {
            Diagnostics.note("  \(rejection.location): \(rejection.reason): \(rejection.message)")
        }
        if counters.rejectedTotal > rejections.first.count {
            Diagnostics.note("  … \(counters.rejectedTotal - rejections.first.count) more rejections")
        }
        if counters.rejectedTotal > 0 { throw ExitCodes.inputRejected }
    }
}

/// Messages to standard error.
enum Diagnostics {
    static func note(_ text: String) {
        self.write("sigflare: \(text)\n")
    }

    static func error(_ text: String) {
        self.write("sigflare: error: \(text)\n")
    }

    /// Writes `text` to stderr as it is.
    static func write(_ text: String) {
        var text = text
        text.withUTF8 { bytes in _ = Glibc.write(STDERR_FILENO, bytes.baseAddress, bytes.count) }
    }
}

/// Monotonic seconds, for rates in summaries.
enum MonotonicClock {
    static func now() -> Double {
        var spec = timespec()
        clock_gettime(CLOCK_MONOTONIC, &spec)
        return Double(spec.tv_sec) + Double(spec.tv_nsec) / 1e9
    }
}
