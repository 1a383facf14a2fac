import DetectCore

/// The JSON key text (`"segment":`) of each field id written so far, so that a key is escaped once rather
/// than once per event.
///
/// Field ids name the same path in every snapshot of one ``FieldRegistry``, so a cache serves the tables
/// of one registry only.
struct KeyTextCache: Sendable {
    /// `"segment":` of every field id made so far, escaped, back to back.
    private var texts: [UInt8] = []
    /// For each field id: the range of its key text in `texts` as `start << 32 | end`, 0 when not made
    /// yet (a key text is never empty).
    private var spans: [UInt64] = []

    /// Writes `"segment":` for the last segment of `field` to `output`, making it on first use.
    @inline(__always)
    mutating func writeKey<Output: JSONOutput>(of field: FieldID, table: FieldTable, to output: inout Output) {
        let index = field.index
        if index >= self.spans.count || self.spans[index] == 0 { self.make(field, table: table) }
        let span = self.spans[index]
        self.texts.withUnsafeBytes {
            output.writeBytes(UnsafeRawBufferPointer(rebasing: $0[Int(span >> 32)..<Int(span & 0xFFFF_FFFF)]))
        }
    }

    private mutating func make(_ field: FieldID, table: FieldTable) {
        let index = field.index
        if index >= self.spans.count {
            self.spans.append(contentsOf: repeatElement(0, count: max(index + 1, table.count) - self.spans.count))
        }
        let start = self.texts.count
        table.segments[index].withUnsafeBytes { self.texts.writeString($0) }
        self.texts.writeByte(UInt8(ascii: ":"))
        self.spans[index] = UInt64(start) << 32 | UInt64(self.texts.count)
    }
}
