import Glibc

/// Reads the inputs in order and gathers their lines into batches, so that workers take them a block at a
/// time. A plain regular file is only divided into chunks, one per batch, that the workers read themselves
/// (``ChunkedFile``); standard input, pipes and gzip files are read here. Such a batch is handed on when it
/// holds ``targetBytes`` of text, when its input ends, and, so that alerts still stream from a slow pipe,
/// after a `read(2)` when no more input is ready at once or the batch is older than ``maxDelay`` seconds.
struct LineBatcher {
    /// The longest line accepted, in bytes.
    let maxLineBytes: Int
    /// The text size at which a batch is handed on.
    let targetBytes: Int
    /// The longest a batch waits for more input, in seconds.
    let maxDelay: Double

    /// Thrown inside the read to stop it.
    private struct Stopped: Error {}

    /// Reads `paths` in order.
    ///
    /// - Parameters:
    ///   - next: An empty batch to fill, or `nil` to stop reading.
    ///   - submit: Takes a filled batch; `false` stops reading.
    ///   - submitChunks: Takes a plain file whose chunks the workers claim themselves; `false` stops reading.
    ///     When `nil`, each chunk is handed out in a batch from `next` through `submit`.
    func read(
        _ paths: [String], next: () -> LineBatch?, submit: (LineBatch) -> Bool,
        submitChunks: ((ChunkedFile) -> Bool)? = nil
    ) {
        for path in paths {
            if let file = ChunkedFile(path: path, chunkBytes: self.targetBytes, maxLineBytes: self.maxLineBytes) {
                guard submitChunks?(file) ?? self.handOut(file, next: next, submit: submit) else { return }
                continue
            }
            let reader = InputReader(path: path, maxLineBytes: self.maxLineBytes)
            guard var batch = next() else { return }
            batch.input = reader.name
            func handOn() throws(Stopped) {
                guard submit(batch), let fresh = next() else { throw Stopped() }
                batch = fresh
                batch.input = reader.name
            }
            do throws(Stopped) {
                try reader.read { (_, item: FramedLine) throws(Stopped) in
                    if batch.isEmpty { batch.started = Self.now() }
                    switch item {
                    case .line(let number, let bytes):
                        batch.append(line: bytes, number: number)
                        if batch.textCount >= self.targetBytes { try handOn() }
                    case .error(let error):
                        batch.append(problem: error)
                    }
                } afterChunk: { (moreInputReady: Bool) throws(Stopped) in
                    guard !batch.isEmpty, !moreInputReady || Self.now() - batch.started >= self.maxDelay else { return }
                    try handOn()
                }
            } catch {
                return
            }
            batch.endsInput = true
            guard submit(batch) else { return }
        }
    }

    /// Hands out one batch per chunk of `file`, for the workers to read; `false` when reading must stop.
    private func handOut(_ file: ChunkedFile, next: () -> LineBatch?, submit: (LineBatch) -> Bool) -> Bool {
        for index in 0..<file.chunkCount {
            guard let batch = next() else { return false }
            batch.assign(chunk: index, of: file)
            guard submit(batch) else { return false }
        }
        return true
    }

    /// Monotonic seconds.
    static func now() -> Double {
        var spec = timespec()
        clock_gettime(CLOCK_MONOTONIC, &spec)
        return Double(spec.tv_sec) + Double(spec.tv_nsec) / 1e9
    }
}
