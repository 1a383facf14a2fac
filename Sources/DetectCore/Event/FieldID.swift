/// A field path (`source.ip`, `cloudflare.ClientIP`) interned to a small integer.
///
/// Ids are handed out by ``FieldRegistry`` once, at rule-compile or table-build time, so the hot path
/// never hashes a dotted string.
public struct FieldID: Hashable, Sendable, Comparable {
    public let rawValue: UInt32

    @inlinable
    public init(rawValue: UInt32) { self.rawValue = rawValue }

    /// The document root: an entry under this id holds a whole JSON object (an ECS input document).
    public static let root = FieldID(rawValue: 0)

    @inlinable
    public var index: Int { Int(self.rawValue) }

    public static func < (lhs: FieldID, rhs: FieldID) -> Bool { lhs.rawValue < rhs.rawValue }
}
