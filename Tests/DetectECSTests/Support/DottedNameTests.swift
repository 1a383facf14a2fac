import Testing

@testable import DetectECS

/// Dotted raw-field names split on their `.` bytes as `split(separator:)` splits them on Characters.
struct DottedNameTests {
    @Test("head and tail agree with String.split for plain, nested, odd and non-ASCII names", arguments: [
        "EdgeResponseStatus", "Cookies.name", "a.b.c", "a..b", ".a", "a.", "é.ü.x", "日本.語",
    ])
    func agreesWithSplit(name: String) {
        let segments = name.split(separator: ".")
        #expect(DottedName.head(name) == String(segments[0]))
        #expect(DottedName.tail(name) == segments.dropFirst().map { Array($0.utf8) })
    }

    @Test("every raw name of every dataset's mapping table splits as String.split does")
    func everyMappedName() {
        for dataset in CloudflareDataset.allCases {
            let mapping = DatasetMapping.mapping(for: dataset)
            for raw in mapping.fields + mapping.rules.map(\.raw) {
                let segments = raw.split(separator: ".")
                #expect(DottedName.head(raw) == String(segments[0]), "\(dataset): \(raw)")
                #expect(DottedName.tail(raw) == segments.dropFirst().map { Array($0.utf8) }, "\(dataset): \(raw)")
            }
        }
    }
}
