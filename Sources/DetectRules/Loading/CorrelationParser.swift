internal import DetectCore

/// Reads a correlation document (a YAML document with a `correlation` section).
struct CorrelationParser {
    let context: ParseContext

    func parse(_ root: YAMLNode) -> CorrelationRule? {
        let context = self.context
        let errorsBefore = context.errorCount
        let metadata = MetadataParser(context: context).parse(root)
        guard let sectionPair = root.pair("correlation"), let pairs = sectionPair.value.pairs else {
            let node = root["correlation"] ?? root
            context.report(
                .correlationInvalid,
                "`correlation` must be a mapping with `type`, `rules`, `timespan`, `group-by` and `condition`",
                at: node)
            return nil
        }
        let section = sectionPair.value
        let sectionKey = sectionPair.keyNode
        for pair in pairs where pair.keyNode.scalar == nil {
            context.report(.yamlKeyType, "mapping keys must be plain strings", at: pair.keyNode)
        }

        // type
        var type: CorrelationType?
        if let node = section["type"], let text = node.string, !node.isNull {
            type = CorrelationType(rawValue: text)
            if type == nil {
                let allowed = CorrelationType.allCases.map { "`\($0.rawValue)`" }.joined(separator: ", ")
                context.report(
                    .correlationTypeInvalid, "unknown correlation type `\(text)`; use one of \(allowed)",
                    at: node)
            }
        } else {
            context.report(.correlationTypeMissing, "the correlation has no `type`", at: section["type"] ?? sectionKey)
        }

        // rules
        let rules = self.references(section["rules"])
        if rules.isEmpty {
            context.report(
                .correlationRulesMissing, "the correlation names no `rules` (ids or names of rules)",
                at: section["rules"] ?? sectionKey)
        }

        // group-by
        var groupBy: [SigmaField] = []
        if let node = section["group-by"], !node.isNull {
            let elements = node.elements ?? [node]
            for element in elements {
                if let name = element.scalar?.value, !element.isNull, !name.isEmpty {
                    groupBy.append(SigmaField(name, location: context.location(element)))
                } else {
                    context.report(
                        .correlationGroupByInvalid,
                        "`group-by` entries must be field names, found \(element.typeDescription)", at: element)
                }
            }
        } else {
            context.report(
                .correlationGroupByMissing,
                "the correlation has no `group-by`; all matching events form a single group",
                at: sectionKey)
        }

        // timespan
        var timespan: Timespan?
        if let node = section["timespan"], !node.isNull {
            if let text = node.scalar?.value, let seconds = Timespan.seconds(parsing: text) {
                timespan = Timespan(seconds: seconds, text: text, location: context.location(node))
            } else {
                context.report(
                    .correlationTimespanInvalid,
                    "`timespan` must be a positive number and a unit `s`, `m`, `h`, `d` or `w` (like `10m`), "
                        + "found `\(node.string ?? node.typeDescription)`",
                    at: node)
            }
        } else {
            context.report(
                .correlationTimespanMissing, "the correlation has no `timespan` (like `10m`)", at: sectionKey)
        }

        // condition
        var condition: CorrelationCondition?
        if let node = section["condition"], !node.isNull {
            condition = self.condition(node, type: type)
        } else if let type, type.requiresCondition {
            context.report(
                .correlationConditionMissing,
                "a `\(type.rawValue)` correlation needs a `condition` (like `gte: 10`)", at: sectionKey)
        }
        if let type, type.requiresField, let condition, condition.fields.isEmpty {
            context.report(
                .correlationFieldMissing,
                "a `\(type.rawValue)` correlation needs `condition.field`, the field to aggregate",
                at: section["condition"] ?? sectionKey)
        }

        let aliases = self.aliases(section["aliases"], rules: rules)
        let generateNode = section["generate"] ?? root["generate"]
        let generate = context.bool(generateNode, attribute: "generate", default: false)

        guard context.errorCount == errorsBefore, let metadata, let type, let timespan else { return nil }
        return CorrelationRule(
            metadata: metadata, type: type, rules: rules, groupBy: groupBy, timespan: timespan, condition: condition,
            aliases: aliases, generate: generate, location: context.location(root))
    }

    /// A scalar or a list of scalars, as rule references.
    func references(_ node: YAMLNode?) -> [RuleReference] {
        guard let node, !node.isNull else { return [] }
        var references: [RuleReference] = []
        for element in node.elements ?? [node] {
            if let value = element.scalar?.value, !element.isNull, !value.isEmpty {
                references.append(RuleReference(value, location: self.context.location(element)))
            } else {
                self.context.report(
                    .ruleAttributeType,
                    "rule references must be ids or names, found \(element.typeDescription); ignored",
                    at: element)
            }
        }
        return references
    }

    private func condition(_ node: YAMLNode, type: CorrelationType?) -> CorrelationCondition? {
        let context = self.context
        guard let pairs = node.pairs else {
            context.report(
                .correlationConditionInvalid,
                "the correlation `condition` must be a mapping like `gte: 10`, found \(node.typeDescription)",
                at: node)
            return nil
        }
        var thresholds: [CorrelationCondition.Threshold] = []
        var fields: [SigmaField] = []
        var valid = true
        for pair in pairs {
            if pair.key == "field" {
                let elements = pair.value.elements ?? [pair.value]
                if pair.value.elements != nil, type != .valueCount {
                    context.report(
                        .correlationConditionInvalid,
                        "only `value_count` takes a list of fields; give one field", at: pair.value)
                    valid = false
                }
                for element in elements {
                    if let name = element.scalar?.value, !element.isNull, !name.isEmpty {
                        fields.append(SigmaField(name, location: context.location(element)))
                    } else {
                        context.report(
                            .correlationConditionInvalid,
                            "`field` must be a field name, found \(element.typeDescription)", at: element)
                        valid = false
                    }
                }
                if let type, !type.requiresField {
                    context.report(
                        .correlationConditionInvalid,
                        "`field` only applies to `value_*` correlations, not `\(type.rawValue)`",
                        at: pair.keyNode)
                    valid = false
                }
                continue
            }
            guard let op = CorrelationCondition.Operator(rawValue: pair.key) else {
                let allowed = CorrelationCondition.Operator.allCases.map { "`\($0.rawValue)`" }.joined(separator: ", ")
                context.report(
                    .correlationConditionInvalid,
                    "unknown condition key `\(pair.key)`; use \(allowed) or `field`", at: pair.keyNode)
                valid = false
                continue
            }
            let number: SigmaNumber?
            switch pair.value.scalar?.resolved {
            case .integer(let value)?: number = .integer(value)
            case .float(let value)? where value.isFinite: number = .float(value)
            default: number = nil
            }
            guard let number else {
                context.report(
                    .correlationConditionInvalid,
                    "`\(pair.key)` needs a number, found `\(pair.value.string ?? pair.value.typeDescription)`",
                    at: pair.value)
                valid = false
                continue
            }
            thresholds.append(.init(op: op, value: number, location: context.location(pair.keyNode)))
        }
        if thresholds.isEmpty, valid {
            context.report(
                .correlationConditionInvalid,
                "the correlation `condition` has no threshold (`gt`, `gte`, `lt`, `lte`, `eq` or `neq`)",
                at: node)
            valid = false
        }
        return valid
            ? CorrelationCondition(thresholds: thresholds, fields: fields, location: context.location(node)) : nil
    }

    private func aliases(_ node: YAMLNode?, rules: [RuleReference]) -> [CorrelationAlias] {
        let context = self.context
        guard let node, !node.isNull else { return [] }
        guard let pairs = node.pairs else {
            context.report(
                .correlationAliasesInvalid, "`aliases` must map alias names to `{rule: field}` mappings",
                at: node)
            return []
        }
        var aliases: [CorrelationAlias] = []
        for pair in pairs {
            guard let mappingPairs = pair.value.pairs else {
                context.report(
                    .correlationAliasesInvalid,
                    "the alias `\(pair.key)` must map rule names to field names, found \(pair.value.typeDescription)",
                    at: pair.value)
                continue
            }
            var mappings: [CorrelationAlias.Mapping] = []
            for mapping in mappingPairs {
                guard let field = mapping.value.scalar?.value, !mapping.value.isNull, !field.isEmpty else {
                    context.report(
                        .correlationAliasesInvalid,
                        "the alias `\(pair.key)` needs a field name for `\(mapping.key)`", at: mapping.value)
                    continue
                }
                if !rules.contains(where: { $0.value == mapping.key }) {
                    context.report(
                        .correlationAliasesInvalid,
                        "the alias `\(pair.key)` names `\(mapping.key)`, which is not in the correlation's `rules`",
                        at: mapping.keyNode)
                    continue
                }
                mappings.append(
                    .init(
                        rule: RuleReference(mapping.key, location: context.location(mapping.keyNode)),
                        field: SigmaField(field, location: context.location(mapping.value))))
            }
            aliases.append(
                CorrelationAlias(name: pair.key, mappings: mappings, location: context.location(pair.keyNode)))
        }
        return aliases
    }
}
