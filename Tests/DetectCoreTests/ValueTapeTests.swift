import DetectCore
import Testing

struct ValueTapeTests {
    /// Builds `{"a":[1,"two"],"b":{},"c":true}` and returns the object's index.
    private static func sample(_ tape: inout ValueTape) -> Int {
        let object = tape.openContainer(.object)
        tape.appendString("a")
        let array = tape.openContainer(.array)
        tape.appendInteger(1)
        tape.appendString("two")
        tape.closeContainer(array, count: 2)
        tape.appendString("b")
        let empty = tape.openContainer(.object)
        tape.closeContainer(empty, count: 0)
        tape.appendString("c")
        tape.appendBool(true)
        tape.closeContainer(object, count: 3)
        return object
    }

    private static func text(_ tape: ValueTape, _ index: Int) -> String {
        tape.withText(of: index) { String(decoding: $0, as: UTF8.self) }
    }

    @Test("a substring node shares the bytes of its string and keeps its verbatim flag")
    func substring() {
        var tape = ValueTape()
        let plain = tape.appendString("www.example.com")
        let quoted = tape.appendString(#"say "hi" now"#)
        let byteCount = tape.bytes.count
        let domain = tape.appendSubstring(of: plain, 4..<15)
        let word = tape.appendSubstring(of: quoted, 4..<8)
        #expect(tape.bytes.count == byteCount)
        #expect(Self.text(tape, domain) == "example.com" && tape.nodes[domain].isVerbatim)
        #expect(Self.text(tape, word) == #""hi""# && !tape.nodes[word].isVerbatim)
    }

    @Test("a constant string appends its bytes with the verbatim flag a string of the same text gets")
    func constantString() {
        var tape = ValueTape()
        for text in ["proxy", #"say "hi""#, "back\\slash", "line\nbreak", "", "caf\u{e9}"] {
            let constant = tape.appendString(ConstantString(text))
            let string = tape.appendString(text)
            #expect(Self.text(tape, constant) == text)
            #expect(tape.nodes[constant].isVerbatim == tape.nodes[string].isVerbatim, "\(text)")
            #expect(tape.nodes[constant].isVerbatim == (text == "proxy" || text == "" || text == "caf\u{e9}"))
        }
    }

    @Test("appending a tape copies its values with their node and byte offsets moved")
    func appendTape() {
        var other = ValueTape()
        let object = Self.sample(&other)
        other.appendFloat(2.5)
        other.appendNull()
        var tape = ValueTape()
        tape.appendString("before")
        tape.appendInteger(7)
        let shift = tape.append(contentsOf: other)
        #expect(shift == 2)
        #expect(tape.nodes.count == 2 + other.nodes.count)
        #expect(Self.text(tape, 0) == "before" && tape.nodes[1].integer == 7)
        #expect(tape.end(of: shift + object) == shift + other.end(of: object))
        #expect(tape.end(of: shift + 2) == shift + 5)
        for index in other.nodes.indices {
            #expect(tape.nodes[shift + index].kind == other.nodes[index].kind)
            #expect(tape.nodes[shift + index].payload == other.nodes[index].payload)
            if other.nodes[index].kind == .string {
                #expect(Self.text(tape, shift + index) == Self.text(other, index))
            }
        }
    }

    @Test("an appended container read from JSON keeps the bytes of its text")
    func appendTapeSourceSpan() {
        var other = ValueTape()
        other.bytes = Array(#"[1]"#.utf8)
        let array = other.openContainer(.array)
        other.appendString(offset: 1, length: 1)
        other.closeContainer(array, count: 1)
        other.nodes[array].payload = 0 << 32 | 3
        var tape = ValueTape()
        tape.appendString("ab")
        let shift = tape.append(contentsOf: other)
        #expect(tape.nodes[shift + array].sourceSpan == 2..<5)
        #expect(tape.bytes[2..<5].elementsEqual(#"[1]"#.utf8))
    }

    @Test("containers record their child count and the index after their subtree")
    func containers() {
        var tape = ValueTape()
        let object = Self.sample(&tape)
        #expect(tape.nodes[object].length == 3)
        #expect(tape.end(of: object) == tape.nodes.count)
        #expect(tape.end(of: 2) == 5)  // the array
        #expect(tape.end(of: 3) == 4)  // a scalar
        #expect(tape.end(of: 6) == 7)  // the empty object
    }

    @Test("forEachMember visits keys and values, skipping nested subtrees")
    func members() {
        var tape = ValueTape()
        let object = Self.sample(&tape)
        var keys: [String] = []
        var kinds: [ValueKind] = []
        tape.forEachMember(of: object) { key, value in
            keys.append(Self.text(tape, key))
            kinds.append(tape.nodes[value].kind)
        }
        #expect(keys == ["a", "b", "c"])
        #expect(kinds == [.array, .object, .bool])
    }

    @Test("elements lists each element of an array")
    func elements() {
        var tape = ValueTape()
        _ = Self.sample(&tape)
        #expect(tape.elements(of: 2) == [3, 4])
        #expect(Self.text(tape, 4) == "two")
    }

    @Test("strings are appended as bytes the nodes point into")
    func strings() {
        var tape = ValueTape()
        let first = tape.appendString("héllo")
        let second = Array("raw".utf8).withUnsafeBytes { tape.appendString($0) }
        let third = tape.appendString(offset: 1, length: 4, isEscaped: true)
        #expect(Self.text(tape, first) == "héllo")
        #expect(Self.text(tape, second) == "raw")
        #expect(tape.nodes[second].offset == 6)
        #expect(Self.text(tape, third) == "éll")
        #expect(tape.nodes[third].isEscaped)
        #expect(tape.bytes.count == 9)
    }

    @Test("appendCopy copies a subtree with its container ends shifted, sharing the bytes")
    func appendCopy() {
        var tape = ValueTape()
        let object = Self.sample(&tape)
        let bytes = tape.bytes.count
        let copy = tape.appendCopy(of: object)
        #expect(copy == 9)
        #expect(tape.bytes.count == bytes)
        #expect(tape.end(of: copy) == tape.nodes.count)
        #expect(tape.end(of: copy + 2) == copy + 5)
        var keys: [String] = []
        tape.forEachMember(of: copy) { key, _ in keys.append(Self.text(tape, key)) }
        #expect(keys == ["a", "b", "c"])
        let scalar = tape.appendCopy(of: 4)
        #expect(scalar == tape.nodes.count - 1)
        #expect(Self.text(tape, scalar) == "two")
    }

    @Test("removeAll empties the tape")
    func removeAll() {
        var tape = ValueTape()
        _ = Self.sample(&tape)
        tape.removeAll()
        #expect(tape.nodes.isEmpty)
        #expect(tape.bytes.isEmpty)
        #expect(tape.appendNull() == 0)
    }
}
