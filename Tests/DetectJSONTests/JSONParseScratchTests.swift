import DetectCore
import DetectJSON
import Testing

struct JSONParseScratchTests {
    /// Parses `text` into a fresh tape with `scratch` and reads it back.
    private static func parse(_ text: String, scratch: inout JSONParseScratch) throws(JSONError) -> JSONValue {
        var tape = ValueTape()
        let bytes = Array(text.utf8)
        let result: Result<Int, JSONError> = bytes.withUnsafeBytes { buffer in
            Result { () throws(JSONError) in try JSONParser().parse(buffer, into: &tape, scratch: &scratch) }
        }
        return JSONValue(tape: tape, at: try result.get())
    }

    @Test("one scratch reused for documents of growing and shrinking size parses each like fresh memory")
    func reuse() throws {
        let long = "{\"items\":[" + (0..<500).map { "{\"k\($0)\":[\($0),\"v\",null]}" }.joined(separator: ",") + "]}"
        let documents = [#"{"a":1}"#, long, #"[1,[2,[3]]]"#, #""s""#, long, "{}", #"{"b":{"c":[true,false]}}"#]
        var scratch = JSONParseScratch()
        for document in documents {
            #expect(try Self.parse(document, scratch: &scratch) == parseValue(document))
        }
    }

    @Test("a document beyond the retained node limit parses with temporary memory, and the scratch still works")
    func beyondRetainedLimit() throws {
        let elements = JSONParseScratch.retainedNodeLimit / 2 + 10
        let huge = "[" + Array(repeating: "1", count: elements).joined(separator: ",") + "]"
        var scratch = JSONParseScratch()
        #expect(try Self.parse(huge, scratch: &scratch) == .array(Array(repeating: .integer(1), count: elements)))
        #expect(try Self.parse(#"{"a":[1,2]}"#, scratch: &scratch) == .object([.init("a", .array([.integer(1), .integer(2)]))]))
    }

    @Test("an error leaves the scratch usable for the next document")
    func afterError() throws {
        var scratch = JSONParseScratch()
        #expect(throws: JSONError.self) { try Self.parse(#"{"a":[1,2}"#, scratch: &scratch) }
        #expect(try Self.parse(#"{"a":[1,2]}"#, scratch: &scratch) == .object([.init("a", .array([.integer(1), .integer(2)]))]))
    }
}
