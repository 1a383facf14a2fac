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
    }
}
