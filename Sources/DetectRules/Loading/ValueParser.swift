internal import DetectCore

/// Types the values of a detection item according to its (validated) modifier chain.
struct ValueParser {
    let context: ParseContext

    /// The values of an item: a scalar or a list of scalars.
    func values(_ node: YAMLNode, key: String, analysis: ModifierChainAnalysis, hasField: Bool) -> [SigmaValue]? {
        let context = self.context
        let nodes: [YAMLNode]
        switch node.kind {
        case .scalar:
            nodes = [node]
        case .mapping:
            context.report(
                .ruleValueType,
                "the value of `\(key)` must be a scalar or a list of scalars, found a mapping", at: node)
            return nil
        case .sequence(let elements):
            if elements.isEmpty {
                guard hasField, analysis.kind == .string, !analysis.transformsStrings else {
                    context.report(.ruleValueType, "the value list of `\(key)` is empty", at: node)
                    return nil
                }
                context.report(
                    .ruleValueEmptyList,
                    "the value list of `\(key)` is empty, which matches a missing or null field (as in "
                        + "pySigma); write `null` instead",
                    at: node)
                return [SigmaValue(.null, text: "", location: context.location(node))]
            }
            nodes = elements
        }
        var values: [SigmaValue] = []
        var valid = true
        for element in nodes {
            guard element.scalar != nil else {
                context.report(
                    .ruleValueType,
                    "values of `\(key)` must be scalars, found \(element.typeDescription) (nested structures "
                        + "are not allowed)",
                    at: element)
                valid = false
                continue
            }
            if let value = self.value(element, analysis: analysis, hasField: hasField) {
                values.append(value)
            } else {
                valid = false
            }
        }
        guard valid else { return nil }
        if analysis.kind == .existence, values.count != 1 {
            context.report(.ruleValueBool, "`exists` takes a single `true` or `false`", at: node)
            return nil
        }
        if values.count > 1, let null = values.first(where: { $0.kind == .null }) {
            context.report(
                .ruleValueNullMixed,
                "`null` is mixed with other values; the specification wants it in its own selection",
                at: null.location)
        }
        if analysis.all, values.count == 1 {
            context.report(
                .ruleValueAllSingle, "`all` on a single value has no effect (the specification disallows it)",
                at: node)
        }
        return values
    }

    /// One scalar, typed for the chain.
    func value(_ node: YAMLNode, analysis: ModifierChainAnalysis, hasField: Bool) -> SigmaValue? {
        guard let scalar = node.scalar else { return nil }
        let context = self.context
        let text = scalar.value
        let resolved = scalar.resolved
        let location = context.location(node)
        func make(_ kind: SigmaValue.Kind) -> SigmaValue { SigmaValue(kind, text: text, location: location) }

        switch analysis.kind {
        case .existence:
            guard case .bool(let flag) = resolved else {
                context.report(
                    .ruleValueBool, "`exists` needs an unquoted `true` or `false`, found `\(text)`", at: node)
                return nil
            }
            return make(.bool(flag))

        case .regex:
            if resolved == .null {
                context.report(.ruleValueNull, "`re` needs a pattern, found null", at: node)
                return nil
            }
            return make(.regex(SigmaRegex(pattern: text, flags: analysis.regexFlags)))

        case .network:
            if resolved == .null {
                context.report(.ruleValueNull, "`cidr` needs a network, found null", at: node)
                return nil
            }
            if analysis.expand {
                let string = SigmaString(parsing: text, placeholders: true)
                if !string.placeholderNames.isEmpty { return make(.string(string)) }
            }
            guard let parsed = CIDRNetwork.parse(text) else {
                context.report(
                    .ruleValueCIDR,
                    "`\(text)` is not an IPv4 or IPv6 network (like `10.0.0.0/8` or `2001:db8::/32`)", at: node)
                return nil
            }
            if parsed.hadHostBits {
                context.report(
                    .ruleValueCIDRHostBits,
                    "`\(text)` has host bits set; it is read as `\(parsed.network)`", at: node)
            }
            return make(.cidr(parsed.network))

        case .numeric:
            var number: SigmaNumber?
            switch resolved {
            case .integer(let value): number = .integer(value)
            case .float(let value): number = .float(value)
            case .string:
                // A quoted number is accepted as a number here: the modifier says what is meant.
                switch YAMLScalar.resolve(String(text.trimmingASCIIWhitespace())) {
                case .integer(let value): number = .integer(value)
                case .float(let value): number = .float(value)
                default: break
                }
            default: break
            }
            guard let number, !number.doubleValue.isNaN else {
                let what = analysis.timePart.map { "`\($0.rawValue)`" } ?? "a numeric comparison"
                context.report(.ruleValueNumber, "\(what) needs a number, found `\(text)`", at: node)
                return nil
            }
            if let part = analysis.timePart, !analysis.comparison, let range = part.timePartRange {
                guard let integer = number.integerValue, range.contains(integer) else {
                    context.report(
                        .ruleValueNumber,
                        "`\(part.rawValue)` values are whole numbers from \(range.lowerBound) to "
                            + "\(range.upperBound), found `\(text)`",
                        at: node)
                    return nil
                }
            }
            return make(.number(number))

        case .fieldReference:
            if resolved == .null || text.isEmpty {
                context.report(.ruleValueFieldref, "`fieldref` needs the name of a field, found `\(text)`", at: node)
                return nil
            }
            let string = SigmaString(parsing: text)
            guard let name = string.literalValue else {
                context.report(.ruleValueWildcard, "a field reference cannot contain wildcards: `\(text)`", at: node)
                return nil
            }
            return make(.fieldReference(name))

        case .string:
            switch resolved {
            case .null:
                if !hasField {
                    context.report(
                        .ruleValueNull, "a keyword value cannot be null; `null` applies to a field", at: node)
                    return nil
                }
                if analysis.transformsStrings {
                    context.report(
                        .ruleValueNull,
                        "string modifiers cannot apply to `null`; put `field: null` in its own selection",
                        at: node)
                    return nil
                }
                return make(.null)
            case .bool(let flag):
                if analysis.transformsStrings {
                    context.report(
                        .ruleValueType,
                        "string modifiers need a string, found the boolean `\(text)` (quote it to match the text)",
                        at: node)
                    return nil
                }
                return make(.bool(flag))
            case .integer, .float:
                if analysis.transformsStrings { return make(.string(SigmaString(literal: text))) }
                if case .integer(let value) = resolved { return make(.number(.integer(value))) }
                if case .float(let value) = resolved { return make(.number(.float(value))) }
                return nil
            case .string:
                let string = SigmaString(parsing: text, placeholders: analysis.expand)
                if analysis.encodes, string.containsWildcards {
                    context.report(
                        .ruleValueWildcard,
                        "wildcards cannot be encoded (base64/UTF-16): `\(text)`; escape them as `\\*` and "
                            + "`\\?` to match them literally",
                        at: node)
                    return nil
                }
                if analysis.expand, string.placeholderNames.isEmpty {
                    context.report(
                        .ruleValuePlaceholder,
                        "`expand` is set but `\(text)` has no `%placeholder%`; the value is used as is", at: node)
                }
                return make(.string(string))
            }
        }
    }
}
