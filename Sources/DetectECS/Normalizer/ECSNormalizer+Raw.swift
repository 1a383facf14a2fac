import DetectCore
import DetectJSON

extension ECSNormalizer {
    private static let vendor = ConstantString("Cloudflare")
    private static let eventKind = ConstantString("event")
    private static let unknownDataset = ConstantString(CloudflareDataset.unknownName)

    /// Maps a raw Cloudflare record: keep it under `cloudflare`, apply the dataset's table, derive.
    mutating func normalizeRaw(root: Int, dataset given: CloudflareDataset?, into event: inout Event) -> NormalizedRecord {
        let ids = self.catalog.ids
        self.scratch.shape.resolve(
            root: root, in: event.tape, keys: self.catalog.keys, document: self.scratch.parse.documentCount,
            repeatsPreviousKeys: self.scratch.parse.repeatsPreviousKeys)
        event.set(ids.cloudflare, node: root)
        event.setString(ids.observerVendor, Self.vendor)

        let dataset = given ?? self.detectDataset()
        guard let dataset else {
            event.setString(ids.eventKind, Self.eventKind)
            event.setString(ids.eventDataset, Self.unknownDataset)
            return .unknown
        }
        let mapping = self.catalog.mappings[dataset.index]
        self.scratch.formattedTime = nil
        self.scratch.shape.fillSlots(&self.scratch.slots, for: mapping)

        for constant in mapping.constants {
            self.write(constant.value, to: constant.field, in: &event)
        }
        // Rules are read in place, field by field: copying a whole `Rule` retains its subpath and the
        // payload of its conversion.
        mapping.rules.withUnsafeBufferPointer { rules in
            for index in rules.indices {
                let target = rules[index].target
                if rules[index].isFallback, event.has(target) { continue }
                guard let node = self.rawValue(slot: rules[index].rawSlot, subpath: rules[index].subpath, in: event.tape)
                else { continue }
                if rules[index].isAppend {
                    self.convertAppending(node, with: rules[index].conversion, to: target, in: &event)
                } else {
                    self.convert(node, with: rules[index].conversion, to: target, in: &event)
                }
            }
        }
        self.deriveTimestamp(mapping, in: &event)
        self.deriveURL(mapping, in: &event)
        self.deriveDomainParts(in: &event)
        self.deriveAddresses(in: &event)
        self.deriveRelated(mapping, in: &event)
        if !event.has(ids.eventKind) { event.setString(ids.eventKind, Self.eventKind) }
        event.setString(ids.eventDataset, mapping.datasetName)
        return .cloudflare(dataset)
    }

    /// The dataset of the record whose keys `scratch.shape` holds, detected once per key sequence.
    private mutating func detectDataset() -> CloudflareDataset? {
        if let detection = self.scratch.shape.detection { return detection }
        let detection = self.scratch.shape.ids.withUnsafeBufferPointer { self.catalog.detect(keyIDs: $0) }
        self.scratch.shape.detection = detection
        return detection
    }

    /// The value of a raw slot, walking `subpath` into objects; nil when absent, null or empty.
    @inline(__always)
    func rawValue(slot: Int, subpath: [[UInt8]], in tape: ValueTape) -> Int? {
        let node = Int(self.scratch.slots[slot])
        guard node >= 0 else { return nil }
        if subpath.isEmpty { return Self.isEmpty(tape.nodes[node]) ? nil : node }
        return Self.walk(from: node, subpath: subpath, in: tape)
    }

    /// The value at `node` (a raw slot's value), walking `subpath` into objects; nil when absent, null
    /// or empty. Static, so that the per-rule call copies nothing of the normalizer.
    private static func walk(from start: Int, subpath: [[UInt8]], in tape: ValueTape) -> Int? {
        var node = start
        for segment in subpath {
            guard tape.nodes[node].kind == .object else { return nil }
            var found = -1
            tape.forEachMember(of: node) { key, value in
                guard found < 0 else { return }
                let matches = tape.withText(of: key) { name in
                    name.count == segment.count && segment.withUnsafeBytes { $0.elementsEqual(name) }
                }
                if matches { found = value }
            }
            guard found >= 0 else { return nil }
            node = found
        }
        return Self.isEmpty(tape.nodes[node]) ? nil : node
    }

    /// Null, the empty string, and the empty array or object are "no value".
    static func isEmpty(_ node: ValueNode) -> Bool {
        switch node.kind {
        case .null: true
        case .string, .array, .object: node.length == 0
        default: false
        }
    }

    /// The raw value of an optional slot.
    func rawValue(_ slot: Int?, in tape: ValueTape) -> Int? {
        guard let slot else { return nil }
        return self.rawValue(slot: slot, subpath: [], in: tape)
    }
}
