import DetectCore
import Testing

struct EventTests {
    private let registry = FieldRegistry()

    private func id(_ path: String) -> FieldID { self.registry.id(path) }

    /// The text of the string node at `node`.
    private static func text(_ event: Event, _ node: Int?) -> String? {
        guard let node, event.tape.nodes[node].kind == .string else { return nil }
        return event.tape.withText(of: node) { String(decoding: $0, as: UTF8.self) }
    }

    @Test("a new event has no fields")
    func empty() {
        let event = Event()
        #expect(event.entries.isEmpty)
        #expect(event.node(self.id("a")) == nil)
        #expect(!event.has(.root))
    }

    @Test("a set field has an entry pointing at its node")
    func set() {
        var event = Event()
        let ip = self.id("source.ip")
        event.setString(ip, "192.0.2.1")
        #expect(event.has(ip))
        #expect(Self.text(event, event.node(ip)) == "192.0.2.1")
        #expect(event.entries.count == 1)
        #expect(event.entries[0].field == ip)
        #expect(!event.has(self.id("source")))
    }

    @Test("setting a field again keeps one entry, in its first place, with the last value")
    func setTwice() {
        var event = Event()
        let a = self.id("a")
        let b = self.id("b")
        event.setString(a, "first")
        event.setString(b, "b")
        event.setInteger(a, 2)
        event.setString(a, "last")
        #expect(event.entries.map(\.field) == [a, b])
        #expect(Self.text(event, event.node(a)) == "last")
    }

    @Test("remove clears one field and leaves the others")
    func remove() {
        var event = Event()
        let a = self.id("a")
        let b = self.id("b")
        event.setBool(a, true)
        event.setBool(b, false)
        event.remove(a)
        #expect(!event.has(a))
        #expect(event.node(a) == nil)
        #expect(event.has(b))
        event.remove(a)
        event.remove(self.id("never.set"))
        #expect(event.has(b))
        event.setInteger(a, 5)
        #expect(event.node(a).map { event.tape.nodes[$0].integer } == 5)
        #expect(event.entries.count == 2)
    }

    @Test("removeAll empties the event and keeps it usable")
    func removeAll() {
        var event = Event()
        let a = self.id("a")
        event.setString(a, "x")
        event.removeAll()
        #expect(event.entries.isEmpty)
        #expect(event.tape.nodes.isEmpty)
        #expect(event.tape.bytes.isEmpty)
        #expect(!event.has(a))
        event.setString(a, "y")
        #expect(Self.text(event, event.node(a)) == "y")
        #expect(event.entries.count == 1)
    }

    @Test("an event reused across many records never shows a field from an earlier record")
    func reuse() {
        let ids = (0..<40).map { self.id("f\($0)") }
        var event = Event()
        var state: UInt64 = 99
        for record in 0..<5_000 {
            event.removeAll()
            var expected: [FieldID: Int64] = [:]
            for id in ids {
                state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
                switch state >> 62 {
                case 0:
                    event.setInteger(id, Int64(record))
                    expected[id] = Int64(record)
                case 1:
                    event.setInteger(id, -1)
                    event.remove(id)
                default: break
                }
            }
            for id in ids {
                #expect(event.node(id).map { event.tape.nodes[$0].integer } == expected[id])
            }
            #expect(event.entries.filter { $0.node >= 0 }.count == expected.count)
        }
    }

    @Test("fields with large ids grow the slot tables")
    func largeIDs() {
        var event = Event()
        let high = FieldID(rawValue: 10_000)
        let low = FieldID(rawValue: 3)
        event.setInteger(high, 1)
        event.setInteger(low, 2)
        event.setInteger(FieldID(rawValue: 70), 3)
        #expect(event.node(high).map { event.tape.nodes[$0].integer } == 1)
        #expect(event.node(low).map { event.tape.nodes[$0].integer } == 2)
        #expect(event.node(FieldID(rawValue: 70)).map { event.tape.nodes[$0].integer } == 3)
        #expect(event.node(FieldID(rawValue: 9_999)) == nil)
        #expect(event.node(FieldID(rawValue: 20_000)) == nil)
    }

    @Test("typed setters store typed nodes")
    func typedSetters() {
        var event = Event()
        event.setString(self.id("s"), "é")
        Array("raw".utf8).withUnsafeBytes { event.setString(self.id("r"), $0) }
        event.setInteger(self.id("i"), .min)
        event.setFloat(self.id("f"), -0.5)
        event.setBool(self.id("b"), true)
        let nodes = event.tape.nodes
        #expect(Self.text(event, event.node(self.id("s"))) == "é")
        #expect(Self.text(event, event.node(self.id("r"))) == "raw")
        #expect(nodes[event.node(self.id("i"))!].kind == .integer)
        #expect(nodes[event.node(self.id("i"))!].integer == .min)
        #expect(nodes[event.node(self.id("f"))!].kind == .float)
        #expect(nodes[event.node(self.id("f"))!].float == -0.5)
        #expect(nodes[event.node(self.id("b"))!].kind == .bool)
        #expect(nodes[event.node(self.id("b"))!].bool)
        #expect(!nodes[event.node(self.id("s"))!].isEscaped)
    }

    @Test("setStrings stores an array of string nodes")
    func setStrings() {
        var event = Event()
        let tags = self.id("tags")
        event.setStrings(tags, ["a", "", "ccc"])
        let array = event.node(tags)!
        #expect(event.tape.nodes[array].kind == .array)
        #expect(event.tape.nodes[array].length == 3)
        #expect(event.tape.elements(of: array).map { Self.text(event, $0) } == ["a", "", "ccc"])
        #expect(event.tape.end(of: array) == event.tape.nodes.count)

        event.setStrings(self.id("none"), [])
        let empty = event.node(self.id("none"))!
        #expect(event.tape.elements(of: empty).isEmpty)
        #expect(event.tape.end(of: empty) == empty + 1)

        event.setStrings(self.id("constants"), constants: [ConstantString("web"), ConstantString(#"a"b"#)])
        let constants = event.node(self.id("constants"))!
        #expect(event.tape.elements(of: constants).map { Self.text(event, $0) } == ["web", #"a"b"#])
        #expect(event.tape.elements(of: constants).map { event.tape.nodes[$0].isVerbatim } == [true, false])
        #expect(event.tape.end(of: constants) == event.tape.nodes.count)
    }

    @Test("setArray(copying:) copies scalars and whole subtrees with their ends")
    func setArrayCopying() {
        var event = Event()
        // {"k":["x",{"y":1}]} built by hand.
        let object = event.tape.openContainer(.object)
        event.tape.appendString("k")
        let inner = event.tape.openContainer(.array)
        let x = event.tape.appendString("x")
        let nested = event.tape.openContainer(.object)
        event.tape.appendString("y")
        event.tape.appendInteger(1)
        event.tape.closeContainer(nested, count: 1)
        event.tape.closeContainer(inner, count: 2)
        event.tape.closeContainer(object, count: 1)

        let copies = self.id("copies")
        event.setArray(copies, copying: [inner, x, object])
        let array = event.node(copies)!
        let elements = event.tape.elements(of: array)
        #expect(elements.count == 3)
        #expect(event.tape.nodes[elements[0]].kind == .array)
        #expect(event.tape.end(of: elements[0]) == elements[1])
        #expect(Self.text(event, elements[1]) == "x")
        #expect(event.tape.nodes[elements[2]].kind == .object)
        #expect(event.tape.end(of: elements[2]) == event.tape.nodes.count)
        #expect(event.tape.end(of: array) == event.tape.nodes.count)
        // The copied inner array holds "x" and {"y":1}.
        let copiedInner = event.tape.elements(of: elements[0])
        #expect(Self.text(event, copiedInner[0]) == "x")
        var members: [(String?, Int64)] = []
        event.tape.forEachMember(of: copiedInner[1]) { key, value in
            members.append((Self.text(event, key), event.tape.nodes[value].integer))
        }
        #expect(members.map(\.0) == ["y"])
        #expect(members.map(\.1) == [1])
    }
}
