/// A matcher would need more memory than allowed: the caller should report the list as too large for
/// this kind of matching (a rule diagnostic), not crash or swap.
public struct MatcherSizeError: Error, Hashable, Sendable, CustomStringConvertible {
    /// The bytes the matcher's table would take.
    public let requiredBytes: Int
    /// The limit it was built with.
    public let limitBytes: Int

    /// An error for a table of `requiredBytes` over `limitBytes`.
    public init(requiredBytes: Int, limitBytes: Int) {
        self.requiredBytes = requiredBytes
        self.limitBytes = limitBytes
    }

    /// `matcher table would take 512 MiB, over the limit of 64 MiB`.
    public var description: String {
        "matcher table would take \(self.requiredBytes >> 20) MiB, over the limit of \(self.limitBytes >> 20) MiB"
    }
}
