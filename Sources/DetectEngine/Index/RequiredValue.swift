internal import DetectMatch

/// Something an event must have for a rule to match: a field value equal to ``bytes`` (``exact``) or one
/// containing them, ignoring ASCII case. A rule's requirement is a list of these, one of which must hold
/// (see ``CompiledProgram/requirement(ofRule:)``).
struct RequiredValue: Hashable, Sendable {
    /// Index into ``CompiledRuleSet/fields``, or -1 for any string of the event (keyword items).
    var field: Int32
    /// The whole value equals ``bytes``; otherwise it contains them.
    var exact: Bool
    /// Folded to ASCII lower case.
    var bytes: [UInt8]

    init(field: Int32, exact: Bool, bytes: [UInt8]) {
        self.field = field
        self.exact = exact
        self.bytes = bytes.map { $0 >= UInt8(ascii: "A") && $0 <= UInt8(ascii: "Z") ? $0 | 0x20 : $0 }
    }

    /// The bytes hashed in one call: the synthesized hash feeds an array to the hasher one element at a time,
    /// which was most of the cost of indexing hundreds of rules.
    func hash(into hasher: inout Hasher) {
        hasher.combine(self.field)
        hasher.combine(self.exact)
        self.bytes.withUnsafeBytes { hasher.combine(bytes: $0) }
    }

    /// How rarely a value is expected to satisfy it: longer literals are rarer. Whole values count half,
    /// because short exact values are usually enumerations (methods, status codes, actions) seen often.
    var selectivity: Int { self.exact ? self.bytes.count / 2 : self.bytes.count }
}
