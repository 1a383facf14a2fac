internal import DetectRules

/// A compiled detection item on one field (or on every string of the event, for a keyword item).
///
/// An item of the rule that names several fields (a pipeline mapped its field to a list) compiles to one
/// `CompiledItem` per field, ORed; `neq` wraps the item's predicate in `not`.
struct CompiledItem: Sendable {
    /// What the item tests.
    enum Test: Sendable {
        /// No non-null value: the field is missing, JSON null, or an array of nulls (or empty).
        case isNull
        /// `exists: true` (some non-null value) or `exists: false`.
        case exists(Bool)
        /// Some value matches some matcher of the range (values ORed).
        case anyValue(Range<Int32>)
        /// `fieldref`: some value equals (or contains, starts, ends with) some value of another field.
        case fieldReference(other: Int32, position: DetectionItem.StringPosition, caseSensitive: Bool)
    }

    /// Index into ``CompiledRuleSet/fields``, or -1 for a keyword item (every string of the event).
    let field: Int32
    /// The test.
    let test: Test
    /// Name of the search identifier (selection) the item belongs to, for explanations.
    let selection: String
}
