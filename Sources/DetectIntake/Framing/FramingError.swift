/// A problem found while turning the bytes of one input into lines: an over-long line, a broken or
/// oversized gzip stream, or an input that could not be read.
///
/// Follows the NIO `FileSystemError` shape: a ``Code`` that can grow without breaking the API, a
/// human-readable ``message``, and the position of the problem. ``canContinue`` says whether the rest of
/// the same input can still be read (Vector's `StreamDecodingError`): an over-long line is skipped and the
/// next line is read; a gzip or read failure ends that input.
public struct FramingError: Error, Hashable, Sendable, CustomStringConvertible {
    /// What kind of problem this is.
    public struct Code: Hashable, Sendable, CustomStringConvertible {
        private enum Base: Hashable, Sendable {
            case lineTooLong
            case truncatedGzip
            case corruptGzip
            case decompressedTooLarge
            case readFailed
        }

        private let base: Base

        private init(_ base: Base) {
            self.base = base
        }

        /// A line is longer than the configured maximum; it was skipped.
        public static let lineTooLong = Code(.lineTooLong)
        /// The input ended inside a gzip member.
        public static let truncatedGzip = Code(.truncatedGzip)
        /// The gzip data is not valid (bad header, bad deflate data, bad checksum, trailing garbage).
        public static let corruptGzip = Code(.corruptGzip)
        /// The decompressed size passed the configured maximum (a gzip bomb or a misconfigured limit).
        public static let decompressedTooLarge = Code(.decompressedTooLarge)
        /// The input could not be opened or read.
        public static let readFailed = Code(.readFailed)

        /// A stable, dotted reason for counters and the dead-letter sink, such as `line.too_long`.
        public var reason: String {
            switch self.base {
            case .lineTooLong: "line.too_long"
            case .truncatedGzip: "gzip.truncated"
            case .corruptGzip: "gzip.corrupt"
            case .decompressedTooLarge: "gzip.too_large"
            case .readFailed: "input.read_failed"
            }
        }

        /// Whether reading the same input can go on after this problem.
        public var canContinue: Bool {
            switch self.base {
            case .lineTooLong: true
            case .truncatedGzip, .corruptGzip, .decompressedTooLarge, .readFailed: false
            }
        }

        public var description: String { self.reason }
    }

    /// What kind of problem this is.
    public var code: Code
    /// What went wrong and, where possible, how to fix it.
    public var message: String
    /// The 1-based line number concerned: the skipped line, or the line in progress when the input failed.
    public var line: Int?
    /// Where the problem is, in bytes from the start of the input: the start of an over-long line in
    /// the (decompressed) text, or, for a gzip or read failure, how many compressed bytes had been
    /// consumed when the problem was detected.
    public var byteOffset: Int?
    /// How many bytes the problem concerns: the full length of an over-long line, without its `\n`.
    public var byteCount: Int?

    /// Creates an error.
    ///
    /// - Parameters:
    ///   - code: What kind of problem this is.
    ///   - message: What went wrong and how to fix it.
    ///   - line: The 1-based line number concerned, when known.
    ///   - byteOffset: The byte position of the problem, when known.
    ///   - byteCount: How many bytes the problem concerns, when meaningful.
    public init(code: Code, message: String, line: Int? = nil, byteOffset: Int? = nil, byteCount: Int? = nil) {
        self.code = code
        self.message = message
        self.line = line
        self.byteOffset = byteOffset
        self.byteCount = byteCount
    }

    /// A stable, dotted reason for counters, such as `gzip.truncated`; the same as `code.reason`.
    public var reason: String { self.code.reason }

    /// Whether reading the same input can go on after this error; the same as `code.canContinue`.
    public var canContinue: Bool { self.code.canContinue }

    /// `reason: message (line N, byte offset M)`.
    public var description: String {
        var position: [String] = []
        if let line = self.line { position.append("line \(line)") }
        if let byteOffset = self.byteOffset { position.append("byte offset \(byteOffset)") }
        let suffix = position.isEmpty ? "" : " (\(position.joined(separator: ", ")))"
        return "\(self.code.reason): \(self.message)\(suffix)"
    }
}
