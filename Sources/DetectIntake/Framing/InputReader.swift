import Glibc

/// Reads one input, a file or standard input, and hands out its lines as they arrive.
///
/// - Reads with POSIX `read(2)` in chunks of ``chunkBytes`` (1 MiB by default); memory stays flat
///   whatever the size of the input.
/// - Detects gzip by the magic bytes `1f 8b` at the start, not by the file name.
/// - Hands out each line as soon as its `\n` has been read, so a slow pipe on stdin gives alerts
///   without waiting for the end of input.
/// - A file that cannot be opened or read is reported as a ``FramingError/Code/readFailed`` item, not
///   thrown.
///
/// ```swift
/// let reader = InputReader(path: "-")
/// reader.read { input, item in
///     switch item {
///     case .line(let number, let bytes): process(input, number, bytes)
///     case .error(let error): deadLetter(input, error)
///     }
/// }
/// ```
public struct InputReader: Sendable {
    /// The path of the input, or `-` for standard input.
    public var path: String
    /// The name used for the input in reports: the path, or `<stdin>`.
    public var name: String
    /// The longest line accepted, in bytes.
    public var maxLineBytes: Int
    /// The largest decompressed size accepted for gzip input, in bytes.
    public var maxDecompressedBytes: Int
    /// The size of each `read(2)`, in bytes.
    public var chunkBytes: Int

    /// Creates a reader.
    ///
    /// - Parameters:
    ///   - path: A file path, or `-` for standard input.
    ///   - maxLineBytes: The longest line accepted, in bytes; longer lines are reported and skipped.
    ///   - maxDecompressedBytes: The largest decompressed size accepted for gzip input, in bytes.
    ///   - chunkBytes: The size of each `read(2)`, in bytes.
    public init(
        path: String,
        maxLineBytes: Int = LineFramer.defaultMaxLineBytes,
        maxDecompressedBytes: Int = GzipInflater.defaultMaxOutputBytes,
        chunkBytes: Int = 1 << 20
    ) {
        precondition(chunkBytes > 0, "chunkBytes must be positive")
        self.path = path
        self.name = path == "-" ? "<stdin>" : path
        self.maxLineBytes = maxLineBytes
        self.maxDecompressedBytes = maxDecompressedBytes
        self.chunkBytes = chunkBytes
    }

    /// Reads the whole input, calling `handler` with each line and each problem, in input order.
    @inlinable
    public func read<E: Error>(_ handler: (_ input: String, _ item: FramedLine) throws(E) -> Void) throws(E) {
        try self.read(handler, afterChunk: { () throws(E) in })
    }

    /// Reads the whole input, calling `handler` with each line and each problem, in input order, and
    /// `afterChunk` after the lines of each `read(2)`.
    ///
    /// Returns when the input ends or fails; a failure is the last item handed out.
    ///
    /// - Parameters:
    ///   - handler: Called with the input's ``name`` and each item. The line bytes are valid only during
    ///     the call. If the handler throws, reading stops at once and the error is rethrown.
    ///   - afterChunk: Called after the lines of each `read(2)` have been handed out: the moment to flush
    ///     outputs, so that a line written to a pipe produces its output without waiting for more input.
    /// - Throws: Only what `handler` or `afterChunk` throws.
    @inlinable
    public func read<E: Error>(
        _ handler: (_ input: String, _ item: FramedLine) throws(E) -> Void,
        afterChunk: () throws(E) -> Void
    ) throws(E) {
        try self.read(handler, afterChunk: { (_: Bool) throws(E) in try afterChunk() })
    }

    /// Reads the whole input like ``read(_:afterChunk:)``; `afterChunk` is also told whether more input
    /// can be read at once (`false` when the next `read(2)` would wait, as on an idle pipe): the moment
    /// to hand on what has been gathered instead of waiting for more.
    @inlinable
    public func read<E: Error>(
        _ handler: (_ input: String, _ item: FramedLine) throws(E) -> Void,
        afterChunk: (_ moreInputReady: Bool) throws(E) -> Void
    ) throws(E) {
        // Inlinable so that the per-line call is specialized for the caller's error type.
        var failure: E?
        self.readItems { name, item in
            do throws(E) {
                try handler(name, item)
                return true
            } catch {
                failure = error
                return false
            }
        } afterChunk: { moreInputReady in
            do throws(E) {
                try afterChunk(moreInputReady)
                return true
            } catch {
                failure = error
                return false
            }
        }
        if let failure { throw failure }
    }

    /// Reads the whole input, calling `handler` with each item until it returns `false`.
    @usableFromInline
    func readItems(_ handler: (_ input: String, _ item: FramedLine) -> Bool, afterChunk: (_ moreInputReady: Bool) -> Bool) {
        let name = self.name
        var stopped = false
        func deliver(_ item: FramedLine) {
            guard !stopped else { return }
            stopped = !handler(name, item)
        }

        let isStandardInput = self.path == "-"
        let descriptor = isStandardInput ? STDIN_FILENO : open(self.path, O_RDONLY | O_CLOEXEC)
        if descriptor < 0 {
            let reason = String(cString: strerror(errno))
            deliver(.error(FramingError(code: .readFailed, message: "cannot open \(self.path): \(reason)")))
            return
        }
        defer {
            if !isStandardInput { close(descriptor) }
        }

        let buffer = UnsafeMutableRawBufferPointer.allocate(byteCount: self.chunkBytes, alignment: 16)
        defer { buffer.deallocate() }
        let base = buffer.baseAddress.unsafelyUnwrapped
        let decoder = InputDecoder(maxLineBytes: self.maxLineBytes, maxDecompressedBytes: self.maxDecompressedBytes)
        var offset = 0
        while !stopped && !decoder.isFailed {
            let count = Glibc.read(descriptor, base, self.chunkBytes)
            if count < 0 {
                if errno == EINTR { continue }
                let reason = String(cString: strerror(errno))
                let error = FramingError(
                    code: .readFailed,
                    message: "cannot read \(self.name): \(reason)",
                    line: decoder.lineNumber + 1,
                    byteOffset: offset
                )
                deliver(.error(error))
                return
            }
            if count == 0 {
                decoder.finish(deliver)
                return
            }
            offset += count
            decoder.feed(UnsafeRawBufferPointer(start: base, count: count), deliver)
            if !stopped { stopped = !afterChunk(Self.isReadable(descriptor)) }
        }
    }

    /// Whether a `read(2)` of `descriptor` would return at once (always so for a regular file).
    private static func isReadable(_ descriptor: Int32) -> Bool {
        var request = pollfd(fd: descriptor, events: Int16(POLLIN), revents: 0)
        return poll(&request, 1, 0) != 0
    }
}
