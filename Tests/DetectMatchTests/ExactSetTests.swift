import DetectMatch
import DetectTesting
import Testing

struct ExactSetTests {
    static let values = ["Mozilla/5.0 (BadBot)", "sqlmap/1.7", "", "curl", "a-value-longer-than-eight-bytes", "CURL"]

    @Test("case-insensitive lookups match whole values only", arguments: [
        ("sqlmap/1.7", true), ("SQLMAP/1.7", true), ("sqlmap/1.8", false), ("sqlmap/1.7 ", false),
        ("mozilla/5.0 (badbot)", true), ("curl", true), ("Curl", true), ("cur", false), ("curl/8", false),
        ("", true), ("A-VALUE-longer-than-eight-BYTES", true), ("a-value-longer-than-eight-byte", false),
    ])
    func caseInsensitive(value: String, expected: Bool) {
        let set = ExactSet(Self.values)
        #expect(set.contains(value) == expected)
        #expect(withFencedBytes(value, fence: "curl") { set.contains($0) } == expected)
    }

    @Test("case-sensitive lookups compare bytes exactly")
    func caseSensitive() {
        let set = ExactSet(Self.values, caseSensitive: true)
        #expect(set.count == 6)
        #expect(set.contains("curl") && set.contains("CURL") && !set.contains("Curl"))
        #expect(ExactSet(Self.values).count == 5)
    }

    @Test("an empty set contains nothing, not even the empty value")
    func empty() {
        let set = ExactSet([String]())
        #expect(set.isEmpty && !set.contains("") && !set.contains("x"))
    }

    @Test("agrees with a Swift Set on many random values")
    func differential() {
        var random = SplitMix64(seed: 7)
        let alphabet: [Character] = ["a", "B", "c", "/", "é", "1"]
        let members = (0..<5_000).map { _ in random.string(from: alphabet, length: Int(random.next() % 20)) }
        let set = ExactSet(members)
        let reference = Set(members.map { $0.lowercased() })
        for _ in 0..<20_000 {
            let probe = random.string(from: alphabet, length: Int(random.next() % 8))
            // Lowercasing is only ASCII folding here because "é" has no upper-case form in the alphabet.
            #expect(set.contains(probe) == reference.contains(probe.lowercased()), "\(probe)")
        }
        #expect(set.count == reference.count)
    }
}
