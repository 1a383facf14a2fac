/// One event: typed values on a ``ValueTape`` and the fields that name them.
///
/// Fields are flat entries `FieldID → node`. A node may itself be an object (the raw Cloudflare record
/// under `cloudflare`, or a whole ECS input document under ``FieldID/root``); ``resolve(_:in:)`` walks into
/// such objects, so a dotted name finds nested objects and flat dotted keys alike. Each field has at
/// most one entry; setting it again replaces the value.
///
/// An event is reused from record to record (``removeAll()`` keeps every buffer's capacity), so the hot
/// path allocates nothing once warmed up.
public struct Event: Sendable {
    /// A field and the index of its value node in ``tape``.
    public struct Entry: Sendable {
        public var field: FieldID
        public var node: Int32
    }

    public var tape = ValueTape()
    /// The fields in the order they were first set; removed fields keep a slot with `node == -1`.
    public private(set) var entries: [Entry] = []
    /// For each field index: the generation that set it and its index in `entries`. Entries of older
    /// generations are stale, so emptying the event needs no pass over this array.
    @usableFromInline
    private(set) var slots: [Slot] = []
    @usableFromInline
    private(set) var generation: UInt32 = 1

    @usableFromInline
    struct Slot: Sendable {
        @usableFromInline
        var stamp: UInt32
        @usableFromInline
        var entry: Int32
    }

    public init() {}

    /// Empties the event for the next record, keeping buffer capacity.
    public mutating func removeAll() {
        self.tape.removeAll()
        self.entries.removeAll(keepingCapacity: true)
        self.generation &+= 1
        if self.generation == 0 {
            for index in self.slots.indices { self.slots[index].stamp = 0 }
            self.generation = 1
        }
    }

    /// The value node of `field` when it has an entry of its own (no walking into objects).
    @inlinable
    public func node(_ field: FieldID) -> Int? {
        guard let slot = self.slot(field) else { return nil }
        let node = self.entries[slot].node
        return node < 0 ? nil : Int(node)
    }

    /// Sets `field` to the value node at `node`, replacing any earlier value.
    public mutating func set(_ field: FieldID, node: Int) {
        let index = field.index
        if index < self.slots.count {
            let slot = self.slots[index]
            if slot.stamp == self.generation {
                self.entries[Int(slot.entry)].node = Int32(node)
                return
            }
        } else {
            self.growSlots(toInclude: index)
        }
        self.slots[index] = Slot(stamp: self.generation, entry: Int32(self.entries.count))
        self.entries.append(Entry(field: field, node: Int32(node)))
    }

    /// Makes `slots` long enough for field index `index` (out of line: it happens once per field index).
    @inline(never)
    private mutating func growSlots(toInclude index: Int) {
        let newCount = max(index + 1, self.slots.count * 2, 64)
        self.slots.append(contentsOf: repeatElement(Slot(stamp: 0, entry: 0), count: newCount - self.slots.count))
    }

    /// Removes the value of `field`, if it has an entry of its own.
    public mutating func remove(_ field: FieldID) {
        if let slot = self.slot(field) { self.entries[slot].node = -1 }
    }

    /// Whether `field` has an entry of its own.
    @inlinable
    public func has(_ field: FieldID) -> Bool { self.node(field) != nil }

    @inlinable
    func slot(_ field: FieldID) -> Int? {
        let index = field.index
        guard index < self.slots.count else { return nil }
        let slot = self.slots[index]
        return slot.stamp == self.generation ? Int(slot.entry) : nil
    }
}
