import DetectCore
import Testing

/// Byte-run equality agrees with element-wise comparison at every length the inline paths split on (0, 1,
/// 2–3, 4–7, 8–16) and beyond, whichever byte differs.
struct ByteEqualityTests {
    @Test("equal runs are equal and a run that differs in any one byte is not, at lengths 0 to 40")
    func everyLengthAndPosition() {
        for count in 0...40 {
            let lhs = (0..<count).map { UInt8(truncatingIfNeeded: $0 &* 37 &+ 11) }
            // Unaligned starts, with different bytes around the runs, so no load may read past them.
            let left = [0xAA] + lhs + [0xBB]
            #expect(Self.equal(left, lhs + [0xCC], count: count))
            for position in 0..<count {
                var rhs = lhs
                rhs[position] ^= 0x20
                #expect(!Self.equal(left, rhs, count: count), "length \(count), byte \(position)")
            }
        }
    }

    /// `ByteEquality.equal` over `count` bytes of `lhs` from offset 1 and of `rhs` from offset 0.
    static func equal(_ lhs: [UInt8], _ rhs: [UInt8], count: Int) -> Bool {
        lhs.withUnsafeBytes { left in
            rhs.withUnsafeBytes { right in ByteEquality.equal(left.baseAddress! + 1, right.baseAddress!, count: count) }
        }
    }
}
