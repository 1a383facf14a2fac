import DetectCore
import DetectEngine
import DetectJSON
import DetectRules
import Testing

/// Alerts built from matches: the contract's fields, ATT&CK tags as `threat.*`, severity, and alert ids that
/// depend on the rule and the event's identity only.
struct AlertBuilderTests {
    static let yaml = """
        title: Tagged
        id: 00000000-0000-4000-8000-0000000000a1
        status: test
        description: A rule with tags.
        author: tests
        references: [https://example.com/one, https://example.com/two]
        tags: [attack.command_and_control, attack.t1071.001, attack.t1071, attack.g0016, attack.t1572, attack.nope]
        logsource: {category: proxy}
        detection:
            selection:
                a: x
            condition: selection
        level: critical
        ---
        title: Untagged
        status: test
        logsource: {category: proxy}
        detection:
            selection:
                a: x
            condition: selection
        """

    /// The alert of rule `index` for the event `json` (read from `line`, by default the JSON itself).
    static func alert(rule index: Int, _ json: String, line: String? = nil) throws -> String {
        let (compiled, diagnostics, _) = EngineTestSupport.compile(Self.yaml, file: "Rules/web/tagged.yml")
        #expect(diagnostics.filter { $0.severity == .error }.isEmpty)
        let builder = AlertBuilder(rules: compiled)
        let table = FieldRegistry.shared.table()
        let event = try EngineTestSupport.event(json)
        var scratch = EvaluationScratch()
        let match = try #require(compiled.matches(rule: index, event: event, scratch: &scratch))
        var alert = Event()
        Array((line ?? json).utf8).withUnsafeBytes { line in
            builder.makeAlert(for: match, event: event, line: line, table: table, into: &alert)
        }
        var writer = JSONWriter()
        var writerScratch = EventWriterScratch()
        writer.writeEvent(alert, table: table, scratch: &writerScratch)
        return String(decoding: writer.output, as: UTF8.self)
    }

    static func alertID(_ text: String) -> Substring? {
        let parts = text.split(separator: #""alert":{"id":""#, maxSplits: 1)
        return parts.count == 2 ? parts[1].prefix(32) : nil
    }

    @Test("rule metadata, level and ATT&CK tags become rule.*, event.severity and threat.*")
    func contractFields() throws {
        let text = try Self.alert(rule: 0, #"{"a":"x","event":{"kind":"event","id":"e1"}}"#)
        #expect(text.contains(#""event":{"kind":"alert","id":"e1","severity":99}"#))
        #expect(text.contains(#""reference":["https://example.com/one","https://example.com/two"]"#))
        #expect(text.contains(#""name":"Tagged""#))
        #expect(text.contains(#""ruleset":"web""#))
        #expect(text.contains(#""rule":{"level":"critical"}"#))
        #expect(text.contains(#""tactic":{"id":["TA0011"],"name":["Command and Control"]"#))
        #expect(text.contains(#""technique":{"id":["T1071","T1572"]"#))
        #expect(text.contains(#""subtechnique":{"id":["T1071.001"],"reference":["https://attack.mitre.org/techniques/T1071/001/"]}"#))
        #expect(!text.contains("G0016") && !text.contains("nope"))
        #expect(text.contains(#""match":{"field":"a","selection":"selection","value":"x"}"#))
    }

    @Test("a rule without level or tags writes no severity and no threat")
    func untagged() throws {
        let text = try Self.alert(rule: 1, #"{"a":"x"}"#)
        #expect(text.contains(#""event":{"kind":"alert"}"#))
        #expect(!text.contains("threat") && !text.contains("severity"))
    }

    @Test("alert ids: the same for the same rule and event.id (whatever the line), else derived from the line")
    func alertIDs() throws {
        let withID = #"{"a":"x","event":{"id":"e1","dataset":"http_requests"}}"#
        let a = try #require(Self.alertID(try Self.alert(rule: 0, withID)))
        let b = try #require(Self.alertID(try Self.alert(rule: 0, withID, line: withID + " ")))
        let otherRule = try #require(Self.alertID(try Self.alert(rule: 1, withID)))
        let otherDataset = try #require(
            Self.alertID(try Self.alert(rule: 0, #"{"a":"x","event":{"id":"e1","dataset":"firewall_events"}}"#)))
        #expect(a == b)
        #expect(a != otherRule)
        #expect(a != otherDataset)
        let noID = #"{"a":"x"}"#
        let c = try #require(Self.alertID(try Self.alert(rule: 0, noID)))
        let d = try #require(Self.alertID(try Self.alert(rule: 0, noID, line: noID + " ")))
        #expect(c != d)
        #expect(a.count == 32 && c.count == 32)
    }
}
