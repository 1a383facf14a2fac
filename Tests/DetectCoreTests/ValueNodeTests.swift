import DetectCore
import Testing

struct ValueNodeTests {
    @Test("integers, floats and bools read back from the payload")
    func payload() {
        let integer = ValueNode(kind: .integer, length: 0, offset: 0, payload: UInt64(bitPattern: -42))
        #expect(integer.integer == -42)
        #expect(integer.number == -42)
        let float = ValueNode(kind: .float, length: 0, offset: 0, payload: 2.5.bitPattern)
        #expect(float.float == 2.5)
        #expect(float.number == 2.5)
        #expect(ValueNode(kind: .bool, length: 0, offset: 0, payload: 1).bool)
        #expect(!ValueNode(kind: .bool, length: 0, offset: 0, payload: 0).bool)
    }

    @Test("only integers and floats are numbers", arguments: [ValueKind.string, .bool, .null, .array, .object])
    func notNumbers(kind: ValueKind) {
        #expect(ValueNode(kind: kind, length: 0, offset: 0, payload: 0).number == nil)
    }

    @Test("arrays and objects are containers", arguments: [
        (ValueKind.array, true), (.object, true), (.string, false), (.integer, false), (.float, false), (.bool, false),
        (.null, false),
    ])
    func containers(kind: ValueKind, expected: Bool) {
        #expect(ValueNode(kind: kind, length: 0, offset: 0, payload: 0).isContainer == expected)
    }
}
