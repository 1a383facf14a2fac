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
        self.output.append(UInt8(ascii: "\""))
        self.writeEscaped(text)
        self.output.append(UInt8(ascii: "\""))
    }

    public mutating func writeString(_ text: String) {
        var text = text
        text.withUTF8 { self.writeString(UnsafeRawBufferPointer($0)) }
    }

    /// Writes the body of a JSON string (no quotes) with escapes.
    public mutating func writeEscaped(_ text: UnsafeRawBufferPointer) {
        if !Self.needsEscaping(text) {
            self.output.appendBytes(text)
            return
        }
        var runStart = 0
        for index in 0..<text.count {
            let byte = text[index]
            guard byte < 0x20 || byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "\\") else { continue }
            self.output.appendBytes(UnsafeRawBufferPointer(rebasing: text[runStart..<index]))
            runStart = index + 1
            switch byte {
            case UInt8(ascii: "\""): self.output.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "\"")])
            case UInt8(ascii: "\\"): self.output.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "\\")])
            case 0x0A: self.output.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "n")])
            case 0x0D: self.output.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "r")])
            case 0x09: self.output.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "t")])
            default:
                let hex: [UInt8] = Array("0123456789abcdef".utf8)
                self.output.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "u"), UInt8(ascii: "0"), UInt8(ascii: "0")])
                self.output.append(hex[Int(byte >> 4)])
                self.output.append(hex[Int(byte & 0xF)])
            }
        }
        self.output.appendBytes(UnsafeRawBufferPointer(rebasing: text[runStart..<text.count]))
    }

    /// Whether any byte of `text` is `"`, `\` or a control character, eight bytes at a time.
    static func needsEscaping(_ text: UnsafeRawBufferPointer) -> Bool {
        let ones: UInt64 = 0x0101_0101_0101_0101
        let highs: UInt64 = 0x8080_8080_8080_8080
        var index = 0
        while index + 8 <= text.count {
            let word = text.loadUnaligned(fromByteOffset: index, as: UInt64.self)
            let quotes = word ^ (ones &* 0x22)
            let slashes = word ^ (ones &* 0x5C)
            let special = ((quotes &- ones) & ~quotes) | ((slashes &- ones) & ~slashes) | ((word &- ones &* 0x20) & ~word)
            // Bytes >= 0x80 can set the high bit of the checks above; they need no escaping, so look closer.
            if special & highs & ~word != 0 { return true }
            if special & highs != 0 {
                for offset in index..<index + 8 {
                    let byte = text[offset]
                    if byte < 0x20 || byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "\\") { return true }
                }
            }
            index += 8
        }
        while index < text.count {
            let byte = text[index]
            if byte < 0x20 || byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "\\") { return true }
            index += 1
        }
        return false
    }

    /// Writes an integer in decimal.
    public mutating func writeInteger(_ value: Int64) {
        if value < 0 { self.output.append(UInt8(ascii: "-")) }
        var magnitude = value.magnitude
        var digits: (UInt64, UInt64, UInt64) = (0, 0, 0)  // room for the 20 digits of UInt64.max
        withUnsafeMutableBytes(of: &digits) { buffer in
            var index = 20
            repeat {
                index -= 1
                buffer[index] = UInt8(ascii: "0") + UInt8(magnitude % 10)
                magnitude /= 10
            } while magnitude > 0
            self.output.appendBytes(UnsafeRawBufferPointer(rebasing: buffer[index..<20]))
        }
    }

    /// Writes a float in its shortest round-trip form; non-finite values become `null`.
    public mutating func writeFloat(_ value: Double) {
        guard value.isFinite else {
            self.writeRaw("null")
            return
        }
        if value == value.rounded(.towardZero), abs(value) < 1e15 {
            // The sign is written apart so that -0.0 keeps it (Int64(-0.0) is 0).
            if value.sign == .minus { self.output.append(UInt8(ascii: "-")) }
            self.writeInteger(Int64(value.magnitude))
            self.writeRaw(".0")
            return
        }
        self.output.append(contentsOf: value.description.utf8)
    }

    public mutating func writeBool(_ value: Bool) {
        self.writeRaw(value ? "true" : "false")
    }

    /// Writes ASCII text as it is.
    public mutating func writeRaw(_ text: StaticString) {
        self.output.appendBytes(UnsafeRawBufferPointer(start: text.utf8Start, count: text.utf8CodeUnitCount))
    }

    @inlinable
    public mutating func writeByte(_ byte: UInt8) {
        self.output.append(byte)
    }

    // MARK: - Tape values

    /// Writes the value at `index` of `tape`, with its whole subtree.
    public mutating func writeValue(_ tape: ValueTape, at index: Int) {
        let node = tape.nodes[index]
        switch node.kind {
        case .string:
            if node.isEscaped || node.isVerbatim {
                self.output.append(UInt8(ascii: "\""))
                tape.withText(of: index) { self.output.appendBytes($0) }
                self.output.append(UInt8(ascii: "\""))
            } else {
                tape.withText(of: index) { self.writeString($0) }
            }
        case .integer:
            if node.length > 0 {
                tape.withText(of: index) { self.output.appendBytes($0) }
            } else {
                self.writeInteger(node.integer)
            }
        case .float:
            if node.length > 0 {
                tape.withText(of: index) { self.output.appendBytes($0) }
            } else {
                self.writeFloat(node.float)
            }
        case .bool:
            self.writeBool(node.bool)
        case .null:
            self.writeRaw("null")
        case _ where node.sourceSpan != nil:
            tape.bytes.withUnsafeBytes { self.output.appendBytes(UnsafeRawBufferPointer(rebasing: $0[node.sourceSpan!])) }
        case .array:
            self.output.append(UInt8(ascii: "["))
            var first = true
            tape.forEachElement(of: index) { element in
                if !first { self.output.append(UInt8(ascii: ",")) }
                first = false
                self.writeValue(tape, at: element)
            }
            self.output.append(UInt8(ascii: "]"))
        case .object:
            self.output.append(UInt8(ascii: "{"))
            var first = true
            tape.forEachMember(of: index) { key, value in
                if !first { self.output.append(UInt8(ascii: ",")) }
                first = false
                self.writeValue(tape, at: key)
                self.output.append(UInt8(ascii: ":"))
                self.writeValue(tape, at: value)
            }
            self.output.append(UInt8(ascii: "}"))
        }
    }
}
