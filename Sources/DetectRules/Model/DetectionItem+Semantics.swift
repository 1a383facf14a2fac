/// Derived, compiler-friendly views of a validated modifier chain.
extension DetectionItem {
    /// How the values of an item combine.
    public enum ValueLinking: Hashable, Sendable {
        /// Any value may match (the default).
        case any
        /// Every value must match (`all`).
        case all
    }

    /// Where a string value must occur in the field.
    public enum StringPosition: Hashable, Sendable {
        /// The whole field value (wildcards allowed).
        case whole
        case contains
        case startsWith
        case endsWith
    }

    /// A numeric comparison operator (`lt`, `lte`, `gt`, `gte`).
    public enum Comparison: String, Hashable, Sendable {
        case lt, lte, gt, gte
    }

    /// What kind of test the item performs, fixed by its modifier chain.
    public enum MatchKind: Hashable, Sendable {
        /// String comparison: wildcards, position, case, encodings, `windash`, placeholders.
        case string
        /// `re`.
        case regex
        /// `cidr`.
        case network
        /// `lt`/`lte`/`gt`/`gte` and/or a time part.
        case numeric
        /// `exists`.
        case existence
        /// `fieldref`.
        case fieldReference
    }

    /// The bare modifiers, in the order written.
    public var modifierChain: [Modifier] { self.modifiers.map(\.modifier) }

    /// `true` when the chain contains `modifier`.
    public func has(_ modifier: Modifier) -> Bool {
        self.modifiers.contains { $0.modifier == modifier }
    }

    /// `.all` with the `all` modifier, `.any` otherwise.
    public var valueLinking: ValueLinking { self.has(.all) ? .all : .any }

    /// `true` with `neq`: the item matches when the field matches none of the values (pySigma negates the item).
    public var isNegated: Bool { self.has(.neq) }

    /// `true` with `cased`.
    public var isCased: Bool { self.has(.cased) }

    /// `true` with `windash`.
    public var expandsWindowsDashes: Bool { self.has(.windash) }

    /// The position modifier, `.whole` when there is none.
    public var stringPosition: StringPosition {
        for applied in self.modifiers {
            switch applied.modifier {
            case .contains: return .contains
            case .startsWith: return .startsWith
            case .endsWith: return .endsWith
            default: continue
            }
        }
        return .whole
    }

    /// The encoding modifiers (`utf16*`, `base64*`) in the order they apply.
    public var encodings: [Modifier] {
        self.modifierChain.filter { $0.category == .base64Encoding || $0.category == .utf16Encoding }
    }

    /// The comparison operator, if any.
    public var comparison: Comparison? {
        for modifier in self.modifierChain {
            if let comparison = Comparison(rawValue: modifier.rawValue) { return comparison }
        }
        return nil
    }

    /// The time-part modifier (`minute` ... `year`), if any.
    public var timePart: Modifier? {
        self.modifierChain.first { $0.category == .timePart }
    }

    /// The kind of test, from the chain.
    public var matchKind: MatchKind {
        for modifier in self.modifierChain {
            switch modifier.category {
            case .regex: return .regex
            case .network: return .network
            case .comparison, .timePart: return .numeric
            case .existence: return .existence
            case .fieldReference: return .fieldReference
            default: continue
            }
        }
        return .string
    }
}
