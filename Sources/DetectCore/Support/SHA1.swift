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
        Self.twentyRounds(&a, &b, &c, &d, &e, Self.choose, 0x5A82_7999, w, from: 0)
        Self.twentyRounds(&a, &b, &c, &d, &e, Self.parity, 0x6ED9_EBA1, w, from: 20)
        Self.twentyRounds(&a, &b, &c, &d, &e, Self.majority, 0x8F1B_BCDC, w, from: 40)
        Self.twentyRounds(&a, &b, &c, &d, &e, Self.parity, 0xCA62_C1D6, w, from: 60)
        state = (state.0 &+ a, state.1 &+ b, state.2 &+ c, state.3 &+ d, state.4 &+ e)
    }

    /// Rounds `first ..< first + 20`, which share their function and constant: five per pass, each naming the
    /// words in their rotated roles, so no word is moved, and the words end in their places after each pass.
    @inline(__always)
    private static func twentyRounds(
        _ a: inout UInt32, _ b: inout UInt32, _ c: inout UInt32, _ d: inout UInt32, _ e: inout UInt32,
        _ function: (UInt32, UInt32, UInt32) -> UInt32, _ constant: UInt32, _ w: UnsafeMutableBufferPointer<UInt32>,
        from first: Int
    ) {
        for index in stride(from: first, to: first + 20, by: 5) {
            Self.round(a, &b, c, d, &e, function, constant, w[index])
            Self.round(e, &a, b, c, &d, function, constant, w[index + 1])
            Self.round(d, &e, a, b, &c, function, constant, w[index + 2])
            Self.round(c, &d, e, a, &b, function, constant, w[index + 3])
            Self.round(b, &c, d, e, &a, function, constant, w[index + 4])
        }
    }

    /// One round with the words in the roles `a` to `e`: `e` takes the new word, `b` is rotated; the next
    /// round names the old `e` its `a`, and so on.
    @inline(__always)
    private static func round(
        _ a: UInt32, _ b: inout UInt32, _ c: UInt32, _ d: UInt32, _ e: inout UInt32,
        _ function: (UInt32, UInt32, UInt32) -> UInt32, _ constant: UInt32, _ word: UInt32
    ) {
        e = rotate(a, 5) &+ function(b, c, d) &+ e &+ constant &+ word
        b = rotate(b, 30)
    }

    /// The round function of rounds 0–19.
    @inline(__always)
    private static func choose(_ b: UInt32, _ c: UInt32, _ d: UInt32) -> UInt32 { (b & c) | (~b & d) }

    /// The round function of rounds 20–39 and 60–79.
    @inline(__always)
    private static func parity(_ b: UInt32, _ c: UInt32, _ d: UInt32) -> UInt32 { b ^ c ^ d }

    /// The round function of rounds 40–59.
    @inline(__always)
    private static func majority(_ b: UInt32, _ c: UInt32, _ d: UInt32) -> UInt32 { (b & c) | (b & d) | (c & d) }

    @inline(__always)
    private static func rotate(_ value: UInt32, _ count: UInt32) -> UInt32 {
        (value << count) | (value >> (32 - count))
    }
}
