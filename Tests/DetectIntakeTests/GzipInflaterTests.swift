import DetectIntake
import Testing

struct GzipInflaterTests {
    /// The outcome of inflating an input fed in chunks.
    private struct Outcome {
        var output: [UInt8] = []
        var error: FramingError?
    }

    /// Feeds `bytes` to `inflater`, appending what it delivers to `output`.
    private static func feed(
        _ inflater: GzipInflater, _ bytes: ArraySlice<UInt8>, into output: inout [UInt8]
    ) throws(FramingError) {
        var failure: FramingError?
        bytes.withUnsafeBytes { raw in
            do throws(FramingError) {
                try inflater.feed(raw) { output += $0 }
            } catch {
                failure = error
            }
        }
        if let failure { throw failure }
    }

    /// Inflates `input` fed in chunks of `size` bytes, then finishes.
    private static func inflate(
        _ input: [UInt8], chunkSize size: Int, maxOutputBytes: Int = 1 << 30, outputChunkBytes: Int = 256 << 10
    ) -> Outcome {
        let inflater = GzipInflater(maxOutputBytes: maxOutputBytes, outputChunkBytes: outputChunkBytes)
        var outcome = Outcome()
        do throws(FramingError) {
            for chunk in chunks(input, size: size) {
                try Self.feed(inflater, chunk, into: &outcome.output)
            }
            try inflater.finish()
        } catch {
            outcome.error = error
        }
        return outcome
    }

    private static func text(lines: Range<Int>) -> [UInt8] {
        Array(text: lines.map { "{\"line\":\($0),\"host\":\"example.com\"}\n" }.joined())
    }

    @Test("inflates one member at every chunk size")
    func singleMember() {
        let plain = Self.text(lines: 0..<40)
        let compressed = Gzip.compress(plain)
        for size in 1...compressed.count {
            let outcome = Self.inflate(compressed, chunkSize: size, outputChunkBytes: 97)
            #expect(outcome.error == nil, "chunk size \(size)")
            #expect(outcome.output == plain, "chunk size \(size)")
        }
    }

    @Test("inflates concatenated members at every chunk size, an empty member included")
    func multiMember() {
        let parts = [Self.text(lines: 0..<10), [], Self.text(lines: 10..<25), Array(text: "last\n")]
        let compressed = Gzip.compressMembers(parts)
        for size in 1...compressed.count {
            let outcome = Self.inflate(compressed, chunkSize: size)
            #expect(outcome.error == nil, "chunk size \(size)")
            #expect(outcome.output == parts.flatMap { $0 }, "chunk size \(size)")
        }
    }

    @Test("a member boundary in the middle of a chunk starts the next member")
    func boundaryInsideChunk() throws {
        let first = Gzip.compress(Self.text(lines: 0..<5))
        let second = Gzip.compress(Self.text(lines: 5..<9))
        let input = first + second
        let inflater = GzipInflater()
        var output: [UInt8] = []
        try Self.feed(inflater, input[0..<(first.count - 4)], into: &output)
        try Self.feed(inflater, input[(first.count - 4)..<(first.count + 6)], into: &output)
        try Self.feed(inflater, input[(first.count + 6)...], into: &output)
        try inflater.finish()
        #expect(output == Self.text(lines: 0..<9))
        #expect(inflater.membersCompleted == 2)
        #expect(inflater.bytesIn == input.count)
    }

    @Test("input that ends inside a member is reported as truncated by finish")
    func truncated() {
        let member = Gzip.compress(Self.text(lines: 0..<30))
        let input = Gzip.compress(Self.text(lines: 30..<31)) + member
        let start = input.count - member.count
        for cut in [start + 1, start + 10, start + member.count / 2, input.count - 8, input.count - 1] {
            let outcome = Self.inflate(Array(input[0..<cut]), chunkSize: 64)
            #expect(outcome.error?.code == .truncatedGzip, "cut at \(cut)")
            #expect(outcome.error?.canContinue == false)
            #expect(outcome.error?.reason == "gzip.truncated")
            #expect(outcome.error?.byteOffset == cut)
            // What was decompressed before the cut was delivered.
            #expect(outcome.output.starts(with: Self.text(lines: 30..<31)))
        }
    }

    @Test("input that ends exactly between members is complete")
    func endsBetweenMembers() {
        let input = Gzip.compressMembers([Self.text(lines: 0..<3), Self.text(lines: 3..<6)])
        let outcome = Self.inflate(input, chunkSize: 5)
        #expect(outcome.error == nil)
        #expect(outcome.output == Self.text(lines: 0..<6))
    }

    @Test("empty input is complete and yields nothing")
    func emptyInput() {
        let outcome = Self.inflate([], chunkSize: 1)
        #expect(outcome.error == nil)
        #expect(outcome.output.isEmpty)
    }

    @Test("a bad header is reported as corrupt with its offset")
    func corruptHeader() {
        var input = Gzip.compress(Self.text(lines: 0..<3))
        input[2] = 7  // compression method other than deflate
        let outcome = Self.inflate(input, chunkSize: 1)
        #expect(outcome.error?.code == .corruptGzip)
        #expect(outcome.error?.reason == "gzip.corrupt")
        #expect(outcome.error?.canContinue == false)
        // zlib reads the method and flags bytes together, so it notices after byte 3 or 4.
        #expect((3...4).contains(outcome.error?.byteOffset ?? -1))
        #expect(outcome.output.isEmpty)
    }

    @Test("a wrong checksum in a later member is corrupt, and earlier members are delivered")
    func corruptChecksum() {
        let first = Gzip.compress(Self.text(lines: 0..<4))
        var second = Gzip.compress(Self.text(lines: 4..<8))
        second[second.count - 8] ^= 0xFF  // CRC-32 of the second member
        let outcome = Self.inflate(first + second, chunkSize: 16)
        #expect(outcome.error?.code == .corruptGzip)
        #expect(outcome.error?.message.contains("incorrect data check") == true)
        let offset = outcome.error?.byteOffset ?? 0
        #expect(offset > first.count && offset <= first.count + second.count)
        #expect(outcome.output.starts(with: Self.text(lines: 0..<4)))
    }

    @Test("corrupt deflate data is reported and never crashes", arguments: [10, 20, 40, 80])
    func corruptBody(position: Int) {
        var input = Gzip.compress(Self.text(lines: 0..<20))
        for index in position..<min(position + 8, input.count - 8) {
            input[index] = 0xFF
        }
        let outcome = Self.inflate(input, chunkSize: 13)
        #expect(outcome.error?.code == .corruptGzip)
        #expect((outcome.error?.byteOffset ?? -1) >= position)
    }

    @Test("bytes after a member that do not start a new member are corrupt")
    func trailingGarbage() {
        let input = Gzip.compress(Self.text(lines: 0..<2)) + Array(text: "garbage")
        let outcome = Self.inflate(input, chunkSize: 1 << 16)
        #expect(outcome.error?.code == .corruptGzip)
        #expect(outcome.output == Self.text(lines: 0..<2))
    }

    @Test("output past maxOutputBytes stops with too_large after delivering exactly the limit")
    func decompressedSizeBound() {
        let plain = [UInt8](repeating: UInt8(ascii: "a"), count: 1 << 20)
        let compressed = Gzip.compress(plain, level: 9)
        #expect(compressed.count < 4096)
        let outcome = Self.inflate(compressed, chunkSize: 512, maxOutputBytes: 100_000, outputChunkBytes: 4096)
        #expect(outcome.error?.code == .decompressedTooLarge)
        #expect(outcome.error?.reason == "gzip.too_large")
        #expect(outcome.error?.canContinue == false)
        #expect(outcome.output.count == 100_000)
    }

    @Test("output of exactly maxOutputBytes is accepted")
    func decompressedSizeAtLimit() {
        let plain = [UInt8](repeating: UInt8(ascii: "b"), count: 50_000)
        let outcome = Self.inflate(Gzip.compress(plain), chunkSize: 1000, maxOutputBytes: 50_000)
        #expect(outcome.error == nil)
        #expect(outcome.output.count == 50_000)
    }

    @Test("after an error every later call throws the same error and delivers nothing")
    func failedIsSticky() {
        let inflater = GzipInflater(maxOutputBytes: 10)
        let input = Gzip.compress(Self.text(lines: 0..<10))
        var delivered: [UInt8] = []
        var errors: [FramingError] = []
        for _ in 0..<2 {
            do throws(FramingError) {
                try Self.feed(inflater, input[...], into: &delivered)
            } catch {
                errors.append(error)
            }
        }
        #expect(throws: FramingError.self) { try inflater.finish() }
        #expect(inflater.isFailed)
        #expect(delivered.count == 10)
        #expect(errors.count == 2)
        #expect(errors.first == errors.last)
    }
}
