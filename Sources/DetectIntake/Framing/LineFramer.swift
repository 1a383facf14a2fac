import Glibc

/// An incremental NDJSON framer: splits a byte stream into lines, however the stream is chunked.
///
/// - Lines end at `\n`; a trailing `\r` is stripped, so CRLF input works.
/// - Empty and whitespace-only lines are skipped but still counted, so line numbers match the input.
/// - A line longer than ``maxLineBytes`` (counted before the `\r` is stripped) is reported once as a
///   ``FramingError/Code/lineTooLong`` error when its end is reached; the framer keeps only a count of
///   its bytes, never the bytes themselves, and goes on with the next line.
/// - A last line without a trailing `\n` is emitted by ``finish(_:)``.
///
/// A line that lies wholly inside one chunk is handed out as a pointer into that chunk, without a copy;
/// only a line that spans chunks is gathered in the framer's carry buffer.
///
/// ```swift
/// var framer = LineFramer()
/// for chunk in chunks {
///     chunk.withUnsafeBytes { framer.feed($0) { handle($0) } }
/// }
/// framer.finish { handle($0) }
/// ```
public struct LineFramer {
    /// The default bound on the length of one line: 1 MiB.
    public static let defaultMaxLineBytes = 1 << 20

    /// The longest line accepted, in bytes, without its `\n`.
    public let maxLineBytes: Int

    /// How many lines have ended so far (including blank and over-long ones).
    public private(set) var lineNumber = 0

    /// How many bytes have been fed so far.
    public private(set) var bytesFed = 0

    /// The start of the current, unfinished line, gathered across chunks.
    private var carry: [UInt8] = []
    /// Whether the current line is over-long and its bytes are being skipped.
    private var skipping = false
    /// Bytes seen so far of the line being skipped.
    private var skippedBytes = 0
    /// The byte offset at which the current line starts.
    private var lineStart = 0

    /// Creates a framer.
    ///
    /// - Parameter maxLineBytes: The longest line accepted, in bytes, without its `\n`; must be positive.
    public init(maxLineBytes: Int = LineFramer.defaultMaxLineBytes) {
        precondition(maxLineBytes > 0, "maxLineBytes must be positive")
        self.maxLineBytes = maxLineBytes
    }

    /// Frames the next chunk of input.
    ///
    /// - Parameters:
    ///   - chunk: The next bytes of the input; may be empty.
    ///   - emit: Called for each line that ends in this chunk, in order, and for each over-long line.
    ///     The line's bytes are valid only during the call.
    public mutating func feed(_ chunk: UnsafeRawBufferPointer, _ emit: (FramedLine) -> Void) {
        guard let base = chunk.baseAddress, chunk.count > 0 else { return }
        let end = chunk.count
        let chunkStart = self.bytesFed
        self.bytesFed += end
        var position = 0
        while position < end {
            guard let found = memchr(base + position, 0x0A, end - position) else {
                self.hold(UnsafeRawBufferPointer(start: base + position, count: end - position))
                return
            }
            let newline = UnsafeRawPointer(found) - base
            let length = newline - position
            self.lineNumber += 1
            if self.skipping {
                self.reportTooLong(self.skippedBytes + length, emit)
                self.skipping = false
                self.skippedBytes = 0
            } else if self.carry.isEmpty {
                if length > self.maxLineBytes {
                    self.reportTooLong(length, emit)
                } else {
                    self.emitLine(UnsafeRawBufferPointer(start: base + position, count: length), emit)
                }
            } else if self.carry.count + length > self.maxLineBytes {
                self.reportTooLong(self.carry.count + length, emit)
                self.carry.removeAll(keepingCapacity: true)
            } else {
                self.carry.append(contentsOf: UnsafeRawBufferPointer(start: base + position, count: length))
                self.carry.withUnsafeBytes { self.emitLine($0, emit) }
                self.carry.removeAll(keepingCapacity: true)
            }
            position = newline + 1
            self.lineStart = chunkStart + position
        }
    }

    /// Ends the input: emits a last line that has no trailing `\n`, or reports it if it is over-long.
    ///
    /// The framer is then ready for a new input, with line numbers starting again at 1.
    ///
    /// - Parameter emit: Called at most once, with the last line or its error.
    public mutating func finish(_ emit: (FramedLine) -> Void) {
        if self.skipping {
            self.lineNumber += 1
            self.reportTooLong(self.skippedBytes, emit)
        } else if !self.carry.isEmpty {
            self.lineNumber += 1
            self.carry.withUnsafeBytes { self.emitLine($0, emit) }
        }
        self.reset()
    }

    /// Forgets any unfinished line and starts again at line 1, as for a new input.
    public mutating func reset() {
        self.carry.removeAll(keepingCapacity: true)
        self.skipping = false
        self.skippedBytes = 0
        self.lineNumber = 0
        self.bytesFed = 0
        self.lineStart = 0
    }

    // MARK: - Private

    /// Keeps the unfinished end of a chunk, or only counts it once the line is over-long.
    private mutating func hold(_ rest: UnsafeRawBufferPointer) {
        if self.skipping {
            self.skippedBytes += rest.count
        } else if self.carry.count + rest.count > self.maxLineBytes {
            self.skipping = true
            self.skippedBytes = self.carry.count + rest.count
            self.carry.removeAll(keepingCapacity: false)
        } else {
            self.carry.append(contentsOf: rest)
        }
    }

    private func emitLine(_ raw: UnsafeRawBufferPointer, _ emit: (FramedLine) -> Void) {
        var count = raw.count
        if count > 0 && raw[count - 1] == UInt8(ascii: "\r") {
            count -= 1
        }
        var index = 0
        while index < count {
            let byte = raw[index]
            if byte != UInt8(ascii: " ") && byte != UInt8(ascii: "\t") && byte != UInt8(ascii: "\r") {
                break
            }
            index += 1
        }
        guard index < count, let start = raw.baseAddress else { return }
        emit(.line(number: self.lineNumber, bytes: UnsafeRawBufferPointer(start: start, count: count)))
    }

    private func reportTooLong(_ length: Int, _ emit: (FramedLine) -> Void) {
        let error = FramingError(
            code: .lineTooLong,
            message: "line is \(length) bytes, longer than the limit of \(self.maxLineBytes) bytes; it was skipped",
            line: self.lineNumber,
            byteOffset: self.lineStart,
            byteCount: length
        )
        emit(.error(error))
    }
}
