internal import DetectCore

/// A field a rule references, prepared for resolution in an event: its interned id, its ancestors (for
/// walking into object values) and its path segments (for matching nested and flat dotted keys, in the
/// per-field walk and in ``FieldPathTrie``).
struct CompiledField: Sendable {
    /// The interned id.
    let id: FieldID
    /// The dotted path (after pipeline mapping), for explanations and diagnostics.
    let path: String
    /// The proper ancestors, nearest first, ending with ``FieldID/root``.
    let ancestors: [FieldID]
    /// The path's segments as UTF-8, first to last.
    let segments: [[UInt8]]

    init(id: FieldID, path: String, table: FieldTable) {
        self.id = id
        self.path = path
        var ancestors: [FieldID] = []
        var segments: [[UInt8]] = []
        var current = id
        while current != .root {
            segments.append(table.segments[current.index])
            current = table.parents[current.index]
            ancestors.append(current)
        }
        self.ancestors = ancestors
        self.segments = segments.reversed()
    }
}
