/// MITRE ATT&CK references read from a rule's Sigma tags, for the alert's `threat.*` fields.
///
/// `attack.command-and-control` (or the older `attack.command_and_control`) names a tactic; `attack.t1071` a
/// technique; `attack.t1071.001` a sub-technique (its technique is listed too). Group and software tags
/// (`attack.g0016`, `attack.s0002`) and unknown tactic names are not written: ECS has no place for the first,
/// and a misspelt tactic is better left out than invented.
struct AttackTags: Hashable, Sendable {
    /// Tactics as (`TA0011`, `Command and Control`), in tag order, without duplicates.
    var tactics: [(id: String, name: String)] = []
    /// Technique ids (`T1071`), in tag order, without duplicates.
    var techniques: [String] = []
    /// Sub-technique ids (`T1071.001`), in tag order, without duplicates.
    var subtechniques: [String] = []

    init(tags: [String]) {
        for tag in tags {
            let lowered = tag.lowercased()
            guard lowered.hasPrefix("attack.") else { continue }
            let name = String(lowered.dropFirst("attack.".count))
            if let tactic = Self.tactics[name.replacingUnderscores()] {
                if !self.tactics.contains(where: { $0.id == tactic.id }) { self.tactics.append(tactic) }
            } else if let technique = Self.techniqueID(name) {
                let parts = technique.split(separator: ".")
                let parent = String(parts[0])
                if !self.techniques.contains(parent) { self.techniques.append(parent) }
                if parts.count == 2, !self.subtechniques.contains(technique) { self.subtechniques.append(technique) }
            }
        }
    }

    /// Whether the tags name anything ATT&CK.
    var isEmpty: Bool { self.tactics.isEmpty && self.techniques.isEmpty }

    static func == (lhs: AttackTags, rhs: AttackTags) -> Bool {
        lhs.tactics.map(\.id) == rhs.tactics.map(\.id) && lhs.techniques == rhs.techniques
            && lhs.subtechniques == rhs.subtechniques
    }

    func hash(into hasher: inout Hasher) {
        hasher.combine(self.tactics.map(\.id))
        hasher.combine(self.techniques)
        hasher.combine(self.subtechniques)
    }

    /// `T1071` or `T1071.001` for `t1071` / `t1071.001`, else nil.
    private static func techniqueID(_ name: String) -> String? {
        let parts = name.split(separator: ".", omittingEmptySubsequences: false)
        guard let first = parts.first, first.count == 5, first.first == "t",
            first.dropFirst().allSatisfy(\.isASCIIDigit), parts.count <= 2
        else { return nil }
        if parts.count == 2 {
            guard parts[1].count == 3, parts[1].allSatisfy(\.isASCIIDigit) else { return nil }
            return "T" + first.dropFirst() + "." + parts[1]
        }
        return "T" + first.dropFirst()
    }

    /// Enterprise ATT&CK tactics by their Sigma tag name.
    private static let tactics: [String: (id: String, name: String)] = [
        "reconnaissance": ("TA0043", "Reconnaissance"),
        "resource-development": ("TA0042", "Resource Development"),
        "initial-access": ("TA0001", "Initial Access"),
        "execution": ("TA0002", "Execution"),
        "persistence": ("TA0003", "Persistence"),
        "privilege-escalation": ("TA0004", "Privilege Escalation"),
        "defense-evasion": ("TA0005", "Defense Evasion"),
        "credential-access": ("TA0006", "Credential Access"),
        "discovery": ("TA0007", "Discovery"),
        "lateral-movement": ("TA0008", "Lateral Movement"),
        "collection": ("TA0009", "Collection"),
        "command-and-control": ("TA0011", "Command and Control"),
        "exfiltration": ("TA0010", "Exfiltration"),
        "impact": ("TA0040", "Impact"),
    ]
}

extension String {
    fileprivate func replacingUnderscores() -> String {
        guard self.utf8.contains(UInt8(ascii: "_")) else { return self }
        return String(decoding: self.utf8.map { $0 == UInt8(ascii: "_") ? UInt8(ascii: "-") : $0 }, as: UTF8.self)
    }
}

extension Character {
    fileprivate var isASCIIDigit: Bool { self >= "0" && self <= "9" }
}
