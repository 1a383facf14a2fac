import DetectMatch
import DetectTesting
import Testing

struct SuffixSetTests {
    @Test("matches values that end with any suffix, with no label boundary", arguments: [
        ("shell.php", true), ("SHELL.PHP", true), ("shell.php5", false), ("a.phtml", true),
        ("badexample.com", true), ("example.com", true), ("examplexcom", false), ("", false), ("php", false),
    ])
    func matching(value: String, expected: Bool) {
        let set = SuffixSet([".php", ".phtml", "xample.com"])
        #expect(set.matches(value) == expected)
        #expect(withFencedBytes(value, fence: ".php") { set.matches($0) } == expected)
    }

    @Test("agrees with hasSuffix on random lists and values")
    func differential() {
        var random = SplitMix64(seed: 99)
        let alphabet: [Character] = ["a", "b", ".", "c"]
        for _ in 0..<50 {
            let suffixes = (0..<Int(1 + random.next() % 30)).map { _ in
                random.string(from: alphabet, length: Int(1 + random.next() % 5))
            }
            let set = SuffixSet(suffixes)
            for _ in 0..<100 {
                let value = random.string(from: alphabet, length: Int(random.next() % 10))
                #expect(set.matches(value) == suffixes.contains { value.hasSuffix($0) }, "\(value) \(suffixes)")
            }
        }
    }
}
