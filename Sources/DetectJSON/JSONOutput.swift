import DetectCore

/// Where JSON text goes: a growable byte array (``JSONWriter/output``) or a ``ByteCursor`` over
/// preallocated memory. The writing logic is written once, in this protocol's extension, and specialized
/// for each.
protocol JSONOutput {
    mutating func writeByte(_ byte: UInt8)
    mutating func writeBytes(_ bytes: UnsafeRawBufferPointer)
}

extension Array: JSONOutput where Element == UInt8 {
    @inline(__always)
    mutating func writeByte(_ byte: UInt8) { self.append(byte) }

    @inline(__always)
    mutating func writeBytes(_ bytes: UnsafeRawBufferPointer) { self.appendBytes(bytes) }
}

extension JSONOutput {
    // MARK: - Scalars

    /// Writes `text` as a JSON string, escaping `"`, `\` and control characters.
    mutating func writeString(_ text: UnsafeRawBufferPointer) {
        self.writeByte(UInt8(ascii: "\""))
        self.writeEscaped(text)
        self.writeByte(UInt8(ascii: "\""))
    }

    /// Writes the body of a JSON string (no quotes) with escapes.
    mutating func writeEscaped(_ text: UnsafeRawBufferPointer) {
        if !JSONWriter.needsEscaping(text) {
            self.writeBytes(text)
            return
        }
        var runStart = 0
        for index in 0..<text.count {
            let byte = text[index]
            guard byte < 0x20 || byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "\\") else { continue }
            self.writeBytes(UnsafeRawBufferPointer(rebasing: text[runStart..<index]))
            runStart = index + 1
            self.writeByte(UInt8(ascii: "\\"))
            switch byte {
            case UInt8(ascii: "\""): self.writeByte(UInt8(ascii: "\""))
            case UInt8(ascii: "\\"): self.writeByte(UInt8(ascii: "\\"))
            case 0x0A: self.writeByte(UInt8(ascii: "n"))
            case 0x0D: self.writeByte(UInt8(ascii: "r"))
            case 0x09: self.writeByte(UInt8(ascii: "t"))
            default:
                let hex: StaticString = "0123456789abcdef"
                self.writeRaw("u00")
                self.writeByte(hex.utf8Start[Int(byte >> 4)])
                self.writeByte(hex.utf8Start[Int(byte & 0xF)])
            }
        }
        self.writeBytes(UnsafeRawBufferPointer(rebasing: text[runStart..<text.count]))
    }

    /// Writes an integer in decimal.
    mutating func writeInteger(_ value: Int64) {
        if value < 0 { self.writeByte(UInt8(ascii: "-")) }
        var magnitude = value.magnitude
        var digits: (UInt64, UInt64, UInt64) = (0, 0, 0)  // room for the 20 digits of UInt64.max
        withUnsafeMutableBytes(of: &digits) { buffer in
            var index = 20
            repeat {
                index -= 1
                buffer[index] = UInt8(ascii: "0") + UInt8(magnitude % 10)
                magnitude /= 10
            } while magnitude > 0
            self.writeBytes(UnsafeRawBufferPointer(rebasing: buffer[index..<20]))
        }
    }

    /// Writes a float in its shortest round-trip form; non-finite values become `null`.
    mutating func writeFloat(_ value: Double) {
        guard value.isFinite else {
            self.writeRaw("null")
            return
        }
        if value == value.rounded(.towardZero), abs(value) < 1e15 {
            // The sign is written apart so that -0.0 keeps it (Int64(-0.0) is 0).
            if value.sign == .minus { self.writeByte(UInt8(ascii: "-")) }
            self.writeInteger(Int64(value.magnitude))
            self.writeRaw(".0")
            return
        }
        var text = value.description
        text.withUTF8 { self.writeBytes(UnsafeRawBufferPointer($0)) }
    }

    mutating func writeBool(_ value: Bool) {
        self.writeRaw(value ? "true" : "false")
    }

    /// Writes ASCII text as it is.
    mutating func writeRaw(_ text: StaticString) {
        self.writeBytes(UnsafeRawBufferPointer(start: text.utf8Start, count: text.utf8CodeUnitCount))
    }

    // MARK: - Tape values

    /// Writes the value at `index` of `tape`, with its whole subtree.
    mutating func writeValue(_ tape: ValueTape, at index: Int) {
        let node = tape.nodes[index]
        switch node.kind {
        case .string:
            if node.isEscaped || node.isVerbatim {
                self.writeByte(UInt8(ascii: "\""))
                tape.withText(of: index) { self.writeBytes($0) }
                self.writeByte(UInt8(ascii: "\""))
            } else {
                tape.withText(of: index) { self.writeString($0) }
            }
        case .integer:
            if node.length > 0 {
                tape.withText(of: index) { self.writeBytes($0) }
            } else {
                self.writeInteger(node.integer)
            }
        case .float:
            if node.length > 0 {
                tape.withText(of: index) { self.writeBytes($0) }
            } else {
                self.writeFloat(node.float)
            }
        case .bool:
            self.writeBool(node.bool)
        case .null:
            self.writeRaw("null")
        case _ where node.sourceSpan != nil:
            tape.bytes.withUnsafeBytes { self.writeBytes(UnsafeRawBufferPointer(rebasing: $0[node.sourceSpan!])) }
        case .array:
            self.writeByte(UInt8(ascii: "["))
            var first = true
            tape.forEachElement(of: index) { element in
                if !first { self.writeByte(UInt8(ascii: ",")) }
                first = false
                self.writeValue(tape, at: element)
            }
            self.writeByte(UInt8(ascii: "]"))
        case .object:
            self.writeByte(UInt8(ascii: "{"))
            var first = true
            tape.forEachMember(of: index) { key, value in
                if !first { self.writeByte(UInt8(ascii: ",")) }
                first = false
                self.writeValue(tape, at: key)
                self.writeByte(UInt8(ascii: ":"))
                self.writeValue(tape, at: value)
            }
            self.writeByte(UInt8(ascii: "}"))
        }
    }
}
