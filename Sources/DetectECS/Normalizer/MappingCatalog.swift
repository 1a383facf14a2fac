import DetectCore

/// Every dataset mapping compiled once, with the key table that recognises records.
///
/// Immutable and shared by all normalizers of a process.
final class MappingCatalog: Sendable {
    /// Every raw field name of every dataset.
    let keys: ByteKeyTable
    /// For each key id: the datasets that have the field, one bit per `CloudflareDataset` case.
    let datasetsOfKey: [UInt32]
    /// For each key id: the datasets for which the field is a marker.
    let markersOfKey: [UInt32]
    /// Number of fields of each dataset, to break ties towards the more specific dataset.
    let fieldCounts: [Int]
    /// Compiled mappings in `CloudflareDataset.allCases` order.
    let mappings: [CompiledMapping]
    let ids: ECSFieldIDs

    init(registry: FieldRegistry = .shared) {
        let datasets = CloudflareDataset.allCases
        let tables = datasets.map(DatasetMapping.mapping(for:))
        var names: [String] = []
        var seen: Set<String> = []
        for table in tables {
            let raws = table.fields + table.markers + table.timestamp + table.rules.map(\.raw)
                + [table.url?.scheme, table.url?.host, table.url?.uri, table.url?.path, table.url?.query].compactMap { $0 }
                + table.related.ip + table.related.hosts + table.related.user + table.related.hash
            for raw in raws {
                let top = DottedName.head(raw)
                if seen.insert(top).inserted { names.append(top) }
            }
        }
        let keys = ByteKeyTable(names)
        var datasetsOfKey = [UInt32](repeating: 0, count: keys.count)
        var markersOfKey = [UInt32](repeating: 0, count: keys.count)
        for (index, table) in tables.enumerated() {
            let bit = UInt32(1) << UInt32(index)
            for field in table.fields + table.markers {
                if let key = keys.id(of: field) { datasetsOfKey[key] |= bit }
            }
            for marker in table.markers {
                if let key = keys.id(of: marker) { markersOfKey[key] |= bit }
            }
        }
        self.keys = keys
        self.datasetsOfKey = datasetsOfKey
        self.markersOfKey = markersOfKey
        self.fieldCounts = tables.map { Set($0.fields + $0.markers).count }
        self.mappings = zip(tables, datasets).map { CompiledMapping($0, dataset: $1, keys: keys, registry: registry) }
        self.ids = ECSFieldIDs(registry: registry)
    }

    /// The dataset whose fields best explain a record's keys, or nil when none explains at least two.
    ///
    /// Each key known to a dataset scores 2 for it, a marker 8 more; ties go to the dataset with fewer
    /// fields (the more specific one).
    func detect(keyIDs: UnsafeBufferPointer<Int32>) -> CloudflareDataset? {
        var scores = (
            [Int](repeating: 0, count: 32), [Int](repeating: 0, count: 32)
        )
        for key in keyIDs where key >= 0 {
            var datasets = self.datasetsOfKey[Int(key)]
            let markers = self.markersOfKey[Int(key)]
            while datasets != 0 {
                let index = datasets.trailingZeroBitCount
                scores.0[index] += 2 + (markers & (1 << UInt32(index)) != 0 ? 8 : 0)
                scores.1[index] += 1
                datasets &= datasets - 1
            }
        }
        var best: Int?
        for index in 0..<self.mappings.count where scores.1[index] >= 2 {
            guard let current = best else {
                best = index
                continue
            }
            if scores.0[index] > scores.0[current]
                || (scores.0[index] == scores.0[current] && self.fieldCounts[index] < self.fieldCounts[current])
            {
                best = index
            }
        }
        return best.map { CloudflareDataset.allCases[$0] }
    }
}
