import DetectCore
import DetectJSON
import DetectTesting
import Testing

/// `JSONWriter.writeEvent`: flat entries written as one nested object.
struct JSONWriterEventTests {
    /// A private registry per test, so tests never see each other's paths.
    private let registry = FieldRegistry()

    private func id(_ path: String) -> FieldID { self.registry.id(path) }

    private func write(_ event: Event) -> String {
        var writer = JSONWriter()
        var scratch = EventWriterScratch()
        writer.writeEvent(event, table: self.registry.table(), scratch: &scratch)
        return writer.output.text
    }

    @Test("an empty event is an empty object")
    func empty() {
        #expect(self.write(Event()) == "{}")
    }

    @Test("flat entries become nested objects in rank order, whatever order they were set in")
    func nestedDeterministic() {
        let fields: [(String, (inout Event, FieldID) -> Void)] = [
            ("url.path", { $0.setString($1, "/login") }),
            ("source.port", { $0.setInteger($1, 443) }),
            ("@timestamp", { $0.setString($1, "2024-05-01T12:00:00Z") }),
            ("source.ip", { $0.setString($1, "192.0.2.1") }),
            ("event.kind", { $0.setString($1, "alert") }),
            ("event.severity", { $0.setInteger($1, 73) }),
            ("http.request.method", { $0.setString($1, "GET") }),
            ("destination.domain", { $0.setString($1, "example.com") }),
        ]
        let expected =
            #"{"@timestamp":"2024-05-01T12:00:00Z","destination":{"domain":"example.com"},"#
            + #""event":{"kind":"alert","severity":73},"http":{"request":{"method":"GET"}},"#
            + #""source":{"ip":"192.0.2.1","port":443},"url":{"path":"/login"}}"#
        var rng = SplitMix64(seed: 3)
        for round in 0..<50 {
            let order = round == 0 ? fields : fields.shuffled(using: &rng)
            var event = Event()
            for (path, set) in order { set(&event, self.id(path)) }
            #expect(self.write(event) == expected, "order \(order.map(\.0))")
        }
    }

    @Test("objects open and close across several levels")
    func deepNesting() {
        var event = Event()
        for path in ["a.b.c.d", "f", "a.e", "a.b.x", "a.b.c.e", "g.h.i", "a.b.c2"] {
            event.setInteger(self.id(path), Int64(path.count))
        }
        #expect(self.write(event) == #"{"a":{"b":{"c":{"d":7,"e":7},"c2":6,"x":5},"e":3},"f":1,"g":{"h":{"i":5}}}"#)
    }

    @Test("a dot sorts below every other byte, so an object's fields stay together")
    func dotSortsFirst() {
        var event = Event()
        event.setInteger(self.id("eventx"), 3)
        event.setInteger(self.id("event-x"), 2)
        event.setInteger(self.id("event.kind"), 1)
        event.setInteger(self.id("event.a"), 0)
        event.setInteger(self.id("even"), 4)
        #expect(self.write(event) == #"{"even":4,"event":{"a":0,"kind":1},"event-x":2,"eventx":3}"#)
    }

    @Test("@timestamp comes before the usual ECS top-level fields")
    func timestampFirst() {
        var event = Event()
        for path in ["url.path", "Cloudflare", "agent.name", "_id", "@timestamp", "zeek", "ecs.version"] {
            event.setBool(self.id(path), true)
        }
        #expect(self.write(event).hasPrefix(#"{"@timestamp":true,"#))
    }

    @Test("setting a field twice keeps one entry with the last value")
    func setTwice() {
        var event = Event()
        let ip = self.id("source.ip")
        event.setString(ip, "192.0.2.1")
        event.setInteger(self.id("source.port"), 1)
        event.setString(ip, "198.51.100.7")
        #expect(event.entries.count == 2)
        #expect(self.write(event) == #"{"source":{"ip":"198.51.100.7","port":1}}"#)
    }

    @Test("a removed field is not written, and setting it again brings it back")
    func remove() {
        var event = Event()
        let kind = self.id("event.kind")
        let action = self.id("event.action")
        event.setString(kind, "event")
        event.setString(action, "block")
        event.remove(kind)
        #expect(self.write(event) == #"{"event":{"action":"block"}}"#)
        event.remove(action)
        #expect(self.write(event) == "{}")
        event.setString(kind, "alert")
        #expect(self.write(event) == #"{"event":{"kind":"alert"}}"#)
    }

    @Test("one event and one scratch are reused across many records without stale fields")
    func reuse() {
        let paths = ["@timestamp", "source.ip", "source.port", "url.path", "event.kind", "user_agent.original"]
        let ids = paths.map(self.id)
        var event = Event()
        var writer = JSONWriter()
        var scratch = EventWriterScratch()
        let table = self.registry.table()
        var rng = SplitMix64(seed: 11)
        for record in 0..<2_000 {
            event.removeAll()
            var expected = Event()
            for (index, id) in ids.enumerated() where Bool.random(using: &rng) {
                event.setInteger(id, Int64(record))
                if index % 2 == 0 { event.setInteger(id, Int64(record * 10 + index)) }
                expected.setInteger(id, index % 2 == 0 ? Int64(record * 10 + index) : Int64(record))
            }
            writer.output.removeAll(keepingCapacity: true)
            writer.writeEvent(event, table: table, scratch: &scratch)
            #expect(writer.output.text == self.write(expected), "record \(record)")
            #expect(event.entries.count == expected.entries.count)
        }
    }

    @Test("a root entry writes the members of the input document at the top level")
    func rootDocument() throws {
        var event = Event()
        let document = #"{"@timestamp":"2024-05-01T12:00:00Z","source":{"ip":"192.0.2.1"},"msg":"a\"b\u00e9","n":1.50}"#
        let root = try parse(document, into: &event.tape)
        event.set(.root, node: root)
        #expect(self.write(event) == document)
        event.setString(self.id("sigflare.alert.id"), "x1")
        event.setString(self.id("rule.id"), "r")
        #expect(
            self.write(event) == String(document.dropLast()) + #","rule":{"id":"r"},"sigflare":{"alert":{"id":"x1"}}}"#
        )
    }

    @Test("entries merge into the root document's objects instead of repeating their keys")
    func mergeIntoRootDocument() throws {
        var event = Event()
        let document = #"{"@timestamp":"t","event":{"id":"1","kind":"event"},"message":"m","source":{"ip":"a"}}"#
        let root = try parse(document, into: &event.tape)
        event.set(.root, node: root)
        event.setString(self.id("event.kind"), "alert")
        event.setInteger(self.id("event.severity"), 73)
        event.setString(self.id("rule.id"), "r")
        event.setInteger(self.id("source.geo.x"), 1)
        #expect(
            self.write(event)
                == #"{"@timestamp":"t","event":{"id":"1","kind":"alert","severity":73},"message":"m","#
                + #""source":{"ip":"a","geo":{"x":1}},"rule":{"id":"r"}}"#
        )
    }

    @Test("an entry replaces the document member at its path, even a whole object")
    func entryReplacesMember() throws {
        var event = Event()
        let root = try parse(#"{"source":{"ip":"a","port":1},"n":1}"#, into: &event.tape)
        event.set(.root, node: root)
        event.setString(self.id("source"), "x")
        event.setInteger(self.id("n"), 2)
        #expect(self.write(event) == #"{"source":"x","n":2}"#)
    }

    @Test("entries merge at any depth of the document")
    func mergeDeep() throws {
        var event = Event()
        let root = try parse(#"{"a":{"b":{"c":1},"e":[1]},"z":{}}"#, into: &event.tape)
        event.set(.root, node: root)
        event.setInteger(self.id("a.b.d"), 2)
        event.setInteger(self.id("a.b.c"), 3)
        event.setInteger(self.id("z.y"), 4)
        event.setInteger(self.id("a.e.f"), 5)
        #expect(self.write(event) == #"{"a":{"b":{"c":3,"d":2},"e":{"f":5}},"z":{"y":4}}"#)
    }

    @Test("entries below an object entry are written inside it")
    func mergeIntoObjectEntry() throws {
        var event = Event()
        let raw = try parse(#"{"ClientIP":"192.0.2.1","Status":403}"#, into: &event.tape)
        event.set(self.id("cloudflare"), node: raw)
        event.setString(self.id("cloudflare.Status"), "replaced")
        event.setString(self.id("cloudflare.extra.note"), "n")
        #expect(
            self.write(event) == #"{"cloudflare":{"ClientIP":"192.0.2.1","Status":"replaced","extra":{"note":"n"}}}"#
        )
    }

    @Test("a scalar with entries below it gives way to an object of those entries")
    func scalarGivesWay() throws {
        var event = Event()
        let root = try parse(#"{"event":"x"}"#, into: &event.tape)
        event.set(.root, node: root)
        event.setString(self.id("event.kind"), "alert")
        event.setString(self.id("source"), "scalar")
        event.setString(self.id("source.ip"), "a")
        #expect(self.write(event) == #"{"event":{"kind":"alert"},"source":{"ip":"a"}}"#)
    }

    @Test("an entry replaces a flat dotted member at its path or below an entry's path")
    func flatDocument() throws {
        var event = Event()
        let document = #"{"@timestamp":"t","event.kind":"event","event.id":"1","source.ip":"a","event.kindx":2}"#
        let root = try parse(document, into: &event.tape)
        event.set(.root, node: root)
        event.setString(self.id("event.kind"), "alert")
        event.setInteger(self.id("event.severity"), 73)
        #expect(
            self.write(event)
                == #"{"@timestamp":"t","event.id":"1","source.ip":"a","event.kindx":2,"#
                + #""event":{"kind":"alert","severity":73}}"#
        )

        var replaced = Event()
        let flat = try parse(#"{"source.ip":"a","source.geo.x":1,"sourcex.y":2}"#, into: &replaced.tape)
        replaced.set(.root, node: flat)
        replaced.setString(self.id("source"), "x")
        #expect(self.write(replaced) == #"{"sourcex.y":2,"source":"x"}"#)
    }

    @Test("an entry replaces a flat dotted member inside a nested object")
    func mixedDocument() throws {
        var event = Event()
        let root = try parse(#"{"source":{"geo.country":"x","ip":"a"}}"#, into: &event.tape)
        event.set(.root, node: root)
        event.setString(self.id("source.geo.country"), "y")
        #expect(self.write(event) == #"{"source":{"ip":"a","geo":{"country":"y"}}}"#)
    }

    @Test("random documents with random overlapping entries give no repeated key, and every entry reads back")
    func mergeProperty() throws {
        let names = ["a", "b", "c"]
        let paths = names + names.flatMap { x in names.map { "\(x).\($0)" } }
            + names.flatMap { x in names.flatMap { y in names.map { "\(x).\(y).\($0)" } } }
        var rng = SplitMix64(seed: 5)
        func document(depth: Int) -> JSONValue {
            let keys = names.filter { _ in Bool.random(using: &rng) }
            var members: [JSONValue.Member] = keys.map { key in
                .init(key, depth < 3 && Bool.random(using: &rng) ? document(depth: depth + 1) : .integer(-1))
            }
            // Flat dotted keys with scalar values, as in flat ECS documents.
            for key in paths where key.contains(".") && Int.random(in: 0..<8, using: &rng) == 0 {
                members.insert(.init(key, .integer(-2)), at: Int.random(in: 0...members.count, using: &rng))
            }
            return .object(members)
        }
        for round in 0..<500 {
            var event = Event()
            let root = document(depth: 0).append(to: &event.tape)
            event.set(.root, node: root)
            var expected: [String: Int64] = [:]
            for (index, path) in paths.enumerated() where Int.random(in: 0..<6, using: &rng) == 0 {
                event.setInteger(self.id(path), Int64(index))
                expected[path] = Int64(index)
            }
            let output = self.write(event)
            var reread = Event()
            let rereadRoot = try parse(output, into: &reread.tape)
            reread.set(.root, node: rereadRoot)
            #expect(!Self.hasRepeatedKey(JSONValue(tape: reread.tape, at: rereadRoot)), "round \(round): \(output)")
            let table = self.registry.table()
            for (path, value) in expected {
                // An entry may be hidden only by a deeper entry below it (the scalar gives way).
                if expected.keys.contains(where: { $0.hasPrefix(path + ".") }) { continue }
                let node = reread.resolve(self.id(path), in: table)
                #expect(node.map { reread.tape.nodes[$0].integer } == value, "round \(round) \(path): \(output)")
            }
        }
    }

    private static func hasRepeatedKey(_ value: JSONValue) -> Bool {
        switch value {
        case .object(let members):
            Set(members.map(\.key)).count != members.count || members.contains { hasRepeatedKey($0.value) }
        case .array(let elements): elements.contains { hasRepeatedKey($0) }
        default: false
        }
    }

    @Test("an empty root document adds nothing")
    func emptyRootDocument() throws {
        var event = Event()
        let root = try parse("{}", into: &event.tape)
        event.set(.root, node: root)
        #expect(self.write(event) == "{}")
        event.setBool(self.id("a"), true)
        #expect(self.write(event) == #"{"a":true}"#)
    }

    @Test("an object entry is written as its whole subtree")
    func objectEntry() throws {
        var event = Event()
        let document = #"{"ClientIP":"192.0.2.1","EdgeResponseStatus":403,"Nested":{"a":[1,{}]}}"#
        let raw = try parse(document, into: &event.tape)
        event.set(self.id("cloudflare"), node: raw)
        event.setString(self.id("@timestamp"), "t")
        #expect(
            self.write(event)
                == #"{"@timestamp":"t","cloudflare":"# + document + "}"
        )
    }

    @Test("setStrings writes an array of escaped strings")
    func setStrings() {
        var event = Event()
        event.setStrings(self.id("related.ip"), ["192.0.2.1", "2001:db8::1"])
        event.setStrings(self.id("tags"), ["quote\"d", "back\\slash", "new\nline", "é"])
        event.setStrings(self.id("empty"), [])
        #expect(
            self.write(event)
                == #"{"empty":[],"related":{"ip":["192.0.2.1","2001:db8::1"]},"#
                + #""tags":["quote\"d","back\\slash","new\nline","é"]}"#
        )
    }

    @Test("setArray(copying:) writes copies of scalars and whole subtrees")
    func setArrayCopying() throws {
        var event = Event()
        let root = try parse(#"{"a":"x\ty","b":{"c":[1,2],"d":{}},"e":-0.5}"#, into: &event.tape)
        var values: [Int] = []
        event.tape.forEachMember(of: root) { _, value in values.append(value) }
        event.setArray(self.id("copies"), copying: values.reversed() + [values[1]])
        event.setArray(self.id("none"), copying: [])
        #expect(self.write(event) == #"{"copies":[-0.5,{"c":[1,2],"d":{}},"x\ty",{"c":[1,2],"d":{}}],"none":[]}"#)
    }

    @Test("typed setters write each kind of value")
    func typedSetters() {
        var event = Event()
        event.setString(self.id("s"), "text")
        Array("raw\"".utf8).withUnsafeBytes { event.setString(self.id("r"), $0) }
        event.setInteger(self.id("i"), .min)
        event.setFloat(self.id("f"), 3)
        event.setFloat(self.id("g"), .nan)
        event.setBool(self.id("b"), false)
        let null = event.tape.appendNull()
        event.set(self.id("n"), node: null)
        #expect(
            self.write(event)
                == #"{"b":false,"f":3.0,"g":null,"i":-9223372036854775808,"n":null,"r":"raw\"","s":"text"}"#
        )
    }

    @Test("keys with characters that need escaping are escaped")
    func escapedKeys() {
        var event = Event()
        event.setInteger(self.id("we\"ird.ke\\y"), 1)
        let output = self.write(event)
        #expect(output == #"{"we\"ird":{"ke\\y":1}}"#)
    }

    @Test("the written event parses back to the same fields")
    func parsesBack() throws {
        var event = Event()
        event.setString(self.id("source.ip"), "192.0.2.1")
        event.setFloat(self.id("source.geo.location.lat"), 52.5)
        event.setFloat(self.id("source.geo.location.lon"), 13.25)
        event.setStrings(self.id("source.geo.names"), ["Berlin", "Brandenburg"])
        #expect(
            try parseValue(self.write(event))
                == .object([
                    .init(
                        "source",
                        .object([
                            .init(
                                "geo",
                                .object([
                                    .init(
                                        "location",
                                        .object([.init("lat", .float(52.5)), .init("lon", .float(13.25))])
                                    ),
                                    .init("names", .array([.string("Berlin"), .string("Brandenburg")])),
                                ])
                            ),
                            .init("ip", .string("192.0.2.1")),
                        ])
                    )
                ])
        )
    }
}
