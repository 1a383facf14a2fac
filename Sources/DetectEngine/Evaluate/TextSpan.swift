internal import DetectCore
internal import DetectJSON

/// Where the text of a value is: a byte range of the event's tape (unescaped strings, parsed numbers) or of
/// the scratch's arena (decoded escaped strings, formatted numbers, booleans).
struct TextSpan {
    var inArena: Bool
    var offset: Int
    var count: Int
}

extension EvaluationScratch {
    /// The text of a scalar node (string, number, boolean), decoding into the arena only when needed;
    /// `nil` for null, arrays and objects.
    mutating func span(of node: Int, in tape: ValueTape) -> TextSpan? {
        let value = tape.nodes[node]
        switch value.kind {
        case .string where !value.isEscaped:
            return TextSpan(inArena: false, offset: Int(value.offset), count: Int(value.length))
        case .integer, .float:
            if value.length > 0 {
                return TextSpan(inArena: false, offset: Int(value.offset), count: Int(value.length))
            }
        case .string, .bool:
            break
        case .null, .array, .object:
            return nil
        }
        if node >= self.textStamps.count {
            let extra = max(node + 1, tape.nodes.count) - self.textStamps.count
            self.textStamps.append(contentsOf: repeatElement(0, count: extra))
            self.textOffsets.append(contentsOf: repeatElement(0, count: extra))
            self.textLengths.append(contentsOf: repeatElement(0, count: extra))
        }
        if self.textStamps[node] == self.generation {
            return TextSpan(inArena: true, offset: Int(self.textOffsets[node]), count: Int(self.textLengths[node]))
        }
        let start = self.arena.count
        tape.appendText(of: node, to: &self.arena)
        self.textStamps[node] = self.generation
        self.textOffsets[node] = Int32(start)
        self.textLengths[node] = Int32(self.arena.count - start)
        return TextSpan(inArena: true, offset: start, count: self.arena.count - start)
    }

    /// Calls `body` with the bytes of `span`.
    @inline(__always)
    func withBytes<R>(_ span: TextSpan, in tape: ValueTape, _ body: (UnsafeRawBufferPointer) -> R) -> R {
        if span.inArena {
            return self.arena.withUnsafeBytes { all in
                body(UnsafeRawBufferPointer(rebasing: all[span.offset..<(span.offset + span.count)]))
            }
        }
        return tape.bytes.withUnsafeBytes { all in
            body(UnsafeRawBufferPointer(rebasing: all[span.offset..<(span.offset + span.count)]))
        }
    }
}
