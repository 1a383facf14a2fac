/// Which bytes a JSON string cannot hold as they are.
public enum JSONEscaping {
    /// Whether any byte of `text` is `"`, `\` or a control character, eight bytes at a time; a text of
    /// eight bytes or more ends with the word of its last eight bytes (overlapping bytes already checked,
    /// which pass again), so no byte is checked alone.
    public static func needsEscaping(_ text: UnsafeRawBufferPointer) -> Bool {
        let count = text.count
        guard count >= 8 else {
            for index in 0..<count {
                let byte = text[index]
                if byte < 0x20 || byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "\\") { return true }
            }
            return false
        }
        var index = 0
        while index + 8 <= count {
            if Self.needsEscaping(text, wordAt: index) { return true }
            index += 8
        }
        return index < count && Self.needsEscaping(text, wordAt: count - 8)
    }

    /// Whether any of the eight bytes of `text` from `index` (`index + 8 <= text.count`) needs escaping.
    @inline(__always)
    private static func needsEscaping(_ text: UnsafeRawBufferPointer, wordAt index: Int) -> Bool {
        let ones: UInt64 = 0x0101_0101_0101_0101
        let highs: UInt64 = 0x8080_8080_8080_8080
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
        return false
    }
}
