import DetectCore

/// The key sequence of the previous raw record with each key's catalog id and the dataset detected
/// for it, so that a record with the same keys in the same order (the usual case: one stream comes from
/// one Logpush job) resolves its keys with byte comparisons instead of hash lookups.
///
/// A key that differs from the previous record at its position is looked up in the ``ByteKeyTable``;
/// then the cache is rebuilt from this record and the cached detection is dropped.
struct KeyShapeCache: Sendable {
    /// The previous record's keys, raw (possibly escaped) bytes back to back.
    private var keyBytes: [UInt8] = []
    /// Start offset in `keyBytes` of each key, and the end of the last one.
    private var keyStarts: [Int32] = [0]
    /// Catalog key id of each key (-1 for unknown or escaped keys), in record order.
    private(set) var ids: [Int32] = []
    /// The dataset detected for this key sequence (itself nil when none fits); nil until it is detected.
    var detection: CloudflareDataset??

    /// Appends `(key id, value node)` for each member of the object at `root` to `members`, and makes the
    /// cache describe this record's keys.
    mutating func resolve(
        root: Int, in tape: ValueTape, keys: ByteKeyTable, into members: inout [(key: Int32, value: Int32)]
    ) {
        let count = Int(tape.nodes[root].length)
        let cachedCount = self.ids.count
        var matches = true
        // Sized first, then filled in place: one capacity check instead of one per member. Indexes stay in
        // bounds: `position < count` members were appended, `ids` has `cachedCount` entries and
        // `keyStarts` one more, and the object's children are nodes of the tape.
        let first = members.count
        members.append(contentsOf: repeatElement((key: -1, value: -1), count: count))
        members.withUnsafeMutableBufferPointer { members in tape.nodes.withUnsafeBufferPointer { nodes in
            tape.bytes.withUnsafeBytes { text in
                self.keyBytes.withUnsafeBytes { cached in
                    self.keyStarts.withUnsafeBufferPointer { starts in
                        self.ids.withUnsafeBufferPointer { ids in
                            var child = root + 1
                            for position in 0..<count {
                                let key = nodes[child]
                                let bytes = UnsafeRawBufferPointer(
                                    rebasing: text[Int(key.offset)..<Int(key.offset + key.length)])
                                if matches, position < cachedCount,
                                    Self.equal(bytes, cached, from: Int(starts[position]), to: Int(starts[position + 1]))
                                {
                                    members[first + position] = (ids[position], Int32(child + 1))
                                } else {
                                    matches = false
                                    let id = key.isEscaped ? -1 : keys.id(of: bytes).map(Int32.init) ?? -1
                                    members[first + position] = (id, Int32(child + 1))
                                }
                                let value = nodes[child + 1]
                                child = value.isContainer ? Int(value.offset) : child + 2
                            }
                        }
                    }
                }
            }
        } }
        guard !matches || count != cachedCount else { return }
        self.rebuild(root: root, in: tape, members: members)
    }

    /// Makes the cache describe the keys of `root`, whose ids are in `members`.
    private mutating func rebuild(root: Int, in tape: ValueTape, members: [(key: Int32, value: Int32)]) {
        self.keyBytes.removeAll(keepingCapacity: true)
        self.keyStarts.removeAll(keepingCapacity: true)
        self.keyStarts.append(0)
        self.ids.removeAll(keepingCapacity: true)
        self.detection = nil
        tape.forEachMember(of: root) { key, _ in
            tape.withText(of: key) { self.keyBytes.appendBytes($0) }
            self.keyStarts.append(Int32(self.keyBytes.count))
        }
        for member in members { self.ids.append(member.key) }
    }

    /// Whether `bytes` equals `cached[start..<end]`, compared eight bytes at a time; the last word of a
    /// key of eight bytes or more overlaps the one before it, so no byte is compared alone.
    @inline(__always)
    private static func equal(_ bytes: UnsafeRawBufferPointer, _ cached: UnsafeRawBufferPointer, from start: Int, to end: Int)
        -> Bool
    {
        let count = bytes.count
        guard end - start == count else { return false }
        guard count >= 8 else {
            for index in 0..<count where bytes[index] != cached[start + index] { return false }
            return true
        }
        var index = 0
        while index < count - 8 {
            guard bytes.loadUnaligned(fromByteOffset: index, as: UInt64.self)
                == cached.loadUnaligned(fromByteOffset: start + index, as: UInt64.self)
            else { return false }
            index += 8
        }
        return bytes.loadUnaligned(fromByteOffset: count - 8, as: UInt64.self)
            == cached.loadUnaligned(fromByteOffset: start + count - 8, as: UInt64.self)
    }
}
