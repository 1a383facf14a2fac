import CZlib

/// Builds gzip test data in memory with zlib's deflate, so tests need no external tool.
enum Gzip {
    /// Compresses `data` into one gzip member.
    static func compress(_ data: [UInt8], level: Int32 = 6) -> [UInt8] {
        var stream = z_stream()
        let status = deflateInit2_(
            &stream, level, Z_DEFLATED, 15 + 16, 8, Z_DEFAULT_STRATEGY, zlibVersion(),
            Int32(MemoryLayout<z_stream>.size)
        )
        precondition(status == Z_OK, "deflateInit2 failed: \(status)")
        defer { deflateEnd(&stream) }
        var result: [UInt8] = []
        var input = data
        var output = [UInt8](repeating: 0, count: 64 << 10)
        input.withUnsafeMutableBufferPointer { source in
            stream.next_in = source.baseAddress
            stream.avail_in = UInt32(source.count)
            var done = false
            while !done {
                output.withUnsafeMutableBufferPointer { target in
                    stream.next_out = target.baseAddress
                    stream.avail_out = UInt32(target.count)
                    let code = deflate(&stream, Z_FINISH)
                    precondition(code == Z_OK || code == Z_STREAM_END || code == Z_BUF_ERROR, "deflate: \(code)")
                    result.append(contentsOf: target[0..<(target.count - Int(stream.avail_out))])
                    done = code == Z_STREAM_END
                }
            }
        }
        return result
    }

    /// Compresses each part into its own member and concatenates the members.
    static func compressMembers(_ parts: [[UInt8]]) -> [UInt8] {
        parts.flatMap { compress($0) }
    }
}
