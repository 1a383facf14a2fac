import DetectIntake
import DetectTesting
import Testing

struct LineFramerTests {
    /// A test input, shown escaped in test names.
    struct Input: Sendable, CustomTestStringConvertible, ExpressibleByStringLiteral {
        let text: String

        init(stringLiteral text: String) {
            self.text = text
        }

        var testDescription: String { self.text.debugDescription }
    }

    /// Frames `input` fed in chunks of `size` bytes, with an empty chunk before each one when asked.
    private static func frame(
        _ input: [UInt8], chunkSize size: Int, maxLineBytes: Int = 1 << 20, emptyChunks: Bool = false
    ) -> [FramedItem] {
        var framer = LineFramer(maxLineBytes: maxLineBytes)
        var items: [FramedItem] = []
        for chunk in chunks(input, size: size) {
            if emptyChunks {
                framer.feed(UnsafeRawBufferPointer(start: nil, count: 0)) { items.append(FramedItem($0)) }
            }
            chunk.withUnsafeBytes { framer.feed($0) { items.append(FramedItem($0)) } }
        }
        framer.finish { items.append(FramedItem($0)) }
        return items
    }

    /// Checks the framer against the oracle at every chunk size from 1 byte to the whole input.
    private static func verify(_ input: [UInt8], maxLineBytes: Int = 1 << 20) {
        let expected = oracleItems(input, maxLineBytes: maxLineBytes)
        for size in 1...max(input.count, 1) {
            let items = frame(input, chunkSize: size, maxLineBytes: maxLineBytes, emptyChunks: size % 3 == 0)
            #expect(items == expected, "chunk size \(size)")
            if items != expected { return }
        }
    }

    static let handWritten: [Input] = [
        "",
        "\n",
        "\n\n\n",
        "a",
        "a\n",
        "a\nb",
        "a\nb\n",
        "{\"a\":1}\n{\"b\":2}\n{\"c\":3}\n",
        "one\r\ntwo\r\nthree\r\n",
        "one\r\ntwo\r\nthree",
        "\r\n\r\nx\r\n\r\n",
        "  \n\t\n \r\nreal\n   \t  \r\n",
        "no newline at the end",
        "\n\nstarts after blank lines\n",
        "a\rb\n",
        "a\r\r\n",
        "  leading spaces kept\n",
        "trailing spaces kept  \n",
        "\r",
        "x\n\r",
    ]

    @Test("matches the split oracle at every chunk size", arguments: LineFramerTests.handWritten)
    func handWrittenInputs(_ input: Input) {
        Self.verify(Array(text: input.text))
    }

    @Test("matches the split oracle on generated input with CRLF, blank lines and long lines")
    func generatedInputs() {
        var random = SplitMix64(seed: 42)
        for _ in 0..<12 {
            var input: [UInt8] = []
            for _ in 0..<Int.random(in: 0..<25, using: &random) {
                switch Int.random(in: 0..<10, using: &random) {
                case 0: input += Array(text: "")
                case 1: input += Array(text: "  \t")
                default:
                    let length = Int.random(in: 1..<40, using: &random)
                    input += (0..<length).map { _ in UInt8.random(in: 0x21...0x7E, using: &random) }
                }
                if Bool.random(using: &random) { input.append(UInt8(ascii: "\r")) }
                input.append(UInt8(ascii: "\n"))
            }
            if Bool.random(using: &random) { input += Array(text: "tail") }
            Self.verify(input, maxLineBytes: 24)
        }
    }

    @Test(
        "an over-long line is reported once and later line numbers stay right",
        arguments: [Input]([
            "0123456789ABCDEF\nok\nfine\n",  // first line
            "ok\n0123456789ABCDEF\nfine\n",  // middle
            "ok\nfine\n0123456789ABCDEF\n",  // last, with newline
            "ok\nfine\n0123456789ABCDEF",  // last, without newline
            "ok\n0123456789ABCDEF\n0123456789ABCDEFGHIJ\nfine\n",  // two in a row
            "0123456789\r\nok\r\n",  // exactly the limit plus the CR
        ])
    )
    func overLongLines(_ input: Input) {
        Self.verify(Array(text: input.text), maxLineBytes: 10)
    }

    @Test("an over-long line reports its line number, start offset and full length")
    func overLongLineDetails() {
        let input = Array(text: "ok\n\(String(repeating: "x", count: 100))\nnext\n")
        let items = Self.frame(input, chunkSize: 7, maxLineBytes: 10)
        #expect(items == [
            .line(1, Array(text: "ok")), .tooLong(line: 2, offset: 3, count: 100), .line(3, Array(text: "next")),
        ])
    }

    @Test("a line of exactly maxLineBytes is accepted, one more byte is not")
    func limitIsInclusive() {
        let exact = Self.frame(Array(text: "abcd\nabcde\n"), chunkSize: 3, maxLineBytes: 4)
        #expect(exact == [.line(1, Array(text: "abcd")), .tooLong(line: 2, offset: 5, count: 5)])
    }

    @Test("a line wholly inside a chunk points into that chunk, without a copy")
    func zeroCopy() {
        let input = Array(text: "first\nsecond\n")
        var framer = LineFramer()
        var pointsIntoChunk: [Bool] = []
        input.withUnsafeBytes { chunk in
            framer.feed(chunk) { item in
                guard case .line(_, let bytes) = item, let start = bytes.baseAddress, let base = chunk.baseAddress
                else { return }
                pointsIntoChunk.append(start >= base && start + bytes.count <= base + chunk.count)
            }
        }
        #expect(pointsIntoChunk == [true, true])
    }

    @Test("a line is emitted as soon as its newline is fed")
    func emitsAtNewline() {
        var framer = LineFramer()
        var items: [FramedItem] = []
        Array(text: "par").withUnsafeBytes { framer.feed($0) { items.append(FramedItem($0)) } }
        #expect(items.isEmpty)
        Array(text: "tial\nnext").withUnsafeBytes { framer.feed($0) { items.append(FramedItem($0)) } }
        #expect(items == [.line(1, Array(text: "partial"))])
        framer.finish { items.append(FramedItem($0)) }
        #expect(items == [.line(1, Array(text: "partial")), .line(2, Array(text: "next"))])
    }

    @Test("finish starts a new input at line 1")
    func finishResets() {
        var framer = LineFramer()
        var items: [FramedItem] = []
        Array(text: "a\nb").withUnsafeBytes { framer.feed($0) { items.append(FramedItem($0)) } }
        framer.finish { items.append(FramedItem($0)) }
        Array(text: "c\n").withUnsafeBytes { framer.feed($0) { items.append(FramedItem($0)) } }
        #expect(items == [.line(1, Array(text: "a")), .line(2, Array(text: "b")), .line(1, Array(text: "c"))])
        #expect(framer.lineNumber == 1)
    }

    @Test("counts every line, blank ones included")
    func countsLines() {
        var framer = LineFramer()
        Array(text: "a\n\n  \nb\n").withUnsafeBytes { framer.feed($0) { _ in } }
        #expect(framer.lineNumber == 4)
        #expect(framer.bytesFed == 8)
    }
}
