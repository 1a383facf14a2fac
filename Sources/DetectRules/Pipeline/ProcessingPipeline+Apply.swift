public import DetectCore

extension ProcessingPipeline {
    /// Applies the pipeline's field-name mappings to a rule: detection item fields, `fieldref` values and the
    /// `fields` list. Mappings run in order, each on the result of the previous one.
    ///
    /// - Returns: the rewritten rule and warnings (`pipeline.mapping.fieldref` when a field reference maps to
    ///   several fields: the first is used).
    public func apply(to rule: SigmaRule) -> (SigmaRule, [Diagnostic]) {
        var rule = rule
        var diagnostics: [Diagnostic] = []
        for transformation in self.transformations {
            guard case .fieldNameMapping(let mapping) = transformation.action,
                transformation.applies(to: rule.logsource)
            else { continue }
            rule.detection.identifiers = rule.detection.identifiers.map { identifier in
                var identifier = identifier
                identifier.maps = identifier.maps.map { map in
                    var map = map
                    map.items = map.items.map { item in
                        Self.map(item, mapping, ruleID: rule.id, diagnostics: &diagnostics)
                    }
                    return map
                }
                return identifier
            }
            rule.fields = rule.fields.map { Self.map($0, mapping) }
        }
        return (rule, diagnostics)
    }

    /// Applies the field-name mappings without `rule_conditions` (correlations have no logsource) to a
    /// correlation's `group-by`, alias fields and aggregated fields.
    public func apply(to correlation: CorrelationRule) -> CorrelationRule {
        var correlation = correlation
        for transformation in self.transformations where transformation.ruleConditions.isEmpty {
            guard case .fieldNameMapping(let mapping) = transformation.action, !transformation.negated else {
                continue
            }
            let aliasNames = Set(correlation.aliases.map(\.name))
            correlation.groupBy = correlation.groupBy.map { aliasNames.contains($0.name) ? $0 : Self.map($0, mapping) }
            correlation.aliases = correlation.aliases.map { alias in
                var alias = alias
                alias.mappings = alias.mappings.map { entry in
                    var entry = entry
                    entry.field = Self.map(entry.field, mapping)
                    return entry
                }
                return alias
            }
            if var condition = correlation.condition {
                condition.fields = condition.fields.map { Self.map($0, mapping) }
                correlation.condition = condition
            }
        }
        return correlation
    }

    static func map(_ field: SigmaField, _ mapping: [String: [String]]) -> SigmaField {
        var names: [String] = []
        for name in field.names {
            for mapped in mapping[name] ?? [name] where !names.contains(mapped) { names.append(mapped) }
        }
        var field = field
        field.names = names
        return field
    }

    private static func map(
        _ item: DetectionItem, _ mapping: [String: [String]], ruleID: String?, diagnostics: inout [Diagnostic]
    ) -> DetectionItem {
        var item = item
        if let field = item.field { item.field = Self.map(field, mapping) }
        item.values = item.values.map { value in
            guard case .fieldReference(let name) = value.kind, let mapped = mapping[name], let first = mapped.first
            else { return value }
            if mapped.count > 1 {
                diagnostics.append(
                    Diagnostic(
                        .pipelineMappingFieldref,
                        "the field reference `\(name)` maps to \(mapped.count) fields; `\(first)` is used",
                        at: value.location, ruleID: ruleID))
            }
            var value = value
            value.kind = .fieldReference(first)
            return value
        }
        return item
    }
}
