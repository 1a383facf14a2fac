import DetectEngine
import Testing

/// One row of the semantics table: a detection (YAML under `detection:`), an event, and whether it matches.
struct SemanticsCase: Sendable, CustomTestStringConvertible {
    let name: String
    let detection: String
    let event: String
    let matches: Bool

    /// A case with a full detection body (lines indented by 4 spaces, as under `detection:`).
    init(_ name: String, detection: String, event: String, _ matches: Bool) {
        self.name = name
        self.detection = detection
        self.event = event
        self.matches = matches
    }

    /// A case with one item: `selection: {item}`, `condition: selection`.
    init(_ name: String, item: String, event: String, _ matches: Bool) {
        self.init(name, detection: "    selection:\n        \(item)\n    condition: selection", event: event, matches)
    }

    var testDescription: String { "\(self.name) → \(self.matches ? "match" : "no match")" }
}
