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

struct KeyPredictionTests {
    /// Parses each document with one scratch; returns each document's value and `repeatsPreviousKeys`.
    private static func parseAll(_ documents: [String]) throws -> [(JSONValue, Bool)] {
        var scratch = JSONParseScratch()
        return try documents.map { document in
            var tape = ValueTape()
            let bytes = Array(document.utf8)
            let result: Result<Int, JSONError> = bytes.withUnsafeBytes { buffer in
                Result { () throws(JSONError) in try JSONParser().parse(buffer, into: &tape, scratch: &scratch) }
            }
            return (JSONValue(tape: tape, at: try result.get()), scratch.repeatsPreviousKeys)
        }
    }

    /// Each document read back must equal a parse with fresh memory.
    private static func expectSameValues(_ documents: [String], _ results: [(JSONValue, Bool)]) {
        for (document, result) in zip(documents, results) {
            #expect(result.0 == parseValueOrNull(document), "\(document)")
        }
    }

    static let sequences: [(String, [String], [Bool])] = [
        ("escaped keys keep their flag", [#"{"a\"b":1,"c\u0041":2}"#, #"{"a\"b":3,"c\u0041":4}"#], [false, true]),
        ("a key at another depth", [#"{"a":{"b":1}}"#, #"{"a":{},"b":1}"#], [false, false]),
        ("a predicted key that is a prefix of the key", [#"{"abcdefghij":1}"#, #"{"abcdefghijk":1}"#], [false, false]),
        ("a key that is a prefix of the predicted one", [#"{"abcdefghijk":1}"#, #"{"abcdefghij":1}"#], [false, false]),
        ("fewer keys", [#"{"a":1,"b":2}"#, #"{"a":1}"#], [false, false]),
        ("more keys", [#"{"a":1}"#, #"{"a":1,"b":2}"#, #"{"a":1,"b":2}"#], [false, false, true]),
        ("keys in another order", [#"{"a":1,"b":2}"#, #"{"b":1,"a":2}"#], [false, false]),
        ("short keys near the end of the input", [#"{"k":1}"#, #"{"k":2}"#, #"{"k":"x"}"#], [false, true, true]),
        ("no keys twice", ["[1,2]", "[3]", "{}"], [false, true, true]),
        ("keys in arrays of objects", [#"[{"a":1},{"b":2}]"#, #"[{"a":3},{"b":4}]"#, #"[{"a":3}]"#], [false, true, false]),
        ("whitespace around keys", [#"{ "a" : 1 , "b" :2}"#, #"{"a":1,"b":2}"#], [false, true]),
        (
            "whitespace before a colon is never predicted", [#"{"a" :1}"#, #"{"a" :1}"#, #"{"a": 1}"#],
            [false, false, true]
        ),
        ("a predicted key followed by whitespace, not its colon", [#"{"a":1}"#, #"{"a" :1}"#], [false, false]),
        ("a key whose bytes continue past the predicted quote", [#"{"a":1}"#, #"{"a\"":1}"#], [false, false]),
    ]

    @Test("a document repeats the previous keys only with the same bytes, order and depths", arguments: sequences)
    func sequence(name: String, documents: [String], expected: [Bool]) throws {
        let results = try Self.parseAll(documents)
        #expect(results.map(\.1) == expected, "\(name)")
        Self.expectSameValues(documents, results)
    }

    @Test("a rejected document or one beyond the retained limit is never repeated, nor the document after it")
    func afterRejectedOrHuge() throws {
        let huge = "[" + Array(repeating: #"{"a":1}"#, count: JSONParseScratch.retainedNodeLimit / 6).joined(separator: ",") + "]"
        var scratch = JSONParseScratch()
        var flags: [Bool] = []
        for document in [#"{"a":1}"#, #"{"a":1"#, #"{"a":1}"#, #"{"a":1}"#, huge, #"{"a":1}"#, #"{"a":1}"#] {
            var tape = ValueTape()
            let bytes = Array(document.utf8)
            _ = bytes.withUnsafeBytes { buffer in try? JSONParser().parse(buffer, into: &tape, scratch: &scratch) }
            flags.append(scratch.repeatsPreviousKeys)
        }
        #expect(flags == [false, false, false, true, false, false, true])
        #expect(scratch.documentCount == 7)
    }

    @Test("a document cut anywhere after one with its keys fails as it does with fresh memory")
    func truncatedAfterPrediction() throws {
        let document = #"{"alpha":1,"beta\u0041":{"gamma":"x","deltadeltadelta":[{"e":null}]},"z" :2}"#
        let bytes = Array(document.utf8)
        for length in 0..<bytes.count {
            var scratch = JSONParseScratch()
            var tape = ValueTape()
            _ = try bytes.withUnsafeBytes { try JSONParser().parse($0, into: &tape, scratch: &scratch) }
            let prefix = Array(bytes[..<length])
            var freshTape = ValueTape()
            let (predicted, fresh) = prefix.withUnsafeBytes { buffer in
                (
                    Result { () throws(JSONError) in try JSONParser().parse(buffer, into: &tape, scratch: &scratch) },
                    Result { () throws(JSONError) in try JSONParser().parse(buffer, into: &freshTape) }
                )
            }
            #expect(predicted.error != nil && predicted.error == fresh.error, "cut at \(length)")
        }
    }

    @Test("documents repeating the previous keys are recognised; values may differ")
    func repeats() throws {
        let results = try Self.parseAll([
            #"{"alpha":1,"beta":{"gamma":"x","deltadeltadelta":[{"e":null}]}}"#,
            #"{"alpha":2,"beta":{"gamma":"yy","deltadeltadelta":[{"e":true}]}}"#,
            #"{"alpha":3,"beta":{"gamma":"z","deltadeltadelta":[{"e":1},{"e":2}]}}"#,
        ])
        #expect(results.map(\.1) == [false, true, false])
        #expect(results[1].0 == parseValueOrNull(#"{"alpha":2,"beta":{"gamma":"yy","deltadeltadelta":[{"e":true}]}}"#))
    }
}

extension Result {
    fileprivate var error: Failure? {
        if case .failure(let error) = self { error } else { nil }
    }
}

private func parseValueOrNull(_ text: String) -> JSONValue { (try? parseValue(text)) ?? .null }
