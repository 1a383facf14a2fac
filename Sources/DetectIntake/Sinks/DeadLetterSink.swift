import DetectJSON

/// Writes every rejected record as one JSON line: where it came from, why, and the record itself.
///
/// ```json
/// {"input":"batch.ndjson.gz","line":17,"reason":"json.invalid_utf8","message":"invalid UTF-8: byte 0xFF at byte 42","record":"…"}
/// ```
/// The record is kept as text, cut to ``maxRecordBytes`` (invalid UTF-8 replaced), so nothing is lost
/// silently and the file stays valid JSON lines.
public final class DeadLetterSink {
    private let output: FileOutput
    private var writer = JSONWriter()
    /// The longest record kept in a dead letter, in bytes.
    public let maxRecordBytes: Int

    public init(output: FileOutput, maxRecordBytes: Int = 64 << 10) {
        self.output = output
        self.maxRecordBytes = maxRecordBytes
    }

    /// Writes one dead letter.
    public func write(_ rejection: Rejection) throws(IntakeError) {
        self.writer.output.removeAll(keepingCapacity: true)
        self.writer.writeRaw("{\"input\":")
        self.writer.writeString(rejection.input)
        if let line = rejection.line {
            self.writer.writeRaw(",\"line\":")
            self.writer.writeInteger(Int64(line))
        }
        self.writer.writeRaw(",\"reason\":")
        self.writer.writeString(rejection.reason)
        self.writer.writeRaw(",\"message\":")
        self.writer.writeString(rejection.message)
        if let record = rejection.record {
            let kept = record.prefix(self.maxRecordBytes)
            self.writer.writeRaw(",\"record\":")
            self.writer.writeString(String(decoding: kept, as: UTF8.self))
            if record.count > kept.count {
                self.writer.writeRaw(",\"record_truncated\":true")
            }
        }
        self.writer.writeRaw("}\n")
        try self.output.write(self.writer.output)
    }

    public func flush() throws(IntakeError) {
        try self.output.flush()
    }
}
