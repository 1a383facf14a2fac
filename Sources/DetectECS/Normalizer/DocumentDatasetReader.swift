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
            if let last = self.last, last.text.elementsEqual(text) { return last.dataset }
            let name = String(decoding: text, as: UTF8.self)
            let bare = name.split(separator: ".", maxSplits: 1).last.map(String.init) ?? name
            let dataset = CloudflareDataset(name: name) ?? CloudflareDataset(name: bare)
            self.last = (Array(text), dataset)
            return dataset
        }
    }

    /// The string node of `event.dataset` under the document object `root`.
    private static func datasetNode(in root: Int, tape: ValueTape) -> Int? {
        var found: Int?
        tape.forEachMember(of: root) { key, value in
            guard found == nil else { return }
            tape.withText(of: key) { name in
                if ECSNormalizer.equals(name, "event"), tape.nodes[value].kind == .object {
                    tape.forEachMember(of: value) { inner, member in
                        if found == nil, tape.nodes[member].kind == .string,
                            tape.withText(of: inner, { ECSNormalizer.equals($0, "dataset") })
                        {
                            found = member
                        }
                    }
                } else if ECSNormalizer.equals(name, "event.dataset"), tape.nodes[value].kind == .string {
                    found = value
                }
            }
        }
        return found
    }
}
