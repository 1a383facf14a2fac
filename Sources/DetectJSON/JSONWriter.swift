public import DetectCore

/// Appends JSON text to a byte buffer: escaped strings, numbers, and values copied from a ``ValueTape``.
///
/// Strings that were parsed from JSON keep their escapes and are copied verbatim; everything else is
/// escaped on the way out, so the output is always valid JSON in UTF-8.
public struct JSONWriter: Sendable {
    public var output: [UInt8] = []

    public init() {}

    // MARK: - Scalars

    /// Writes `text` as a JSON string, escaping `"`, `\` and control characters.
    public mutating func writeString(_ text: UnsafeRawBufferPointer) {
        self.output.writeString(text)
    }

    public mutating func writeString(_ text: String) {
        var text = text
        text.withUTF8 { self.output.writeString(UnsafeRawBufferPointer($0)) }
    }

    /// Writes the body of a JSON string (no quotes) with escapes.
    public mutating func writeEscaped(_ text: UnsafeRawBufferPointer) {
        self.output.writeEscaped(text)
    }

    /// Whether any byte of `text` is `"`, `\` or a control character (see ``JSONEscaping``).
    static func needsEscaping(_ text: UnsafeRawBufferPointer) -> Bool {
        JSONEscaping.needsEscaping(text)
    }

    /// Writes an integer in decimal.
    public mutating func writeInteger(_ value: Int64) {
        self.output.writeInteger(value)
    }

    /// Writes a float in its shortest round-trip form; non-finite values become `null`.
    public mutating func writeFloat(_ value: Double) {
        self.output.writeFloat(value)
    }

    public mutating func writeBool(_ value: Bool) {
        self.output.writeBool(value)
    }

    /// Writes ASCII text as it is.
    public mutating func writeRaw(_ text: StaticString) {
        self.output.writeRaw(text)
    }

    @inlinable
    public mutating func writeByte(_ byte: UInt8) {
        self.output.append(byte)
    }

    // MARK: - Tape values

    /// Writes the value at `index` of `tape`, with its whole subtree.
    public mutating func writeValue(_ tape: ValueTape, at index: Int) {
        self.output.writeValue(tape, at: index)
    }
}
