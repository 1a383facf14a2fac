import Glibc

/// A file in the temporary directory, removed by ``remove()``.
struct TemporaryFile {
    let path: String

    /// Creates a file holding `contents`.
    init(contents: [UInt8], suffix: String = "") {
        var template = Array("/tmp/sigflare-framing-XXXXXX\(suffix)".utf8CString)
        let descriptor = template.withUnsafeMutableBufferPointer {
            mkstemps($0.baseAddress.unsafelyUnwrapped, Int32(suffix.utf8.count))
        }
        precondition(descriptor >= 0, "mkstemps failed")
        self.path = String(decoding: template.dropLast().map { UInt8(bitPattern: $0) }, as: UTF8.self)
        var written = 0
        contents.withUnsafeBytes { bytes in
            while written < bytes.count {
                let count = write(descriptor, bytes.baseAddress.unsafelyUnwrapped + written, bytes.count - written)
                precondition(count > 0, "write failed")
                written += count
            }
        }
        close(descriptor)
    }

    func remove() {
        unlink(self.path)
    }
}
