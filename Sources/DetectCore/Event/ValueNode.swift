/// One value of a ``ValueTape``: a scalar, or the head of an array or object whose children follow it.
///
/// Strings and numbers point into the tape's bytes (`offset`, `length`); containers record how many
/// children they have and the index just past their subtree, so a subtree can be skipped in O(1). A
/// container read from JSON also keeps the byte range of its text (``sourceSpan``), so writing it back is
/// one copy.
public struct ValueNode: Sendable {
    public var kind: ValueKind
    /// For strings: the bytes are JSON-escaped (they contain `\` sequences) and must be decoded to read.
    public var isEscaped: Bool
    /// For strings: the bytes can be written between quotes as they are (read from JSON, or free of
    /// characters that need escaping).
    public var isVerbatim: Bool
    /// Strings and numbers: length of the text in bytes. Arrays: element count. Objects: member count.
    public var length: UInt32
    /// Strings and numbers: byte offset of the text. Containers: index of the node after the subtree.
    public var offset: UInt32
    /// Integers: the value. Floats: the bit pattern. Bools: 0 or 1. Containers read from JSON: the byte
    /// range of their text, start in the high 32 bits, end in the low 32 bits (0 when built in memory).
    public var payload: UInt64

    @inlinable
    public init(
        kind: ValueKind, isEscaped: Bool = false, isVerbatim: Bool = false, length: UInt32, offset: UInt32,
        payload: UInt64
    ) {
        self.kind = kind
        self.isEscaped = isEscaped
        self.isVerbatim = isVerbatim
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

    /// The bytes of a container's JSON text in the tape, when it was read from JSON.
    @inlinable
    public var sourceSpan: Range<Int>? {
        guard self.isContainer, self.payload != 0 else { return nil }
        return Int(self.payload >> 32)..<Int(self.payload & 0xFFFF_FFFF)
    }
}
