import DetectJSON

/// A record (or part of an input) that could not be processed, with where and why.
public struct Rejection: Sendable {
    /// The input's name (path or `<stdin>`).
    public var input: String
    /// The 1-based line number, when the problem belongs to a line.
    public var line: Int?
    /// A stable dotted reason (`json.invalid_utf8`, `line.too_long`, `gzip.truncated`, …), the counter key.
    public var reason: String
    /// What went wrong, for people.
    public var message: String
    /// The offending bytes, when there are any.
    public var record: [UInt8]?

    public init(input: String, line: Int?, reason: String, message: String, record: [UInt8]? = nil) {
        self.input = input
        self.line = line
        self.reason = reason
        self.message = message
        self.record = record
    }

    /// A line that did not normalize, with its bytes.
    init(input: String, line: Int, error: JSONError, record: UnsafeRawBufferPointer) {
        self.init(input: input, line: line, reason: error.code.reason, message: error.description, record: Array(record))
    }

    /// A problem found while reading or framing an input.
    init(input: String, error: FramingError) {
        self.init(input: input, line: error.line, reason: error.reason, message: error.message)
    }

    /// `input:line: reason: message`, for the summary.
    public var location: String {
        self.line.map { "\(self.input):\($0)" } ?? self.input
    }
}
