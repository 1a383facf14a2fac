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
            case .strings(let texts): alert.setStrings(field, constants: texts)
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

    /// The digest behind ``alertID(rule:event:line:table:)``: of the message assembled on the stack.
    func alertDigest(rule: [UInt8], event: Event, line: UnsafeRawBufferPointer, table: FieldTable) -> AlertDigest {
        let id = event.resolve(self.fields.eventID, in: table).flatMap { Self.scalarText(event.tape, $0) }
        let dataset = id == nil ? nil : event.resolve(self.fields.dataset, in: table).flatMap { Self.scalarText(event.tape, $0) }
        let identity = id.map { $0.count + 1 + (dataset?.count ?? 0) } ?? line.count
        return withUnsafeTemporaryAllocation(byteCount: rule.count + 1 + identity, alignment: 1) { message in
            var end = Self.copy(rule, to: message.baseAddress!, separatedBy: 0)
            if let id {
                end = Self.copy(id, to: end, separatedBy: 0)
                if let dataset { end = Self.copy(dataset, to: end) }
            } else if !line.isEmpty {
                end.copyMemory(from: line.baseAddress!, byteCount: line.count)
            }
            return AlertDigest(sha1Of: UnsafeRawBufferPointer(message))
        }
    }

    /// The id of the alert `match` gives on `event` (whether or not that alert is written): what a correlation
    /// alert lists for its contributing events.
    public func alertDigest(
        for match: RuleMatch, event: Event, line: UnsafeRawBufferPointer, table: FieldTable
    ) -> AlertDigest {
        self.alertDigest(rule: self.templates[match.ruleIndex].ruleKey, event: event, line: line, table: table)
    }

    /// Copies `bytes` to `target`, then `separator` if given; returns the address after them.
    private static func copy(_ bytes: [UInt8], to target: UnsafeMutableRawPointer, separatedBy separator: UInt8? = nil)
        -> UnsafeMutableRawPointer
    {
        bytes.withUnsafeBytes { if !$0.isEmpty { target.copyMemory(from: $0.baseAddress!, byteCount: $0.count) } }
        guard let separator else { return target + bytes.count }
        (target + bytes.count).storeBytes(of: separator, as: UInt8.self)
        return target + bytes.count + 1
    }

    /// The text of a string node (raw, as read) or of an integer node; nil for other kinds and empty strings.
    private static func scalarText(_ tape: ValueTape, _ node: Int) -> [UInt8]? {
        switch tape.nodes[node].kind {
        case .string:
            return tape.nodes[node].length > 0 ? tape.withText(of: node) { Array($0) } : nil
        case .integer:
            return Array(String(tape.nodes[node].integer).utf8)
        default:
            return nil
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
