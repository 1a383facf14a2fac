import DetectCore

/// Buffers ``JSONWriter/writeEvent(_:table:scratch:)`` reuses from event to event.
///
/// It also keeps the escaped key text of each field id written so far (see ``KeyTextCache``), so use a
/// scratch with the tables of one ``FieldRegistry`` only.
public struct EventWriterScratch: Sendable {
    var order: [Event.Entry] = []
    private var sorted: [Event.Entry] = []
    /// Every field written so far, in rank order.
    private var fieldsByRank: [FieldID] = []
    /// For each field index: whether it is in `fieldsByRank`.
    private var isListed: [Bool] = []
    /// For each field index: `generation << 32 | position in order` when the current event has it.
    private var positions: [UInt64] = []
    private var generation: UInt32 = 0
    var keyTexts = KeyTextCache()
    /// Memory an event is written into before it is appended to the writer's output in one copy; it
    /// doubles whenever an event does not fit.
    var text = [UInt8](repeating: 0, count: 16 << 10)

    public init() {}

    /// Sorts `order` by the table's rank.
    ///
    /// Each field has at most one entry and ranks are distinct, so the sorted order is the order of
    /// `fieldsByRank` (every field written so far, kept in rank order) restricted to this event's fields:
    /// each entry is stamped with its position, then the list is walked once. Ranks order paths the same
    /// way in every snapshot of a registry, so the list stays sorted as the registry grows.
    mutating func sortByRank(_ table: FieldTable) {
        self.generation &+= 1
        if self.generation == 0 {
            for index in self.positions.indices { self.positions[index] = 0 }
            self.generation = 1
        }
        for (position, entry) in self.order.enumerated() {
            let index = entry.field.index
            if index >= self.positions.count {
                self.positions.append(contentsOf: repeatElement(0, count: max(index + 1, table.count) - self.positions.count))
                self.isListed.append(contentsOf: repeatElement(false, count: self.positions.count - self.isListed.count))
            }
            if !self.isListed[index] { self.list(entry.field, table: table) }
            self.positions[index] = UInt64(self.generation) << 32 | UInt64(position)
        }
        var sorted: [Event.Entry] = []
        swap(&sorted, &self.sorted)
        sorted.removeAll(keepingCapacity: true)
        sorted.reserveCapacity(self.order.count)
        let generation = UInt64(self.generation)
        // Every listed field has a slot in `positions`, and a stamped position indexes `order`.
        self.positions.withUnsafeBufferPointer { positions in
            self.order.withUnsafeBufferPointer { order in
                for field in self.fieldsByRank {
                    let stamped = positions[field.index]
                    if stamped >> 32 == generation { sorted.append(order[Int(stamped & 0xFFFF_FFFF)]) }
                }
            }
        }
        self.sorted = self.order
        self.order = sorted
    }

    /// Inserts `field` into `fieldsByRank` at its rank.
    private mutating func list(_ field: FieldID, table: FieldTable) {
        let rank = table.ranks[field.index]
        var low = 0
        var high = self.fieldsByRank.count
        while low < high {
            let middle = (low + high) / 2
            if table.ranks[self.fieldsByRank[middle].index] < rank { low = middle + 1 } else { high = middle }
        }
        self.fieldsByRank.insert(field, at: low)
        self.isListed[field.index] = true
    }

    /// Doubles the memory of `text`.
    mutating func growText() {
        self.text.append(contentsOf: repeatElement(0, count: self.text.count))
    }
}
