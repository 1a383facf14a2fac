/// Turns the raw bytes of one input (a file, stdin, an HTTP body) into lines: detects gzip by its magic
/// bytes `1f 8b`, inflates it with a ``GzipInflater``, and frames the text with a ``LineFramer``.
///
/// Errors come out as `.error` items in order with the lines. After an error whose
/// ``FramingError/canContinue`` is false (broken or oversized gzip), the decoder is failed: the lines
/// before the problem have been emitted, the unfinished line at the point of failure is dropped, and
/// later input is ignored. ``isFailed`` tells the caller to stop reading.
///
/// ```swift
/// let decoder = InputDecoder()
/// decoder.feed(body) { handle($0) }
/// decoder.finish { handle($0) }
/// ```
public final class InputDecoder {
    private enum Format {
        /// Nothing seen yet, or only a first byte `1f` that may start the gzip magic.
        case undecided
        case plain
        case gzip(GzipInflater)
    }

    private var format = Format.undecided
    private var framer: LineFramer
    private let maxDecompressedBytes: Int
    /// A first byte `1f` held back until the next byte says whether the input is gzip.
    private var heldMagicByte = false

    /// Whether an error has ended this input; later input is ignored.
    public private(set) var isFailed = false

    /// Creates a decoder for one input.
    ///
    /// - Parameters:
    ///   - maxLineBytes: The longest line accepted, in bytes; longer lines are reported and skipped.
    ///   - maxDecompressedBytes: The largest decompressed size accepted for gzip input, in bytes.
    public init(
        maxLineBytes: Int = LineFramer.defaultMaxLineBytes,
        maxDecompressedBytes: Int = GzipInflater.defaultMaxOutputBytes
    ) {
        self.framer = LineFramer(maxLineBytes: maxLineBytes)
        self.maxDecompressedBytes = maxDecompressedBytes
    }

    /// Whether the input was detected as gzip; `nil` until the first bytes have been seen.
    public var isGzip: Bool? {
        switch self.format {
        case .undecided: nil
        case .plain: false
        case .gzip: true
        }
    }

    /// How many lines have ended so far.
    public var lineNumber: Int { self.framer.lineNumber }

    /// Decodes the next chunk of the input.
    ///
    /// - Parameters:
    ///   - chunk: The next raw bytes of the input; may be empty.
    ///   - emit: Called for each line completed by this chunk and each problem found, in order.
    public func feed(_ chunk: UnsafeRawBufferPointer, _ emit: (FramedLine) -> Void) {
        guard !self.isFailed, chunk.count > 0 else { return }
        if case .undecided = self.format {
            if self.heldMagicByte {
                self.heldMagicByte = false
                self.decide(gzip: chunk[0] == 0x8B)
                withUnsafeBytes(of: UInt8(0x1F)) { self.decode($0, emit) }
            } else if chunk[0] == 0x1F && chunk.count == 1 {
                self.heldMagicByte = true
                return
            } else {
                self.decide(gzip: chunk.count >= 2 && chunk[0] == 0x1F && chunk[1] == 0x8B)
            }
        }
        guard !self.isFailed else { return }
        self.decode(chunk, emit)
    }

    /// Ends the input: emits the last line if it has no trailing `\n`, and reports a gzip stream that
    /// ended inside a member.
    ///
    /// - Parameter emit: Called for the last line or the problem found.
    public func finish(_ emit: (FramedLine) -> Void) {
        guard !self.isFailed else { return }
        if self.heldMagicByte {
            self.heldMagicByte = false
            self.decide(gzip: false)
            withUnsafeBytes(of: UInt8(0x1F)) { self.decode($0, emit) }
        }
        if case .gzip(let inflater) = self.format {
            do {
                try inflater.finish()
            } catch {
                self.fail(error, emit)
                return
            }
        }
        self.framer.finish(emit)
    }

    // MARK: - Private

    private func decide(gzip: Bool) {
        self.format = gzip ? .gzip(GzipInflater(maxOutputBytes: self.maxDecompressedBytes)) : .plain
    }

    private func decode(_ chunk: UnsafeRawBufferPointer, _ emit: (FramedLine) -> Void) {
        switch self.format {
        case .undecided, .plain:
            self.framer.feed(chunk, emit)
        case .gzip(let inflater):
            do {
                try inflater.feed(chunk) { self.framer.feed($0, emit) }
            } catch {
                self.fail(error, emit)
            }
        }
    }

    private func fail(_ error: FramingError, _ emit: (FramedLine) -> Void) {
        var error = error
        error.line = self.framer.lineNumber + 1
        self.isFailed = true
        self.framer.reset()
        emit(.error(error))
    }
}
