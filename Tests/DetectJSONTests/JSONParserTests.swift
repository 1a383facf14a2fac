import DetectCore
import DetectJSON
import Testing

struct JSONParserTests {
    // MARK: - Values and nesting

    static let scalars: [(String, JSONValue)] = [
        (#""abc""#, .string("abc")),
        (#""""#, .string("")),
        ("0", .integer(0)),
        ("42", .integer(42)),
        ("-17", .integer(-17)),
        ("1.5", .float(1.5)),
        ("true", .bool(true)),
        ("false", .bool(false)),
        ("null", .null),
    ]

    @Test("every scalar type parses as a document of its own", arguments: scalars)
    func scalar(text: String, expected: JSONValue) throws {
        #expect(try parseValue(text) == expected)
    }

    @Test("scalars parse inside arrays and as object values")
    func scalarsInContainers() throws {
        let value = try parseValue(#"["s",1,-2,0.5,true,false,null,{"k":"v","n":null,"b":false}]"#)
        #expect(
            value
                == .array([
                    .string("s"), .integer(1), .integer(-2), .float(0.5), .bool(true), .bool(false), .null,
                    .object([.init("k", .string("v")), .init("n", .null), .init("b", .bool(false))]),
                ])
        )
    }

    @Test("nested objects and arrays keep their structure, counts and subtree ends")
    func nesting() throws {
        var tape = ValueTape()
        let root = try parse(#"{"a":[1,{"b":null},[2,3]],"c":{"d":"e"},"f":4}"#, into: &tape)
        #expect(
            JSONValue(tape: tape, at: root)
                == .object([
                    .init("a", .array([.integer(1), .object([.init("b", .null)]), .array([.integer(2), .integer(3)])])),
                    .init("c", .object([.init("d", .string("e"))])),
                    .init("f", .integer(4)),
                ])
        )
        #expect(root == 0)
        #expect(tape.nodes[root].length == 3)
        #expect(tape.end(of: root) == tape.nodes.count)
        // "a"'s array: node 2 holds 3 elements and ends where key "c" starts.
        #expect(tape.nodes[2].kind == .array)
        #expect(tape.nodes[2].length == 3)
        let keyC = tape.end(of: 2)
        #expect(JSONValue(tape: tape, at: keyC) == .string("c"))
    }

    static let emptyContainers: [(String, JSONValue)] = [
        ("{}", .object([])),
        ("[]", .array([])),
        (#"{"a":{}}"#, .object([.init("a", .object([]))])),
        ("[[],[]]", .array([.array([]), .array([])])),
        ("[{}]", .array([.object([])])),
        (
            #"{"a":[],"b":{},"c":1}"#,
            .object([.init("a", .array([])), .init("b", .object([])), .init("c", .integer(1))])
        ),
        ("[[[]],{},[{}]]", .array([.array([.array([])]), .object([]), .array([.object([])])])),
        ("{ }", .object([])),
        ("[\n]", .array([])),
    ]

    @Test("empty objects and arrays parse at any depth", arguments: emptyContainers)
    func emptyContainer(text: String, expected: JSONValue) throws {
        var tape = ValueTape()
        let root = try parse(text, into: &tape)
        #expect(JSONValue(tape: tape, at: root) == expected)
        #expect(tape.end(of: root) == tape.nodes.count)
    }

    @Test("whitespace is allowed around every token")
    func whitespaceEverywhere() throws {
        let text = " \t\n\r{ \n\"a\" \t:\r [ 1 ,\n2 , { } ,[ ] ] \r, \"b\"\n:\ttrue , \"c\" : \"x y\" }\r\n\t "
        #expect(
            try parseValue(text)
                == .object([
                    .init("a", .array([.integer(1), .integer(2), .object([]), .array([])])),
                    .init("b", .bool(true)),
                    .init("c", .string("x y")),
                ])
        )
    }

    @Test(
        "bytes that JSON does not count as whitespace are rejected",
        arguments: ["\u{0B}{}", "{}\u{0C}", "\u{A0}1", "[1,\u{00}2]"]
    )
    func notWhitespace(text: String) {
        #expect(parseError(text) != nil)
    }

    @Test("empty and whitespace-only input ends unexpectedly", arguments: ["", " ", "\n\t\r "])
    func emptyInput(text: String) {
        #expect(parseError(text)?.code == .unexpectedEnd)
        #expect(parseError(text)?.offset == text.utf8.count)
    }

    // MARK: - Strings

    static let escapeCases: [(String, String)] = [
        (#"\""#, "\""), (#"\\"#, "\\"), (#"\/"#, "/"), (#"\b"#, "\u{08}"), (#"\f"#, "\u{0C}"),
        (#"\n"#, "\n"), (#"\r"#, "\r"), (#"\t"#, "\t"),
        (#"\u0041"#, "A"), (#"\u00e9"#, "é"), (#"\u00E9"#, "é"), (#"\u20AC"#, "€"), (#"\u0000"#, "\u{00}"),
        (#"\u001f"#, "\u{1F}"), (#"\uFFFF"#, "\u{FFFF}"), (#"\uD83D\uDE00"#, "😀"), (#"\ud83d\ude00"#, "😀"),
        (#"\uDBFF\uDFFF"#, "\u{10FFFF}"), (#"\uD800\uDC00"#, "\u{10000}"),
    ]

    @Test("every escape is accepted, flagged and kept verbatim", arguments: escapeCases)
    func escape(escape: String, decoded: String) throws {
        let body = "ab" + escape + "cd" + escape
        var tape = ValueTape()
        let root = try parse("\"\(body)\"", into: &tape)
        #expect(tape.nodes[root].kind == .string)
        #expect(tape.nodes[root].isEscaped)
        #expect(tape.withText(of: root) { Array($0) } == Array(body.utf8))
        #expect(JSONValue(tape: tape, at: root) == .string("ab" + decoded + "cd" + decoded))
    }

    @Test("a string without escapes is not flagged and points at its bytes")
    func plainString() throws {
        var tape = ValueTape()
        let root = try parse(#"  "plain text, é €""#, into: &tape)
        #expect(!tape.nodes[root].isEscaped)
        #expect(tape.nodes[root].offset == 3)
        #expect(tape.withText(of: root) { Array($0) } == Array("plain text, é €".utf8))
    }

    static let badEscapes: [(String, Int)] = [
        (#"["\uD800"]"#, 8),  // lone high surrogate: what follows is not a low surrogate
        (#"["\uDBFFx"]"#, 8),
        (#"["\uD800\n"]"#, 8),  // high surrogate, then another escape
        (#"["\uD800\uD800"]"#, 8),  // two high surrogates
        (#"["\uD800\u0041"]"#, 8),
        (#"["\uDC00"]"#, 2),  // lone low surrogate
        (#"["\uDFFF\uDC00"]"#, 2),
        (#"["\u12G4"]"#, 2),
        (#"["\u12"]"#, 2),
        (#"["\U0041"]"#, 2),
        (#"["\a"]"#, 2),
        (#"["\x41"]"#, 2),
        (#"["\'"]"#, 2),
        (#"["\ "]"#, 2),
        ("[\"\\\u{00}\"]", 2),
    ]

    @Test("bad escapes and unpaired surrogates are rejected with their offset", arguments: badEscapes)
    func badEscape(text: String, offset: Int) {
        let error = parseError(text)
        #expect(error?.code == .invalidEscape, "\(String(describing: error))")
        #expect(error?.offset == offset, "\(String(describing: error))")
    }

    @Test("every control character is rejected in a string, at its offset", arguments: 0..<0x20)
    func controlCharacter(byte: Int) {
        for prefix in 0..<10 {
            let bytes = Array("[\"".utf8) + Array(repeating: UInt8(ascii: "x"), count: prefix) + [UInt8(byte)]
                + Array("y\"]".utf8)
            let error = parseError(bytes)
            #expect(error?.code == .invalidString)
            #expect(error?.offset == 2 + prefix)
        }
    }

    @Test("DEL and bytes above it are not control characters")
    func delete() throws {
        #expect(try parseValue("\"a\u{7F}b\"") == .string("a\u{7F}b"))
    }

    static let invalidSequences: [(String, [UInt8])] = [
        ("overlong 2-byte C0", [0xC0, 0xAF]),
        ("overlong 2-byte C1", [0xC1, 0xBF]),
        ("overlong 3-byte", [0xE0, 0x80, 0xAF]),
        ("overlong 3-byte top", [0xE0, 0x9F, 0xBF]),
        ("overlong 4-byte", [0xF0, 0x80, 0x80, 0xAF]),
        ("overlong 4-byte top", [0xF0, 0x8F, 0xBF, 0xBF]),
        ("surrogate D800", [0xED, 0xA0, 0x80]),
        ("surrogate DFFF", [0xED, 0xBF, 0xBF]),
        ("above U+10FFFF", [0xF4, 0x90, 0x80, 0x80]),
        ("F5 lead", [0xF5, 0x80, 0x80, 0x80]),
        ("F8 lead", [0xF8, 0x88, 0x80, 0x80, 0x80]),
        ("FE", [0xFE]),
        ("FF", [0xFF]),
        ("stray continuation 80", [0x80]),
        ("stray continuation BF", [0xBF]),
        ("truncated 2-byte", [0xC3]),
        ("truncated 3-byte", [0xE2, 0x82]),
        ("truncated 4-byte", [0xF0, 0x9F, 0x98]),
        ("bad second byte", [0xC3, 0x41]),
        ("bad third byte", [0xE2, 0x82, 0x41]),
        ("bad fourth byte", [0xF0, 0x9F, 0x98, 0x41]),
        ("continuation too many", [0xC3, 0xA9, 0xA9]),
        ("Latin-1 é", [0xE9, 0x74, 0xE9]),
    ]

    @Test("invalid UTF-8 in a string is rejected at its first byte", arguments: invalidSequences)
    func invalidUTF8(name: String, sequence: [UInt8]) {
        for prefix in [0, 3, 7, 12] {
            let bytes = Array(#"{"k":""#.utf8) + Array(repeating: UInt8(ascii: "a"), count: prefix) + sequence
                + Array(#"z"}"#.utf8)
            let error = parseError(bytes)
            #expect(error?.code == .invalidUTF8, "\(name)")
            let expectedOffset = 6 + prefix + (name == "continuation too many" ? 2 : 0)
            #expect(error?.offset == expectedOffset, "\(name)")
        }
    }

    @Test("invalid UTF-8 in a key is rejected too")
    func invalidUTF8InKey() {
        let error = parseError([UInt8(ascii: "{"), UInt8(ascii: "\""), 0xC0, 0x80] + Array(#"":1}"#.utf8))
        #expect(error?.code == .invalidUTF8)
        #expect(error?.offset == 2)
    }

    static let validSequences: [String] = [
        "\u{80}", "é", "\u{7FF}",  // 2 bytes
        "\u{800}", "€", "\u{D7FF}", "\u{E000}", "\u{FFFD}", "\u{FFFF}", "中文",  // 3 bytes
        "\u{10000}", "😀", "\u{10FFFF}",  // 4 bytes
        "aé€😀z",
    ]

    @Test("valid 2-, 3- and 4-byte UTF-8 is accepted", arguments: validSequences)
    func validUTF8(text: String) throws {
        for prefix in [0, 1, 5, 7, 8, 13] {
            let padded = String(repeating: "p", count: prefix) + text + "q"
            var tape = ValueTape()
            let root = try parse("[\"\(padded)\"]", into: &tape)
            #expect(JSONValue(tape: tape, at: root) == .array([.string(padded)]))
            #expect(!tape.nodes[root + 1].isEscaped)
        }
    }

    /// A byte the string scanner must stop at, placed at every position of a long string.
    enum Special: CaseIterable, Sendable {
        case quote, backslash, control, twoByte, fourByte, invalid
    }

    @Test(
        "the 8-byte fast path stops at a special byte in every position of a word and in the tail",
        arguments: Special.allCases, 0..<21
    )
    func fastPath(special: Special, position: Int) throws {
        // The string body starts at offset 1 and is 21 bytes long: two whole words and a 5-byte tail.
        var body = Array("abcdefghijklmnopqrstu".utf8)
        let specialOffset = 1 + position
        switch special {
        case .quote:
            body[position] = UInt8(ascii: "\"")
            var tape = ValueTape()
            let bytes = [UInt8(ascii: "\"")] + body[..<position] + [UInt8(ascii: "\"")]
            let root = try parse(bytes, into: &tape)
            #expect(tape.withText(of: root) { Array($0) } == Array(body[..<position]))
            // The same line with the rest of the body after the closing quote is trailing content.
            let error = parseError([UInt8(ascii: "\"")] + body + [UInt8(ascii: "\"")])
            #expect(error?.code == .trailingContent)
            #expect(error?.offset == specialOffset + 1)
        case .backslash:
            body.replaceSubrange(position..<position + 1, with: Array(#"\n"#.utf8))
            var tape = ValueTape()
            let root = try parse([UInt8(ascii: "\"")] + body + [UInt8(ascii: "\"")], into: &tape)
            #expect(tape.nodes[root].isEscaped)
            #expect(tape.nodes[root].length == 22)
        case .control:
            body[position] = 0x1F
            let error = parseError([UInt8(ascii: "\"")] + body + [UInt8(ascii: "\"")])
            #expect(error?.code == .invalidString)
            #expect(error?.offset == specialOffset)
        case .twoByte:
            body.replaceSubrange(position..<position + 1, with: Array("é".utf8))
            var tape = ValueTape()
            let root = try parse([UInt8(ascii: "\"")] + body + [UInt8(ascii: "\"")], into: &tape)
            #expect(!tape.nodes[root].isEscaped)
            #expect(tape.nodes[root].length == 22)
        case .fourByte:
            body.replaceSubrange(position..<position + 1, with: Array("😀".utf8))
            #expect(try parseValue([UInt8(ascii: "\"")] + body + [UInt8(ascii: "\"")]) == .string(body.text))
        case .invalid:
            body[position] = 0xFF
            let error = parseError([UInt8(ascii: "\"")] + body + [UInt8(ascii: "\"")])
            #expect(error?.code == .invalidUTF8)
            #expect(error?.offset == specialOffset)
        }
    }

    @Test("a long string with many escapes and multi-byte characters keeps its text")
    func longString() throws {
        let body = String(repeating: #"abc\"déf\\g€h😀\u0041\n"#, count: 50)
        var tape = ValueTape()
        let root = try parse("\"\(body)\"", into: &tape)
        #expect(tape.withText(of: root) { Array($0) } == Array(body.utf8))
        #expect(JSONValue(tape: tape, at: root) == .string(String(repeating: "abc\"déf\\g€h😀A\n", count: 50)))
    }

    @Test("an unterminated string ends unexpectedly", arguments: [#""abc"#, #"["abcdefghijklmnop"#, #"{"a"#, #""\"#])
    func unterminatedString(text: String) {
        #expect(parseError(text)?.code == .unexpectedEnd)
    }

    // MARK: - Numbers

    static let numbers: [(String, JSONValue)] = [
        ("0", .integer(0)),
        ("-0", .integer(0)),
        ("7", .integer(7)),
        ("-7", .integer(-7)),
        ("1234567890", .integer(1_234_567_890)),
        ("9223372036854775807", .integer(.max)),
        ("-9223372036854775808", .integer(.min)),
        ("9223372036854775808", .float(9_223_372_036_854_775_808.0)),
        ("1700000000025000000", .integer(1_700_000_000_025_000_000)),
        ("-1700000000025000000", .integer(-1_700_000_000_025_000_000)),
        ("9999999999999999999", .float(9_999_999_999_999_999_999.0)),
        ("-9999999999999999999", .float(-9_999_999_999_999_999_999.0)),
        ("-9223372036854775809", .float(-9_223_372_036_854_775_809.0)),
        ("18446744073709551615", .float(18_446_744_073_709_551_615.0)),
        ("18446744073709551616", .float(18_446_744_073_709_551_616.0)),
        ("123456789012345678901234567890", .float(1.2345678901234568e29)),
        ("1.5", .float(1.5)),
        ("-0.25", .float(-0.25)),
        ("0.1", .float(0.1)),
        ("-0.0", .float(-0.0)),
        ("1e3", .float(1000)),
        ("1E3", .float(1000)),
        ("1e+3", .float(1000)),
        ("1e-3", .float(0.001)),
        ("2.5E-3", .float(0.0025)),
        ("0e0", .float(0)),
        ("10E00", .float(10)),
        ("1.7976931348623157e308", .float(.greatestFiniteMagnitude)),
        ("5e-324", .float(.leastNonzeroMagnitude)),
        ("1e400", .float(.infinity)),
        ("-1e400", .float(-.infinity)),
        ("1e-400", .float(0)),
    ]

    @Test("numbers parse to integers when they fit Int64 and to floats otherwise", arguments: numbers)
    func number(text: String, expected: JSONValue) throws {
        var tape = ValueTape()
        let root = try parse(text, into: &tape)
        #expect(JSONValue(tape: tape, at: root) == expected)
        // The source text is kept, so writing it back is a copy.
        #expect(tape.withText(of: root) { Array($0) } == Array(text.utf8))
        // Followed by each byte that may end a number.
        #expect(try parseValue("[\(text)]") == .array([expected]))
        #expect(try parseValue("[\(text),\(text)]") == .array([expected, expected]))
        #expect(try parseValue("{\"n\":\(text)}") == .object([.init("n", expected)]))
        #expect(try parseValue(" \(text)\n") == expected)
    }

    static let invalidNumbers: [(String, JSONError.Code)] = [
        ("01", .invalidNumber),
        ("-01", .invalidNumber),
        ("00", .invalidNumber),
        ("1.", .invalidNumber),
        ("1.e5", .invalidNumber),
        ("-", .invalidNumber),
        ("-a", .invalidNumber),
        ("--1", .invalidNumber),
        ("-.5", .invalidNumber),
        ("1e", .invalidNumber),
        ("1e+", .invalidNumber),
        ("1E-", .invalidNumber),
        ("1ea", .invalidNumber),
        (".5", .unexpectedByte),
        ("+1", .unexpectedByte),
        ("Infinity", .unexpectedByte),
        ("-Infinity", .invalidNumber),
        ("NaN", .unexpectedByte),
        ("0x10", .trailingContent),
        ("1.5.5", .trailingContent),
        ("1_000", .trailingContent),
        ("1 2", .trailingContent),
    ]

    @Test("malformed numbers are rejected", arguments: invalidNumbers)
    func invalidNumber(text: String, code: JSONError.Code) {
        #expect(parseError(text)?.code == code)
        // Inside an array the same text fails too (the code may differ once a ']' follows).
        #expect(parseError("[\(text)]") != nil)
    }

    // MARK: - Trailing content, truncation, depth

    @Test(
        "content after the value is rejected at its first byte",
        arguments: [("{} x", 3), ("{}{}", 2), ("1 2", 2), (#""a""b""#, 3), ("[] ]", 3), ("{}\u{00}", 2), ("null,", 4)]
    )
    func trailingContent(text: String, offset: Int) {
        let error = parseError(text)
        #expect(error?.code == .trailingContent)
        #expect(error?.offset == offset)
    }

    @Test("whitespace after the value is not trailing content")
    func trailingWhitespace() throws {
        #expect(try parseValue("{} \n\r\t") == .object([]))
    }

    static let validDocuments: [String] = [
        #"{"@timestamp":"2024-05-01T12:00:00Z","source":{"ip":"192.0.2.1","port":443},"tags":["a","b"]}"#,
        #"[1,-2.5e-3,true,false,null,"x\"y\u00e9\uD83D\uDE00",{},[],{"a":{"b":[0]}}]"#,
        "{\"k\u{00E9}\":\"€😀\",\"long\":\"abcdefghijklmnopqrstuvwxyz\",\"n\":-9223372036854775808}",
        "  { \"a\" : [ 1 , 2 ] }  ",
        "true", "null", "-12.5E+7", #""\\""#,
    ]

    @Test("every truncated prefix of a valid document throws, and the error lies within the prefix")
    func truncation() throws {
        for document in Self.validDocuments {
            let bytes = Array(document.utf8)
            _ = try parseValue(bytes)
            var lastSignificant = bytes.count
            while lastSignificant > 0, bytes[lastSignificant - 1] == UInt8(ascii: " ") { lastSignificant -= 1 }
            for length in 0..<lastSignificant {
                // An exact-size copy, so reading past the end is a memory error rather than a silent read.
                let prefix = Array(bytes[..<length])
                let error = parseError(prefix)
                // A prefix of a number can itself be a number.
                if ["-1", "-12", "-12.5"].contains(prefix.text) {
                    #expect(error == nil)
                    continue
                }
                #expect(error != nil, "\(document.debugDescription) cut at \(length)")
                guard let error else { continue }
                #expect(error.offset <= length, "\(document.debugDescription) cut at \(length): \(error)")
                // The end of input is reported as such, except inside a UTF-8 sequence or a number's
                // sign, fraction or exponent, which are malformed on their own.
                let expected: JSONError.Code =
                    if bytes[length] & 0xC0 == 0x80 {
                        .invalidUTF8
                    } else if Self.endsInIncompleteNumber(prefix) {
                        .invalidNumber
                    } else {
                        .unexpectedEnd
                    }
                #expect(error.code == expected, "\(document.debugDescription) cut at \(length): \(error)")
            }
        }
    }

    /// Whether `bytes` ends with a number that still needs digits (`-`, `1.`, `2e`, `2e+`), outside strings.
    private static func endsInIncompleteNumber(_ bytes: [UInt8]) -> Bool {
        guard let last = bytes.last, Array("-.eE+".utf8).contains(last), !Self.endsInsideString(bytes) else {
            return false
        }
        let numberBytes = Array("0123456789-+.eE".utf8)
        let token = bytes.reversed().prefix { numberBytes.contains($0) }
        return token.last == UInt8(ascii: "-") || token.last.map { (0x30...0x39).contains($0) } == true
    }

    /// Whether `bytes` stops inside a string (an odd number of unescaped quotes).
    private static func endsInsideString(_ bytes: [UInt8]) -> Bool {
        var inString = false
        var escaped = false
        for byte in bytes {
            if escaped {
                escaped = false
            } else if inString, byte == UInt8(ascii: "\\") {
                escaped = true
            } else if byte == UInt8(ascii: "\"") {
                inString.toggle()
            }
        }
        return inString
    }

    @Test("a document cut short reports the end of input", arguments: [
        #"{"a":1"#, #"{"a":"#, #"{"a""#, #"{"a" "#, #"{"#, #"["#, #"[1,"#, #"{"a":[1,2"#, #"["abc"#,
        "tr", "fals", "nul", #"{"a":tru"#, #"[""#, #"["\uD83D"#, #"["\uD83D\"#,
    ])
    func truncatedReportsEnd(text: String) {
        let error = parseError(text)
        #expect(error?.code == .unexpectedEnd, "\(String(describing: error))")
        #expect(error?.offset == text.utf8.count)
    }

    @Test("nesting up to the depth limit is accepted and one more level is rejected")
    func depthLimit() throws {
        let parser = JSONParser()
        #expect(parser.maxDepth == 64)
        let arrays = String(repeating: "[", count: 64) + String(repeating: "]", count: 64)
        _ = try parseValue(arrays)
        let tooDeep = String(repeating: "[", count: 65) + String(repeating: "]", count: 65)
        #expect(parseError(tooDeep)?.code == .tooDeep)
        #expect(parseError(tooDeep)?.offset == 64)

        let objects = String(repeating: #"{"a":"#, count: 64) + "1" + String(repeating: "}", count: 64)
        _ = try parseValue(objects)
        let deeperObjects = String(repeating: #"{"a":"#, count: 65) + "1" + String(repeating: "}", count: 65)
        #expect(parseError(deeperObjects)?.code == .tooDeep)
        #expect(parseError(deeperObjects)?.offset == 64 * 5)
    }

    @Test("the depth limit is configurable", arguments: [0, 1, 2, 10])
    func customDepth(limit: Int) throws {
        let parser = JSONParser(maxDepth: limit)
        #expect(try parseValue("\"scalar\"", parser: parser) == .string("scalar"))
        let ok = String(repeating: "[", count: limit) + String(repeating: "]", count: limit)
        if limit > 0 { _ = try parseValue(ok, parser: parser) }
        let tooDeep = "[" + ok + "]"
        #expect(parseError(tooDeep, parser: parser)?.code == .tooDeep)
        // Siblings do not add depth.
        if limit >= 2 {
            _ = try parseValue("[[],[],{},[1],{\"a\":2}]", parser: parser)
        }
    }

    @Test("very deep input is rejected without exhausting the stack")
    func veryDeep() {
        let bytes = [UInt8](repeating: UInt8(ascii: "["), count: 1_000_000)
        #expect(parseError(bytes)?.code == .tooDeep)
        #expect(parseError(bytes, parser: JSONParser(maxDepth: .max))?.code == .unexpectedEnd)
    }

    // MARK: - Errors and offsets

    static let malformedLines: [(String, JSONError.Code, Int)] = [
        (#"{"a":1,}"#, .unexpectedByte, 7),
        (#"{"a" 1}"#, .unexpectedByte, 5),
        (#"{"a":1 "b":2}"#, .unexpectedByte, 7),
        (#"[1 2]"#, .unexpectedByte, 3),
        (#"[1,]"#, .unexpectedByte, 3),
        (#"[,1]"#, .unexpectedByte, 1),
        (#"{"a":tru}"#, .unexpectedByte, 5),
        (#"{"a":nil}"#, .unexpectedByte, 5),
        (#"{"a":"b\qc"}"#, .invalidEscape, 7),
        ("{\"a\":\"x\ty\"}", .invalidString, 7),
        (#"{"a":[1,2}"#, .unexpectedByte, 9),
        (#"{"a":{"b":1]}"#, .unexpectedByte, 11),
        (#"{1:2}"#, .unexpectedByte, 1),
        (#"{'a':2}"#, .unexpectedByte, 1),
        (#"{"a":'b'}"#, .unexpectedByte, 5),
        (#"{"a"::1}"#, .unexpectedByte, 5),
        (#"{"a":1} x"#, .trailingContent, 8),
        (#"{"a":"#, .unexpectedEnd, 5),
        ("", .unexpectedEnd, 0),
        (#"]"#, .unexpectedByte, 0),
        (#"}"#, .unexpectedByte, 0),
        (#"{"a":TRUE}"#, .unexpectedByte, 5),
        (#"{"a":1,"b":-}"#, .invalidNumber, 12),
    ]

    @Test("malformed lines report a code and the byte offset of the problem", arguments: malformedLines)
    func malformed(text: String, code: JSONError.Code, offset: Int) {
        let error = parseError(text)
        #expect(error?.code == code, "\(String(describing: error))")
        #expect(error?.offset == offset, "\(String(describing: error))")
    }

    @Test("an invalid UTF-8 byte outside a string is an unexpected byte")
    func invalidByteOutsideString() {
        let error = parseError([UInt8(ascii: "["), 0xC3, 0xA9, UInt8(ascii: "]")])
        #expect(error?.code == .unexpectedByte)
        #expect(error?.offset == 1)
    }

    @Test("errors in a later line are reported relative to that line")
    func offsetsRelativeToLine() throws {
        var tape = ValueTape()
        let first = try parse(#"{"a":"first"}"#, into: &tape)
        var caught: JSONError?
        do {
            _ = try parse(#"{"b":[1,,2]}"#, into: &tape)
        } catch {
            caught = error
        }
        #expect(caught?.code == .unexpectedByte)
        #expect(caught?.offset == 8)
        #expect(JSONValue(tape: tape, at: first) == .object([.init("a", .string("first"))]))
    }

    @Test("several documents parse into one tape, each with its own root and text")
    func appendToTape() throws {
        var tape = ValueTape()
        let first = try parse(#"{"a":"x","n":1.25}"#, into: &tape)
        let firstBytes = tape.bytes.count
        let second = try parse(#"["y",{"b":"z\n"},-3]"#, into: &tape)
        #expect(first == 0)
        #expect(second == tape.end(of: first))
        #expect(tape.nodes[second + 1].offset == UInt32(firstBytes) + 2)
        #expect(JSONValue(tape: tape, at: first) == .object([.init("a", .string("x")), .init("n", .float(1.25))]))
        #expect(
            JSONValue(tape: tape, at: second)
                == .array([.string("y"), .object([.init("b", .string("z\n"))]), .integer(-3)])
        )
    }

    @Test("parseObject accepts objects and rejects every other root")
    func parseObject() throws {
        func rootKind(_ text: String) -> Result<ValueKind, JSONError> {
            var tape = ValueTape()
            return Array(text.utf8).withUnsafeBytes { buffer in
                do throws(JSONError) {
                    let root = try JSONParser().parseObject(buffer, into: &tape)
                    return .success(tape.nodes[root].kind)
                } catch {
                    return .failure(error)
                }
            }
        }
        #expect(try rootKind(#" {"a":1} "#).get() == .object)
        for text in ["[]", "\"x\"", "1", "null", "true"] {
            #expect(throws: JSONError(.notAnObject, "expected a JSON object", offset: 0)) { try rootKind(text).get() }
        }
        #expect(throws: JSONError.self) { try rootKind("{").get() }
    }

    @Test("an empty buffer without a base address is rejected, not a crash")
    func nilBuffer() {
        var tape = ValueTape()
        var caught: JSONError?
        do {
            _ = try JSONParser().parse(UnsafeRawBufferPointer(start: nil, count: 0), into: &tape)
        } catch {
            caught = error
        }
        #expect(caught?.code == .unexpectedEnd)
    }
}
