internal import DetectCore
internal import DetectMatch

/// A bounded memo of rule-index scans, one per thread: for a field of a ``RuleIndex`` and a value, the rules
/// the value satisfies (``FieldIndex/forEachRule(matching:_:)``). Log values repeat from event to event (user
/// agents, URLs, domains), and most satisfy no rule, so most scans become one hash, one probe and one
/// comparison of the bytes.
///
/// - **Table.** Direct-mapped: ``slotCount`` slots; a new entry replaces its slot's entry.
/// - **Admission.** A value is stored on its second sighting (each slot also remembers 16 bits of the hash of
///   the last value seen there and not stored), so values seen once (ids, timestamps, addresses) do not evict
///   useful entries.
/// - **Memory.** Values and rule lists are kept in two arenas; when one would outgrow its bound
///   (``maxBytes``, ``maxRules``) every entry is dropped and the memo fills again: about 2.25 MiB at most (the
///   table 1 MiB, the arenas 1.25 MiB). A lookup reads one slot: one cache line, most often a miss, since
///   the table is read at random (a separate table of sightings cost a second miss for every value not stored).
/// - **Owner.** Entries belong to one ``RuleIndex``; used with another, the memo starts over.
struct ScanMemo {
    /// Slots of the table (a power of two). The bench events repeat about 58,000
    /// distinct values; with 16,384 slots they kept evicting each other (a replay 10 % slower in paired runs).
    static let slotCount = 1 << 16
    /// Bound on the stored value bytes.
    static let maxBytes = 1 << 20
    /// Bound on the stored rule indices.
    static let maxRules = (1 << 16) - 1
    /// Longer values are never stored (a slot holds a length of 12 bits).
    static let maxValueBytes = 4095

    /// One stored value: where its bytes and rules are in the arenas, ``empty`` in `field` when empty; and the
    /// sighting of the slot. 16 bytes, four to a cache line: the table is read at random, once per value of
    /// every event.
    private struct Slot {
        static let empty = UInt16.max
        var hash: UInt32 = 0
        /// The bytes' start in the arena (low 20 bits: ``maxBytes``) and their count (high 12 bits).
        var bytes: UInt32 = 0
        var field = Slot.empty
        var ruleStart: UInt16 = 0
        var ruleCount: UInt16 = 0
        /// The high half of the hash of the last value seen here and not stored, or 0.
        var sighting: UInt16 = 0

        var byteStart: Int { Int(self.bytes & 0xF_FFFF) }
        var byteCount: Int { Int(self.bytes >> 20) }
    }

    /// The index the entries belong to.
    private var owner: RuleIndex?
    private var slots: [Slot] = []
    private var bytes: [UInt8] = []
    /// The rule lists of the entries, back to back.
    private var rules: [Int32] = []
    /// The rules a value satisfies, gathered while scanning it for storing.
    private var found: [Int32] = []

    /// Empties the memo unless it already belongs to `index`. Call it before ``mark(_:in:into:)``.
    mutating func prepare(for index: RuleIndex) {
        if self.owner === index { return }
        self.owner = index
        self.clear()
    }

    /// Adds to `rules` (``RuleBits`` words) every rule whose required value in `field` `text` satisfies: from
    /// the memo when the value is stored, else by scanning it (and storing it on its second sighting).
    @inline(__always)
    mutating func mark(_ text: UnsafeRawBufferPointer, in field: FieldIndex, into rules: UnsafeMutableBufferPointer<UInt64>) {
        let hash = Self.hash(text, field: field.ordinal)
        let index = Int(hash) & (Self.slotCount - 1)
        let slot = self.slots[index]
        if slot.hash == hash, Int32(slot.field) == field.ordinal, slot.byteCount == text.count,
            self.bytes.withUnsafeBytes({ Self.equal($0.baseAddress! + slot.byteStart, text) })
        {
            if slot.ruleCount > 0 {
                self.rules.withUnsafeBufferPointer { stored in
                    for rule in stored[Int(slot.ruleStart)..<Int(slot.ruleStart + slot.ruleCount)] {
                        RuleBits.insert(rule, into: rules)
                    }
                }
            }
            return
        }
        let sighting = UInt16(truncatingIfNeeded: hash >> 16)
        guard text.count <= Self.maxValueBytes, slot.sighting == sighting else {
            self.slots[index].sighting = sighting
            field.forEachRule(matching: text) { RuleBits.insert($0, into: rules) }
            return
        }
        self.found.removeAll(keepingCapacity: true)
        field.forEachRule(matching: text) { rule in
            RuleBits.insert(rule, into: rules)
            self.found.append(rule)
        }
        self.store(text, field: field.ordinal, hash: hash)
    }

    /// The value bytes stored, for tests.
    var storedByteCount: Int { self.bytes.count }

    /// The slot of `text` in field `field`, for tests.
    static func slot(of text: UnsafeRawBufferPointer, field: Int32) -> Int {
        Int(Self.hash(text, field: field)) & (Self.slotCount - 1)
    }

    /// The hash of `text` for the field with ``FieldIndex/ordinal`` `field`.
    @inline(__always)
    private static func hash(_ text: UnsafeRawBufferPointer, field: Int32) -> UInt32 {
        let hash = ByteHash.hash(text, folding: false) ^ (UInt64(UInt32(bitPattern: field)) &* 0x9E37_79B9_7F4A_7C15)
        return UInt32(truncatingIfNeeded: hash ^ (hash >> 32))
    }

    /// Whether the stored bytes at `stored` equal `text`.
    @inline(__always)
    private static func equal(_ stored: UnsafeRawPointer, _ text: UnsafeRawBufferPointer) -> Bool {
        text.isEmpty || ByteEquality.equal(stored, text.baseAddress!, count: text.count)
    }

    /// Stores ``found`` (each rule once, ascending) as what `text` satisfies in field `field`.
    private mutating func store(_ text: UnsafeRawBufferPointer, field: Int32, hash: UInt32) {
        self.found.sort()
        var unique = 0
        for rule in self.found where unique == 0 || self.found[unique - 1] != rule {
            self.found[unique] = rule
            unique += 1
        }
        // The slot's narrow fields hold every value the bounds allow; an entry they could not hold is not stored.
        guard field < Int32(Slot.empty), unique < Int(UInt16.max) else { return }
        // Starts stay below ``maxBytes``, in the slot's 20 bits.
        if self.bytes.count + text.count >= Self.maxBytes || self.rules.count + unique > Self.maxRules {
            self.clear()
        }
        let index = Int(hash) & (Self.slotCount - 1)
        self.slots[index] = Slot(
            hash: hash, bytes: UInt32(self.bytes.count) | UInt32(text.count) << 20, field: UInt16(field),
            ruleStart: UInt16(self.rules.count), ruleCount: UInt16(unique))
        self.bytes.append(contentsOf: text)
        self.found.withUnsafeBufferPointer { self.rules.append(contentsOf: UnsafeBufferPointer(rebasing: $0[0..<unique])) }
    }

    /// Drops every entry and sighting.
    private mutating func clear() {
        self.slots = Array(repeating: Slot(), count: Self.slotCount)
        self.bytes.removeAll(keepingCapacity: true)
        self.rules.removeAll(keepingCapacity: true)
    }
}
