import DetectIntake
import Testing

struct FramingErrorTests {
    @Test(
        "each code has a stable dotted reason and says whether the input can continue",
        arguments: [
            (FramingError.Code.lineTooLong, "line.too_long", true),
            (FramingError.Code.truncatedGzip, "gzip.truncated", false),
            (FramingError.Code.corruptGzip, "gzip.corrupt", false),
            (FramingError.Code.decompressedTooLarge, "gzip.too_large", false),
            (FramingError.Code.readFailed, "input.read_failed", false),
        ]
    )
    func reasons(code: FramingError.Code, reason: String, canContinue: Bool) {
        let error = FramingError(code: code, message: "m")
        #expect(error.reason == reason)
        #expect(error.canContinue == canContinue)
        #expect(code.description == reason)
    }

    @Test("the description names the reason, message and position")
    func description() {
        let error = FramingError(code: .lineTooLong, message: "too long", line: 3, byteOffset: 40, byteCount: 2)
        #expect(error.description == "line.too_long: too long (line 3, byte offset 40)")
        #expect(FramingError(code: .readFailed, message: "gone").description == "input.read_failed: gone")
    }
}
