public import DetectCore

/// Reads which Cloudflare dataset an ECS input document belongs to, for routing rules.
///
/// Looks at `event.dataset` (nested or as a flat dotted key) of a document the normalizer passed through
/// (``NormalizedRecord/ecs``) and accepts sigflare's names (`http_requests`), Elastic's (`http_request`) and
/// either with an integration prefix (`cloudflare.http_request`, `cloudflare_logpush.http_request`). The last
/// answer is cached, so a stream of documents of one dataset builds no string.
public struct DocumentDatasetReader: Sendable {
    private var last: (text: [UInt8], dataset: CloudflareDataset?)?

    public init() {}

    /// The dataset `event` (an ECS input document) names, or nil when it names no Cloudflare dataset.
    public mutating func dataset(of event: Event) -> CloudflareDataset? {
        guard let root = event.node(.root), let node = Self.datasetNode(in: root, tape: event.tape) else { return nil }
        return event.tape.withText(of: node) { text in
            if let last = self.last, last.text.count == text.count,
                last.text.withUnsafeBytes({ text.isEmpty || ByteEquality.equal($0.baseAddress!, text.baseAddress!, count: text.count) })
            {
                return last.dataset
            }
            let name = String(decoding: text, as: UTF8.self)
            let bare = name.split(separator: ".", maxSplits: 1).last.map(String.init) ?? name
            let dataset = CloudflareDataset(name: name) ?? CloudflareDataset(name: bare)
            self.last = (Array(text), dataset)
            return dataset
        }
    }

    /// The string node of `event.dataset` under the document object `root`: the first, in document order, of
    /// a `dataset` string in an `event` object and an `event.dataset` string.
    private static func datasetNode(in root: Int, tape: ValueTape) -> Int? {
        tape.bytes.withUnsafeBytes { bytes in
            tape.nodes.withUnsafeBufferPointer { nodes in
                /// Whether the unescaped key at `key` is `literal`.
                func key(_ key: Int, is literal: StaticString) -> Bool {
                    let node = nodes[key]
                    return !node.isEscaped
                        && ECSNormalizer.equals(
                            UnsafeRawBufferPointer(rebasing: bytes[Int(node.offset)..<Int(node.offset + node.length)]),
                            literal)
                }
                var member = root + 1
                for _ in 0..<Int(nodes[root].length) {
                    let value = member + 1
                    if nodes[value].kind == .object, key(member, is: "event") {
                        var inner = value + 1
                        for _ in 0..<Int(nodes[value].length) {
                            if nodes[inner + 1].kind == .string, key(inner, is: "dataset") { return inner + 1 }
                            inner = tape.end(of: inner + 1)
                        }
                    } else if nodes[value].kind == .string, key(member, is: "event.dataset") {
                        return value
                    }
                    member = tape.end(of: value)
                }
                return nil
            }
        }
    }
}
