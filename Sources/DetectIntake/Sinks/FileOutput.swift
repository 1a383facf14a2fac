import Glibc

/// A buffered writer to a file descriptor: a file it opens, or standard output.
///
/// Writes are collected and handed to `write(2)` when the buffer fills or on ``flush()``, so per-record
/// output costs a copy, not a system call.
public final class FileOutput {
    private let descriptor: Int32
    private let ownsDescriptor: Bool
    private var buffer: [UInt8] = []
    private let capacity: Int
    /// Name used in error messages (`<stdout>` or the path).
    public let name: String

    /// Standard output.
    public static func standardOutput(capacity: Int = 1 << 16) -> FileOutput {
        FileOutput(descriptor: STDOUT_FILENO, owns: false, name: "<stdout>", capacity: capacity)
    }

    /// Opens (creates or truncates) `path` for writing; `-` means standard output.
    public static func open(_ path: String, capacity: Int = 1 << 16) throws(IntakeError) -> FileOutput {
        if path == "-" { return .standardOutput(capacity: capacity) }
        let descriptor = Glibc.open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else {
            throw IntakeError(.cannotOpen, "cannot open \(path) for writing: \(String(cString: strerror(errno)))")
        }
        return FileOutput(descriptor: descriptor, owns: true, name: path, capacity: capacity)
    }

    private init(descriptor: Int32, owns: Bool, name: String, capacity: Int) {
        self.descriptor = descriptor
        self.ownsDescriptor = owns
        self.name = name
        self.capacity = capacity
        self.buffer.reserveCapacity(capacity)
    }

    deinit {
        try? self.flush()
        if self.ownsDescriptor { close(self.descriptor) }
    }

    /// Appends bytes, writing out the buffer when it is full.
    public func write(_ bytes: UnsafeRawBufferPointer) throws(IntakeError) {
        self.buffer.append(contentsOf: bytes)
        if self.buffer.count >= self.capacity { try self.flush() }
    }

    public func write(_ bytes: ArraySlice<UInt8>) throws(IntakeError) {
        self.buffer.append(contentsOf: bytes)
        if self.buffer.count >= self.capacity { try self.flush() }
    }

    public func write(_ bytes: [UInt8]) throws(IntakeError) {
        self.buffer.append(contentsOf: bytes)
        if self.buffer.count >= self.capacity { try self.flush() }
    }

    public func write(_ text: String) throws(IntakeError) {
        try self.write(Array(text.utf8))
    }

    /// Writes out everything buffered.
    public func flush() throws(IntakeError) {
        var written = 0
        while written < self.buffer.count {
            let result = self.buffer.withUnsafeBytes { bytes in
                Glibc.write(self.descriptor, bytes.baseAddress! + written, bytes.count - written)
            }
            if result < 0 {
                if errno == EINTR { continue }
                let reason = String(cString: strerror(errno))
                self.buffer.removeAll(keepingCapacity: true)
                throw IntakeError(.writeFailed, "cannot write to \(self.name): \(reason)")
            }
            written += result
        }
        self.buffer.removeAll(keepingCapacity: true)
    }
}
