public import DetectCore

/// Turns a rule match into its alert: the triggering ECS event itself with `event.kind: alert`, the rule's
/// `rule.*`, `event.severity`, `threat.*`, a deterministic `sigflare.alert.id` and what matched in
/// `sigflare.match.*` (ARCHITECTURE.md, "Alert contract"; README, "Alerts").
///
/// Pure: the alert depends only on the rule, the event and its input line, never on the clock, so a
/// replayed or retried event yields a byte-identical alert.
///
/// ```swift
/// let builder = AlertBuilder(rules: compiled)
/// let table = FieldRegistry.shared.table()  // after the builder: it interns the alert fields
/// builder.makeAlert(for: match, event: event, line: line, table: table, into: &alert)
/// writer.writeEvent(alert, table: table, scratch: &scratch)
/// ```
public struct AlertBuilder: Sendable {
    private let templates: [AlertTemplate]
    private let fields: Fields

    /// A builder for the rules of `rules`; interns the alert fields in `registry`.
    public init(rules: CompiledRuleSet, registry: FieldRegistry = .shared) {
        self.templates = rules.rules.map { AlertTemplate($0.rule, registry: registry) }
        self.fields = Fields(registry: registry)
    }

    /// Writes into `alert` the alert for `match` on `event`.
    ///
    /// - Parameters:
    ///   - match: A match of `event`, from the rule set the builder was made for.
    ///   - event: The normalized event.
    ///   - line: The input line `event` came from; it identifies the event when it has no `event.id`.
    ///   - table: A field table that knows every field of `event` and of the builder.
    ///   - alert: Replaced by the alert.
    public func makeAlert(
        for match: RuleMatch, event: Event, line: UnsafeRawBufferPointer, table: FieldTable, into alert: inout Event
    ) {
        let template = self.templates[match.ruleIndex]
        alert.assign(event)
        for (field, value) in template.fields {
            switch value {
            case .string(let text): alert.setString(field, text)
            case .strings(let texts): alert.setStrings(field, texts)
            case .integer(let number): alert.setInteger(field, number)
            }
        }
        alert.setString(self.fields.alertID, self.alertID(rule: template.ruleKey, event: event, line: line, table: table))
        if let selection = match.selection { alert.setString(self.fields.selection, selection) }
        if let field = match.field { alert.setString(self.fields.matchField, field) }
        if let value = match.value { alert.setString(self.fields.matchValue, value) }
    }

    /// 32 lowercase hex digits of SHA-1(rule key, 0, event identity): the event's `event.dataset` and
    /// `event.id` when it has an id, else its input line.
    func alertID(rule: [UInt8], event: Event, line: UnsafeRawBufferPointer, table: FieldTable) -> String {
        self.alertDigest(rule: rule, event: event, line: line, table: table).description
    }

    /// The digest behind ``alertID(rule:event:line:table:)``.
    func alertDigest(rule: [UInt8], event: Event, line: UnsafeRawBufferPointer, table: FieldTable) -> AlertDigest {
        var message = rule
        message.append(0)
        let start = message.count
        if let id = event.resolve(self.fields.eventID, in: table), Self.appendScalarText(event.tape, id, to: &message) {
            message.append(0)
            if let dataset = event.resolve(self.fields.dataset, in: table) {
                _ = Self.appendScalarText(event.tape, dataset, to: &message)
            }
        } else {
            message.removeSubrange(start...)
            message.appendBytes(line)
        }
        return AlertDigest(sha1Of: message)
    }

    /// The id of the alert `match` gives on `event` (whether or not that alert is written): what a correlation
    /// alert lists for its contributing events.
    public func alertDigest(
        for match: RuleMatch, event: Event, line: UnsafeRawBufferPointer, table: FieldTable
    ) -> AlertDigest {
        self.alertDigest(rule: self.templates[match.ruleIndex].ruleKey, event: event, line: line, table: table)
    }

    /// Appends the text of a string or integer node; false for other kinds.
    private static func appendScalarText(_ tape: ValueTape, _ node: Int, to bytes: inout [UInt8]) -> Bool {
        switch tape.nodes[node].kind {
        case .string:
            tape.withText(of: node) { bytes.appendBytes($0) }
            return tape.nodes[node].length > 0
        case .integer:
            bytes.append(contentsOf: String(tape.nodes[node].integer).utf8)
            return true
        default:
            return false
        }
    }

    /// The ids of the fields every alert sets.
    private struct Fields: Sendable {
        let alertID: FieldID
        let selection: FieldID
        let matchField: FieldID
        let matchValue: FieldID
        let eventID: FieldID
        let dataset: FieldID

        init(registry: FieldRegistry) {
            self.alertID = registry.id("sigflare.alert.id")
            self.selection = registry.id("sigflare.match.selection")
            self.matchField = registry.id("sigflare.match.field")
            self.matchValue = registry.id("sigflare.match.value")
            self.eventID = registry.id("event.id")
            self.dataset = registry.id("event.dataset")
        }
    }
}
