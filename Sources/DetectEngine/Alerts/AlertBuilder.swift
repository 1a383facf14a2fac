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
        template.apply(to: &alert)
        self.alertDigest(rule: template.ruleKey, event: event, line: line, table: table).withHexDigits {
            alert.setString(self.fields.alertID, $0)
        }
        if let selection = match.selection { alert.setString(self.fields.selection, selection) }
        if let field = match.field { alert.setString(self.fields.matchField, field) }
        if let value = match.value { alert.setString(self.fields.matchValue, value) }
    }

    /// The digest of SHA-1(rule key, 0, event identity): the event's `event.id`, 0 and `event.dataset` when it has
    /// an id, else its input line. Its first 32 hex digits are the alert id.
    func alertDigest(rule: [UInt8], event: Event, line: UnsafeRawBufferPointer, table: FieldTable) -> AlertDigest {
        let id = event.resolve(self.fields.eventID, in: table).flatMap { IdentityText(event.tape, node: $0) }
        let dataset = id == nil ? nil : event.resolve(self.fields.dataset, in: table).flatMap { IdentityText(event.tape, node: $0) }
        let identity = id.map { $0.capacity + 1 + (dataset?.capacity ?? 0) } ?? line.count
        return withUnsafeTemporaryAllocation(byteCount: rule.count + 1 + identity, alignment: 1) { message in
            var end = rule.withUnsafeBytes { Self.copy($0, to: message.baseAddress!) }
            end = Self.terminate(end)
            if let id {
                end = Self.terminate(id.copy(from: event.tape, to: end))
                if let dataset { end = dataset.copy(from: event.tape, to: end) }
            } else {
                end = Self.copy(line, to: end)
            }
            return AlertDigest(sha1Of: UnsafeRawBufferPointer(start: message.baseAddress!, count: end - message.baseAddress!))
        }
    }

    /// The id of the alert `match` gives on `event` (whether or not that alert is written): what a correlation
    /// alert lists for its contributing events.
    public func alertDigest(
        for match: RuleMatch, event: Event, line: UnsafeRawBufferPointer, table: FieldTable
    ) -> AlertDigest {
        self.alertDigest(rule: self.templates[match.ruleIndex].ruleKey, event: event, line: line, table: table)
    }

    /// Copies `bytes` to `target`; returns the address after them.
    private static func copy(_ bytes: UnsafeRawBufferPointer, to target: UnsafeMutableRawPointer) -> UnsafeMutableRawPointer {
        if let base = bytes.baseAddress { target.copyMemory(from: base, byteCount: bytes.count) }
        return target + bytes.count
    }

    /// Writes the 0 byte that ends a part of the message at `target`; returns the address after it.
    private static func terminate(_ target: UnsafeMutableRawPointer) -> UnsafeMutableRawPointer {
        target.storeBytes(of: 0, as: UInt8.self)
        return target + 1
    }

    /// A part of an event's identity: the text of a non-empty string node (raw, as read) or of an integer node.
    private struct IdentityText {
        let node: Int
        /// The most bytes the text takes: its length, or 20 for an integer.
        let capacity: Int

        /// The text of `tape`'s node `node`; nil for other kinds and empty strings.
        init?(_ tape: ValueTape, node: Int) {
            switch tape.nodes[node].kind {
            case .string where tape.nodes[node].length > 0: self.capacity = Int(tape.nodes[node].length)
            case .integer: self.capacity = 20
            default: return nil
            }
            self.node = node
        }

        /// Copies the text to `target`; returns the address after it.
        func copy(from tape: ValueTape, to target: UnsafeMutableRawPointer) -> UnsafeMutableRawPointer {
            if tape.nodes[self.node].kind == .integer {
                var text = String(tape.nodes[self.node].integer)
                return text.withUTF8 { AlertBuilder.copy(UnsafeRawBufferPointer($0), to: target) }
            }
            return tape.withText(of: self.node) { AlertBuilder.copy($0, to: target) }
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
