internal import DetectJSON
public import DetectRules

extension RuleTestEvent {
    /// The event as one JSON line, without its newline: a JSON-string event as written, a YAML mapping
    /// converted (keys in written order; non-finite floats become `null`).
    public var jsonLine: [UInt8] {
        switch self {
        case .jsonLine(let text):
            return Array(text.utf8)
        case .document(let value):
            var writer = JSONWriter()
            value.write(to: &writer)
            return writer.output
        }
    }
}

extension RuleTestValue {
    func write(to writer: inout JSONWriter) {
        switch self {
        case .string(let text): writer.writeString(text)
        case .integer(let value): writer.writeInteger(value)
        case .float(let value): writer.writeFloat(value)
        case .bool(let value): writer.writeBool(value)
        case .null: writer.writeRaw("null")
        case .array(let elements):
            writer.writeByte(UInt8(ascii: "["))
            for (index, element) in elements.enumerated() {
                if index > 0 { writer.writeByte(UInt8(ascii: ",")) }
                element.write(to: &writer)
            }
            writer.writeByte(UInt8(ascii: "]"))
        case .object(let members):
            writer.writeByte(UInt8(ascii: "{"))
            for (index, member) in members.enumerated() {
                if index > 0 { writer.writeByte(UInt8(ascii: ",")) }
                writer.writeString(member.key)
                writer.writeByte(UInt8(ascii: ":"))
                member.value.write(to: &writer)
            }
            writer.writeByte(UInt8(ascii: "}"))
        }
    }
}
