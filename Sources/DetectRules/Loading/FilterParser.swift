internal import DetectCore

/// Reads a filter document (a YAML document with a `filter` section).
struct FilterParser {
    let context: ParseContext

    func parse(_ root: YAMLNode) -> SigmaFilter? {
        let context = self.context
        let errorsBefore = context.errorCount
        let metadata = MetadataParser(context: context).parse(root)
        let logsource = MetadataParser(context: context).logsource(root)
        guard let sectionPair = root.pair("filter"), sectionPair.value.pairs != nil else {
            context.report(
                .filterInvalid,
                "`filter` must be a mapping with `rules`, search identifiers and a `condition`",
                at: root["filter"] ?? root)
            return nil
        }
        let section = sectionPair.value
        let rules = CorrelationParser(context: context).references(section["rules"])
        if rules.isEmpty {
            context.report(
                .filterRulesMissing, "the filter names no `rules` (ids or names of the rules it tunes)",
                at: section["rules"] ?? sectionPair.keyNode)
        }
        let detection = DetectionParser(context: context).parse(
            section, keyNode: sectionPair.keyNode, section: "filter", reservedKeys: ["rules"])
        guard context.errorCount == errorsBefore, let metadata, let logsource, let detection else { return nil }
        return SigmaFilter(
            metadata: metadata, logsource: logsource, rules: rules, detection: detection,
            location: context.location(root))
    }
}
