import DetectCore
import DetectJSON
import DetectTesting
import Testing

struct JSONWriterTests {
    private static func string(_ text: String) -> String {
        var writer = JSONWriter()
        writer.writeString(text)
        return writer.output.text
    }

    // MARK: - Strings

    static let escapes: [(String, String)] = [
        ("", #""""#),
        ("plain", #""plain""#),
        ("\"", #""\"""#),
        ("\\", #""\\""#),
        ("\n", #""\n""#),
        ("\r", #""\r""#),
        ("\t", #""\t""#),
        ("\u{00}", #""\u0000""#),
        ("\u{01}", #""\u0001""#),
        ("\u{08}", #""\u0008""#),
        ("\u{0C}", #""\u000c""#),
        ("\u{1B}", #""\u001b""#),
        ("\u{1F}", #""\u001f""#),
        ("/", #""/""#),
        ("\u{7F}", "\"\u{7F}\""),
        ("a\"b\\c\nd", #""a\"b\\c\nd""#),
        ("\"\"", #""\"\"""#),
        ("end\\", #""end\\""#),
    ]

    @Test("quotes, backslashes and control characters are escaped", arguments: escapes)
    func escaping(text: String, expected: String) {
        #expect(Self.string(text) == expected)
    }

    @Test(
        "non-ASCII text passes through unchanged",
        arguments: ["é", "€", "中文", "😀", "\u{10FFFF}", "\u{2028}", "aé€b"]
    )
    func nonASCII(text: String) {
        #expect(Array(Self.string(text).utf8) == [0x22] + Array(text.utf8) + [0x22])
    }

    @Test("every control character comes back from the parser as itself")
    func controlCharactersRoundTrip() throws {
        let text = String(String.UnicodeScalarView((0..<0x20).map { Unicode.Scalar(UInt8($0)) })) + "x\"\\"
        var writer = JSONWriter()
        writer.writeString(text)
        #expect(try parseValue(writer.output) == .string(text))
        #expect(!writer.output.dropFirst().dropLast().contains { $0 < 0x20 })
    }

    @Test("writeEscaped writes the body without quotes, from raw bytes")
    func writeEscaped() {
        var writer = JSONWriter()
        Array("a\"b\u{01}".utf8).withUnsafeBytes { writer.writeEscaped($0) }
        #expect(writer.output.text == #"a\"b\u0001"#)
    }

    // MARK: - Numbers and literals

    @Test(
        "integers are written in decimal",
        arguments: [0, 1, -1, 9, 10, -10, 42, 1_000_000, -987_654_321, Int64.max, Int64.min, Int64.min + 1]
    )
    func integer(value: Int64) {
        var writer = JSONWriter()
        writer.writeInteger(value)
        #expect(writer.output.text == String(value))
    }

    static let floats: [(Double, String)] = [
        (1.5, "1.5"),
        (0.1, "0.1"),
        (-0.25, "-0.25"),
        (1.0, "1.0"),
        (-2.0, "-2.0"),
        (0.0, "0.0"),
        (-0.0, "-0.0"),
        (100.0, "100.0"),
        (123_456_789_012_345.0, "123456789012345.0"),
        (999_999_999_999_999.0, "999999999999999.0"),
        (1e15, "1000000000000000.0"),
        (1e16, "1e+16"),
        (-1e300, "-1e+300"),
        (1e-7, "1e-07"),
        (1.0 / 3.0, "0.3333333333333333"),
        (.leastNonzeroMagnitude, "5e-324"),
        (.greatestFiniteMagnitude, "1.7976931348623157e+308"),
        (.nan, "null"),
        (.infinity, "null"),
        (-.infinity, "null"),
    ]

    @Test(
        "floats are written in shortest form, integral floats keep .0, non-finite floats become null",
        arguments: floats
    )
    func float(value: Double, expected: String) {
        var writer = JSONWriter()
        writer.writeFloat(value)
        #expect(writer.output.text == expected)
    }

    @Test("finite floats read back to the same bits")
    func floatRoundTrip() throws {
        var rng = SplitMix64(seed: 7)
        for _ in 0..<5_000 {
            let value = RandomJSON.float(&rng)
            var writer = JSONWriter()
            writer.writeFloat(value)
            #expect(try parseValue(writer.output) == .float(value), "\(writer.output.text)")
        }
    }

    @Test("booleans, raw text and single bytes")
    func literals() {
        var writer = JSONWriter()
        writer.writeBool(true)
        writer.writeByte(UInt8(ascii: ","))
        writer.writeBool(false)
        writer.writeByte(UInt8(ascii: ","))
        writer.writeRaw("null")
        #expect(writer.output.text == "true,false,null")
    }

    // MARK: - Tape values

    @Test("escaped strings from the parser are copied verbatim, escapes included")
    func escapedStringVerbatim() throws {
        let text = #"["a\u00e9\n\/\"x\uD83D\uDE00","\\","plain"]"#
        #expect(try roundTrip(Array(text.utf8)).text == text)
    }

    @Test("numbers from the parser keep their source text")
    func numbersVerbatim() throws {
        let text = "[1E3,-0,0.50,1e+400,12345678901234567890,-7,2.5e-3]"
        #expect(try roundTrip(Array(text.utf8)).text == text)
    }

    @Test("values built on the tape are written with escapes and number formatting")
    func builtValues() {
        let value: JSONValue = .object([
            .init("s", .string("q\"\n")), .init("i", .integer(-5)), .init("f", .float(2)), .init("b", .bool(true)),
            .init("n", .null), .init("a", .array([.integer(1), .array([]), .object([])])), .init("k\"", .object([])),
        ])
        #expect(value.written.text == #"{"s":"q\"\n","i":-5,"f":2.0,"b":true,"n":null,"a":[1,[],{}],"k\"":{}}"#)
    }

    @Test("writing a value from the middle of a tape writes only its subtree")
    func subtree() throws {
        var tape = ValueTape()
        _ = try parse(#"{"a":{"b":[1,2]},"c":3}"#, into: &tape)
        var writer = JSONWriter()
        writer.writeValue(tape, at: 2)
        writer.writeByte(UInt8(ascii: " "))
        writer.writeValue(tape, at: 4)
        #expect(writer.output.text == #"{"b":[1,2]} [1,2]"#)
    }

    @Test("the writer appends to its output")
    func appends() {
        var writer = JSONWriter()
        writer.writeString("a")
        writer.writeInteger(1)
        writer.output.append(UInt8(ascii: "\n"))
        writer.writeFloat(0.5)
        #expect(writer.output.text == "\"a\"1\n0.5")
    }
}
