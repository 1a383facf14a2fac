import DetectCore
import DetectECS
import DetectJSON
import Foundation

/// One raw record normalized with dataset detection, its ECS output read back as JSON: what the
/// per-dataset suites assert on.
struct NormalizedOutput {
    /// What the normalizer made of the record (the detected dataset).
    let record: NormalizedRecord
    /// The output document, flattened to dotted paths (objects only; arrays are leaves).
    let fields: [String: Any]

    /// Normalizes `json` (one raw Cloudflare record) without naming its dataset.
    init(_ json: String) throws {
        var normalizer = ECSNormalizer(publicSuffixList: try PublicSuffixList())
        var event = Event()
        var bytes = Array(json.utf8)
        self.record = try bytes.withUnsafeMutableBytes { raw in
            try normalizer.normalize(UnsafeRawBufferPointer(raw), into: &event)
        }
        var writer = JSONWriter()
        var scratch = EventWriterScratch()
        writer.writeEvent(event, table: FieldRegistry.shared.table(), scratch: &scratch)
        var fields: [String: Any] = [:]
        Self.flatten(try JSONSerialization.jsonObject(with: Data(writer.output)), prefix: "", into: &fields)
        self.fields = fields
    }

    /// A string field.
    func string(_ path: String) -> String? { self.fields[path] as? String }

    /// An array field of strings, sorted (order is not part of the contract).
    func strings(_ path: String) -> [String]? { (self.fields[path] as? [Any])?.compactMap { $0 as? String }.sorted() }

    /// An integer field.
    func integer(_ path: String) -> Int? {
        guard let number = self.fields[path] as? NSNumber, String(cString: number.objCType) != "c" else { return nil }
        return number.intValue
    }

    /// A numeric field as a double.
    func double(_ path: String) -> Double? { (self.fields[path] as? NSNumber)?.doubleValue }

    /// Whether the output has `path` (a leaf, or an object containing leaves).
    func has(_ path: String) -> Bool { self.fields.keys.contains { $0 == path || $0.hasPrefix(path + ".") } }

    private static func flatten(_ value: Any, prefix: String, into fields: inout [String: Any]) {
        if let object = value as? [String: Any] {
            for (key, child) in object {
                Self.flatten(child, prefix: prefix.isEmpty ? key : "\(prefix).\(key)", into: &fields)
            }
        } else {
            fields[prefix] = value
        }
    }
}
