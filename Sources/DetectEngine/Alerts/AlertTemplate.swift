internal import DetectCore
internal import DetectRules

/// The fields every alert of one rule or correlation rule carries, computed once from its metadata: `rule.*`, the level as
/// `sigflare.rule.level` and `event.severity`, and `threat.*` from its ATT&CK tags.
///
/// The values wait on a tape of their own, strings checked for JSON escapes once, so that setting them on an
/// alert is one copy of that tape and one entry per field (``apply(to:)``).
struct AlertTemplate: Sendable {
    /// The values of the fields; `fields` names their nodes.
    private let values: ValueTape
    /// The fields in a fixed order, each with the node of its value in `values`.
    private let fields: [(field: FieldID, node: Int)]
    /// What identifies the rule in alert ids: its Sigma `id`, else its title.
    let ruleKey: [UInt8]

    init(_ rule: some SigmaDocument, registry: FieldRegistry = .shared) {
        var values = ValueTape()
        var fields: [(field: FieldID, node: Int)] = []
        func add(_ path: String, _ value: Value?) {
            guard let value else { return }
            fields.append((registry.id(path), value.append(to: &values)))
        }
        add("event.kind", .string("alert"))
        add("rule.id", rule.id.map(Value.string))
        add("rule.name", .string(rule.title))
        add("rule.description", rule.metadata.description.map(Value.string))
        add("rule.reference", Self.list(rule.references))
        add("rule.author", rule.author.map(Value.string))
        add("rule.license", rule.metadata.license.map(Value.string))
        add("rule.ruleset", Self.ruleset(of: rule.location.file).map(Value.string))
        add("sigflare.rule.level", rule.level.map { .string($0.rawValue) })
        add("event.severity", rule.level.map { .integer($0.severity) })
        let attack = AttackTags(tags: rule.tags)
        if !attack.isEmpty {
            add("threat.framework", .string("MITRE ATT&CK"))
            add("threat.tactic.id", Self.list(attack.tactics.map(\.id)))
            add("threat.tactic.name", Self.list(attack.tactics.map(\.name)))
            add("threat.tactic.reference", Self.list(attack.tactics.map { "https://attack.mitre.org/tactics/\($0.id)/" }))
            add("threat.technique.id", Self.list(attack.techniques))
            add("threat.technique.reference", Self.list(attack.techniques.map { "https://attack.mitre.org/techniques/\($0)/" }))
            add("threat.technique.subtechnique.id", Self.list(attack.subtechniques))
            add(
                "threat.technique.subtechnique.reference",
                Self.list(
                    attack.subtechniques.map {
                        "https://attack.mitre.org/techniques/\($0.replacing(".", with: "/"))/"
                    }))
        }
        self.values = values
        self.fields = fields
        self.ruleKey = Array((rule.id ?? rule.title).utf8)
    }

    /// Sets the fields on `alert`, replacing values it has for them.
    func apply(to alert: inout Event) {
        let shift = alert.tape.append(contentsOf: self.values)
        for (field, node) in self.fields { alert.set(field, node: shift + node) }
    }

    /// A value of the template, before it goes on the tape.
    private enum Value {
        case string(String)
        case strings([String])
        case integer(Int64)

        /// Appends the value to `tape`; returns its node.
        func append(to tape: inout ValueTape) -> Int {
            switch self {
            case .string(let text):
                return tape.appendString(text)
            case .strings(let texts):
                let array = tape.openContainer(.array)
                for text in texts { tape.appendString(text) }
                tape.closeContainer(array, count: texts.count)
                return array
            case .integer(let number):
                return tape.appendInteger(number)
            }
        }
    }

    /// An array value, or nothing for an empty list (no empty arrays in alerts).
    private static func list(_ values: [String]) -> Value? {
        values.isEmpty ? nil : .strings(values)
    }

    /// The name of the directory that holds the rule file (`domains` for `Rules/domains/x.yml`).
    private static func ruleset(of file: String) -> String? {
        // Split on the UTF-8 bytes: splitting the String walks Characters, thousands of instructions a rule.
        let parts = file.utf8.split(separator: UInt8(ascii: "/"))
        guard parts.count >= 2 else { return nil }
        let name = String(decoding: parts[parts.count - 2], as: UTF8.self)
        return name == "." ? nil : name
    }
}
