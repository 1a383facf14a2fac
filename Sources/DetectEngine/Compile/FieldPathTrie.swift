internal import DetectCore

/// The referenced field paths as a trie of segments, for resolving every field below an object entry (the
/// root ECS document, the `cloudflare` record) in one walk over that object.
///
/// Node 0 is the root; nodes are numbered in preorder, so the descendants of node `n` are
/// `n + 1 ..< ends[n]`. Keys are looked up by bytes in one hash table of (node, dotted path from the node to
/// a descendant: `a`, `a.b`, `a.b.c`), so nested objects and flat dotted keys (`{"a":{"b":1}}`, `{"a.b":1}`)
/// reach the same node in one lookup per key. The hash reads only the node, the key's length and its first
/// and last bytes (the paths below one node are few, and every probe compares the bytes), so a key costs a
/// handful of instructions whatever its length.
struct FieldPathTrie: Sendable {
    /// Per node: the field id of its path (``FieldID/root`` for node 0).
    let ids: [FieldID]
    /// Per node: the index in ``CompiledRuleSet/fields`` of the field with that path, or -1.
    let fields: [Int32]
    /// Per node: the end of its preorder range of descendants.
    let ends: [Int32]
    /// Per node: its parent (-1 for the root).
    let parents: [Int32]
    /// Slot → entry + 1 (0: empty); open addressing with linear probing, at most half full.
    private let slots: [Int32]
    /// Per entry: the node the path starts from, the descendant it reaches, its hash and its bytes in
    /// ``keyBytes`` (`keyStarts[e] ..< keyStarts[e + 1]`).
    private let entryOwners: [Int32]
    private let entryTargets: [Int32]
    private let entryHashes: [UInt32]
    private let keyStarts: [Int32]
    private let keyBytes: [UInt8]
    /// Per field of ``CompiledRuleSet/fields``: its node.
    let fieldNodes: [Int32]
    /// Per node: how many fields lie below it.
    let fieldsBelow: [Int32]
    /// Per field id index (``FieldID/index``): its node, or -1; as long as the largest id in the trie.
    let nodesByFieldID: [Int32]
    /// Per node, 4 words: a 256-bit set of the (first byte, last byte, length) classes of the paths to its
    /// descendants (``filterBit(_:)``), which rejects most other keys before hashing.
    private let keyFilters: [UInt64]

    init(fields: [CompiledField]) {
        var builder = Builder()
        for (index, field) in fields.enumerated() { builder.insert(field, index: Int32(index)) }
        // Preorder numbering: children in insertion order.
        var order: [Int] = []
        var stack = [0]
        while let node = stack.popLast() {
            order.append(node)
            stack += builder.children[node].reversed()
        }
        var number = [Int32](repeating: 0, count: order.count)
        for (position, node) in order.enumerated() { number[node] = Int32(position) }
        var ends = [Int32](repeating: 0, count: order.count)
        for node in order.reversed() {
            ends[Int(number[node])] = builder.children[node].last.map { ends[Int(number[$0])] } ?? number[node] + 1
        }
        self.ids = order.map { builder.ids[$0] }
        self.fields = order.map { builder.fields[$0] }
        self.parents = order.map { builder.parents[$0] < 0 ? -1 : number[builder.parents[$0]] }
        self.ends = ends
        let fieldNumbers = order.map { builder.fields[$0] }
        self.fieldsBelow = ends.indices.map { node in
            Int32(fieldNumbers[(node + 1)..<Int(ends[node])].count { $0 >= 0 })
        }
        var nodesByFieldID = [Int32](repeating: -1, count: (self.ids.map(\.index).max() ?? 0) + 1)
        for (node, id) in self.ids.enumerated() { nodesByFieldID[id.index] = Int32(node) }
        self.nodesByFieldID = nodesByFieldID
        var filters = [UInt64](repeating: 0, count: order.count * 4)
        var owners: [Int32] = []
        var targets: [Int32] = []
        var hashes: [UInt32] = []
        var starts: [Int32] = [0]
        var bytes: [UInt8] = []
        for node in order {
            var pending = builder.children[node].map { ($0, builder.segments[$0]) }
            while !pending.isEmpty {
                let (child, path) = pending.removeFirst()
                owners.append(number[node])
                targets.append(number[child])
                hashes.append(path.withUnsafeBytes { Self.hash($0, owner: Int(number[node])) })
                let bit = path.withUnsafeBytes { Self.filterBit($0) }
                filters[Int(number[node]) * 4 + (bit >> 6)] |= 1 << UInt64(bit & 63)
                bytes += path
                starts.append(Int32(bytes.count))
                pending += builder.children[child].map { ($0, path + [UInt8(ascii: ".")] + builder.segments[$0]) }
            }
        }
        var capacity = 16
        while capacity < owners.count * 2 { capacity <<= 1 }
        var slots = [Int32](repeating: 0, count: capacity)
        for entry in owners.indices {
            var slot = Int(hashes[entry]) & (capacity - 1)
            while slots[slot] != 0 { slot = (slot + 1) & (capacity - 1) }
            slots[slot] = Int32(entry + 1)
        }
        self.slots = slots
        self.keyFilters = filters
        self.entryOwners = owners
        self.entryTargets = targets
        self.entryHashes = hashes
        self.keyStarts = starts
        self.keyBytes = bytes
        self.fieldNodes = builder.fieldNodes.map { number[Int($0)] }
    }

    /// Below this many fields, walking each field's own path (rejecting keys by length and first byte) costs
    /// less than one walk that looks every key of the visited objects up (callgrind, 5 bench rules: about 3,900
    /// against 7,200 instructions per event; 147 rules: 13,700 against 9,400).
    static let walkTogetherMinimum = 10

    /// Whether the fields below `node` are resolved together, in one walk over its object.
    func walksTogether(below node: Int) -> Bool { self.fieldsBelow[node] >= Self.walkTogetherMinimum }

    /// The descendant of `node` that the dotted path `key` leads to, or -1.
    @inline(__always)
    func descendant(of node: Int, key: UnsafeRawBufferPointer) -> Int {
        let bit = Self.filterBit(key)
        if self.keyFilters[node &* 4 &+ (bit >> 6)] & (1 << UInt64(bit & 63)) == 0 { return -1 }
        let hash = Self.hash(key, owner: node)
        let count = key.count
        let mask = self.slots.count - 1
        var slot = Int(hash) & mask
        while true {
            let entry = Int(self.slots[slot]) - 1
            if entry < 0 { return -1 }
            if self.entryHashes[entry] == hash, Int(self.entryOwners[entry]) == node {
                let start = Int(self.keyStarts[entry])
                if Int(self.keyStarts[entry + 1]) - start == count,
                    self.keyBytes.withUnsafeBytes({ count == 0 || ByteEquality.equal($0.baseAddress! + start, key.baseAddress!, count: count) })
                {
                    return Int(self.entryTargets[entry])
                }
            }
            slot = (slot + 1) & mask
        }
    }

    /// The bit of a node's ``keyFilters`` for `key` (0..<256): from its first and last byte and its length.
    @inline(__always)
    private static func filterBit(_ key: UnsafeRawBufferPointer) -> Int {
        guard let first = key.first, let last = key.last else { return 0 }
        return (Int(first) &* 31 &+ Int(last) &* 7 &+ key.count) & 255
    }

    /// The hash of a key below `owner` (the trie node): a multiplicative hash of the node, the key's length
    /// and its first and last bytes.
    @inline(__always)
    private static func hash(_ bytes: UnsafeRawBufferPointer, owner: Int) -> UInt32 {
        var key = UInt64(truncatingIfNeeded: owner) << 32 | UInt64(truncatingIfNeeded: bytes.count & 0xFFFF)
        if let first = bytes.first, let last = bytes.last { key |= UInt64(first) << 24 | UInt64(last) << 16 }
        return UInt32(truncatingIfNeeded: (key &* 0x9E37_79B9_7F4A_7C15) >> 32)
    }

    /// The trie before preorder numbering.
    private struct Builder {
        var ids: [FieldID] = [.root]
        var fields: [Int32] = [-1]
        var parents: [Int] = [-1]
        var segments: [[UInt8]] = [[]]
        var children: [[Int]] = [[]]
        var fieldNodes: [Int32] = []

        mutating func insert(_ field: CompiledField, index: Int32) {
            var node = 0
            let count = field.segments.count
            for (depth, segment) in field.segments.enumerated() {
                if let child = self.children[node].first(where: { self.segments[$0] == segment }) {
                    node = child
                    continue
                }
                let child = self.ids.count
                self.ids.append(depth + 1 == count ? field.id : field.ancestors[count - depth - 2])
                self.fields.append(-1)
                self.parents.append(node)
                self.segments.append(segment)
                self.children.append([])
                self.children[node].append(child)
                node = child
            }
            self.fields[node] = index
            self.fieldNodes.append(Int32(node))
        }
    }
}
