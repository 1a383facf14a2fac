import DetectCore
import DetectJSON
import Testing

/// `Event.resolve(_:in:)`, tested here because documents are easiest to build by parsing them.
struct EventResolveTests {
    private let registry = FieldRegistry()

    private func id(_ path: String) -> FieldID { self.registry.id(path) }

    /// An event whose root entry is `document`.
    private func event(root document: String) throws -> Event {
        var event = Event()
        let root = try parse(document, into: &event.tape)
        event.set(.root, node: root)
        return event
    }

    /// The value `path` resolves to, read back, or `nil`.
    private func resolve(_ path: String, in event: Event) -> JSONValue? {
        let field = self.id(path)
        guard let node = event.resolve(field, in: self.registry.table()) else { return nil }
        return JSONValue(tape: event.tape, at: node)
    }

    @Test("a field with its own entry resolves to that entry")
    func ownEntry() {
        var event = Event()
        event.setString(self.id("source.ip"), "192.0.2.1")
        #expect(self.resolve("source.ip", in: event) == .string("192.0.2.1"))
        #expect(self.resolve("source", in: event) == nil)
        #expect(self.resolve("source.port", in: event) == nil)
    }

    @Test("a field inside an object entry resolves by walking into it")
    func insideObjectEntry() throws {
        var event = Event()
        let object = try parse(#"{"ip":"192.0.2.1","geo":{"country":"DE"}}"#, into: &event.tape)
        event.set(self.id("source"), node: object)
        #expect(self.resolve("source.ip", in: event) == .string("192.0.2.1"))
        #expect(self.resolve("source.geo.country", in: event) == .string("DE"))
        #expect(self.resolve("source.geo", in: event) == .object([.init("country", .string("DE"))]))
        #expect(self.resolve("source.port", in: event) == nil)
        #expect(self.resolve("destination.ip", in: event) == nil)
    }

    @Test(
        "a dotted name resolves through nested objects, flat dotted keys and any mix of them",
        arguments: [
            #"{"a":{"b":{"c":{"d":"hit"}}}}"#,
            #"{"a.b.c.d":"hit"}"#,
            #"{"a.b":{"c.d":"hit"}}"#,
            #"{"a":{"b.c.d":"hit"}}"#,
            #"{"a.b.c":{"d":"hit"}}"#,
            #"{"a":{"b":{"c.d":"hit"}}}"#,
            #"{"x":1,"a":{"y":[1],"b.c":{"z":null,"d":"hit"}},"w":{}}"#,
        ]
    )
    func dottedAndNested(document: String) throws {
        let event = try self.event(root: document)
        #expect(self.resolve("a.b.c.d", in: event) == .string("hit"))
        #expect(self.resolve("a.b.c.e", in: event) == nil)
        #expect(self.resolve("a.b.c.d.e", in: event) == nil)
    }

    @Test("flat dotted keys and mixed nesting in an ECS input document")
    func ecsDocument() throws {
        let event = try self.event(root: #"{"source.ip":"192.0.2.1","source":{"geo.country":"x","port":443}}"#)
        #expect(self.resolve("source.ip", in: event) == .string("192.0.2.1"))
        #expect(self.resolve("source.geo.country", in: event) == .string("x"))
        #expect(self.resolve("source.port", in: event) == .integer(443))
        #expect(self.resolve("source.geo", in: event) == nil)
    }

    @Test(
        "a key that is a prefix but does not end at a segment boundary does not match",
        arguments: [
            #"{"sourcex":{"ip":1}}"#,
            #"{"source.ipx":1}"#,
            #"{"source":{"ipx":1}}"#,
            #"{"sourc":{"e.ip":1}}"#,
            #"{"source.i":1}"#,
            #"{"source.":{"ip":1}}"#,
            #"{"source":{"i":{"p":1}}}"#,
            #"{"source..ip":1}"#,
            #"{"source.ip.":1}"#,
            #"{"xsource":{"ip":1}}"#,
            #"{"SOURCE":{"IP":1}}"#,
        ]
    )
    func segmentBoundary(document: String) throws {
        let event = try self.event(root: document)
        #expect(self.resolve("source.ip", in: event) == nil)
    }

    @Test("a partial match that fails does not hide a later member that matches")
    func laterMemberMatches() throws {
        let event = try self.event(root: #"{"source":{"port":1},"source.ip":"late","sourcex":2}"#)
        #expect(self.resolve("source.ip", in: event) == .string("late"))
        let reversed = try self.event(root: #"{"source.ip":"early","source":{"ip":"nested"}}"#)
        #expect(self.resolve("source.ip", in: reversed) == .string("early"))
    }

    @Test("arrays are values: resolve returns them and does not walk into them")
    func arraysAreValues() throws {
        let event = try self.event(root: #"{"source":[{"ip":"192.0.2.1"}],"tags":["a","b"],"pairs":["ip","x"]}"#)
        #expect(self.resolve("source.ip", in: event) == nil)
        // An array of strings is not read as key/value pairs.
        #expect(self.resolve("pairs.ip", in: event) == nil)
        #expect(self.resolve("source", in: event) == .array([.object([.init("ip", .string("192.0.2.1"))])]))
        #expect(self.resolve("tags", in: event) == .array([.string("a"), .string("b")]))
    }

    @Test("a scalar where an object is needed resolves to nothing")
    func scalarAncestor() throws {
        let event = try self.event(root: #"{"source":"192.0.2.1","n":null}"#)
        #expect(self.resolve("source.ip", in: event) == nil)
        #expect(self.resolve("n.x", in: event) == nil)
        #expect(self.resolve("n", in: event) == .null)

        var scalarEntry = Event()
        scalarEntry.setString(self.id("source"), "192.0.2.1")
        #expect(self.resolve("source.ip", in: scalarEntry) == nil)
    }

    @Test("an entry of its own wins over the root document")
    func entryWins() throws {
        var event = try self.event(root: #"{"event":{"kind":"event"}}"#)
        #expect(self.resolve("event.kind", in: event) == .string("event"))
        event.setString(self.id("event.kind"), "alert")
        #expect(self.resolve("event.kind", in: event) == .string("alert"))
        event.remove(self.id("event.kind"))
        #expect(self.resolve("event.kind", in: event) == .string("event"))
    }

    @Test("a missing field, or a document without it, resolves to nil")
    func missing() throws {
        #expect(self.resolve("source.ip", in: Event()) == nil)
        let event = try self.event(root: "{}")
        #expect(self.resolve("source.ip", in: event) == nil)
        #expect(self.resolve("a", in: event) == nil)
    }

    @Test("the root resolves to the whole document")
    func root() throws {
        let event = try self.event(root: #"{"a":1}"#)
        let node = event.resolve(.root, in: self.registry.table())
        #expect(node.map { JSONValue(tape: event.tape, at: $0) } == .object([.init("a", .integer(1))]))
    }

    @Test("values of every kind resolve through the document")
    func kinds() throws {
        let event = try self.event(root: #"{"v":{"s":"x\n","i":-3,"f":0.5,"t":true,"n":null,"o":{},"a":[]}}"#)
        #expect(self.resolve("v.s", in: event) == .string("x\n"))
        #expect(self.resolve("v.i", in: event) == .integer(-3))
        #expect(self.resolve("v.f", in: event) == .float(0.5))
        #expect(self.resolve("v.t", in: event) == .bool(true))
        #expect(self.resolve("v.n", in: event) == .null)
        #expect(self.resolve("v.o", in: event) == .object([]))
        #expect(self.resolve("v.a", in: event) == .array([]))
    }

    @Test("resolving works on every record of a reused event")
    func reusedEvent() throws {
        var event = Event()
        for record in 0..<200 {
            event.removeAll()
            let document = record % 2 == 0 ? #"{"source":{"ip":"\#(record)"}}"# : #"{"source.ip":"\#(record)"}"#
            let root = try parse(document, into: &event.tape)
            event.set(.root, node: root)
            if record % 3 == 0 { event.setString(self.id("source.ip"), "own\(record)") }
            let expected = record % 3 == 0 ? "own\(record)" : "\(record)"
            #expect(self.resolve("source.ip", in: event) == .string(expected))
        }
    }
}
