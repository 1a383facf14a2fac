/// The live groups of one correlation: a hash map from group key to slot, and the slots in a doubly linked
/// list from least to most recently updated, so the stalest group is found (and evicted or expired) in O(1).
/// Slots are reused; per-slot data of the window lives in arrays indexed by slot elsewhere.
struct GroupTable {
    /// The most live groups.
    let capacity: Int
    /// Live groups.
    private(set) var liveCount = 0
    /// Slots ever allocated (live or free).
    var slotCount: Int { self.keys.count }

    private var slotByKey: [GroupKey: Int32] = [:]
    private(set) var keys: [GroupKey] = []
    /// Per slot: the latest event time the group counted, the end of its window (microseconds).
    var newest: [Int64] = []
    /// Per slot: whether the condition held at the group's last evaluation.
    var active: [Bool] = []
    private var previous: [Int32] = []
    private var next: [Int32] = []
    private var free: [Int32] = []
    /// The least recently updated live slot, or -1.
    private(set) var oldest: Int32 = -1
    private var newestSlot: Int32 = -1

    init(capacity: Int) {
        self.capacity = capacity
    }

    /// The slot of `key`, if it is live.
    func slot(of key: GroupKey) -> Int32? {
        self.slotByKey[key]
    }

    /// A fresh slot for `key` (not yet live), as the most recently updated. The caller evicts first when the
    /// table is full.
    mutating func insert(_ key: GroupKey) -> Int32 {
        let slot: Int32
        if let reused = self.free.popLast() {
            slot = reused
            self.keys[Int(slot)] = key
            self.newest[Int(slot)] = .min
            self.active[Int(slot)] = false
        } else {
            slot = Int32(self.keys.count)
            self.keys.append(key)
            self.newest.append(.min)
            self.active.append(false)
            self.previous.append(-1)
            self.next.append(-1)
        }
        self.slotByKey[key] = slot
        self.liveCount += 1
        self.link(slot)
        return slot
    }

    /// Marks `slot` as the most recently updated.
    mutating func touch(_ slot: Int32) {
        guard slot != self.newestSlot else { return }
        self.unlink(slot)
        self.link(slot)
    }

    /// Frees a live slot.
    mutating func remove(_ slot: Int32) {
        self.unlink(slot)
        self.slotByKey[self.keys[Int(slot)]] = nil
        self.keys[Int(slot)] = GroupKey()
        self.free.append(slot)
        self.liveCount -= 1
    }

    private mutating func link(_ slot: Int32) {
        self.previous[Int(slot)] = self.newestSlot
        self.next[Int(slot)] = -1
        if self.newestSlot >= 0 { self.next[Int(self.newestSlot)] = slot } else { self.oldest = slot }
        self.newestSlot = slot
    }

    private mutating func unlink(_ slot: Int32) {
        let before = self.previous[Int(slot)]
        let after = self.next[Int(slot)]
        if before >= 0 { self.next[Int(before)] = after } else { self.oldest = after }
        if after >= 0 { self.previous[Int(after)] = before } else { self.newestSlot = before }
    }
}
