import DetectCore
import DetectJSON
import Testing

/// Containers read from JSON are written back by copying their text, unless that text spans lines.
struct JSONWriterSourceSpanTests {
    private func roundTrip(_ text: String) throws -> String {
        var tape = ValueTape()
        var bytes = Array(text.utf8)
        let root = try bytes.withUnsafeMutableBytes { try JSONParser().parse(UnsafeRawBufferPointer($0), into: &tape) }
        var writer = JSONWriter()
        writer.writeValue(tape, at: root)
        bytes = writer.output
        return String(decoding: bytes, as: UTF8.self)
    }

    @Test("a compact object is copied as it was read, spaces included")
    func compactObjectIsCopied() throws {
        #expect(try self.roundTrip(#"{"a": [1, {"b" : "c\n"}], "d":{}}"#) == #"{"a": [1, {"b" : "c\n"}], "d":{}}"#)
    }

    @Test("a pretty-printed object is rewritten on one line")
    func prettyObjectStaysOnOneLine() throws {
        let written = try self.roundTrip("{\n  \"a\": [1,\r\n 2],\n  \"b\": {\"c\": true}\n}")
        #expect(written == #"{"a":[1,2],"b":{"c":true}}"#)
    }

    @Test("a copied subtree keeps its text")
    func copiedSubtreeKeepsText() throws {
        var tape = ValueTape()
        var bytes = Array(#"{"x": {"y": [1, 2]}}"#.utf8)
        let root = try bytes.withUnsafeMutableBytes { try JSONParser().parse(UnsafeRawBufferPointer($0), into: &tape) }
        let copy = tape.appendCopy(of: root + 2)
        var writer = JSONWriter()
        writer.writeValue(tape, at: copy)
        #expect(String(decoding: writer.output, as: UTF8.self) == #"{"y": [1, 2]}"#)
    }
}
