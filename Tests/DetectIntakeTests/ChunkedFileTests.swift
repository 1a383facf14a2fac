@testable import DetectIntake
import Testing

struct ChunkedFileTests {
    /// Lines crossing chunk ends, CRLF, blank and whitespace-only lines, over-long lines inside a chunk and
    /// across several, and no newline at the end.
    private static let texts: [String] = [
        "",
        "\n",
        "{\"a\":1}",
        "{\"a\":1}\n{\"b\":2}\n",
        "{\"a\":1}\r\n\r\n  \n{\"bb\":22}\r\n\t\n{\"ccc\":333}",
        "x\n" + String(repeating: "y", count: 40) + "\n{\"z\":1}\n" + String(repeating: "w", count: 25),
        String(repeating: "{\"k\":\"v\"}\n", count: 9) + "\n\n" + String(repeating: "q", count: 17) + "\nend\n",
        String(repeating: "L", count: 61) + "\n",
    ]

    /// Every chunk size and read-ahead past the chunk, with a line limit that makes some lines over-long: the
    /// chunks, in order, with their line numbers moved on by the earlier chunks' lines, give exactly what the
    /// sequential reader gives.
    @Test(arguments: [1, 2, 3, 5, 8, 13, 64], [0, 1, 7, 16 << 10])
    func chunksFrameLikeTheSequentialReader(chunkBytes: Int, slackBytes: Int) throws {
        for text in Self.texts {
            let file = TemporaryFile(contents: Array(text.utf8))
            defer { file.remove() }
            var expected: [FramedItem] = []
            InputReader(path: file.path, maxLineBytes: 20).read { _, item in expected.append(FramedItem(item)) }

            let chunked = try #require(
                ChunkedFile(path: file.path, chunkBytes: chunkBytes, maxLineBytes: 20, slackBytes: slackBytes))
            var items: [FramedItem] = []
            var linesBefore = 0
            for index in 0..<chunked.chunkCount {
                let batch = LineBatch(capacity: 4)
                chunked.fill(batch, chunk: index)
                items += Self.items(of: batch, linesBefore: linesBefore)
                linesBefore += batch.framedLineCount
            }
            #expect(items == expected, "chunk size \(chunkBytes), slack \(slackBytes), text \(text.debugDescription)")
        }
    }

    @Test func standardInputAndGzipAreReadSequentially() {
        #expect(ChunkedFile(path: "-", chunkBytes: 16, maxLineBytes: 16) == nil)
        #expect(ChunkedFile(path: "/nonexistent/sigflare", chunkBytes: 16, maxLineBytes: 16) == nil)
        let gzip = TemporaryFile(contents: [0x1F, 0x8B, 0x08, 0x00])
        defer { gzip.remove() }
        #expect(ChunkedFile(path: gzip.path, chunkBytes: 16, maxLineBytes: 16) == nil)
        let plain = TemporaryFile(contents: [0x1F, 0x0A])
        defer { plain.remove() }
        #expect(ChunkedFile(path: plain.path, chunkBytes: 16, maxLineBytes: 16) != nil)
    }

    @Test func anEmptyFileHasOneEmptyChunk() throws {
        let file = TemporaryFile(contents: [])
        defer { file.remove() }
        let chunked = try #require(ChunkedFile(path: file.path, chunkBytes: 16, maxLineBytes: 16))
        #expect(chunked.chunkCount == 1)
        let batch = LineBatch(capacity: 16)
        chunked.fill(batch, chunk: 0)
        #expect(batch.isEmpty && batch.framedLineCount == 0)
    }

    /// The batch's lines and problems in order, numbered from the start of the file.
    private static func items(of batch: LineBatch, linesBefore: Int) -> [FramedItem] {
        var items: [FramedItem] = []
        var problem = 0
        func addProblems(before index: Int) {
            while problem < batch.problems.count, batch.problems[problem].before == index {
                var error = batch.problems[problem].error
                error.line = error.line.map { $0 + linesBefore }
                items.append(FramedItem(.error(error)))
                problem += 1
            }
        }
        for index in batch.lines.indices {
            addProblems(before: index)
            items.append(.line(batch.lines[index].number + linesBefore, Array(batch.bytes(ofLine: index))))
        }
        addProblems(before: batch.lines.count)
        return items
    }
}
