import Foundation

/// The deliberate differences from a reference normalizer, read from the `*.tsv` files of
/// `Fixtures/conformance/deviations/` (one per dataset).
///
/// Each line: `source<TAB>dataset<TAB>case<TAB>field<TAB>reason`; `case` may be `*`, and `field` may end
/// in `*` to cover every field under a prefix. Lines starting with `#` are comments.
struct Deviations {
    struct Entry {
        let source, dataset, caseName, field, reason: String
        let line: String
        func covers(source: String, dataset: String, caseName: String, field: String) -> Bool {
            guard source == self.source, self.dataset == "*" || dataset == self.dataset,
                self.caseName == "*" || caseName == self.caseName
            else { return false }
            if self.field.hasSuffix("*") { return field.hasPrefix(self.field.dropLast()) }
            return field == self.field
        }
    }

    let entries: [Entry]
    private(set) var used: Set<String> = []

    init(folder: URL) throws {
        var entries: [Entry] = []
        let files = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasSuffix(".tsv") }
        for file in files.sorted() {
            let text = try String(contentsOf: folder.appendingPathComponent(file), encoding: .utf8)
            for (index, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
                guard !line.hasPrefix("#"), !line.trimmingCharacters(in: .whitespaces).isEmpty else { continue }
                let columns = line.split(separator: "\t", omittingEmptySubsequences: false).map(String.init)
                guard columns.count == 5, !columns[4].isEmpty else {
                    throw NSError(domain: "\(file):\(index + 1): expected 5 tab-separated columns", code: 1)
                }
                entries.append(
                    Entry(
                        source: columns[0], dataset: columns[1], caseName: columns[2], field: columns[3],
                        reason: columns[4], line: "\(file):\(index + 1)"
                    )
                )
            }
        }
        self.entries = entries
    }

    /// The deviation that explains a disagreement, marking it used.
    mutating func explain(source: String, dataset: String, caseName: String, field: String) -> Entry? {
        guard let entry = self.entries.first(where: {
            $0.covers(source: source, dataset: dataset, caseName: caseName, field: field)
        }) else { return nil }
        self.used.insert(entry.line)
        return entry
    }

    /// Entries of `source` that explained nothing: stale lines to remove.
    func unused(source: String) -> [Entry] {
        self.entries.filter { $0.source == source && !self.used.contains($0.line) }
    }
}
