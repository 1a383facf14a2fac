/// A Sigma value modifier (specification 2.1, modifiers appendix): the closed set the engine understands.
///
/// Modifiers are written after the field name, `field|mod1|mod2: value`, and apply left to right. The spelling
/// in a rule is looked up in ``registry``, which also holds the aliases (`wide`, `ignorecase`, `multiline`,
/// `dotall`).
public enum Modifier: String, CaseIterable, Hashable, Sendable, CustomStringConvertible {
    // Generic.
    case contains
    case startsWith = "startswith"
    case endsWith = "endswith"
    case all
    case exists
    case cased
    case neq
    // String.
    case windash
    case re
    case ignoreCase = "i"
    case multiline = "m"
    case dotAll = "s"
    // Encoding.
    case base64
    case base64Offset = "base64offset"
    case utf16le
    case utf16be
    case utf16
    // Numeric.
    case lt
    case lte
    case gt
    case gte
    // Time.
    case minute
    case hour
    case day
    case week
    case month
    case year
    // IP and specific.
    case cidr
    case expand
    case fieldref

    /// What a modifier does, used to validate chains and by the compiler to group modifiers.
    public enum Category: Hashable, Sendable {
        /// `contains`, `startswith`, `endswith`: where the value must occur in the field.
        case position
        /// `all`: AND the values instead of OR.
        case valueLinking
        /// `exists`: the field is present (`true`) or absent (`false`).
        case existence
        /// `cased`: case-sensitive string comparison.
        case caseSensitivity
        /// `neq`: the item matches when the field differs from every value.
        case negation
        /// `windash`: `-` `/` `–` `—` `―` permutations.
        case dashExpansion
        /// `re`: the value is a regular expression.
        case regex
        /// `i`, `m`, `s`: flags of a preceding `re`.
        case regexFlag
        /// `base64`, `base64offset`.
        case base64Encoding
        /// `utf16le` (`wide`), `utf16be`, `utf16`.
        case utf16Encoding
        /// `lt`, `lte`, `gt`, `gte`.
        case comparison
        /// `minute` ... `year`: compare a part of a date field.
        case timePart
        /// `cidr`: the value is an IP network.
        case network
        /// `expand`: the value holds `%placeholder%` references.
        case placeholderExpansion
        /// `fieldref`: the value names another field.
        case fieldReference
    }

    /// The category of this modifier.
    public var category: Category {
        switch self {
        case .contains, .startsWith, .endsWith: .position
        case .all: .valueLinking
        case .exists: .existence
        case .cased: .caseSensitivity
        case .neq: .negation
        case .windash: .dashExpansion
        case .re: .regex
        case .ignoreCase, .multiline, .dotAll: .regexFlag
        case .base64, .base64Offset: .base64Encoding
        case .utf16le, .utf16be, .utf16: .utf16Encoding
        case .lt, .lte, .gt, .gte: .comparison
        case .minute, .hour, .day, .week, .month, .year: .timePart
        case .cidr: .network
        case .expand: .placeholderExpansion
        case .fieldref: .fieldReference
        }
    }

    /// Every spelling accepted in a rule, mapped to its modifier: the canonical names plus the aliases
    /// `wide` (`utf16le`), `ignorecase` (`i`), `multiline` (`m`) and `dotall` (`s`). Lookup is case-sensitive,
    /// as in pySigma.
    public static let registry: [String: Modifier] = {
        var table: [String: Modifier] = [:]
        for modifier in Modifier.allCases { table[modifier.rawValue] = modifier }
        table["wide"] = .utf16le
        table["ignorecase"] = .ignoreCase
        table["multiline"] = .multiline
        table["dotall"] = .dotAll
        return table
    }()

    /// Looks up a spelling in ``registry``.
    public init?(name: String) {
        guard let modifier = Self.registry[name] else { return nil }
        self = modifier
    }

    /// The canonical spelling.
    public var description: String { self.rawValue }

    /// For a ``Category/timePart`` modifier, the valid range of the extracted number.
    public var timePartRange: ClosedRange<Int64>? {
        switch self {
        case .minute: 0...59
        case .hour: 0...23
        case .day: 1...31
        case .week: 1...53
        case .month: 1...12
        case .year: 0...9999
        default: nil
        }
    }
}
