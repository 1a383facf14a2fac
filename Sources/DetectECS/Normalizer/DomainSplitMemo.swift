import Glibc

/// The last domain text split with the Public Suffix List and its parts, so that a host split again is
/// compared instead of split: `destination.domain` repeats `url.domain` in http_requests, and the records
/// of one zone share a few hosts.
struct DomainSplitMemo: Sendable {
    private var text: [UInt8] = []
    /// The parts of `text`; nil before the first split.
    private var parts: DomainParts?

    /// `suffixes.split(text)`, taken from the memo when `text` is the text split last.
    mutating func split(_ text: UnsafeBufferPointer<UInt8>, with suffixes: PublicSuffixList) -> DomainParts {
        if let parts = self.parts, self.text.count == text.count,
            text.isEmpty
                || self.text.withUnsafeBufferPointer({ memcmp($0.baseAddress!, text.baseAddress!, text.count) == 0 })
        {
            return parts
        }
        let parts = suffixes.split(text)
        self.text.removeAll(keepingCapacity: true)
        self.text.append(contentsOf: text)
        self.parts = parts
        return parts
    }
}
