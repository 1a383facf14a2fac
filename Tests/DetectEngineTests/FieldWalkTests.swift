import DetectCore
import DetectEngine
import DetectJSON
import Testing

/// Resolving every referenced field below an object entry in one walk: each field keeps its own values in
/// document order whatever the spelling of its keys, fields with a nearer entry are resolved from it, and
/// escaped keys are decoded.
struct FieldWalkTests {
    /// One rule per detection, in this order, all in one set, and a last rule that never matches and names
    /// enough other root fields for the root's fields to be resolved together (FieldPathTrie.walkTogetherMinimum).
    static func compile(_ detections: [String]) -> CompiledRuleSet {
        var yaml = detections.enumerated().map { index, detection in
            EngineTestSupport.rule(
                "    selection:\n        \(detection)\n    condition: selection",
                id: "00000000-0000-4000-8000-00000000000\(index)", title: "r\(index)")
        }
        let fillers = (0..<10).map { "        f\($0): 'never'" }.joined(separator: "\n")
        yaml.append(
            EngineTestSupport.rule(
                "    selection:\n\(fillers)\n    condition: selection", id: "00000000-0000-4000-8000-000000000009",
                title: "filler"))
        return EngineTestSupport.compile(yaml.joined(separator: "\n---\n")).0
    }

    static func matches(_ compiled: CompiledRuleSet, _ event: Event) -> [String] {
        var scratch = EvaluationScratch()
        return compiled.evaluate(event, dataset: nil, scratch: &scratch).map { "\($0.title)=\($0.value ?? "-")" }
    }

    @Test("fields resolved together keep their values apart, in document order over every spelling")
    func documentOrder() throws {
        let compiled = Self.compile(["a.b|contains: 'x'", "a: 'q'", "c.d|startswith: 'y'"])
        let event = try EngineTestSupport.event(
            #"{"a.b":"2x","c":[{"d":"z"},{"d":"y1"}],"a":{"b":"1x"},"c.d":"y2"}"#)
        #expect(Self.matches(compiled, event) == ["r0=2x", "r2=y1"])
        let reversed = try EngineTestSupport.event(#"{"c.d":"y2","a":{"b":"1x"},"a.b":"2x","c":{"d":["y3"]}}"#)
        #expect(Self.matches(compiled, reversed) == ["r0=1x", "r2=y2"])
        let scalar = try EngineTestSupport.event(#"{"a":"q","a.b":"x"}"#)
        #expect(Self.matches(compiled, scalar) == ["r0=x", "r1=q"])
    }

    @Test("a field below an object with its own entry is resolved from that entry, not from the root")
    func nearestEntry() throws {
        for rules in [["c.d: 'y'", "a.b: 'own'", "a.b: 'root'"], ["a.b: 'root'", "a.b: 'own'", "c.d: 'y'"]] {
            let compiled = Self.compile(rules)
            var event = Event()
            let root = try Array(#"{"a":{"b":"root"},"c":{"d":"y"}}"#.utf8).withUnsafeBytes {
                try JSONParser().parseObject($0, into: &event.tape)
            }
            event.set(.root, node: root)
            let own = try Array(#"{"b":"own"}"#.utf8).withUnsafeBytes {
                try JSONParser().parseObject($0, into: &event.tape)
            }
            event.set(FieldRegistry.shared.id("a"), node: own)
            let titles = Self.matches(compiled, event)
            #expect(titles.contains("r1=own"))
            #expect(titles.count == 2)
            #expect(!titles.contains { $0.hasSuffix("=root") })
        }
    }

    @Test("an object entry below the walked root is walked on its own, each field from its nearest entry")
    func nestedWalks() throws {
        // Enough fields below `a` for its own entry to be walked too (FieldPathTrie.walkTogetherMinimum).
        let nested = (0..<10).map { "a.g\($0): 'never'" }.joined(separator: "\n        ")
        let compiled = Self.compile(["c.d: 'y'", "a.b: 'own'", "a.e|contains: 'x'", nested])
        for order in [["root", "own"], ["own", "root"]] {
            var event = Event()
            for name in order {
                let text = name == "root" ? #"{"a":{"b":"root","e":"x1"},"c":{"d":"y"}}"# : #"{"b":"own","e":"x2"}"#
                let node = try Array(text.utf8).withUnsafeBytes { try JSONParser().parseObject($0, into: &event.tape) }
                event.set(name == "root" ? .root : FieldRegistry.shared.id("a"), node: node)
            }
            #expect(Self.matches(compiled, event) == ["r0=y", "r1=own", "r2=x2"])
        }
    }

    @Test("escaped keys are decoded before they are looked up")
    func escapedKeys() throws {
        let compiled = Self.compile(["a.b: 'x'", "c: 'z'"])
        #expect(Self.matches(compiled, try EngineTestSupport.event(#"{"\u0061":{"b":"x"},"\u0063":"z"}"#)) == ["r0=x", "r1=z"])
        #expect(Self.matches(compiled, try EngineTestSupport.event(#"{"a\u002eb":"x"}"#)) == ["r0=x"])
    }
}
