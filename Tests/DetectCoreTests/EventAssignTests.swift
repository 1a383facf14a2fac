import DetectCore
import Testing

struct EventAssignTests {
    private let registry = FieldRegistry()

    private static func text(_ event: Event, _ node: Int?) -> String? {
        guard let node, event.tape.nodes[node].kind == .string else { return nil }
        return event.tape.withText(of: node) { String(decoding: $0, as: UTF8.self) }
    }

    @Test("assign makes a copy with the same fields and nodes, and later changes stay on the copy")
    func assignCopies() {
        let a = self.registry.id("a")
        let b = self.registry.id("b.c")
        let gone = self.registry.id("gone")
        var source = Event()
        source.setString(a, "first")
        source.setString(gone, "soon removed")
        source.setInteger(b, 42)
        source.remove(gone)

        var copy = Event()
        copy.setString(self.registry.id("left.over"), "from an earlier use")
        copy.assign(source)
        #expect(copy.tape.bytes == source.tape.bytes)
        #expect(copy.tape.nodes.count == source.tape.nodes.count)
        #expect(copy.entries.map(\.field) == source.entries.map(\.field))
        #expect(copy.entries.map(\.node) == source.entries.map(\.node))
        #expect(!copy.has(self.registry.id("left.over")))
        #expect(!copy.has(gone))
        #expect(Self.text(copy, copy.node(a)) == "first")

        copy.setString(a, "changed")
        copy.setString(self.registry.id("new"), "x")
        #expect(Self.text(copy, copy.node(a)) == "changed")
        #expect(Self.text(source, source.node(a)) == "first")
        #expect(!source.has(self.registry.id("new")))
    }
}
