import Glibc

/// A small ordered set of byte strings, stored back to back in one buffer, for collecting the distinct
/// `related.*` values of a record. Each string may name the tape node whose text it is, so that the
/// value can be written by sharing that node's bytes.
///
/// The buffers are reused from record to record: emptying the set only resets its counts (clearing an
/// array costs a call into the standard library's general `replaceSubrange`), and later strings
/// overwrite the old ones. No allocation once warmed up.
struct DistinctByteStrings: Sendable {
    /// The strings' bytes in the first `byteCount` bytes; the rest is left over from earlier records.
    private var bytes: [UInt8] = []
    private var byteCount = 0
    /// End offset in `bytes` of each string and the node whose text it is (-1 for none), in the first
    /// `count` entries.
    private var entries: [(end: Int, node: Int)] = []
    private(set) var count = 0

    var isEmpty: Bool { self.count == 0 }

    /// Empties the set, keeping its buffers.
    mutating func removeAll() {
        self.byteCount = 0
        self.count = 0
    }

    /// Adds `value` unless an equal string is already present (a linear scan: records have few values).
    ///
    /// - Parameter node: A tape node whose text is exactly `value`, if there is one.
    mutating func insert(_ value: UnsafeRawBufferPointer, node: Int? = nil) {
        let present = self.bytes.withUnsafeBytes { stored in
            var start = 0
            for index in 0..<self.count {
                let end = self.entries[index].end
                if end - start == value.count,
                    value.isEmpty || memcmp(stored.baseAddress! + start, value.baseAddress!, value.count) == 0
                {
                    return true
                }
                start = end
            }
            return false
        }
        guard !present else { return }
        let end = self.byteCount + value.count
        if self.bytes.count < end {
            self.bytes.append(contentsOf: repeatElement(0, count: end - self.bytes.count))
        }
        if !value.isEmpty {
            let start = self.byteCount
            self.bytes.withUnsafeMutableBytes {
                ($0.baseAddress! + start).copyMemory(from: value.baseAddress!, byteCount: value.count)
            }
        }
        self.byteCount = end
        let entry = (end: end, node: node ?? -1)
        if self.count < self.entries.count {
            self.entries[self.count] = entry
        } else {
            self.entries.append(entry)
        }
        self.count += 1
    }

    /// The node given for the string at `index` (< `count`), in insertion order; nil when none was.
    func node(at index: Int) -> Int? {
        let node = self.entries[index].node
        return node >= 0 ? node : nil
    }

    /// Calls `body` with the string at `index` (< `count`), in insertion order.
    func withValue<R>(at index: Int, _ body: (UnsafeRawBufferPointer) -> R) -> R {
        let start = index == 0 ? 0 : self.entries[index - 1].end
        return self.bytes.withUnsafeBytes { body(UnsafeRawBufferPointer(rebasing: $0[start..<self.entries[index].end])) }
    }
}
