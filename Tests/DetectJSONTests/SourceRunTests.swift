import DetectCore
import DetectJSON
import DetectTesting
import Testing

/// Document members copied as they were read (``SourceRun``) are written exactly as member-by-member writing
/// would write them.
struct SourceRunTests {
    /// A private registry per test, so tests never see each other's paths.
    private let registry = FieldRegistry()

    private func write(_ event: Event) -> String {
        var writer = JSONWriter()
        var scratch = EventWriterScratch()
        writer.writeEvent(event, table: self.registry.table(), scratch: &scratch)
        return writer.output.text
    }

    /// `document` as its root entry, read from JSON (so its members can be copied) or built in memory (so
    /// every member is written value by value), with `entries` set on top.
    private func event(_ document: String, parsed: Bool, entries: [String]) throws -> Event {
        var event = Event()
        var root = try parse(document, into: &event.tape)
        if !parsed {
            let value = JSONValue(tape: event.tape, at: root)
            event = Event()
            root = value.append(to: &event.tape)
        }
        event.set(.root, node: root)
        for (index, path) in entries.enumerated() { event.setInteger(self.registry.id(path), Int64(index)) }
        return event
    }

    @Test(
        "members read from compact JSON are written as members built in memory are, whatever entries override",
        arguments: [
            #"{"@timestamp":"t","event":{"id":"1","kind":"event","n":-3,"f":2.5},"tags":["a","b\"c"],"e":""}"#,
            #"{"o":{"x":{"y":[1,{"z":null}]}},"b":true,"q":"say \"hi\"\n","a.b":5,"k\"ey":"v","\\":{}}"#,
            #"{"a":{"b":1,"a.b":2},"b":[],"c":false,"d":null,"event":{"kind":"event"},"z":"\\"}"#,
        ])
    func matchesMemberByMember(document: String) throws {
        let paths = ["event.kind", "event.n", "a", "a.b", "a.c", "b", "o.x.w", "o.x", "q", "rule.id", "tags", "zz"]
        var rng = SplitMix64(seed: 11)
        for round in 0..<300 {
            let entries = round == 0 ? [] : paths.filter { _ in Int.random(in: 0..<4, using: &rng) == 0 }
            let copied = self.write(try self.event(document, parsed: true, entries: entries))
            let written = self.write(try self.event(document, parsed: false, entries: entries))
            #expect(copied == written, "entries \(entries)")
            if entries.isEmpty { #expect(copied == document) }
        }
    }

    @Test("members with spaces around them or their colon are written without the spaces")
    func spacedMembers() throws {
        let document = #"{"a" : 1, "b":2,"c":{"d" :3},"e":"x" ,"f":"y"}"#
        let event = try self.event(document, parsed: true, entries: ["g"])
        #expect(self.write(event) == #"{"a":1,"b":2,"c":{"d" :3},"e":"x","f":"y","g":0}"#)
    }
}
