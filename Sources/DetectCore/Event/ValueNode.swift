/// One value of a ``ValueTape``: a scalar, or the head of an array or object whose children follow it.
///
/// Strings and numbers point into the tape's bytes (`offset`, `length`); containers record how many
/// children they have and the index just past their subtree, so a subtree can be skipped in O(1).
public struct ValueNode: Sendable {
    public var kind: ValueKind
    /// For strings: the bytes are JSON-escaped (they contain `\` sequences) and must be decoded to read.
    public var isEscaped: Bool
    /// Strings and numbers: length of the text in bytes. Arrays: element count. Objects: member count.
    public var length: UInt32
    /// Strings and numbers: byte offset of the text. Containers: index of the node after the subtree.
    public var offset: UInt32
    /// Integers: the value. Floats: the bit pattern. Bools: 0 or 1.
    public var payload: UInt64

    @inlinable
    public init(kind: ValueKind, isEscaped: Bool = false, length: UInt32, offset: UInt32, payload: UInt64) {
        self.kind = kind
        self.isEscaped = isEscaped
        self.length = length
        self.offset = offset
        self.payload = payload
    }

    @inlinable
    public var integer: Int64 { Int64(bitPattern: self.payload) }

    @inlinable
    public var float: Double { Double(bitPattern: self.payload) }

    @inlinable
    public var bool: Bool { self.payload != 0 }

    /// The number as a double, for integers and floats alike.
    @inlinable
    public var number: Double? {
        switch self.kind {
        case .integer: Double(self.integer)
        case .float: self.float
        default: nil
        }
    }

    @inlinable
    public var isContainer: Bool { self.kind == .array || self.kind == .object }
}
