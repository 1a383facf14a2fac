#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// The file-system calls sigflare makes while loading rules, IOC lists, tests and tables: plain POSIX, so that
/// the binary does not load Foundation (whose libraries cost every run milliseconds of start-up).
public enum FileSystem {
    /// Whether `path` exists and is a directory (following symbolic links).
    public static func isDirectory(_ path: String) -> Bool {
        Self.type(of: path) == S_IFDIR
    }

    /// Whether `path` exists (following symbolic links).
    public static func exists(_ path: String) -> Bool {
        Self.type(of: path) != nil
    }

    /// `name` inside `directory`: joined with one `/`, whether `directory` ends with one or not.
    public static func path(_ name: String, in directory: String) -> String {
        directory.hasSuffix("/") ? directory + name : directory + "/" + name
    }

    /// The whole content of the file at `path`.
    ///
    /// - Parameter limit: The largest size accepted, in bytes.
    /// - Throws: ``FileSystemError`` with the system's reason when the file cannot be opened or read, or is
    ///   larger than `limit`.
    public static func contents(of path: String, limit: Int = .max) throws(FileSystemError) -> [UInt8] {
        let descriptor = open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else { throw FileSystemError(.cannotOpen, Self.lastErrorText()) }
        defer { close(descriptor) }
        var status = stat()
        let expected = fstat(descriptor, &status) == 0 ? max(Int(status.st_size), 0) : 0
        guard expected <= limit else { throw FileSystemError(.tooLarge, "larger than \(limit) bytes") }
        var bytes = [UInt8](repeating: 0, count: expected + 1)
        var count = 0
        while true {
            if count == bytes.count { bytes.append(contentsOf: repeatElement(0, count: max(bytes.count, 4096))) }
            let result = bytes.withUnsafeMutableBytes { buffer in
                read(descriptor, buffer.baseAddress! + count, buffer.count - count)
            }
            if result < 0 {
                if errno == EINTR { continue }
                throw FileSystemError(.readFailed, Self.lastErrorText())
            }
            if result == 0 { break }
            count += result
            guard count <= limit else { throw FileSystemError(.tooLarge, "larger than \(limit) bytes") }
        }
        bytes.removeSubrange(count...)
        return bytes
    }

    /// The names in `directory`, `.` and `..` left out, in no particular order; `nil` when it cannot be listed.
    public static func names(in directory: String) -> [String]? {
        guard let stream = opendir(directory) else { return nil }
        defer { closedir(stream) }
        var names: [String] = []
        while let entry = readdir(stream) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) { raw in
                String(decoding: raw.prefix(while: { $0 != 0 }), as: UTF8.self)
            }
            if name != "." && name != ".." { names.append(name) }
        }
        return names
    }

    /// The regular files under `directory`, at any depth, as paths relative to it, in no particular order.
    /// Hidden entries (names that start with a dot) are skipped and not descended into; symbolic links are
    /// followed to files, not into directories (so that a loop of links cannot trap the walk). `nil` when
    /// `directory` cannot be listed; a subdirectory that cannot be listed is skipped.
    public static func files(under directory: String) -> [String]? {
        guard let top = Self.names(in: directory) else { return nil }
        var files: [String] = []
        var pending = top
        while let relative = pending.popLast() {
            guard !relative.hasPrefix("."), !relative.contains("/.") else { continue }
            let full = Self.path(relative, in: directory)
            switch Self.type(of: full, followingLinks: false) {
            case S_IFDIR:
                pending += (Self.names(in: full) ?? []).map { relative + "/" + $0 }
            case S_IFREG:
                files.append(relative)
            case S_IFLNK:
                if Self.type(of: full) == S_IFREG { files.append(relative) }
            default:
                continue
            }
        }
        return files
    }

    /// The file type bits (`S_IFDIR`, `S_IFREG`, ...) of `path`; nil when it cannot be examined.
    private static func type(of path: String, followingLinks: Bool = true) -> mode_t? {
        var status = stat()
        guard (followingLinks ? stat(path, &status) : lstat(path, &status)) == 0 else { return nil }
        return status.st_mode & S_IFMT
    }

    private static func lastErrorText() -> String {
        guard let text = strerror(errno) else { return "errno \(errno)" }
        return String(cString: text)
    }
}

/// Why ``FileSystem/contents(of:limit:)`` failed.
public struct FileSystemError: Error, Sendable, CustomStringConvertible {
    /// The kind of failure.
    public enum Reason: Sendable {
        case cannotOpen
        case readFailed
        case tooLarge
    }

    public let reason: Reason
    /// The system's reason (`strerror`), or the limit exceeded.
    public let message: String

    init(_ reason: Reason, _ message: String) {
        self.reason = reason
        self.message = message
    }

    public var description: String { self.message }
}
