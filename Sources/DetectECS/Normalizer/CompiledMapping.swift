import DetectCore

/// A ``DatasetMapping`` resolved against the field registry and the catalog's key table, ready to run.
///
/// A class: the normalizer picks one per record, and a reference is one retain where a copy of the
/// tables would retain each of them.
final class CompiledMapping: Sendable {
    /// One table row, with its raw field as an index into the record's raw slots.
    struct Rule: Sendable {
        let rawSlot: Int
        /// Segments below the top-level raw key, for dotted raw names (`Event.RayID` → `RayID`).
        let subpath: [[UInt8]]
        let target: FieldID
        let conversion: Conversion
        let isFallback: Bool
        let isAppend: Bool
    }

    let dataset: CloudflareDataset
    let name: String
    /// `name`, as the `event.dataset` value.
    let datasetName: ConstantString
    /// Raw slot of each catalog key id, or -1 when the key is not a field the rules read.
    let slotOfKey: [Int32]
    let slotCount: Int
    let timestampSlots: [Int]
    let constants: [(field: FieldID, value: ECSValue)]
    let rules: [Rule]
    let url: (scheme: Int?, host: Int?, uri: Int?, path: Int?, query: Int?)?
    let related: (ip: [Int], hosts: [Int], user: [Int], hash: [Int])

    init(_ mapping: DatasetMapping, dataset: CloudflareDataset, keys: ByteKeyTable, registry: FieldRegistry) {
        self.dataset = dataset
        self.name = mapping.name
        self.datasetName = ConstantString(mapping.name)
        var slotOfKey = [Int32](repeating: -1, count: keys.count)
        var slotCount = 0
        func slot(_ raw: String) -> Int {
            let top = DottedName.head(raw)
            guard let key = keys.id(of: top) else { preconditionFailure("raw field \(top) missing from the catalog") }
            if slotOfKey[key] < 0 {
                slotOfKey[key] = Int32(slotCount)
                slotCount += 1
            }
            return Int(slotOfKey[key])
        }
        self.timestampSlots = mapping.timestamp.map(slot)
        self.rules = mapping.rules.map { rule in
            Rule(
                rawSlot: slot(rule.raw),
                subpath: DottedName.tail(rule.raw),
                target: registry.id(rule.target),
                conversion: rule.conversion,
                isFallback: rule.isFallback,
                isAppend: rule.isAppend
            )
        }
        self.url = mapping.url.map { source in
            (source.scheme.map(slot), source.host.map(slot), source.uri.map(slot), source.path.map(slot),
             source.query.map(slot))
        }
        self.related = (
            mapping.related.ip.map(slot), mapping.related.hosts.map(slot), mapping.related.user.map(slot),
            mapping.related.hash.map(slot)
        )
        self.constants = mapping.constants.map { (registry.id($0.field), $0.value) }
        self.slotOfKey = slotOfKey
        self.slotCount = slotCount
    }
}
