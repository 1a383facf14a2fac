internal import DetectCore

/// Reads a `detection` section (or a filter's `filter` section): search identifiers, items, values, conditions.
struct DetectionParser {
    let context: ParseContext

    /// Parses a detection mapping. Keys in `reservedKeys` (a filter's `rules`) are skipped.
    ///
    /// - Parameters:
    ///   - node: the section's value.
    ///   - keyNode: the section's key, where "missing" problems are reported.
    /// - Returns: the detection, or `nil` when it had an error (everything found is reported).
    func parse(_ node: YAMLNode, keyNode: YAMLNode, section: String, reservedKeys: Set<String> = []) -> Detection? {
        let context = self.context
        let errorsBefore = context.errorCount
        guard let pairs = node.pairs else {
            context.report(
                .ruleDetectionInvalid,
                "`\(section)` must be a mapping of search identifiers and a `condition`, found \(node.typeDescription)",
                at: node)
            return nil
        }
        var identifiers: [SearchIdentifier] = []
        var names: [String] = []
        var conditionPair: YAMLPair?
        for pair in pairs {
            guard pair.keyNode.scalar != nil else {
                context.report(
                    .yamlKeyType, "mapping keys must be plain strings, found \(pair.keyNode.typeDescription)",
                    at: pair.keyNode)
                continue
            }
            switch pair.key {
            case "condition":
                conditionPair = pair
                continue
            case "timeframe":
                context.report(
                    .ruleDetectionTimeframe,
                    "unsupported feature: the legacy `timeframe` is ignored; write a correlation rule with "
                        + "`timespan` instead",
                    at: pair.keyNode)
                continue
            default:
                if reservedKeys.contains(pair.key) { continue }
            }
            names.append(pair.key)
            if !Self.isReferenceable(pair.key) {
                context.report(
                    .ruleDetectionIdentifier,
                    "the identifier `\(pair.key)` has characters a condition cannot name (use letters, digits, "
                        + "`_` and `-`)",
                    at: pair.keyNode)
            }
            if let identifier = self.identifier(pair) { identifiers.append(identifier) }
        }
        if names.isEmpty {
            context.report(.ruleDetectionEmpty, "`\(section)` defines no search identifier", at: keyNode)
        }
        var conditions: [SigmaCondition] = []
        if let conditionPair {
            conditions = self.conditions(conditionPair.value, identifiers: names)
        } else {
            context.report(.ruleConditionMissing, "`\(section)` has no `condition`", at: keyNode)
        }
        guard context.errorCount == errorsBefore else { return nil }
        return Detection(identifiers: identifiers, conditions: conditions, location: context.location(node))
    }

    /// Letters, digits, `_` and `-`: what the condition grammar can name.
    static func isReferenceable(_ name: String) -> Bool {
        !name.isEmpty
            && name.utf8.allSatisfy { byte in
                byte.isDigit || (byte | 0x20 >= UInt8(ascii: "a") && byte | 0x20 <= UInt8(ascii: "z"))
                    || byte == UInt8(ascii: "_") || byte == UInt8(ascii: "-")
            }
    }

    // MARK: Conditions

    private func conditions(_ node: YAMLNode, identifiers: [String]) -> [SigmaCondition] {
        let parser = ConditionParser(maxDepth: self.context.options.maxConditionDepth)
        var nodes: [YAMLNode]
        switch node.kind {
        case .scalar:
            nodes = [node]
        case .sequence(let elements):
            nodes = elements
            if elements.isEmpty {
                self.context.report(.ruleConditionSyntax, "the `condition` list is empty", at: node)
            }
        case .mapping:
            self.context.report(
                .ruleConditionSyntax, "`condition` must be a string or a list of strings, found a mapping",
                at: node)
            return []
        }
        var conditions: [SigmaCondition] = []
        for element in nodes {
            guard let scalar = element.scalar else {
                self.context.report(
                    .ruleConditionSyntax, "a condition must be a string, found \(element.typeDescription)",
                    at: element)
                continue
            }
            let locate = self.context.source.locator(for: element)
            let (expression, diagnostics) = parser.parse(
                element.isNull ? "" : scalar.value, identifiers: identifiers, ruleID: self.context.ruleID,
                locate: locate)
            self.context.append(diagnostics)
            if let expression {
                conditions.append(SigmaCondition(source: scalar.value, expression: expression, location: locate(0)))
            }
        }
        return conditions
    }

    // MARK: Search identifiers

    private func identifier(_ pair: YAMLPair) -> SearchIdentifier? {
        let context = self.context
        let body = pair.value
        let location = context.location(pair.keyNode)
        switch body.kind {
        case .mapping(let pairs):
            if pairs.isEmpty {
                context.report(.ruleDetectionEmpty, "the search identifier `\(pair.key)` is an empty mapping", at: body)
                return nil
            }
            guard let map = self.map(body) else { return nil }
            return SearchIdentifier(name: pair.key, maps: [map], location: location)
        case .sequence(let elements):
            if elements.isEmpty {
                context.report(.ruleDetectionEmpty, "the search identifier `\(pair.key)` is an empty list", at: body)
                return nil
            }
            var maps: [DetectionMap] = []
            var keywordNodes: [YAMLNode] = []
            var keywordSlot: Int?
            var valid = true
            for element in elements {
                switch element.kind {
                case .mapping(let pairs):
                    if pairs.isEmpty {
                        context.report(.ruleDetectionEmpty, "an empty mapping in `\(pair.key)`", at: element)
                        valid = false
                    } else if let map = self.map(element) {
                        maps.append(map)
                    } else {
                        valid = false
                    }
                case .scalar:
                    if keywordSlot == nil { keywordSlot = maps.count }
                    keywordNodes.append(element)
                case .sequence:
                    context.report(
                        .ruleDetectionInvalid,
                        "unsupported feature: nested lists in the search identifier `\(pair.key)`", at: element)
                    valid = false
                }
            }
            if let keywordSlot, let first = keywordNodes.first {
                if let item = self.keywordItem(keywordNodes, location: context.location(first)) {
                    maps.insert(DetectionMap(items: [item], location: item.location), at: keywordSlot)
                } else {
                    valid = false
                }
            }
            return valid ? SearchIdentifier(name: pair.key, maps: maps, location: location) : nil
        case .scalar:
            if body.isNull {
                context.report(
                    .ruleDetectionEmpty, "the search identifier `\(pair.key)` has no value", at: pair.keyNode)
                return nil
            }
            guard let item = self.keywordItem([body], location: context.location(body)) else { return nil }
            return SearchIdentifier(
                name: pair.key, maps: [DetectionMap(items: [item], location: item.location)], location: location)
        }
    }

    /// A keyword item from plain list elements (values ORed, no modifiers).
    private func keywordItem(_ nodes: [YAMLNode], location: SourceLocation) -> DetectionItem? {
        let analysis = ModifierChainAnalysis()
        var values: [SigmaValue] = []
        var valid = true
        for node in nodes {
            if let value = ValueParser(context: self.context).value(node, analysis: analysis, hasField: false) {
                values.append(value)
            } else {
                valid = false
            }
        }
        return valid ? DetectionItem(field: nil, modifiers: [], values: values, location: location) : nil
    }

    /// One mapping: the AND of its `field|modifiers: values` items.
    private func map(_ node: YAMLNode) -> DetectionMap? {
        guard let pairs = node.pairs else { return nil }
        var items: [DetectionItem] = []
        var valid = true
        for pair in pairs {
            guard pair.keyNode.scalar != nil else {
                self.context.report(
                    .yamlKeyType, "mapping keys must be plain strings, found \(pair.keyNode.typeDescription)",
                    at: pair.keyNode)
                valid = false
                continue
            }
            if let item = self.item(pair) { items.append(item) } else { valid = false }
        }
        return valid ? DetectionMap(items: items, location: self.context.location(node)) : nil
    }

    // MARK: Items

    /// One `field|mod|mod: values` entry.
    private func item(_ pair: YAMLPair) -> DetectionItem? {
        let context = self.context
        let locate = context.source.locator(for: pair.keyNode)
        // Split the key at `|`, remembering where each piece starts.
        let keyBytes = Array(pair.key.utf8)
        var pieces: [(text: String, offset: Int)] = []
        var start = 0
        for (index, byte) in keyBytes.enumerated() where byte == UInt8(ascii: "|") {
            pieces.append((String(decoding: keyBytes[start..<index], as: UTF8.self), start))
            start = index + 1
        }
        pieces.append((String(decoding: keyBytes[start...], as: UTF8.self), start))

        let fieldName = pieces[0].text
        let field = fieldName.isEmpty ? nil : SigmaField(fieldName, location: locate(0))
        var modifiers: [AppliedModifier] = []
        var known = true
        for (index, piece) in pieces.dropFirst().enumerated() {
            let location = locate(piece.offset)
            if let modifier = Modifier(name: piece.text) {
                modifiers.append(AppliedModifier(modifier, name: piece.text, location: location))
                continue
            }
            known = false
            let previous = index > 0 ? pieces[index].text : nil
            if previous.flatMap(Modifier.init(name:)) == .re || modifiers.last?.modifier.category == .regexFlag,
                piece.text.count == 1
            {
                context.report(
                    .ruleModifierRegexFlag,
                    "`\(piece.text)` is not a regular expression flag; `re` takes `i`, `m` and `s`", at: location)
            } else if piece.text.isEmpty {
                context.report(
                    .ruleModifierUnknown, "empty modifier (`||` or a trailing `|`) in `\(pair.key)`",
                    at: location)
            } else {
                var message = "unknown modifier `\(piece.text)`"
                if let suggestion = Suggestion.closest(to: piece.text, in: Modifier.registry.keys.sorted()) {
                    message += "; did you mean `\(suggestion)`?"
                }
                context.report(.ruleModifierUnknown, message, at: location)
            }
        }
        guard known,
            let analysis = ModifierChainValidator.analyze(modifiers, hasField: field != nil, context: context)
        else { return nil }

        let values = ValueParser(context: context).values(
            pair.value, key: pair.key, analysis: analysis, hasField: field != nil)
        guard let values else { return nil }
        return DetectionItem(
            field: field, modifiers: modifiers, values: values, location: context.location(pair.keyNode))
    }
}
