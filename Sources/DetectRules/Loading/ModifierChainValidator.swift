internal import DetectCore

/// What a valid modifier chain means for the values of its item.
struct ModifierChainAnalysis {
    var kind: DetectionItem.MatchKind = .string
    var regexFlags: SigmaRegex.Flags = []
    var expand = false
    /// A modifier that only makes sense on strings: position, `windash`, encodings, `cased`, `expand`.
    var transformsStrings = false
    var encodes = false
    var timePart: Modifier?
    var comparison = false
    var all = false
}

/// Validates a modifier chain: conflicts, order and the requirements of each modifier.
///
/// The rules, beyond "every modifier is known":
/// - `re`, `cidr`, numeric (`lt` ... `gte` and time parts), `exists` and `fieldref` each give the values a
///   different type, so at most one of these families may appear.
/// - Each family allows only some companions: strings take position, `all`, `cased`, `neq`, `windash`,
///   encodings and `expand`; `re` takes its flags `i` `m` `s`, `all`, `neq` (`cased` is redundant); `cidr`
///   takes `expand`, `all`, `neq`; numeric takes one comparison, one time part, `all`, `neq` (not with a
///   comparison); `exists` takes nothing; `fieldref` takes position, `all`, `neq`, `cased`.
/// - Order: regex flags after `re`; UTF-16 encodings before base64 encodings; position modifiers and `windash`
///   before no encoding (they apply to the encoded text otherwise); a time part before a comparison.
/// - `exists`, `fieldref`, `cidr` and numeric modifiers need a field (not a keyword item).
enum ModifierChainValidator {
    static func analyze(_ chain: [AppliedModifier], hasField: Bool, context: ParseContext) -> ModifierChainAnalysis? {
        let errorsBefore = context.errorCount
        var analysis = ModifierChainAnalysis()
        var seen: [Modifier: AppliedModifier] = [:]
        var kindSource: AppliedModifier?
        var unique: [AppliedModifier] = []

        // Duplicates, and the family that decides the value type.
        for applied in chain {
            if let first = seen[applied.modifier] {
                context.report(
                    .ruleModifierDuplicate,
                    "`\(applied.name)` repeats `\(first.name)`; the repetition has no effect",
                    at: applied.location)
                continue
            }
            seen[applied.modifier] = applied
            unique.append(applied)
            let kind: DetectionItem.MatchKind?
            switch applied.modifier.category {
            case .regex: kind = .regex
            case .network: kind = .network
            case .comparison, .timePart: kind = .numeric
            case .existence: kind = .existence
            case .fieldReference: kind = .fieldReference
            default: kind = nil
            }
            guard let kind else { continue }
            if let source = kindSource {
                if kind != analysis.kind {
                    context.report(
                        .ruleModifierConflict,
                        "`\(applied.name)` cannot be combined with `\(source.name)`: they give the value "
                            + "different types",
                        at: applied.location)
                }
            } else {
                kindSource = applied
                analysis.kind = kind
            }
        }

        // Companions allowed by the value type.
        for applied in unique {
            let category = applied.modifier.category
            switch category {
            case .regex, .network, .comparison, .timePart, .existence, .fieldReference:
                continue
            default:
                break
            }
            if category == .regexFlag {
                if analysis.kind != .regex {
                    context.report(
                        .ruleModifierRegexFlag,
                        "`\(applied.name)` is a flag of `re` and needs `re` before it", at: applied.location)
                }
                continue
            }
            let allowed: Bool
            switch analysis.kind {
            case .string:
                allowed = true
            case .regex:
                allowed = [.valueLinking, .negation, .caseSensitivity, .placeholderExpansion].contains(category)
            case .network:
                allowed = [.valueLinking, .negation, .placeholderExpansion].contains(category)
            case .numeric:
                allowed = [.valueLinking, .negation].contains(category)
            case .existence:
                allowed = false
            case .fieldReference:
                allowed = [.position, .valueLinking, .negation, .caseSensitivity].contains(category)
            }
            if !allowed, let source = kindSource {
                let reason =
                    analysis.kind == .existence
                    ? "`exists` takes no other modifier" : "`\(applied.name)` cannot be combined with `\(source.name)`"
                context.report(.ruleModifierConflict, reason, at: applied.location)
            }
        }

        // Pairwise rules and order.
        var position: AppliedModifier?
        var base64: AppliedModifier?
        var utf16: AppliedModifier?
        var comparison: AppliedModifier?
        var timePart: AppliedModifier?
        var regexSeen = false
        for applied in unique {
            switch applied.modifier.category {
            case .regex:
                regexSeen = true
            case .regexFlag:
                if analysis.kind == .regex, !regexSeen {
                    context.report(
                        .ruleModifierRegexFlag, "the flag `\(applied.name)` must come after `re`",
                        at: applied.location)
                }
                switch applied.modifier {
                case .ignoreCase: analysis.regexFlags.insert(.ignoreCase)
                case .multiline: analysis.regexFlags.insert(.multiline)
                default: analysis.regexFlags.insert(.dotAll)
                }
            case .position:
                if let position {
                    context.report(
                        .ruleModifierConflict, "`\(applied.name)` conflicts with `\(position.name)`",
                        at: applied.location)
                }
                position = position ?? applied
                analysis.transformsStrings = true
            case .base64Encoding:
                if let base64 {
                    context.report(
                        .ruleModifierConflict, "`\(applied.name)` conflicts with `\(base64.name)`",
                        at: applied.location)
                }
                base64 = base64 ?? applied
                analysis.transformsStrings = true
                analysis.encodes = true
            case .utf16Encoding:
                if let utf16 {
                    context.report(
                        .ruleModifierConflict, "`\(applied.name)` conflicts with `\(utf16.name)`",
                        at: applied.location)
                } else if let base64 {
                    context.report(
                        .ruleModifierOrder,
                        "`\(applied.name)` must come before `\(base64.name)`: the value is UTF-16 encoded "
                            + "first, then base64 encoded",
                        at: applied.location)
                }
                utf16 = utf16 ?? applied
                analysis.transformsStrings = true
                analysis.encodes = true
            case .comparison:
                if let comparison {
                    context.report(
                        .ruleModifierConflict, "`\(applied.name)` conflicts with `\(comparison.name)`",
                        at: applied.location)
                }
                comparison = comparison ?? applied
                analysis.comparison = true
            case .timePart:
                if let timePart {
                    context.report(
                        .ruleModifierConflict, "`\(applied.name)` conflicts with `\(timePart.name)`",
                        at: applied.location)
                } else if let comparison {
                    context.report(
                        .ruleModifierOrder,
                        "`\(applied.name)` must come before `\(comparison.name)`: the date part is extracted, "
                            + "then compared",
                        at: applied.location)
                }
                timePart = timePart ?? applied
                analysis.timePart = applied.modifier
            case .placeholderExpansion:
                analysis.expand = true
                analysis.transformsStrings = true
            case .caseSensitivity:
                if analysis.kind == .regex {
                    context.report(
                        .ruleModifierRedundant,
                        "`cased` has no effect on `re`, which is case-sensitive already (use `i` to ignore case)",
                        at: applied.location)
                } else {
                    analysis.transformsStrings = true
                }
            case .dashExpansion:
                analysis.transformsStrings = true
            case .valueLinking:
                analysis.all = true
            case .negation, .network, .existence, .fieldReference:
                break
            }
        }

        // Position modifiers and windash before an encoding would apply to the encoded text.
        if let firstEncoding = unique.firstIndex(where: {
            $0.modifier.category == .base64Encoding || $0.modifier.category == .utf16Encoding
        }) {
            for applied in unique[..<firstEncoding]
            where applied.modifier.category == .position || applied.modifier == .windash {
                let encoding = unique[firstEncoding]
                context.report(
                    .ruleModifierOrder,
                    "`\(applied.name)` must come after `\(encoding.name)`: it applies to the encoded value",
                    at: applied.location)
            }
            if let expand = seen[.expand] {
                context.report(
                    .ruleModifierUnsupported,
                    "unsupported feature: `expand` together with encoding modifiers (`\(unique[firstEncoding].name)`)",
                    at: expand.location)
            }
        }
        if analysis.kind == .regex, let expand = seen[.expand] {
            context.report(
                .ruleModifierUnsupported,
                "unsupported feature: placeholders inside regular expressions (`re` with `expand`)",
                at: expand.location)
        }
        if analysis.kind == .numeric, let negation = seen[.neq], let comparison {
            context.report(
                .ruleModifierConflict, "`\(negation.name)` cannot be combined with `\(comparison.name)`",
                at: negation.location)
        }
        if !hasField, let source = kindSource, analysis.kind != .regex {
            context.report(
                .ruleModifierFieldRequired,
                "`\(source.name)` needs a field; it cannot be used on a keyword (field-less) item",
                at: source.location)
        }
        return context.errorCount == errorsBefore ? analysis : nil
    }
}
