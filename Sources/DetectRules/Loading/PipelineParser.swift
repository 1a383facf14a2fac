internal import DetectCore

/// Reads a processing pipeline document (the subset in `docs/pipelines.md`).
struct PipelineParser {
    let context: ParseContext

    /// pySigma transformation types outside sigflare's subset: reported as unsupported, by name.
    static let pySigmaTypes: Set<String> = [
        "field_name_prefix_mapping", "field_name_transform", "drop_detection_item", "hashes_fields", "extract_fields",
        "field_name_suffix", "field_name_prefix", "wildcard_placeholders", "query_expression_placeholders",
        "file_placeholders", "http_placeholders", "command_placeholders", "add_condition", "change_logsource",
        "add_field", "remove_field", "set_field", "replace_string", "map_string", "set_state", "regex", "set_value",
        "convert_type", "rule_failure", "detection_item_failure", "strict_field_mapping_failure",
        "set_custom_attribute", "nest", "case",
    ]

    func parse(_ root: YAMLNode) -> ProcessingPipeline? {
        let context = self.context
        let errorsBefore = context.errorCount
        context.ruleID = nil
        context.checkKeys(root)
        var name = ""
        if let node = root["name"], let text = context.string(node, attribute: "name"), !text.isEmpty {
            name = text
        } else {
            context.report(
                .pipelineNameMissing, "the pipeline has no `name`; diagnostics and logs cannot name it",
                at: root["name"] ?? root)
        }
        var priority = 0
        if let node = root["priority"], !node.isNull {
            if case .integer(let value)? = node.scalar?.resolved, let int = Int(exactly: value) {
                priority = int
            } else {
                context.report(
                    .pipelinePriorityInvalid,
                    "`priority` must be an integer, found `\(node.string ?? node.typeDescription)`", at: node)
            }
        }
        let vars = self.vars(root["vars"])
        let declaredFields = context.stringList(root["ecs_fields"], attribute: "ecs_fields")
        for pair in root.pairs ?? [] {
            switch pair.key {
            case "name", "priority", "vars", "transformations", "ecs_fields":
                continue
            case "finalizers", "postprocessing", "allowed_backends":
                context.report(
                    .pipelineKeyUnknown,
                    "`\(pair.key)` (pySigma query output) does not apply to sigflare and is ignored",
                    at: pair.keyNode)
            default:
                context.report(.pipelineKeyUnknown, "unknown pipeline key `\(pair.key)` is ignored", at: pair.keyNode)
            }
        }
        var transformations: [PipelineTransformation] = []
        if let node = root["transformations"], let elements = node.elements {
            for element in elements {
                if let transformation = self.transformation(element) { transformations.append(transformation) }
            }
        } else {
            context.report(
                .pipelineTransformationsMissing, "the pipeline has no `transformations` list",
                at: root["transformations"] ?? root)
        }
        guard context.errorCount == errorsBefore else { return nil }
        return ProcessingPipeline(
            name: name, priority: priority, vars: vars, transformations: transformations,
            declaredFields: declaredFields, location: context.location(root))
    }

    private func vars(_ node: YAMLNode?) -> [String: [String]] {
        guard let node, !node.isNull else { return [:] }
        guard let pairs = node.pairs else {
            self.context.report(.pipelineVarsInvalid, "`vars` must map placeholder names to values", at: node)
            return [:]
        }
        var vars: [String: [String]] = [:]
        for pair in pairs {
            let elements = pair.value.elements ?? [pair.value]
            var values: [String] = []
            for element in elements {
                if let value = element.scalar?.value, !element.isNull {
                    values.append(value)
                } else {
                    self.context.report(
                        .pipelineVarsInvalid,
                        "values of `vars.\(pair.key)` must be scalars, found \(element.typeDescription)",
                        at: element)
                }
            }
            vars[pair.key] = values
        }
        return vars
    }

    private func transformation(_ node: YAMLNode) -> PipelineTransformation? {
        let context = self.context
        guard node.pairs != nil else {
            context.report(
                .pipelineTransformationInvalid,
                "a transformation must be a mapping with a `type`, found \(node.typeDescription)", at: node)
            return nil
        }
        guard let typeNode = node["type"], let type = typeNode.string, !typeNode.isNull else {
            context.report(.pipelineTransformationInvalid, "the transformation has no `type`", at: node)
            return nil
        }
        let errorsBefore = context.errorCount
        let known: Set<String>
        let action: PipelineTransformation.Action?
        switch type {
        case "field_name_mapping":
            known = ["mapping"]
            action = self.fieldMapping(node)
        case "logsource_dataset":
            known = ["logsource", "datasets"]
            action = self.logsourceDatasets(node)
        case "value_placeholders":
            known = ["include", "exclude"]
            action = self.valuePlaceholders(node)
        case "ioc_list_placeholders":
            known = ["lists"]
            action = self.iocListPlaceholders(node)
        default:
            if Self.pySigmaTypes.contains(type) {
                context.report(
                    .pipelineTransformationUnsupported,
                    "unsupported feature: the pySigma transformation `\(type)` is not in sigflare's pipeline "
                        + "subset (docs/pipelines.md)",
                    at: typeNode)
            } else {
                var message = "unknown transformation type `\(type)`"
                let ours = ["field_name_mapping", "logsource_dataset", "value_placeholders", "ioc_list_placeholders"]
                if let suggestion = Suggestion.closest(to: type, in: ours) {
                    message += "; did you mean `\(suggestion)`?"
                }
                context.report(.pipelineTransformationTypeUnknown, message, at: typeNode)
            }
            return nil
        }

        // Conditions and common keys.
        var ruleConditions: [LogSourceSelector] = []
        var linking = PipelineTransformation.ConditionLinking.and
        var negated = false
        for pair in node.pairs ?? [] {
            switch pair.key {
            case "type", "id":
                continue
            case "rule_conditions":
                for element in pair.value.elements ?? [pair.value] {
                    if let selector = self.ruleCondition(element) { ruleConditions.append(selector) }
                }
            case "rule_cond_op":
                if let op = pair.value.string.flatMap(PipelineTransformation.ConditionLinking.init(rawValue:)) {
                    linking = op
                } else {
                    context.report(.pipelineConditionInvalid, "`rule_cond_op` must be `and` or `or`", at: pair.value)
                }
            case "rule_cond_not":
                negated = context.bool(pair.value, attribute: "rule_cond_not", default: false)
            case "rule_cond_expr", "detection_item_conditions", "detection_item_cond_op", "detection_item_cond_not",
                "detection_item_cond_expr", "field_name_conditions", "field_name_cond_op", "field_name_cond_not",
                "field_name_cond_expr":
                context.report(
                    .pipelineConditionUnsupported,
                    "unsupported feature: `\(pair.key)`; sigflare pipelines support `rule_conditions` of type "
                        + "`logsource` only",
                    at: pair.keyNode)
            default:
                if !known.contains(pair.key) {
                    context.report(
                        .pipelineKeyUnknown, "unknown key `\(pair.key)` in a `\(type)` transformation is ignored",
                        at: pair.keyNode)
                }
            }
        }
        guard context.errorCount == errorsBefore, let action else { return nil }
        return PipelineTransformation(
            id: context.string(node["id"], attribute: "id"), action: action, ruleConditions: ruleConditions,
            conditionLinking: linking, negated: negated, location: context.location(node))
    }

    private func ruleCondition(_ node: YAMLNode) -> LogSourceSelector? {
        let context = self.context
        guard node.pairs != nil else {
            context.report(
                .pipelineConditionInvalid, "a rule condition must be a mapping with `type: logsource`",
                at: node)
            return nil
        }
        let type = node["type"]?.string
        guard type == "logsource" else {
            context.report(
                .pipelineConditionUnsupported,
                "unsupported feature: rule condition type `\(type ?? "(none)")`; only `logsource` is supported",
                at: node["type"] ?? node)
            return nil
        }
        return self.selector(node, allowedExtraKeys: ["type"])
    }

    private func selector(_ node: YAMLNode, allowedExtraKeys: Set<String>) -> LogSourceSelector? {
        let context = self.context
        var selector = LogSourceSelector(location: context.location(node))
        for pair in node.pairs ?? [] {
            if allowedExtraKeys.contains(pair.key) { continue }
            guard let value = pair.value.scalar?.value, !pair.value.isNull else {
                context.report(.pipelineConditionInvalid, "`\(pair.key)` must be a string", at: pair.value)
                return nil
            }
            switch pair.key {
            case "category": selector.category = value
            case "product": selector.product = value
            case "service": selector.service = value
            default:
                context.report(
                    .pipelineConditionInvalid,
                    "a logsource selector takes `category`, `product` and `service`, not `\(pair.key)`",
                    at: pair.keyNode)
                return nil
            }
        }
        if selector.category == nil, selector.product == nil, selector.service == nil {
            context.report(
                .pipelineConditionInvalid,
                "a logsource selector needs at least one of `category`, `product`, `service`", at: node)
            return nil
        }
        return selector
    }

    // MARK: Transformation parameters

    private func fieldMapping(_ node: YAMLNode) -> PipelineTransformation.Action? {
        let context = self.context
        guard let mappingNode = node["mapping"], let pairs = mappingNode.pairs else {
            context.report(
                .pipelineTransformationInvalid,
                "`field_name_mapping` needs a `mapping` of Sigma field names to field names",
                at: node["mapping"] ?? node)
            return nil
        }
        var mapping: [String: [String]] = [:]
        for pair in pairs {
            let elements = pair.value.elements ?? [pair.value]
            let names = elements.compactMap { element -> String? in
                guard let name = element.scalar?.value, !element.isNull, !name.isEmpty else { return nil }
                return name
            }
            guard names.count == elements.count, !names.isEmpty else {
                context.report(
                    .pipelineTransformationInvalid,
                    "`\(pair.key)` must map to a field name or a non-empty list of field names",
                    at: pair.value)
                continue
            }
            if mapping[pair.key] != nil {
                context.report(.pipelineTransformationInvalid, "`\(pair.key)` is mapped twice", at: pair.keyNode)
                continue
            }
            mapping[pair.key] = names
        }
        return .fieldNameMapping(mapping)
    }

    private func logsourceDatasets(_ node: YAMLNode) -> PipelineTransformation.Action? {
        let context = self.context
        guard let logsourceNode = node["logsource"], logsourceNode.pairs != nil else {
            context.report(
                .pipelineTransformationInvalid,
                "`logsource_dataset` needs a `logsource` mapping (`category`, `product`, `service`)",
                at: node["logsource"] ?? node)
            return nil
        }
        guard let selector = self.selector(logsourceNode, allowedExtraKeys: []) else { return nil }
        let datasets = context.stringList(node["datasets"], attribute: "datasets")
        guard !datasets.isEmpty else {
            context.report(
                .pipelineTransformationInvalid, "`logsource_dataset` needs a non-empty `datasets` list",
                at: node["datasets"] ?? node)
            return nil
        }
        return .logsourceDatasets(selector: selector, datasets: datasets)
    }

    private func valuePlaceholders(_ node: YAMLNode) -> PipelineTransformation.Action? {
        let include = node["include"].map { self.context.stringList($0, attribute: "include") }
        let exclude = node["exclude"].map { self.context.stringList($0, attribute: "exclude") }
        if include != nil, exclude != nil {
            self.context.report(
                .pipelineTransformationInvalid,
                "`include` and `exclude` cannot be used together", at: node["exclude"] ?? node)
            return nil
        }
        return .valuePlaceholders(include: include, exclude: exclude)
    }

    private func iocListPlaceholders(_ node: YAMLNode) -> PipelineTransformation.Action? {
        let context = self.context
        guard let listsNode = node["lists"], let pairs = listsNode.pairs else {
            context.report(
                .pipelineTransformationInvalid,
                "`ioc_list_placeholders` needs `lists`, a mapping of placeholder names to IOC list names",
                at: node["lists"] ?? node)
            return nil
        }
        var lists: [String: String] = [:]
        for pair in pairs {
            guard let list = pair.value.scalar?.value, !pair.value.isNull, !list.isEmpty else {
                context.report(.pipelineTransformationInvalid, "`\(pair.key)` must name an IOC list", at: pair.value)
                continue
            }
            lists[pair.key] = list
        }
        return .iocListPlaceholders(lists)
    }
}
