/// SHA-1 (FIPS 180-4) of a short byte string: the Community ID flow hash and deterministic alert ids.
///
/// Not for security: both uses fix SHA-1 as a stable digest. Written out here because the package uses no
/// Foundation or crypto library. Runs once per flow or alert: whole blocks are read from the message in
/// place, the last one or two padded in a stack buffer, and nothing is allocated on the heap.
public enum SHA1 {
    /// The five 32-bit words of a digest, first to last (the digest's bytes are each word big-endian).
    public typealias Words = (UInt32, UInt32, UInt32, UInt32, UInt32)

    /// The 20-byte digest of `message`.
    public static func digest(_ message: [UInt8]) -> [UInt8] {
        let words = message.withUnsafeBytes { Self.words(of: $0) }
        var digest: [UInt8] = []
        digest.reserveCapacity(20)
        for word in [words.0, words.1, words.2, words.3, words.4] {
            for shift in stride(from: 24, through: 0, by: -8) {
                digest.append(UInt8(truncatingIfNeeded: word >> shift))
            }
        }
        return digest
    }

    /// The digest of `message`, as five words.
    public static func words(of message: UnsafeRawBufferPointer) -> Words {
        var state: Words = (0x6745_2301, 0xEFCD_AB89, 0x98BA_DCFE, 0x1032_5476, 0xC3D2_E1F0)
        let whole = message.count / 64 * 64
        withUnsafeTemporaryAllocation(of: UInt32.self, capacity: 80) { schedule in
            var offset = 0
            while offset < whole {
                Self.compress(message.baseAddress! + offset, into: &state, schedule: schedule)
                offset += 64
            }
            // The rest of the message, the 0x80 byte, zeros and the bit count: one block or two.
            withUnsafeTemporaryAllocation(byteCount: 128, alignment: 8) { tail in
                let rest = message.count - whole
                tail.initializeMemory(as: UInt8.self, repeating: 0)
                if rest > 0 { tail.baseAddress!.copyMemory(from: message.baseAddress! + whole, byteCount: rest) }
                tail[rest] = 0x80
                let blocks = rest < 56 ? 1 : 2
                let bitCount = UInt64(message.count) &* 8
                tail.storeBytes(of: bitCount.bigEndian, toByteOffset: blocks * 64 - 8, as: UInt64.self)
                for block in 0..<blocks {
                    Self.compress(UnsafeRawPointer(tail.baseAddress! + block * 64), into: &state, schedule: schedule)
                }
            }
        }
        return state
    }

    /// Runs the compression function on the 64-byte block at `block`.
    @inline(__always)
    private static func compress(_ block: UnsafeRawPointer, into state: inout Words, schedule w: UnsafeMutableBufferPointer<UInt32>) {
        for index in 0..<16 {
            w[index] = UInt32(bigEndian: block.loadUnaligned(fromByteOffset: index * 4, as: UInt32.self))
        }
        for index in 16..<80 {
            w[index] = rotate(w[index - 3] ^ w[index - 8] ^ w[index - 14] ^ w[index - 16], 1)
        }
        var (a, b, c, d, e) = state
        for index in 0..<20 {
            let temp = rotate(a, 5) &+ ((b & c) | (~b & d)) &+ e &+ 0x5A82_7999 &+ w[index]
            (e, d, c, b, a) = (d, c, rotate(b, 30), a, temp)
        }
        for index in 20..<40 {
            let temp = rotate(a, 5) &+ (b ^ c ^ d) &+ e &+ 0x6ED9_EBA1 &+ w[index]
            (e, d, c, b, a) = (d, c, rotate(b, 30), a, temp)
        }
        for index in 40..<60 {
            let temp = rotate(a, 5) &+ ((b & c) | (b & d) | (c & d)) &+ e &+ 0x8F1B_BCDC &+ w[index]
            (e, d, c, b, a) = (d, c, rotate(b, 30), a, temp)
        }
        for index in 60..<80 {
            let temp = rotate(a, 5) &+ (b ^ c ^ d) &+ e &+ 0xCA62_C1D6 &+ w[index]
            (e, d, c, b, a) = (d, c, rotate(b, 30), a, temp)
        }
        state = (state.0 &+ a, state.1 &+ b, state.2 &+ c, state.3 &+ d, state.4 &+ e)
    }

    @inline(__always)
    private static func rotate(_ value: UInt32, _ count: UInt32) -> UInt32 {
        (value << count) | (value >> (32 - count))
    }
}
