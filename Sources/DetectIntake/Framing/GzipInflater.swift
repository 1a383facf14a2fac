import CZlib

/// Incremental gzip decompression with a bound on the decompressed size.
///
/// - Accepts gzip (and zlib) streams, detected from the header (`inflateInit2` with `15 + 32`).
/// - Handles multi-member input: Logpush files and HTTP bodies may be several gzip members one after
///   the other; after each member ends, the next one starts wherever it lies in the input.
/// - Bounds the total decompressed size (``maxOutputBytes``): the output up to the bound is delivered,
///   then ``FramingError/Code/decompressedTooLarge`` is thrown.
/// - Reports corrupt data (``FramingError/Code/corruptGzip``) with the offset in the compressed input,
///   and an input that ends inside a member (``FramingError/Code/truncatedGzip``) from ``finish()``.
///
/// After an error the inflater is failed: every later call throws the same error and delivers nothing.
///
/// ```swift
/// let inflater = GzipInflater()
/// try inflater.feed(compressed) { framer.feed($0, handle) }
/// try inflater.finish()
/// ```
public final class GzipInflater {
    /// The default bound on the decompressed size of one input: 4 GiB.
    public static let defaultMaxOutputBytes = 4 << 30

    /// The largest decompressed size accepted, in bytes.
    public let maxOutputBytes: Int

    /// Compressed bytes consumed so far.
    public private(set) var bytesIn = 0

    /// Decompressed bytes delivered so far.
    public private(set) var bytesOut = 0

    /// How many gzip members have ended so far.
    public private(set) var membersCompleted = 0

    private enum State {
        /// No byte of the current member has been consumed yet (at the start, or after a member ended).
        case betweenMembers
        /// Inside a member.
        case inMember
        case failed(FramingError)
    }

    private var state = State.betweenMembers
    private let stream: UnsafeMutablePointer<z_stream>
    private let output: UnsafeMutableRawBufferPointer

    /// Creates an inflater.
    ///
    /// - Parameters:
    ///   - maxOutputBytes: The largest decompressed size accepted, in bytes.
    ///   - outputChunkBytes: The size of the chunks handed to the output callback (at most).
    public init(maxOutputBytes: Int = GzipInflater.defaultMaxOutputBytes, outputChunkBytes: Int = 256 << 10) {
        precondition(maxOutputBytes >= 0, "maxOutputBytes must not be negative")
        precondition(outputChunkBytes > 0 && outputChunkBytes <= Int(UInt32.max), "bad outputChunkBytes")
        self.maxOutputBytes = maxOutputBytes
        self.output = UnsafeMutableRawBufferPointer.allocate(byteCount: outputChunkBytes, alignment: 16)
        self.stream = UnsafeMutablePointer<z_stream>.allocate(capacity: 1)
        self.stream.initialize(to: z_stream())
        let status = inflateInit2_(self.stream, 15 + 32, zlibVersion(), Int32(MemoryLayout<z_stream>.size))
        // Fails only when zlib cannot allocate its state, like any Swift allocation failure.
        precondition(status == Z_OK, "inflateInit2 failed with status \(status)")
    }

    deinit {
        inflateEnd(self.stream)
        self.stream.deinitialize(count: 1)
        self.stream.deallocate()
        self.output.deallocate()
    }

    /// Whether an error has ended this stream.
    public var isFailed: Bool {
        if case .failed = self.state { return true }
        return false
    }

    /// Decompresses the next chunk of compressed input.
    ///
    /// - Parameters:
    ///   - input: The next compressed bytes; may be empty.
    ///   - output: Called with each chunk of decompressed bytes, valid only during the call.
    /// - Throws: ``FramingError`` with code `corruptGzip` or `decompressedTooLarge`; the output that came
    ///   before the problem has been delivered.
    public func feed(_ input: UnsafeRawBufferPointer, _ output: (UnsafeRawBufferPointer) -> Void) throws(FramingError) {
        if case .failed(let error) = self.state { throw error }
        guard let base = input.baseAddress, input.count > 0 else { return }
        // avail_in is 32 bits wide; feed very large inputs in slices.
        var offset = 0
        while offset < input.count {
            let count = min(input.count - offset, 1 << 30)
            try self.inflate(base + offset, count, output)
            offset += count
        }
    }

    /// Ends the input.
    ///
    /// - Throws: ``FramingError`` with code `truncatedGzip` when the input ended inside a member, or the
    ///   earlier error if the stream had already failed.
    public func finish() throws(FramingError) {
        switch self.state {
        case .failed(let error):
            throw error
        case .betweenMembers:
            return
        case .inMember:
            let error = FramingError(
                code: .truncatedGzip,
                message: "gzip input ends inside a member after \(self.bytesIn) compressed bytes "
                    + "(\(self.bytesOut) bytes decompressed); the file or upload is incomplete",
                byteOffset: self.bytesIn
            )
            self.state = .failed(error)
            throw error
        }
    }

    // MARK: - Private

    private func inflate(
        _ input: UnsafeRawPointer, _ count: Int, _ deliver: (UnsafeRawBufferPointer) -> Void
    ) throws(FramingError) {
        let outputBase = self.output.baseAddress.unsafelyUnwrapped
        let outputCapacity = UInt32(self.output.count)
        self.stream.pointee.next_in = UnsafeMutablePointer(mutating: input.assumingMemoryBound(to: Bytef.self))
        self.stream.pointee.avail_in = UInt32(count)
        defer {
            self.stream.pointee.next_in = nil
            self.stream.pointee.avail_in = 0
        }
        while true {
            if case .betweenMembers = self.state {
                if self.stream.pointee.avail_in == 0 { return }
                if self.membersCompleted > 0 {
                    inflateReset(self.stream)
                }
                self.state = .inMember
            }
            let availableBefore = Int(self.stream.pointee.avail_in)
            self.stream.pointee.next_out = outputBase.assumingMemoryBound(to: Bytef.self)
            self.stream.pointee.avail_out = outputCapacity
            let status = CZlib.inflate(self.stream, Z_NO_FLUSH)
            let consumed = availableBefore - Int(self.stream.pointee.avail_in)
            self.bytesIn += consumed
            let produced = Int(outputCapacity - self.stream.pointee.avail_out)
            if produced > 0 {
                try self.deliver(UnsafeRawBufferPointer(start: outputBase, count: produced), deliver)
            }
            switch status {
            case Z_STREAM_END:
                self.membersCompleted += 1
                self.state = .betweenMembers
            case Z_OK:
                // More output may be pending when the output buffer filled up.
                if self.stream.pointee.avail_in == 0 && produced < Int(outputCapacity) { return }
                if consumed == 0 && produced == 0 { return }
            case Z_BUF_ERROR:
                // No progress possible: all input consumed and no output pending.
                return
            default:
                throw self.fail(corrupt: status)
            }
        }
    }

    private func deliver(
        _ chunk: UnsafeRawBufferPointer, _ deliver: (UnsafeRawBufferPointer) -> Void
    ) throws(FramingError) {
        let allowed = self.maxOutputBytes - self.bytesOut
        if chunk.count <= allowed {
            self.bytesOut += chunk.count
            deliver(chunk)
            return
        }
        if allowed > 0 {
            self.bytesOut += allowed
            deliver(UnsafeRawBufferPointer(rebasing: chunk[0..<allowed]))
        }
        let error = FramingError(
            code: .decompressedTooLarge,
            message: "gzip input decompresses to more than the limit of \(self.maxOutputBytes) bytes "
                + "(a gzip bomb, or raise the decompressed-size limit); the rest of the input was skipped",
            byteOffset: self.bytesIn
        )
        self.state = .failed(error)
        throw error
    }

    private func fail(corrupt status: Int32) -> FramingError {
        let detail: String
        if let message = self.stream.pointee.msg {
            detail = String(cString: message)
        } else {
            detail = "zlib status \(status)"
        }
        let error = FramingError(
            code: .corruptGzip,
            message: "gzip input is corrupt: \(detail)",
            byteOffset: self.bytesIn
        )
        self.state = .failed(error)
        return error
    }
}
