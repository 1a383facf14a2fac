/// An entry of a list (IOC file, `cidr` values, domain list) that a set could not use.
///
/// The set is still built from the other entries; the caller turns each error into a diagnostic,
/// mapping ``index`` back to a file line.
public struct SetEntryError: Error, Hashable, Sendable, CustomStringConvertible {
    /// The entry's position in the input sequence (0-based).
    public let index: Int
    /// The entry as given.
    public let entry: String
    /// Why it was rejected, such as `not an IPv4 or IPv6 address or CIDR network`.
    public let reason: String

    /// An error for the entry at `index`.
    public init(index: Int, entry: String, reason: String) {
        self.index = index
        self.entry = entry
        self.reason = reason
    }

    /// `entry 3 "10.0.0.0/33": not an IPv4 or IPv6 address or CIDR network`.
    public var description: String { "entry \(self.index) \"\(self.entry)\": \(self.reason)" }
}
