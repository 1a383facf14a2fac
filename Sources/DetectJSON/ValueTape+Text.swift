public import DetectCore

extension ValueTape {
    /// Appends the text of the string or number at `index` to `output`, decoding escapes.
    ///
    /// Bools are written as `true`/`false`; other kinds append nothing and return false.
    @discardableResult
    public func appendText(of index: Int, to output: inout [UInt8]) -> Bool {
        let node = self.nodes[index]
        switch node.kind {
        case .string:
            self.withText(of: index) { text in
                if node.isEscaped {
                    JSONStringDecoder.decode(text, into: &output)
                } else {
                    output.appendBytes(text)
                }
            }
            return true
        case .integer, .float:
            if node.length > 0 {
                self.withText(of: index) { output.appendBytes($0) }
            } else {
                var writer = JSONWriter()
                writer.writeValue(self, at: index)
                output.append(contentsOf: writer.output)
            }
            return true
        case .bool:
            output.append(contentsOf: (node.bool ? "true" : "false").utf8)
            return true
        case .null, .array, .object:
            return false
        }
    }

    /// The text of the string or number at `index`, decoded, as a `String`.
    public func text(of index: Int) -> String? {
        var bytes: [UInt8] = []
        guard self.appendText(of: index, to: &bytes) else { return nil }
        return String(decoding: bytes, as: UTF8.self)
    }
}
