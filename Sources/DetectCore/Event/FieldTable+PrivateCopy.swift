extension FieldTable {
    /// A copy that shares no storage with this table, not even a string's or an array's: threads that each
    /// read their own copy on a hot path (writing alerts) never update the same reference counts, which would
    /// otherwise bounce between the cores.
    public func privateCopy() -> FieldTable {
        FieldTable(
            paths: self.paths.map { String(decoding: Self.fresh(Array($0.utf8)), as: UTF8.self) },
            segments: self.segments.map(Self.fresh),
            parents: Self.fresh(self.parents))
    }

    /// An array with the same elements in storage of its own.
    private static func fresh<Element>(_ array: [Element]) -> [Element] {
        [Element](unsafeUninitializedCapacity: array.count) { buffer, count in
            _ = buffer.initialize(from: array)
            count = array.count
        }
    }
}
