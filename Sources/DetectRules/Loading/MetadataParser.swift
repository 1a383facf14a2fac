internal import DetectCore

/// Reads the attributes shared by rules, correlation rules and filters, and the `logsource` section.
struct MetadataParser {
    let context: ParseContext

    /// The metadata, or `nil` when the title is missing (other problems are reported and the attribute ignored).
    func parse(_ root: YAMLNode) -> RuleMetadata? {
        let context = self.context
        context.checkKeys(root)
        // The id first, so every later diagnostic carries it.
        let id = context.string(root["id"], attribute: "id")
        context.ruleID = id
        if let id, let node = root["id"], !Self.isUUID(id) {
            context.report(
                .ruleIDFormat, "`id` should be a UUID (for example from `uuidgen`), found `\(id)`",
                at: node)
        }

        var title: String?
        if let node = root["title"], let scalar = node.scalar, !node.isNull, !scalar.value.isEmpty {
            title = scalar.value
            if scalar.value.count > 256 {
                context.report(
                    .ruleTitleLength, "the title has \(scalar.value.count) characters; at most 256 are allowed",
                    at: node)
            }
        } else if let node = root["title"] {
            let found = node.scalar != nil && !node.isNull ? "an empty string" : node.typeDescription
            context.report(.ruleTitleMissing, "`title` must be a non-empty string, found \(found)", at: node)
        } else {
            context.report(.ruleTitleMissing, "the document has no `title`", at: root)
        }

        var status: SigmaStatus?
        if let node = root["status"], let text = context.string(node, attribute: "status") {
            status = SigmaStatus(rawValue: text)
            if status == nil {
                let allowed = SigmaStatus.allCases.map { "`\($0.rawValue)`" }.joined(separator: ", ")
                context.report(.ruleStatusInvalid, "unknown status `\(text)`; use one of \(allowed)", at: node)
            }
        }

        var level: SigmaLevel?
        if let node = root["level"], let text = context.string(node, attribute: "level") {
            level = SigmaLevel(rawValue: text)
            if level == nil {
                let allowed = SigmaLevel.allCases.map { "`\($0.rawValue)`" }.joined(separator: ", ")
                context.report(.ruleLevelInvalid, "unknown level `\(text)`; use one of \(allowed)", at: node)
            }
        }

        let date = self.date(root["date"], attribute: "date")
        let modified = self.date(root["modified"], attribute: "modified")

        var author: String?
        if let node = root["author"], !node.isNull {
            if node.elements != nil {
                author = context.stringList(node, attribute: "author").joined(separator: ", ")
            } else {
                author = context.string(node, attribute: "author")
            }
        }

        let metadata = RuleMetadata(
            title: title ?? "",
            id: id,
            name: context.string(root["name"], attribute: "name"),
            status: status,
            description: context.string(root["description"], attribute: "description"),
            license: context.string(root["license"], attribute: "license"),
            author: author,
            references: context.stringList(root["references"], attribute: "references"),
            date: date,
            modified: modified,
            level: level,
            tags: context.stringList(root["tags"], attribute: "tags"),
            related: self.related(root["related"]),
            taxonomy: context.string(root["taxonomy"], attribute: "taxonomy"),
            falsepositives: context.stringList(root["falsepositives"], attribute: "falsepositives"),
            scope: context.stringList(root["scope"], attribute: "scope")
        )
        return title == nil ? nil : metadata
    }

    private func date(_ node: YAMLNode?, attribute: String) -> String? {
        guard let node, let text = self.context.string(node, attribute: attribute) else { return nil }
        if !Self.isISODate(text) {
            self.context.report(
                .ruleDateFormat, "`\(attribute)` should be an ISO 8601 date `YYYY-MM-DD`, found `\(text)`",
                at: node)
        }
        return text
    }

    private func related(_ node: YAMLNode?) -> [RelatedRule] {
        guard let node, !node.isNull else { return [] }
        guard let elements = node.elements else {
            self.context.report(
                .ruleRelatedInvalid, "`related` must be a list of `{id, type}` entries; ignored", at: node)
            return []
        }
        var related: [RelatedRule] = []
        for element in elements {
            guard let id = element["id"]?.string, let typeText = element["type"]?.string else {
                self.context.report(
                    .ruleRelatedInvalid, "a `related` entry needs an `id` and a `type`; ignored",
                    at: element)
                continue
            }
            // Sigma 1.x wrote `obsoletes`; 2.0 renamed it to `obsolete`.
            guard let type = RelatedRule.Relation(rawValue: typeText == "obsoletes" ? "obsolete" : typeText) else {
                let allowed = RelatedRule.Relation.allCases.map { "`\($0.rawValue)`" }.joined(separator: ", ")
                self.context.report(
                    .ruleRelatedInvalid, "unknown `related` type `\(typeText)`; use one of \(allowed)",
                    at: element["type"] ?? element)
                continue
            }
            related.append(RelatedRule(id: id, type: type, location: self.context.location(element)))
        }
        return related
    }

    /// The `logsource` section; `nil` (with an error) when missing or malformed.
    func logsource(_ root: YAMLNode) -> LogSource? {
        let context = self.context
        guard let node = root["logsource"] else {
            context.report(.ruleLogsourceMissing, "the document has no `logsource`", at: root)
            return nil
        }
        guard let pairs = node.pairs else {
            context.report(
                .ruleLogsourceInvalid,
                "`logsource` must be a mapping with `category`, `product` and/or `service`, found "
                    + "\(node.typeDescription)",
                at: node)
            return nil
        }
        var logsource = LogSource(location: context.location(node))
        var valid = true
        for pair in pairs {
            guard pair.keyNode.scalar != nil else {
                context.report(.yamlKeyType, "mapping keys must be plain strings", at: pair.keyNode)
                valid = false
                continue
            }
            if pair.value.isNull { continue }
            guard let value = pair.value.scalar?.value else {
                context.report(
                    .ruleLogsourceInvalid,
                    "`logsource.\(pair.key)` must be a string, found \(pair.value.typeDescription)",
                    at: pair.value)
                valid = false
                continue
            }
            switch pair.key {
            case "category": logsource.category = value
            case "product": logsource.product = value
            case "service": logsource.service = value
            case "definition": logsource.definition = value
            default: logsource.custom[pair.key] = value
            }
        }
        if valid, logsource.category == nil, logsource.product == nil, logsource.service == nil {
            context.report(
                .ruleLogsourceEmpty,
                "`logsource` has no `category`, `product` or `service`; the rule applies to every event",
                at: node)
        }
        return valid ? logsource : nil
    }

    // MARK: Formats

    static func isUUID(_ text: String) -> Bool {
        let bytes = Array(text.utf8)
        guard bytes.count == 36 else { return false }
        for (index, byte) in bytes.enumerated() {
            if index == 8 || index == 13 || index == 18 || index == 23 {
                if byte != UInt8(ascii: "-") { return false }
            } else if !byte.isHexDigit {
                return false
            }
        }
        return true
    }

    static func isISODate(_ text: String) -> Bool {
        let bytes = Array(text.utf8)
        guard bytes.count == 10, bytes[4] == UInt8(ascii: "-"), bytes[7] == UInt8(ascii: "-") else { return false }
        for index in [0, 1, 2, 3, 5, 6, 8, 9] where !bytes[index].isDigit { return false }
        let month = Int(bytes[5] - 48) * 10 + Int(bytes[6] - 48)
        let day = Int(bytes[8] - 48) * 10 + Int(bytes[9] - 48)
        return (1...12).contains(month) && (1...31).contains(day)
    }
}

extension UInt8 {
    var isDigit: Bool { self >= UInt8(ascii: "0") && self <= UInt8(ascii: "9") }
    var isHexDigit: Bool {
        self.isDigit || (self >= UInt8(ascii: "a") && self <= UInt8(ascii: "f"))
            || (self >= UInt8(ascii: "A") && self <= UInt8(ascii: "F"))
    }
}
