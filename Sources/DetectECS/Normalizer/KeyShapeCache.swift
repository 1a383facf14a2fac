import DetectCore

/// The key sequence of the previous raw record with each key's catalog id and the dataset detected
/// for it, so that a record with the same keys in the same order (the usual case: one stream comes from
/// one Logpush job) resolves its keys with byte comparisons instead of hash lookups.
///
/// When a record's keys differ from the cached ones, the keys from the first difference on are looked up
/// in the ``ByteKeyTable``, the cache is rebuilt from this record and the cached detection is dropped.
/// For the mapping last used with this key sequence the cache also keeps which key positions feed which
/// raw slots, so filling the slots of a record visits only the keys the mapping reads.
struct KeyShapeCache: Sendable {
    /// The previous record's keys, raw (possibly escaped) bytes back to back.
    private var keyBytes: [UInt8] = []
    /// Start offset in `keyBytes` of each key, and the end of the last one.
    private var keyStarts: [Int32] = [0]
    /// Catalog key id of each key (-1 for unknown or escaped keys), in record order.
    private(set) var ids: [Int32] = []
    /// The value node of each key of the record last resolved, in record order.
    private var values: [Int32] = []
    /// The dataset detected for this key sequence (itself nil when none fits); nil until it is detected.
    var detection: CloudflareDataset??
    /// `(key position, raw slot)` of each key that `slotPlanDataset`'s mapping reads, in record order.
    private var slotPlan: [(position: Int32, slot: Int32)] = []
    /// The dataset whose mapping `slotPlan` is for; nil when there is no plan for this key sequence.
    private var slotPlanDataset: CloudflareDataset?

    /// The parser's number (``JSONParseScratch/documentCount``) of the document last resolved.
    private var resolvedDocument = -1

    /// Reads the keys and value nodes of the members of the object at `root` and makes the cache describe
    /// this record's keys.
    ///
    /// - Parameters:
    ///   - document: The parser's number of the record's document.
    ///   - repeatsPreviousKeys: Whether the parser found the document's keys equal to those of the
    ///     document before it; when that one was the record last resolved, the keys are not compared again.
    mutating func resolve(root: Int, in tape: ValueTape, keys: ByteKeyTable, document: Int, repeatsPreviousKeys: Bool) {
        defer { self.resolvedDocument = document }
        let count = Int(tape.nodes[root].length)
        let cachedCount = self.ids.count
        if self.values.count != count {
            self.values = [Int32](repeating: -1, count: count)
        }
        if repeatsPreviousKeys, document == self.resolvedDocument + 1 {
            self.readValues(root: root, count: count, in: tape)
            return
        }
        // The position of the first key that differs from the cache (`count` when none does).
        var firstDifference = count
        tape.nodes.withUnsafeBufferPointer { nodes in
            tape.bytes.withUnsafeBytes { text in
                self.keyBytes.withUnsafeBytes { cached in
                    self.keyStarts.withUnsafeBufferPointer { starts in
                        self.values.withUnsafeMutableBufferPointer { values in
                            // In bounds: the object's children are nodes of the tape, `starts` has
                            // `cachedCount + 1` entries and `values` has `count`.
                            var matches = true
                            var child = root &+ 1
                            for position in 0..<count {
                                if matches {
                                    let key = nodes[child]
                                    matches = position < cachedCount
                                        && Self.equal(
                                            text.baseAddress! + Int(key.offset), Int(key.length), cached.baseAddress,
                                            from: Int(starts[position]), to: Int(starts[position &+ 1]))
                                    if !matches { firstDifference = position }
                                }
                                values[position] = Int32(truncatingIfNeeded: child &+ 1)
                                let value = nodes[child &+ 1]
                                child = value.isContainer ? Int(value.offset) : child &+ 2
                            }
                        }
                    }
                }
            }
        }
        guard firstDifference < count || count != cachedCount else { return }
        self.rebuild(root: root, in: tape, keys: keys, keepingIDsBefore: min(firstDifference, cachedCount))
    }

    /// Fills `values` for a record whose keys are the cached ones.
    private mutating func readValues(root: Int, count: Int, in tape: ValueTape) {
        tape.nodes.withUnsafeBufferPointer { nodes in
            self.values.withUnsafeMutableBufferPointer { values in
                // In bounds: the object's children are nodes of the tape and `values` has `count` entries.
                var child = root &+ 1
                for position in 0..<count {
                    values[position] = Int32(truncatingIfNeeded: child &+ 1)
                    let value = nodes[child &+ 1]
                    child = value.isContainer ? Int(value.offset) : child &+ 2
                }
            }
        }
    }

    /// Points each raw slot of `mapping` at this record's value for its key, or -1 when it has none.
    mutating func fillSlots(_ slots: inout [Int32], for mapping: CompiledMapping) {
        if self.slotPlanDataset != mapping.dataset { self.makeSlotPlan(for: mapping) }
        if slots.count != mapping.slotCount {
            slots = [Int32](repeating: -1, count: mapping.slotCount)
        } else {
            slots.withUnsafeMutableBufferPointer { $0.update(repeating: -1) }
        }
        // In bounds: plan positions index `values` (one per key) and plan slots are < `slotCount`.
        self.slotPlan.withUnsafeBufferPointer { plan in
            self.values.withUnsafeBufferPointer { values in
                slots.withUnsafeMutableBufferPointer { slots in
                    for entry in plan { slots[Int(entry.slot)] = values[Int(entry.position)] }
                }
            }
        }
    }

    private mutating func makeSlotPlan(for mapping: CompiledMapping) {
        self.slotPlan.removeAll(keepingCapacity: true)
        for (position, id) in self.ids.enumerated() where id >= 0 {
            let slot = mapping.slotOfKey[Int(id)]
            if slot >= 0 { self.slotPlan.append((Int32(position), slot)) }
        }
        self.slotPlanDataset = mapping.dataset
    }

    /// Makes the cache describe the keys of `root`; the ids of the first `kept` keys are the cached ones.
    private mutating func rebuild(root: Int, in tape: ValueTape, keys: ByteKeyTable, keepingIDsBefore kept: Int) {
        self.ids.removeSubrange(kept...)
        self.keyBytes.removeSubrange(Int(self.keyStarts[kept])...)
        self.keyStarts.removeSubrange((kept + 1)...)
        self.detection = nil
        self.slotPlanDataset = nil
        var position = 0
        tape.forEachMember(of: root) { key, _ in
            defer { position += 1 }
            guard position >= kept else { return }
            tape.withText(of: key) { bytes in
                self.ids.append(tape.nodes[key].isEscaped ? -1 : keys.id(of: bytes).map(Int32.init) ?? -1)
                self.keyBytes.appendBytes(bytes)
            }
            self.keyStarts.append(Int32(self.keyBytes.count))
        }
    }

    /// Whether the `count` bytes at `bytes` equal `cached[start..<end]`, compared eight bytes at a time;
    /// the last word of a key of eight bytes or more overlaps the one before it, so no byte is compared
    /// alone.
    @inline(__always)
    private static func equal(
        _ bytes: UnsafeRawPointer, _ count: Int, _ cached: UnsafeRawPointer?, from start: Int, to end: Int
    ) -> Bool {
        guard end &- start == count else { return false }
        // A key of one byte or more was cached, so `cached` is not nil then.
        guard count > 0 else { return true }
        let other = cached! + start
        guard count >= 8 else {
            for index in 0..<count where bytes.load(fromByteOffset: index, as: UInt8.self)
                != other.load(fromByteOffset: index, as: UInt8.self)
            {
                return false
            }
            return true
        }
        var index = 0
        while index < count &- 8 {
            guard bytes.loadUnaligned(fromByteOffset: index, as: UInt64.self)
                == other.loadUnaligned(fromByteOffset: index, as: UInt64.self)
            else { return false }
            index &+= 8
        }
        return bytes.loadUnaligned(fromByteOffset: count &- 8, as: UInt64.self)
            == other.loadUnaligned(fromByteOffset: count &- 8, as: UInt64.self)
    }
}
