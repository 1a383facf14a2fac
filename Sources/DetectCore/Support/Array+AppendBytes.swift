extension Array where Element == UInt8 {
    /// Appends raw bytes with one copy.
    ///
    /// `append(contentsOf:)` with an `UnsafeRawBufferPointer` walks it byte by byte; a typed buffer pointer
    /// is copied with `memcpy`.
    @inlinable
    public mutating func appendBytes(_ bytes: UnsafeRawBufferPointer) {
        guard let base = bytes.baseAddress, bytes.count > 0 else { return }
        self.append(contentsOf: UnsafeBufferPointer(start: base.assumingMemoryBound(to: UInt8.self), count: bytes.count))
    }
}
