import DetectCore
import Glibc
import Testing

/// The POSIX file access the loaders use: whole-file reads (sized or not), their failures, and the recursive
/// walk of a rule directory.
struct FileSystemTests {
    @Test("a file is read whole, at every size around the read sizes, and a limit below its size is refused")
    func readsWholeFiles() throws {
        let directory = try TemporaryDirectory()
        for size in [0, 1, 4095, 4096, 4097, 70_000] {
            let bytes = (0..<size).map { UInt8(truncatingIfNeeded: $0 &* 31 &+ 7) }
            let path = try directory.write("f\(size)", bytes)
            #expect(try FileSystem.contents(of: path) == bytes)
            #expect(try FileSystem.contents(of: path, limit: size) == bytes)
            if size > 0 {
                #expect(throws: FileSystemError.self) { try FileSystem.contents(of: path, limit: size - 1) }
            }
        }
    }

    @Test("a file whose size the system does not know (/proc) is read to its end")
    func readsFilesOfUnknownSize() throws {
        let status = try FileSystem.contents(of: "/proc/self/status")
        let text = String(decoding: status, as: UTF8.self)
        #expect(text.hasPrefix("Name:"))
        #expect(text.contains("\nVmRSS:") || text.contains("\nPid:"))
    }

    @Test("a missing file and a directory fail with the system's reason")
    func failures() throws {
        let directory = try TemporaryDirectory()
        do throws(FileSystemError) {
            _ = try FileSystem.contents(of: directory.path + "/missing")
            Issue.record("a missing file was read")
        } catch {
            #expect(error.reason == .cannotOpen)
            #expect(error.message == "No such file or directory")
        }
        do throws(FileSystemError) {
            _ = try FileSystem.contents(of: directory.path)
            Issue.record("a directory was read")
        } catch {
            #expect(error.reason == .readFailed)
            #expect(error.message == "Is a directory")
        }
        #expect(FileSystem.names(in: directory.path + "/missing") == nil)
        #expect(FileSystem.files(under: directory.path + "/missing") == nil)
    }

    @Test("the walk finds files at any depth and links to files; skips hidden entries and links to directories")
    func walksDirectories() throws {
        let directory = try TemporaryDirectory()
        _ = try directory.write("a.yml", [])
        _ = try directory.write("sub/b.yml", [])
        _ = try directory.write("sub/deeper/c.txt", [])
        _ = try directory.write(".hidden/d.yml", [])
        _ = try directory.write("sub/.e.yml", [])
        #expect(symlink(directory.path + "/a.yml", directory.path + "/sub/link.yml") == 0)
        #expect(symlink(directory.path + "/sub", directory.path + "/loop") == 0)
        #expect(symlink(directory.path + "/nowhere", directory.path + "/dangling.yml") == 0)
        let files = try #require(FileSystem.files(under: directory.path))
        #expect(files.sorted() == ["a.yml", "sub/b.yml", "sub/deeper/c.txt", "sub/link.yml"])
        #expect(FileSystem.names(in: directory.path)?.sorted() == [".hidden", "a.yml", "dangling.yml", "loop", "sub"])
        #expect(FileSystem.isDirectory(directory.path + "/loop"))
        #expect(!FileSystem.isDirectory(directory.path + "/a.yml"))
        #expect(FileSystem.exists(directory.path + "/a.yml"))
        #expect(!FileSystem.exists(directory.path + "/dangling.yml"))
    }
}

/// A fresh directory under /tmp, removed with everything in it when the value goes away.
private final class TemporaryDirectory {
    let path: String

    init() throws {
        var template = Array("/tmp/sigflare-fs-XXXXXX".utf8CString)
        guard let made = mkdtemp(&template) else { throw Failure() }
        self.path = String(cString: made)
    }

    deinit {
        Self.remove(self.path)
    }

    /// Removes `path`, and everything in it when it is a directory (links are removed, not followed).
    private static func remove(_ path: String) {
        var status = stat()
        if lstat(path, &status) == 0, status.st_mode & S_IFMT == S_IFDIR {
            for name in FileSystem.names(in: path) ?? [] { Self.remove(path + "/" + name) }
            rmdir(path)
        } else {
            unlink(path)
        }
    }

    /// Writes `bytes` to `relative` (its directories made first) and returns the file's path.
    func write(_ relative: String, _ bytes: [UInt8]) throws -> String {
        var prefix = self.path
        for component in relative.split(separator: "/").dropLast() {
            prefix += "/" + component
            mkdir(prefix, 0o755)
        }
        let path = self.path + "/" + relative
        guard let file = fopen(path, "wb") else { throw Failure() }
        defer { fclose(file) }
        guard fwrite(bytes, 1, bytes.count, file) == bytes.count else { throw Failure() }
        return path
    }

    private struct Failure: Error {}
}
