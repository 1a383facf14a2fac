import Glibc

/// A plain (not gzip) regular file read in fixed-size chunks that the workers read themselves, in any order:
/// each chunk is read with `pread(2)` straight into the batch that processes it, so the text is copied once,
/// by the core that parses it, and no reader thread handles it.
///
/// Chunk `k` holds the lines that start in its byte range `[k × chunkBytes, (k + 1) × chunkBytes)`: a line
/// that crosses the end of the range is read on into the next range, and the partial line at the start of a
/// range belongs to the chunk before. Lines are framed by the same ``LineFramer`` as any input (CRLF, blank
/// lines, over-long lines), with line numbers counted from the start of the chunk: the ordered stage adds the
/// lines of the earlier chunks (``LineBatch/framedLineCount``). Byte offsets in framing errors are from the
/// start of the file.
///
/// The file is read up to the size it had when it was opened. Standard input, pipes, gzip files and files
/// that cannot be opened are read sequentially instead (``InputReader``), which reports their problems.
final class ChunkedFile: Sendable {
    /// The input's name in reports (its path).
    let name: String
    /// Bytes per chunk.
    let chunkBytes: Int
    /// The longest line accepted, in bytes.
    let maxLineBytes: Int
    /// Bytes read past a chunk's end with the chunk itself: the line that crosses the end nearly always ends
    /// within them, so it costs no second read.
    let slackBytes: Int
    /// The file's size when it was opened.
    let size: Int
    private let descriptor: Int32

    /// The number of chunks, at least 1 (an empty file has one empty chunk, so that it is counted).
    var chunkCount: Int { max(1, (self.size + self.chunkBytes - 1) / self.chunkBytes) }

    /// Opens `path` for chunked reading, or returns `nil` when it must be read sequentially: standard input
    /// (`-`), not a regular file, gzip (magic bytes `1f 8b`), or not readable.
    init?(path: String, chunkBytes: Int, maxLineBytes: Int, slackBytes: Int = 16 << 10) {
        precondition(chunkBytes > 0 && maxLineBytes > 0 && slackBytes >= 0)
        guard path != "-" else { return nil }
        let descriptor = open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else { return nil }
        var status = stat()
        var magic: (UInt8, UInt8) = (0, 0)
        let magicCount = withUnsafeMutableBytes(of: &magic) { pread(descriptor, $0.baseAddress, 2, 0) }
        guard fstat(descriptor, &status) == 0, status.st_mode & S_IFMT == S_IFREG, magicCount >= 0,
            !(magicCount == 2 && magic == (0x1F, 0x8B))
        else {
            close(descriptor)
            return nil
        }
        self.name = path
        self.chunkBytes = chunkBytes
        self.maxLineBytes = maxLineBytes
        self.slackBytes = slackBytes
        self.size = Int(status.st_size)
        self.descriptor = descriptor
    }

    deinit {
        close(self.descriptor)
    }

    /// Reads chunk `index` into the empty `batch`: its lines (numbered from the start of the chunk), its
    /// framing problems, and ``LineBatch/framedLineCount``.
    func fill(_ batch: LineBatch, chunk index: Int) {
        let chunkStart = index * self.chunkBytes
        let chunkEnd = min(self.size, chunkStart + self.chunkBytes)
        // One byte before the range tells whether a line starts exactly at its first byte.
        let readStart = index == 0 ? 0 : chunkStart - 1
        let readEnd = min(self.size, chunkEnd + self.slackBytes)
        var failure: FramingError?
        let text = batch.readText(upTo: readEnd - readStart) { buffer in
            self.readFully(into: buffer, count: readEnd - readStart, at: readStart, failure: &failure)
        }
        var framer = LineFramer(maxLineBytes: self.maxLineBytes)
        let chunkText = UnsafeRawBufferPointer(rebasing: text[..<min(text.count, chunkEnd - readStart)])
        guard let first = self.firstLineStart(in: chunkText, chunk: index) else {
            if let failure { Self.report(failure, framer: framer, to: batch) }
            return
        }
        // The chunk's lines end at the first newline from its last byte on.
        let lastByte = chunkEnd - 1 - readStart
        let end = lastByte >= 0 && lastByte < text.count ? Self.endOfLine(in: text, from: lastByte) : nil
        let offset = readStart + first
        framer.feed(UnsafeRawBufferPointer(rebasing: text[first..<(end ?? text.count)])) {
            Self.add($0, to: batch, offset: offset)
        }
        if end == nil {
            if let failure {
                Self.report(failure, framer: framer, to: batch)
            } else {
                self.finishLastLine(from: readStart + text.count, framer: &framer, batch: batch, offset: offset)
            }
        }
        batch.framedLineCount = framer.lineNumber
    }

    /// The index after the first newline at or after `start` in `text`, or `nil`.
    private static func endOfLine(in text: UnsafeRawBufferPointer, from start: Int) -> Int? {
        guard let base = text.baseAddress, let newline = memchr(base + start, 0x0A, text.count - start) else {
            return nil
        }
        return UnsafeRawPointer(newline) - base + 1
    }

    /// Where the first line that starts in chunk `index` begins in `text` (the chunk's bytes, read from one
    /// byte before it), or `nil` when none does.
    private func firstLineStart(in text: UnsafeRawBufferPointer, chunk index: Int) -> Int? {
        guard index > 0 else { return 0 }
        guard let start = Self.endOfLine(in: text, from: 0), start < text.count else { return nil }
        return start
    }

    /// Reads on past the chunk until the line that crosses its end ends, feeding `framer` (which keeps at
    /// most ``maxLineBytes`` of it), then ends the line at a newline or the end of the file.
    private func finishLastLine(from start: Int, framer: inout LineFramer, batch: LineBatch, offset: Int) {
        let pieceBytes = 64 << 10
        let piece = UnsafeMutableRawPointer.allocate(byteCount: pieceBytes, alignment: 16)
        defer { piece.deallocate() }
        var position = start
        while position < self.size {
            var failure: FramingError?
            let count = self.readFully(
                into: piece, count: min(pieceBytes, self.size - position), at: position, failure: &failure)
            if let failure {
                Self.report(failure, framer: framer, to: batch)
                return
            }
            guard count > 0 else { break }
            let read = UnsafeRawBufferPointer(start: piece, count: count)
            let through = Self.endOfLine(in: read, from: 0)
            framer.feed(UnsafeRawBufferPointer(rebasing: read[..<(through ?? count)])) {
                Self.add($0, to: batch, offset: offset)
            }
            if through != nil { return }
            position += count
        }
        framer.finish { Self.add($0, to: batch, offset: offset) }
    }

    /// Adds a framed item to `batch`, its byte offset made relative to the file.
    private static func add(_ item: FramedLine, to batch: LineBatch, offset: Int) {
        switch item {
        case .line(let number, let bytes):
            batch.append(line: bytes, number: number)
        case .error(var error):
            error.byteOffset = error.byteOffset.map { $0 + offset }
            batch.append(problem: error)
        }
    }

    /// Adds a read failure to `batch`, on the line in progress.
    private static func report(_ failure: FramingError, framer: LineFramer, to batch: LineBatch) {
        var failure = failure
        failure.line = framer.lineNumber + 1
        batch.append(problem: failure)
    }

    /// `pread(2)` until `count` bytes or the end of the file; a failure is returned in `failure`.
    private func readFully(
        into buffer: UnsafeMutableRawPointer, count: Int, at offset: Int, failure: inout FramingError?
    ) -> Int {
        var done = 0
        while done < count {
            let result = pread(self.descriptor, buffer + done, count - done, off_t(offset + done))
            if result < 0 {
                if errno == EINTR { continue }
                let reason = String(cString: strerror(errno))
                failure = FramingError(
                    code: .readFailed, message: "cannot read \(self.name): \(reason)", byteOffset: offset + done)
                return done
            }
            if result == 0 { break }
            done += result
        }
        return done
    }
}
