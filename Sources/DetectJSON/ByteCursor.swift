/// A ``JSONOutput`` over memory of fixed size, for writing without the per-append checks of an array.
///
/// Every write is bounds-checked: one that does not fit writes nothing and sets ``overflowed``, after
/// which the caller discards the text and writes it again into more memory. The cursor must not outlive
/// the memory it was made from (it is made and used inside one `withUnsafeMutableBytes` call).
struct ByteCursor: JSONOutput {
    private let base: UnsafeMutableRawPointer?
    private let capacity: Int
    /// Bytes written so far.
    private(set) var count = 0
    /// Whether a write did not fit; the text written is then incomplete.
    private(set) var overflowed = false

    init(_ memory: UnsafeMutableRawBufferPointer) {
        self.base = memory.baseAddress
        self.capacity = memory.count
    }

    @inline(__always)
    mutating func writeByte(_ byte: UInt8) {
        guard self.count < self.capacity, let base = self.base else {
            self.overflowed = true
            return
        }
        base.storeBytes(of: byte, toByteOffset: self.count, as: UInt8.self)
        self.count += 1
    }

    @inline(__always)
    mutating func writeBytes(_ bytes: UnsafeRawBufferPointer) {
        guard let source = bytes.baseAddress, bytes.count > 0 else { return }
        guard bytes.count <= self.capacity - self.count, let base = self.base else {
            self.overflowed = true
            return
        }
        (base + self.count).copyMemory(from: source, byteCount: bytes.count)
        self.count += bytes.count
    }
}
