import DetectCore

/// A small ordered set of byte strings, stored back to back in one buffer (no allocation per string once
/// warmed up), for collecting the distinct `related.*` values of a record.
struct DistinctByteStrings: Sendable {
    private var bytes: [UInt8] = []
    /// End offset in `bytes` of each string.
    private var ends: [Int] = []

    var count: Int { self.ends.count }
    var isEmpty: Bool { self.ends.isEmpty }

    /// Empties the set, keeping its capacity.
    mutating func removeAll() {
        // Most `related.*` sets of a record stay empty; clearing an array is not free even then.
        guard !self.ends.isEmpty else { return }
        self.bytes.removeAll(keepingCapacity: true)
        self.ends.removeAll(keepingCapacity: true)
    }

    /// Adds `value` unless an equal string is already present (a linear scan: records have few values).
    mutating func insert(_ value: UnsafeRawBufferPointer) {
        let present = self.bytes.withUnsafeBytes { stored in
            var start = 0
            for end in self.ends {
                if end - start == value.count,
                    UnsafeRawBufferPointer(rebasing: stored[start..<end]).elementsEqual(value)
                {
                    return true
                }
                start = end
            }
            return false
        }
        guard !present else { return }
        self.bytes.appendBytes(value)
        self.ends.append(self.bytes.count)
    }

    /// Calls `body` with the string at `index`, in insertion order.
    func withValue<R>(at index: Int, _ body: (UnsafeRawBufferPointer) -> R) -> R {
        let start = index == 0 ? 0 : self.ends[index - 1]
        return self.bytes.withUnsafeBytes { body(UnsafeRawBufferPointer(rebasing: $0[start..<self.ends[index]])) }
    }
}
