public import DetectCore

/// Memory that ``JSONParser`` reuses from document to document: the worst-case node buffer, the
/// container stack, and the keys of the previous document (see ``repeatsPreviousKeys``).
///
/// A document's nodes are written to the buffer, then moved to the tape in one copy; without a scratch,
/// each document of more than a few dozen bytes allocates and frees both buffers. Documents whose node
/// buffer would exceed ``retainedNodeLimit`` nodes use temporary memory instead, so one huge line does
/// not keep megabytes alive. Use one scratch per thread.
public struct JSONParseScratch: Sendable {
    /// The largest node buffer kept between documents (24 bytes a node: 1.5 MiB).
    public static let retainedNodeLimit = 1 << 16

    var nodes: [ValueNode] = []
    var stack: [ContainerStack.Entry] = []

    /// The previous document's keys for ``KeyPrediction``: each key's member prefix (`"key":`) back to
    /// back, then 8 bytes of padding; each key's place in that text, depth and escape flag, then
    /// ``KeyPrediction/Key/end``.
    var keyText: [UInt8] = Array(repeating: 0, count: 8)
    var keys: [KeyPrediction.Key] = [.end]
    /// Whether `keyText` holds the keys of the last document parsed with this scratch.
    private var keysAreCurrent = false

    /// Documents parsed with this scratch, the rejected ones included.
    public private(set) var documentCount = 0
    /// Whether the last document parsed had exactly the keys of the document parsed just before it with
    /// this scratch: the same bytes, in the same order, at the same depths. False after a rejected
    /// document or one beyond ``retainedNodeLimit``, and for the first.
    public private(set) var repeatsPreviousKeys = false

    public init() {}

    /// Records the outcome of a document: `keysRepeated` when its keys were exactly the recorded ones,
    /// else the keys of the object or array at `root` are recorded (nil `root`: the document was
    /// rejected or not predicted, and nothing is known of its keys).
    mutating func finishDocument(root: Int?, keysRepeated: Bool, in tape: ValueTape) {
        self.documentCount += 1
        guard let root else {
            self.repeatsPreviousKeys = false
            self.keysAreCurrent = false
            return
        }
        self.repeatsPreviousKeys = keysRepeated && self.keysAreCurrent
        if !self.repeatsPreviousKeys {
            self.keyText.removeAll(keepingCapacity: true)
            self.keys.removeAll(keepingCapacity: true)
            self.recordKeys(of: root, depth: 1, in: tape)
            self.keyText.append(contentsOf: repeatElement(0, count: 8))
            self.keys.append(.end)
            self.keysAreCurrent = true
        }
    }

    /// Appends the keys under the container at `node`, whose depth (open containers) is `depth`.
    private mutating func recordKeys(of node: Int, depth: Int, in tape: ValueTape) {
        switch tape.nodes[node].kind {
        case .object:
            tape.forEachMember(of: node) { key, value in
                let start = self.keyText.count
                self.keyText.append(UInt8(ascii: "\""))
                tape.withText(of: key) { self.keyText.appendBytes($0) }
                self.keyText.append(contentsOf: "\":".utf8)
                // A key deeper than 255 gets depth 0, which no key matches (see `KeyPrediction.match`).
                self.keys.append(
                    KeyPrediction.Key(
                        start: Int32(start), count: Int32(self.keyText.count - start),
                        depth: UInt8(depth <= 255 ? depth : 0),
                        isEscaped: tape.nodes[key].isEscaped))
                self.recordKeys(of: value, depth: depth + 1, in: tape)
            }
        case .array:
            tape.forEachElement(of: node) { self.recordKeys(of: $0, depth: depth + 1, in: tape) }
        default:
            break
        }
    }
}
