import DetectCore

/// Members of a document object that ``JSONWriter/writeEvent(_:table:scratch:)`` writes unchanged, gathered
/// into one range of the tape's bytes when their text there is exactly what would be written: consecutive
/// members read from compact JSON then cost one copy for the lot, not two value writes each.
struct SourceRun {
    /// The bytes gathered so far: members and the commas between them; empty when none are.
    private var bytes: Range<Int> = 0..<0

    /// The text of the member `"key":value` (key node `key`, value node `value`) in `tape`'s bytes, when it
    /// reads exactly as ``JSONOutput/writeValue(_:at:)`` writes the key, a colon and the value: a quoted key
    /// and a string, number or container written as they were read, with nothing in between. Nil otherwise.
    static func memberText(key: Int, value: Int, in tape: ValueTape) -> Range<Int>? {
        let keyNode = tape.nodes[key]
        guard keyNode.kind == .string, keyNode.isEscaped || keyNode.isVerbatim, keyNode.offset > 0 else { return nil }
        let keyEnd = Int(keyNode.offset + keyNode.length)
        let start = keyEnd + 2  // after the closing quote and the colon
        let valueNode = tape.nodes[value]
        let end: Int
        switch valueNode.kind {
        case .string where valueNode.isEscaped || valueNode.isVerbatim:
            guard Int(valueNode.offset) == start + 1 else { return nil }
            end = Int(valueNode.offset + valueNode.length) + 1
        case .integer where valueNode.length > 0, .float where valueNode.length > 0:
            guard Int(valueNode.offset) == start else { return nil }
            end = Int(valueNode.offset + valueNode.length)
        case .array, .object:
            guard let span = valueNode.sourceSpan, span.lowerBound == start else { return nil }
            end = span.upperBound
        default:
            return nil
        }
        return tape.bytes.withUnsafeBufferPointer { bytes in
            guard end <= bytes.count, bytes[Int(keyNode.offset) - 1] == UInt8(ascii: "\""),
                bytes[keyEnd] == UInt8(ascii: "\""), bytes[keyEnd + 1] == UInt8(ascii: ":")
            else { return nil }
            if valueNode.kind == .string {
                guard bytes[start] == UInt8(ascii: "\""), bytes[end - 1] == UInt8(ascii: "\"") else { return nil }
            }
            return Int(keyNode.offset) - 1..<end
        }
    }

    /// Adds the member text `text` (from ``memberText(key:value:in:)``) when it follows the run after one comma
    /// in `tape`'s bytes; returns whether it did. A member that does not must be written after ``flush(_:to:)``.
    mutating func extend(with text: Range<Int>, in tape: ValueTape) -> Bool {
        guard !self.bytes.isEmpty, text.lowerBound == self.bytes.upperBound + 1,
            tape.bytes[self.bytes.upperBound] == UInt8(ascii: ",")
        else { return false }
        self.bytes = self.bytes.lowerBound..<text.upperBound
        return true
    }

    /// Starts a new run with the member text `text`; the run must be empty (flushed).
    mutating func start(_ text: Range<Int>) {
        self.bytes = text
    }

    /// Writes the run to `output` and empties it.
    mutating func flush<Output: JSONOutput>(_ tape: ValueTape, to output: inout Output) {
        guard !self.bytes.isEmpty else { return }
        tape.bytes.withUnsafeBytes { output.writeBytes(UnsafeRawBufferPointer(rebasing: $0[self.bytes])) }
        self.bytes = 0..<0
    }
}
