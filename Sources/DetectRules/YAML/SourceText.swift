internal import DetectCore

/// The text of one YAML file, used to turn positions inside a scalar (a token of a condition, a modifier of a
/// key) into file positions.
///
/// libyaml gives the position of a scalar's start only. To find where byte `n` of the scalar's *value* is in the
/// file, ``locator(for:)`` walks the raw text from the scalar's start and aligns the value's non-blank bytes
/// with the file's: this is exact for plain and quoted single-line scalars, and also for multi-line plain,
/// literal (`|`) and folded (`>`) scalars, whose folding only changes whitespace. (Escape sequences in
/// double-quoted scalars make the alignment approximate: a position then lands on or after the true one.)
final class SourceText: @unchecked Sendable {
    let file: String
    private let bytes: [UInt8]
    /// Byte offset of the start of each line (index 0 = line 1).
    private let lineStarts: [Int]

    init(file: String, text: String) {
        self.file = file
        self.bytes = Array(text.utf8)
        var starts = [0]
        for (index, byte) in self.bytes.enumerated() where byte == 0x0A {
            starts.append(index + 1)
        }
        self.lineStarts = starts
    }

    /// The location of a node.
    func location(_ node: YAMLNode) -> SourceLocation {
        SourceLocation(file: self.file, line: node.line, column: node.column)
    }

    /// A function mapping byte offsets in `node`'s scalar value to file positions.
    func locator(for node: YAMLNode) -> (Int) -> SourceLocation {
        guard let scalar = node.scalar, let start = self.offset(line: node.line, column: node.column) else {
            let location = self.location(node)
            return { _ in location }
        }
        var rawIndex = start
        switch scalar.style {
        case .singleQuoted, .doubleQuoted:
            rawIndex += 1
        case .literal, .folded:
            // Skip the block header line (`|`, `>-`, `|2`, comments) to the first content line.
            while rawIndex < self.bytes.count, self.bytes[rawIndex] != 0x0A { rawIndex += 1 }
            rawIndex = min(rawIndex + 1, self.bytes.count)
        case .plain:
            break
        }
        let value = Array(scalar.value.utf8)
        var map = [Int](repeating: rawIndex, count: value.count + 1)
        var cursor = rawIndex
        // Give up aligning after a generous window, so a mismatch never walks the whole file.
        let limit = min(self.bytes.count, rawIndex + value.count * 4 + 4096)
        for (index, byte) in value.enumerated() {
            if byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D {
                map[index] = cursor
                continue
            }
            var probe = cursor
            while probe < limit, self.bytes[probe] != byte { probe += 1 }
            if probe < limit {
                cursor = probe
                map[index] = cursor
                cursor += 1
            } else {
                map[index] = cursor
            }
        }
        map[value.count] = cursor
        return { [self] offset in
            let clamped = max(0, min(offset, value.count))
            return self.location(atByte: map[clamped])
        }
    }

    /// The byte offset of a 1-based line and column (columns count Unicode scalars).
    func offset(line: Int, column: Int) -> Int? {
        guard line >= 1, line <= self.lineStarts.count else { return nil }
        var index = self.lineStarts[line - 1]
        var remaining = column - 1
        while remaining > 0, index < self.bytes.count, self.bytes[index] != 0x0A {
            index += 1
            while index < self.bytes.count, self.bytes[index] & 0xC0 == 0x80 { index += 1 }
            remaining -= 1
        }
        return index
    }

    /// The 1-based line and column of a byte offset.
    func location(atByte offset: Int) -> SourceLocation {
        var low = 0
        var high = self.lineStarts.count - 1
        while low < high {
            let middle = (low + high + 1) / 2
            if self.lineStarts[middle] <= offset { low = middle } else { high = middle - 1 }
        }
        var column = 1
        var index = self.lineStarts[low]
        while index < offset, index < self.bytes.count {
            if self.bytes[index] & 0xC0 != 0x80 { column += 1 }
            index += 1
        }
        return SourceLocation(file: self.file, line: low + 1, column: column)
    }

    /// The next line after `first` that has `key:` at the same column (how a repeated block-mapping key looks).
    func repeatedKey(_ key: String, after first: SourceLocation) -> SourceLocation? {
        let keyBytes = Array(key.utf8)
        var line = first.line + 1
        while line <= self.lineStarts.count {
            defer { line += 1 }
            guard let start = self.offset(line: line, column: first.column),
                self.location(atByte: start).column == first.column
            else { continue }
            var index = start
            if index < self.bytes.count,
                self.bytes[index] == UInt8(ascii: "'") || self.bytes[index] == UInt8(ascii: "\"")
            {
                index += 1
            }
            guard index + keyBytes.count <= self.bytes.count,
                Array(self.bytes[index..<(index + keyBytes.count)]) == keyBytes
            else { continue }
            var after = index + keyBytes.count
            if after < self.bytes.count,
                self.bytes[after] == UInt8(ascii: "'") || self.bytes[after] == UInt8(ascii: "\"")
            {
                after += 1
            }
            while after < self.bytes.count, self.bytes[after] == 0x20 { after += 1 }
            if after < self.bytes.count, self.bytes[after] == UInt8(ascii: ":") {
                return SourceLocation(file: self.file, line: line, column: first.column)
            }
        }
        return nil
    }
}
