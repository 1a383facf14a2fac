import DetectCore

/// A small ordered set of byte strings, stored back to back in one buffer (no allocation per string once
/// warmed up), for collecting the distinct `related.*` values of a record. Each string may name the tape
/// node whose text it is, so that the value can be written by sharing that node's bytes.
struct DistinctByteStrings: Sendable {
    private var bytes: [UInt8] = []
    /// End offset in `bytes` of each string, and the node whose text it is (-1 for none).
    private var entries: [(end: Int, node: Int)] = []

    var count: Int { self.entries.count }
    var isEmpty: Bool { self.entries.isEmpty }

    /// Empties the set, keeping its capacity.
    mutating func removeAll() {
        // Most `related.*` sets of a record stay empty; clearing an array is not free even then.
        guard !self.entries.isEmpty else { return }
        self.bytes.removeAll(keepingCapacity: true)
        self.entries.removeAll(keepingCapacity: true)
    }

    /// Adds `value` unless an equal string is already present (a linear scan: records have few values).
    ///
    /// - Parameter node: A tape node whose text is exactly `value`, if there is one.
    mutating func insert(_ value: UnsafeRawBufferPointer, node: Int? = nil) {
        let present = self.bytes.withUnsafeBytes { stored in
            var start = 0
            for entry in self.entries {
                if entry.end - start == value.count,
                    UnsafeRawBufferPointer(rebasing: stored[start..<entry.end]).elementsEqual(value)
                {
                    return true
                }
                start = entry.end
            }
            return false
        }
        guard !present else { return }
        self.bytes.appendBytes(value)
        self.entries.append((self.bytes.count, node ?? -1))
    }

    /// The node given for the string at `index`, in insertion order; nil when none was.
    func node(at index: Int) -> Int? {
        let node = self.entries[index].node
        return node >= 0 ? node : nil
    }

    /// Calls `body` with the string at `index`, in insertion order.
    func withValue<R>(at index: Int, _ body: (UnsafeRawBufferPointer) -> R) -> R {
        let start = index == 0 ? 0 : self.entries[index - 1].end
        return self.bytes.withUnsafeBytes { body(UnsafeRawBufferPointer(rebasing: $0[start..<self.entries[index].end])) }
    }
}
