/// The encodings of Sigma's encoding modifiers, applied to a rule value at compile time.
///
/// - `utf16le` / `wide`: UTF-16 little-endian bytes; `utf16be`: big-endian; `utf16`: the byte-order mark
///   `FF FE` followed by little-endian bytes (what Python's `"utf-16"` codec writes on x86).
/// - `base64`: standard alphabet with `=` padding.
/// - `base64offset`: the three forms pySigma produces, so that the value is found inside a longer base64
///   text whatever its byte offset: the value is prefixed with 0, 1 or 2 bytes, encoded, and the characters
///   that depend on the prefix or on the unknown following bytes are cut (start 0/2/3 characters; end
///   none, 3 or 2 characters, by the total length modulo 3).
enum ValueEncoding {
    /// UTF-16LE bytes of `text`.
    static func utf16LittleEndian(_ text: String) -> [UInt8] {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(text.utf16.count * 2)
        for unit in text.utf16 {
            bytes.append(UInt8(truncatingIfNeeded: unit))
            bytes.append(UInt8(truncatingIfNeeded: unit >> 8))
        }
        return bytes
    }

    /// UTF-16BE bytes of `text`.
    static func utf16BigEndian(_ text: String) -> [UInt8] {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(text.utf16.count * 2)
        for unit in text.utf16 {
            bytes.append(UInt8(truncatingIfNeeded: unit >> 8))
            bytes.append(UInt8(truncatingIfNeeded: unit))
        }
        return bytes
    }

    /// `FF FE` and the UTF-16LE bytes of `text`.
    static func utf16WithByteOrderMark(_ text: String) -> [UInt8] {
        [0xFF, 0xFE] + Self.utf16LittleEndian(text)
    }

    private static let alphabet = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/".utf8)

    /// Standard base64 with padding.
    static func base64(_ bytes: [UInt8]) -> [UInt8] {
        var output: [UInt8] = []
        output.reserveCapacity((bytes.count + 2) / 3 * 4)
        var index = 0
        while index < bytes.count {
            let remaining = bytes.count - index
            let b0 = UInt32(bytes[index])
            let b1 = remaining > 1 ? UInt32(bytes[index + 1]) : 0
            let b2 = remaining > 2 ? UInt32(bytes[index + 2]) : 0
            let triple = b0 << 16 | b1 << 8 | b2
            output.append(Self.alphabet[Int(triple >> 18 & 0x3F)])
            output.append(Self.alphabet[Int(triple >> 12 & 0x3F)])
            output.append(remaining > 1 ? Self.alphabet[Int(triple >> 6 & 0x3F)] : UInt8(ascii: "="))
            output.append(remaining > 2 ? Self.alphabet[Int(triple & 0x3F)] : UInt8(ascii: "="))
            index += 3
        }
        return output
    }

    /// The three offset forms of `base64offset` (some may be empty for very short values).
    static func base64Offsets(_ bytes: [UInt8]) -> [[UInt8]] {
        let startOffsets = [0, 2, 3]
        let endTrims = [0, 3, 2]
        return (0..<3).map { shift in
            let encoded = Self.base64([UInt8](repeating: UInt8(ascii: " "), count: shift) + bytes)
            let start = startOffsets[shift]
            let end = encoded.count - endTrims[(bytes.count + shift) % 3]
            return start < end ? Array(encoded[start..<end]) : []
        }
    }
}
