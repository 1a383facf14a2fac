import DetectCore
import DetectJSON
import Testing

/// The string scanner reads string bodies eight bytes at a time and leaves escapes, control characters,
/// non-ASCII bytes and the last bytes of the input to a byte-by-byte loop. These tests put each kind of
/// special byte at every offset of a body long enough for two whole words and a tail, in keys and in
/// values, with the end of the input near the string and far from it.
struct JSONStringBlockTests {
    /// What is put into a string body, and what the parser must make of it.
    struct Insert: Sendable, CustomStringConvertible {
        let name: String
        let bytes: [UInt8]
        /// The decoded text, or nil when the insert is rejected.
        let decoded: String?
        let isEscape: Bool
        /// For rejected inserts: the error and the offset of the rejected byte within the insert.
        let code: JSONError.Code?
        let errorOffset: Int

        static func valid(_ name: String, _ raw: String, decoded: String, isEscape: Bool = false) -> Insert {
            Insert(name: name, bytes: Array(raw.utf8), decoded: decoded, isEscape: isEscape, code: nil, errorOffset: 0)
        }

        static func invalid(_ name: String, _ bytes: [UInt8], _ code: JSONError.Code, at offset: Int = 0) -> Insert {
            Insert(name: name, bytes: bytes, decoded: nil, isEscape: false, code: code, errorOffset: offset)
        }

        var description: String { self.name }
    }

    static let inserts: [Insert] = [
        .valid("escaped quote", #"\""#, decoded: "\"", isEscape: true),
        .valid("escaped backslash", #"\\"#, decoded: "\\", isEscape: true),
        .valid("escaped newline", #"\n"#, decoded: "\n", isEscape: true),
        .valid("unicode escape", #"\u00e9"#, decoded: "é", isEscape: true),
        .valid("surrogate pair", #"\ud83d\ude00"#, decoded: "😀", isEscape: true),
        .valid("2-byte UTF-8", "é", decoded: "é"),
        .valid("3-byte UTF-8", "€", decoded: "€"),
        .valid("4-byte UTF-8", "😀", decoded: "😀"),
        .valid("DEL", "\u{7F}", decoded: "\u{7F}"),
        .valid("space", " ", decoded: " "),
        .valid("slash", "/", decoded: "/"),
        .invalid("NUL", [0x00], .invalidString),
        .invalid("line feed", [0x0A], .invalidString),
        .invalid("unit separator", [0x1F], .invalidString),
        .invalid("byte FF", [0xFF], .invalidUTF8),
        .invalid("stray continuation", [0x80], .invalidUTF8),
        .invalid("overlong", [0xC0, 0x80], .invalidUTF8),
        .invalid("surrogate", [0xED, 0xA0, 0x80], .invalidUTF8),
        .invalid("truncated 3-byte", [0xE2, 0x82], .invalidUTF8),
        .invalid("truncated 4-byte", [0xF0, 0x9F, 0x98], .invalidUTF8),
        .invalid("continuation after a valid pair", [0xC3, 0xA9, 0xA9], .invalidUTF8, at: 2),
        .invalid("bad escape", #"\x"#.utf8.map { $0 }, .invalidEscape),
    ]

    /// A 20-byte body: two whole words and a tail of four when nothing follows it closely.
    static let plain = Array("abcdefghijklmnopqrst".utf8)

    /// Where the string goes: before its bytes, after its bytes (the closing quote included).
    enum Placement: CaseIterable, Sendable {
        case key, lastValue, valueBeforeMore

        var prefix: [UInt8] {
            switch self {
            case .key: Array(#"{""#.utf8)
            case .lastValue, .valueBeforeMore: Array(#"{"k":""#.utf8)
            }
        }

        var suffix: [UInt8] {
            switch self {
            case .key: Array(#"":1}"#.utf8)
            case .lastValue: Array(#""}"#.utf8)
            case .valueBeforeMore: Array(#"","padding":"0123456789abcdef0123456789"}"#.utf8)
            }
        }
    }

    @Test("each special byte at every offset of a body, in keys and values", arguments: inserts, Placement.allCases)
    func insertEverywhere(insert: Insert, placement: Placement) throws {
        for offset in 0...Self.plain.count {
            let body = Array(Self.plain[..<offset]) + insert.bytes + Array(Self.plain[offset...])
            let document = placement.prefix + body + placement.suffix
            let context = "\(insert.name) at \(offset), \(placement)"
            guard let decoded = insert.decoded else {
                let error = parseError(document)
                #expect(error?.code == insert.code, "\(context): \(String(describing: error))")
                #expect(error?.offset == placement.prefix.count + offset + insert.errorOffset, "\(context)")
                continue
            }
            var tape = ValueTape()
            let root = try parse(document, into: &tape)
            let node = placement == .key ? root + 1 : root + 2
            let expected = String(decoding: Self.plain[..<offset], as: UTF8.self) + decoded
                + String(decoding: Self.plain[offset...], as: UTF8.self)
            #expect(JSONValue(tape: tape, at: node) == .string(expected), "\(context)")
            #expect(tape.nodes[node].isEscaped == insert.isEscape, "\(context)")
            #expect(tape.withText(of: node) { Array($0) } == body, "\(context)")
        }
    }

    @Test("strings of every length from 0 to 40 end at their quote", arguments: Placement.allCases)
    func everyLength(placement: Placement) throws {
        for length in 0...40 {
            let body = Array(repeating: UInt8(ascii: "x"), count: length)
            var tape = ValueTape()
            let root = try parse(placement.prefix + body + placement.suffix, into: &tape)
            let node = placement == .key ? root + 1 : root + 2
            #expect(tape.nodes[node].length == UInt32(length), "length \(length), \(placement)")
            #expect(!tape.nodes[node].isEscaped)
        }
    }

    @Test("a multi-byte sequence cut by the end of the input is rejected at its lead byte")
    func sequenceCutByEnd() {
        for sequence in [[0xC3, 0xA9], [0xE2, 0x82, 0xAC], [0xF0, 0x9F, 0x98, 0x80]] as [[UInt8]] {
            for prefix in 0..<12 {
                for kept in 1..<sequence.count {
                    let document = [UInt8(ascii: "\"")] + Array(repeating: UInt8(ascii: "a"), count: prefix)
                        + sequence[..<kept]
                    let error = parseError(document)
                    #expect(error?.code == .invalidUTF8, "\(sequence) cut to \(kept) after \(prefix)")
                    #expect(error?.offset == 1 + prefix, "\(sequence) cut to \(kept) after \(prefix)")
                }
            }
        }
    }

    @Test("a string cut by the end of the input at any length is unterminated")
    func unterminatedAtEveryLength() {
        for length in 0...20 {
            let error = parseError([UInt8(ascii: "\"")] + Array(repeating: UInt8(ascii: "a"), count: length))
            #expect(error?.code == .unexpectedEnd, "length \(length)")
            #expect(error?.offset == 1 + length, "length \(length)")
        }
    }
}
