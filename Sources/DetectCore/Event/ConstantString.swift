/// A string written into many events (a mapping table's constant, a dataset name): its UTF-8 bytes,
/// checked once for bytes that JSON must escape, so appending it to a tape is a copy and nothing more.
public struct ConstantString: Sendable, Hashable {
    public let utf8: [UInt8]
    /// Whether the bytes can be written between quotes as they are (see ``ValueNode/isVerbatim``).
    public let isVerbatim: Bool

    public init(_ text: String) {
        self.utf8 = Array(text.utf8)
        self.isVerbatim = self.utf8.withUnsafeBytes { !JSONEscaping.needsEscaping($0) }
    }
}
