public import DetectCore

/// One typed value of a detection item, with its position in the rule file.
///
/// The kind is fixed at load time from the YAML type and the item's modifier chain, so a compiler only switches
/// over ``Kind``: `re` values are ``Kind/regex(_:)``, `cidr` values ``Kind/cidr(_:)``, `fieldref` values
/// ``Kind/fieldReference(_:)``, numeric and time modifiers ``Kind/number(_:)``, `exists` ``Kind/bool(_:)``.
/// Plain scalars follow the YAML 1.2 core schema (see `docs/diagnostics.md`): unquoted `true`/`false` are
/// booleans, unquoted integers and floats are numbers, `null`/`~`/empty are null, everything else is a string.
public struct SigmaValue: Hashable, Sendable, CustomStringConvertible {
    /// The typed content of a value.
    public enum Kind: Hashable, Sendable {
        /// A string with wildcard and placeholder tokens.
        case string(SigmaString)
        /// An unquoted YAML number (or a numeric string under a numeric modifier).
        case number(SigmaNumber)
        /// An unquoted `true` or `false`.
        case bool(Bool)
        /// `null`, `~` or an empty value: the field is missing or null.
        case null
        /// A regular expression (`re`).
        case regex(SigmaRegex)
        /// An IPv4 or IPv6 network (`cidr`).
        case cidr(CIDRNetwork)
        /// The name of another field of the same event (`fieldref`).
        case fieldReference(String)
    }

    /// What the value is.
    public var kind: Kind
    /// The scalar as written in the file, after YAML unquoting (for messages, and for numbers used as text).
    public var text: String
    /// Where it appears in the source file (1-based line and column).
    public var location: SourceLocation

    /// Memberwise initializer (the loader builds these; compilers and tests may too).
    public init(_ kind: Kind, text: String, location: SourceLocation) {
        self.kind = kind
        self.text = text
        self.location = location
    }

    /// A readable form, for messages and tests.
    public var description: String {
        switch self.kind {
        case .string(let string): "'\(string)'"
        case .number(let number): number.description
        case .bool(let bool): bool.description
        case .null: "null"
        case .regex(let regex): regex.description
        case .cidr(let network): "cidr(\(network))"
        case .fieldReference(let field): "fieldref(\(field))"
        }
    }
}
