import Dispatch
import DetectIntake
import Glibc
import Testing

struct InputReaderTests {
    private struct Stop: Error {}

    private static let text = Array(
        text: (1...200).map { $0 % 10 == 0 ? "\n" : "{\"ClientIP\":\"192.0.2.\($0 % 250)\",\"n\":\($0)}\r\n" }.joined()
    )

    private static func readAll(_ reader: InputReader) -> (names: Set<String>, items: [FramedItem]) {
        var names: Set<String> = []
        var items: [FramedItem] = []
        reader.read { name, item in
            names.insert(name)
            items.append(FramedItem(item))
        }
        return (names, items)
    }

    @Test("reads a plain file in small chunks, with the path as the input name")
    func plainFile() {
        let file = TemporaryFile(contents: Self.text, suffix: ".ndjson")
        defer { file.remove() }
        for chunkBytes in [1, 7, 4096, 1 << 20] {
            let (names, items) = Self.readAll(InputReader(path: file.path, chunkBytes: chunkBytes))
            #expect(names == [file.path])
            #expect(items == oracleItems(Self.text), "chunk bytes \(chunkBytes)")
        }
    }

    @Test("detects gzip by its magic bytes, not by the file name")
    func gzipFile() {
        let compressed = Gzip.compressMembers([Array(Self.text[0..<3000]), Array(Self.text[3000...])])
        let file = TemporaryFile(contents: compressed, suffix: ".log")
        defer { file.remove() }
        for chunkBytes in [1, 5, 1 << 20] {
            let (_, items) = Self.readAll(InputReader(path: file.path, chunkBytes: chunkBytes))
            #expect(items == oracleItems(Self.text), "chunk bytes \(chunkBytes)")
        }
    }

    @Test("a truncated gzip file delivers its complete lines, then a final error")
    func truncatedGzipFile() {
        let compressed = Gzip.compress(Self.text)
        let file = TemporaryFile(contents: Array(compressed.dropLast(3)), suffix: ".gz")
        defer { file.remove() }
        let (_, items) = Self.readAll(InputReader(path: file.path))
        #expect(items.dropLast() == ArraySlice(oracleItems(Self.text)))
        if case .error(let reason, _, _, _)? = items.last {
            #expect(reason == "gzip.truncated")
        } else {
            Issue.record("expected an error last")
        }
    }

    @Test("a missing file is one read_failed item, not a crash")
    func missingFile() {
        let (names, items) = Self.readAll(InputReader(path: "/nonexistent/sigflare/input.ndjson"))
        #expect(names == ["/nonexistent/sigflare/input.ndjson"])
        #expect(items.count == 1)
        if case .error(let reason, _, _, _)? = items.first {
            #expect(reason == "input.read_failed")
        } else {
            Issue.record("expected an error")
        }
    }

    @Test("a directory cannot be read and is reported as read_failed")
    func directory() {
        let (_, items) = Self.readAll(InputReader(path: "/tmp"))
        #expect(items.count == 1)
        if case .error(let reason, _, _, _)? = items.first {
            #expect(reason == "input.read_failed")
        } else {
            Issue.record("expected an error")
        }
    }

    @Test("an empty file yields nothing")
    func emptyFile() {
        let file = TemporaryFile(contents: [])
        defer { file.remove() }
        #expect(Self.readAll(InputReader(path: file.path)).items.isEmpty)
    }

    @Test("standard input is named <stdin>")
    func standardInputName() {
        #expect(InputReader(path: "-").name == "<stdin>")
    }

    @Test("an error thrown by the handler stops reading and is rethrown")
    func handlerThrows() {
        let file = TemporaryFile(contents: Self.text)
        defer { file.remove() }
        var calls = 0
        #expect(throws: Stop.self) {
            try InputReader(path: file.path, chunkBytes: 64).read { _, _ throws(Stop) in
                calls += 1
                if calls == 3 { throw Stop() }
            }
        }
        #expect(calls == 3)
    }

    @Test("a line from a slow pipe is handed out as soon as its newline arrives")
    func slowPipe() {
        var descriptors: [Int32] = [0, 0]
        #expect(pipe(&descriptors) == 0)
        let (readEnd, writeEnd) = (descriptors[0], descriptors[1])
        defer { close(readEnd) }
        let firstLineSeen = DispatchSemaphore(value: 0)
        let writerDone = DispatchSemaphore(value: 0)
        DispatchQueue.global().async {
            func send(_ text: String) {
                let bytes = Array(text.utf8)
                _ = bytes.withUnsafeBytes { write(writeEnd, $0.baseAddress, $0.count) }
            }
            send("{\"first\"")
            send(":1}\n{\"sec")
            // The reader must hand out the first line while the input is still open.
            let seen = firstLineSeen.wait(timeout: .now() + 10) == .success
            send(seen ? "ond\":2}\n" : "ond\":2}\ntimed out\n")
            close(writeEnd)
            writerDone.signal()
        }
        var items: [FramedItem] = []
        InputReader(path: "/dev/fd/\(readEnd)").read { _, item in
            items.append(FramedItem(item))
            if items.count == 1 { firstLineSeen.signal() }
        }
        writerDone.wait()
        #expect(items == [.line(1, Array(text: "{\"first\":1}")), .line(2, Array(text: "{\"second\":2}"))])
    }
}
