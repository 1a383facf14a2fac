#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Equality of byte runs for hash-table lookups: runs of up to 16 bytes (keys, short values) are compared
/// inline with two overlapping loads, longer ones with `memcmp`.
public enum ByteEquality {
    /// Whether the `count` bytes at `lhs` equal the `count` bytes at `rhs`.
    @inlinable
    public static func equal(_ lhs: UnsafeRawPointer, _ rhs: UnsafeRawPointer, count: Int) -> Bool {
        if count >= 8 {
            if count > 16 { return Self.longEqual(lhs, rhs, count: count) }
            let tail = count - 8
            return lhs.loadUnaligned(as: UInt64.self) == rhs.loadUnaligned(as: UInt64.self)
                && lhs.loadUnaligned(fromByteOffset: tail, as: UInt64.self)
                    == rhs.loadUnaligned(fromByteOffset: tail, as: UInt64.self)
        }
        if count >= 4 {
            let tail = count - 4
            return lhs.loadUnaligned(as: UInt32.self) == rhs.loadUnaligned(as: UInt32.self)
                && lhs.loadUnaligned(fromByteOffset: tail, as: UInt32.self)
                    == rhs.loadUnaligned(fromByteOffset: tail, as: UInt32.self)
        }
        if count >= 2 {
            let tail = count - 2
            return lhs.loadUnaligned(as: UInt16.self) == rhs.loadUnaligned(as: UInt16.self)
                && lhs.loadUnaligned(fromByteOffset: tail, as: UInt16.self)
                    == rhs.loadUnaligned(fromByteOffset: tail, as: UInt16.self)
        }
        return count == 0 || lhs.load(as: UInt8.self) == rhs.load(as: UInt8.self)
    }

    /// `memcmp` equality, for runs longer than 16 bytes.
    @usableFromInline
    static func longEqual(_ lhs: UnsafeRawPointer, _ rhs: UnsafeRawPointer, count: Int) -> Bool {
        memcmp(lhs, rhs, count) == 0
    }
}
