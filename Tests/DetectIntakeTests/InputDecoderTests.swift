import DetectIntake
import Testing

struct InputDecoderTests {
    /// Decodes `input` fed in chunks of `size` bytes, then finishes.
    private static func decode(
        _ input: [UInt8], chunkSize size: Int, maxLineBytes: Int = 1 << 20, maxDecompressedBytes: Int = 1 << 30
    ) -> (items: [FramedItem], decoder: InputDecoder) {
        let decoder = InputDecoder(maxLineBytes: maxLineBytes, maxDecompressedBytes: maxDecompressedBytes)
        var items: [FramedItem] = []
        for chunk in chunks(input, size: size) {
            chunk.withUnsafeBytes { decoder.feed($0) { items.append(FramedItem($0)) } }
        }
        decoder.finish { items.append(FramedItem($0)) }
        return (items, decoder)
    }

    private static let ndjson = Array(
        text: (0..<30).map { $0 % 7 == 3 ? "\r\n" : "{\"n\":\($0)}\r\n" }.joined() + "{\"last\":true}"
    )

    @Test("plain input matches the oracle at every chunk size")
    func plain() {
        let expected = oracleItems(Self.ndjson)
        for size in 1...Self.ndjson.count {
            let (items, decoder) = Self.decode(Self.ndjson, chunkSize: size)
            #expect(items == expected, "chunk size \(size)")
            #expect(decoder.isGzip == false)
        }
    }

    @Test("multi-member gzip input matches the oracle at every chunk size")
    func gzip() {
        let parts = [Array(Self.ndjson[0..<100]), Array(Self.ndjson[100..<250]), Array(Self.ndjson[250...])]
        let compressed = Gzip.compressMembers(parts)
        let expected = oracleItems(Self.ndjson)
        for size in 1...compressed.count {
            let (items, decoder) = Self.decode(compressed, chunkSize: size)
            #expect(items == expected, "chunk size \(size)")
            #expect(decoder.isGzip == true)
        }
    }

    @Test("a plain input that starts with byte 1f is not taken for gzip")
    func plainStartingWithMagicByte() {
        let input: [UInt8] = [0x1F, UInt8(ascii: "a"), UInt8(ascii: "\n"), UInt8(ascii: "b")]
        for size in 1...input.count {
            #expect(Self.decode(input, chunkSize: size).items == oracleItems(input), "chunk size \(size)")
        }
        #expect(Self.decode([0x1F], chunkSize: 1).items == [.line(1, [0x1F])])
    }

    @Test("empty input yields nothing")
    func empty() {
        let (items, decoder) = Self.decode([], chunkSize: 1)
        #expect(items.isEmpty)
        #expect(decoder.isGzip == nil)
        #expect(!decoder.isFailed)
    }

    @Test("truncated gzip delivers the lines before the cut, then a final error")
    func truncatedGzip() {
        let text = Array(text: (1...50).map { "{\"n\":\($0)}\n" }.joined())
        let compressed = Gzip.compress(text)
        for size in [1, 7, 64, compressed.count] {
            let cut = Array(compressed[0..<(compressed.count - 12)])
            let (items, decoder) = Self.decode(cut, chunkSize: size)
            guard case .error(let reason, let line, let offset, _)? = items.last else {
                Issue.record("no error at the end, chunk size \(size)")
                continue
            }
            let lines = items.dropLast()
            #expect(reason == "gzip.truncated")
            #expect(offset == cut.count)
            #expect(decoder.isFailed)
            // Every complete line before the cut, in order, and no partial line.
            #expect(lines == ArraySlice(oracleItems(text).prefix(lines.count)))
            #expect(lines.count > 40)
            #expect(line == lines.count + 1)
        }
    }

    @Test("corrupt gzip ends the input after the lines before it, and later input is ignored")
    func corruptGzip() {
        let good = Gzip.compress(Array(text: "one\ntwo\n"))
        var bad = Gzip.compress(Array(text: "three\nfour\n"))
        bad[bad.count - 5] ^= 0x55  // length trailer
        let decoder = InputDecoder()
        var items: [FramedItem] = []
        (good + bad).withUnsafeBytes { decoder.feed($0) { items.append(FramedItem($0)) } }
        good.withUnsafeBytes { decoder.feed($0) { items.append(FramedItem($0)) } }
        decoder.finish { items.append(FramedItem($0)) }
        #expect(items.count == 5)
        #expect(Array(items.prefix(4)) == [
            .line(1, Array(text: "one")), .line(2, Array(text: "two")),
            .line(3, Array(text: "three")), .line(4, Array(text: "four")),
        ])
        if case .error(let reason, let line, _, _) = items.last {
            #expect(reason == "gzip.corrupt")
            #expect(line == 5)
        } else {
            Issue.record("expected an error last")
        }
    }

    @Test("a gzip bomb stops at the decompressed-size bound with too_large")
    func gzipBomb() {
        let line = Array(text: String(repeating: "A", count: 99) + "\n")
        let plain = Array((0..<20_000).map { _ in line }.joined())
        let compressed = Gzip.compress(plain, level: 9)
        let (items, decoder) = Self.decode(compressed, chunkSize: 1 << 20, maxDecompressedBytes: 10_050)
        #expect(decoder.isFailed)
        #expect(items.count == 101)
        #expect(items.dropLast().allSatisfy { if case .line = $0 { true } else { false } })
        if case .error(let reason, let number, _, _) = items.last {
            #expect(reason == "gzip.too_large")
            #expect(number == 101)
        } else {
            Issue.record("expected an error last")
        }
    }

    @Test("an over-long line inside gzip is skipped and reading goes on")
    func overLongLineInGzip() {
        let text = Array(text: "short\n" + String(repeating: "x", count: 5000) + "\nafter\n")
        let (items, decoder) = Self.decode(Gzip.compress(text), chunkSize: 100, maxLineBytes: 1000)
        #expect(items == [
            .line(1, Array(text: "short")), .tooLong(line: 2, offset: 6, count: 5000), .line(3, Array(text: "after")),
        ])
        #expect(!decoder.isFailed)
    }
}
