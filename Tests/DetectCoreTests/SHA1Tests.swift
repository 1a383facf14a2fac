import DetectCore
import Testing

@Suite("SHA-1")
struct SHA1Tests {
    static func hex(_ bytes: [UInt8]) -> String {
        bytes.map { byte in
            let digits = String(byte, radix: 16)
            return digits.count == 1 ? "0" + digits : digits
        }.joined()
    }

    @Test("SHA-1 matches the FIPS 180 test vectors, across block boundaries")
    func vectors() {
        #expect(Self.hex(SHA1.digest([])) == "da39a3ee5e6b4b0d3255bfef95601890afd80709")
        #expect(Self.hex(SHA1.digest(Array("abc".utf8))) == "a9993e364706816aba3e25717850c26c9cd0d89d")
        let thousand = [UInt8](repeating: 97, count: 1000)
        #expect(Self.hex(SHA1.digest(thousand)) == "291e9a6c66994949b57ba5e650361e98fc36b1ba")
        let twoBlocks = Array("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq".utf8)  // 56 bytes
        #expect(Self.hex(SHA1.digest(twoBlocks)) == "84983e441c3bd26ebaae4aa1f95129e5e54670f1")
    }

    @Test("every length around the padding boundaries agrees with the plain FIPS 180 algorithm")
    func paddingBoundaries() {
        for count in [0, 1, 54, 55, 56, 57, 63, 64, 65, 119, 120, 127, 128, 129, 200] {
            let message = (0..<count).map { UInt8(truncatingIfNeeded: $0 &* 131 &+ 7) }
            #expect(SHA1.digest(message) == Self.reference(message), "length \(count)")
        }
    }

    /// SHA-1 as FIPS 180-4 states it: the message padded in full, then every block, 80 words each.
    static func reference(_ message: [UInt8]) -> [UInt8] {
        func rotate(_ value: UInt32, _ count: UInt32) -> UInt32 { (value << count) | (value >> (32 - count)) }
        var h: [UInt32] = [0x6745_2301, 0xEFCD_AB89, 0x98BA_DCFE, 0x1032_5476, 0xC3D2_E1F0]
        var padded = message + [0x80]
        while padded.count % 64 != 56 { padded.append(0) }
        padded += (0..<8).reversed().map { UInt8(truncatingIfNeeded: (UInt64(message.count) * 8) >> (8 * UInt64($0))) }
        for block in stride(from: 0, to: padded.count, by: 64) {
            var w = (0..<16).map { i in padded[(block + 4 * i)..<(block + 4 * i + 4)].reduce(UInt32(0)) { $0 << 8 | UInt32($1) } }
            for i in 16..<80 { w.append(rotate(w[i - 3] ^ w[i - 8] ^ w[i - 14] ^ w[i - 16], 1)) }
            var (a, b, c, d, e) = (h[0], h[1], h[2], h[3], h[4])
            for i in 0..<80 {
                let f = i < 20 ? (b & c) | (~b & d) : i < 40 ? b ^ c ^ d : i < 60 ? (b & c) | (b & d) | (c & d) : b ^ c ^ d
                let k: UInt32 = i < 20 ? 0x5A82_7999 : i < 40 ? 0x6ED9_EBA1 : i < 60 ? 0x8F1B_BCDC : 0xCA62_C1D6
                (e, d, c, b, a) = (d, c, rotate(b, 30), a, rotate(a, 5) &+ f &+ e &+ k &+ w[i])
            }
            h = [h[0] &+ a, h[1] &+ b, h[2] &+ c, h[3] &+ d, h[4] &+ e]
        }
        return h.flatMap { word in (0..<4).reversed().map { UInt8(truncatingIfNeeded: word >> (8 * UInt32($0))) } }
    }
}
