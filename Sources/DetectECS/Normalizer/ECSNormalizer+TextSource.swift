import DetectCore

/// Where the text of a value is read from: an unescaped string's own bytes in the tape, which the parts
/// cut from it share, or its decoded text copied into `scratch.text`.
enum TextSource {
    /// The value is an unescaped string: its own bytes in the tape.
    case tape(node: Int)
    /// The value's text, decoded, in `scratch.text`; parts are copies.
    case scratch
}

extension ECSNormalizer {
    /// The source of the text of `node`; nil when it has none or it is empty (as for ``loadText(_:_:)``).
    mutating func textSource(of node: Int, _ tape: ValueTape) -> TextSource? {
        let value = tape.nodes[node]
        if value.kind == .string, !value.isEscaped { return value.length > 0 ? .tape(node: node) : nil }
        return self.loadText(node, tape) ? .scratch : nil
    }

    /// Calls `body` with the text of `source`; `scratch` is `scratch.text` (static, so that the call
    /// copies nothing of the normalizer).
    static func withText<R>(
        of source: TextSource, _ tape: ValueTape, scratch: [UInt8], _ body: (UnsafeBufferPointer<UInt8>) -> R
    ) -> R {
        switch source {
        case .tape(let node): tape.withText(of: node) { body($0.assumingMemoryBound(to: UInt8.self)) }
        case .scratch: scratch.withUnsafeBufferPointer(body)
        }
    }

    /// Sets `field` to the part `range` of the text of `source`; nothing when the part is absent or empty.
    func setPart(_ field: FieldID, _ range: Range<Int>?, of source: TextSource, in event: inout Event) {
        guard let range, !range.isEmpty else { return }
        switch source {
        case .tape(let node): event.set(field, node: event.tape.appendSubstring(of: node, range))
        case .scratch: self.scratch.text[range].withUnsafeBytes { event.setString(field, $0) }
        }
    }
}
