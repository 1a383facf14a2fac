import DetectJSON
import Testing

struct JSONErrorTests {
    @Test(
        "every code has a stable dotted reason",
        arguments: [
            (JSONError.Code.unexpectedEnd, "json.unexpected_end"), (.unexpectedByte, "json.unexpected_byte"),
            (.invalidString, "json.invalid_string"), (.invalidEscape, "json.invalid_escape"),
            (.invalidUTF8, "json.invalid_utf8"), (.invalidNumber, "json.invalid_number"), (.tooDeep, "json.too_deep"),
            (.trailingContent, "json.trailing_content"), (.notAnObject, "json.not_an_object"),
        ]
    )
    func reason(code: JSONError.Code, reason: String) {
        #expect(code.reason == reason)
    }

    @Test("the description names the byte 1-based")
    func description() {
        let error = JSONError(.unexpectedByte, "unexpected 'x'", offset: 0)
        #expect(error.description == "unexpected 'x' at byte 1")
        #expect(parseError("[1,x]")?.description == "unexpected 'x' where a value was expected at byte 4")
    }

    @Test("errors compare by code, message and offset")
    func equality() {
        #expect(JSONError(.tooDeep, "m", offset: 3) == JSONError(.tooDeep, "m", offset: 3))
        #expect(JSONError(.tooDeep, "m", offset: 3) != JSONError(.tooDeep, "m", offset: 4))
        #expect(JSONError(.tooDeep, "m", offset: 3) != JSONError(.trailingContent, "m", offset: 3))
    }
}
