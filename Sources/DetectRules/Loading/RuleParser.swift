internal import DetectCore

/// Reads a detection rule document.
struct RuleParser {
    let context: ParseContext

    func parse(_ root: YAMLNode) -> SigmaRule? {
        let context = self.context
        let errorsBefore = context.errorCount
        let metadataParser = MetadataParser(context: context)
        let metadata = metadataParser.parse(root)
        let logsource = metadataParser.logsource(root)
        var detection: Detection?
        if let pair = root.pair("detection") {
            detection = DetectionParser(context: context).parse(pair.value, keyNode: pair.keyNode, section: "detection")
        } else {
            context.report(.ruleDetectionMissing, "the rule has no `detection` section", at: root)
        }
        var fields: [SigmaField] = []
        if let node = root["fields"], !node.isNull {
            for element in node.elements ?? [node] {
                if let name = element.scalar?.value, !element.isNull {
                    fields.append(SigmaField(name, location: context.location(element)))
                } else {
                    context.report(.ruleAttributeType, "`fields` entries must be field names; ignored", at: element)
                }
            }
        }
        guard context.errorCount == errorsBefore, let metadata, let logsource, let detection else { return nil }
        return SigmaRule(
            metadata: metadata, logsource: logsource, fields: fields, detection: detection,
            location: context.location(root))
    }
}
