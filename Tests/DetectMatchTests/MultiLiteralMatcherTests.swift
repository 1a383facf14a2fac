import DetectMatch
import DetectTesting
import Testing

struct MultiLiteralMatcherTests {
    static let needles = ["union select", "../", "<script", "%2e%2e", "etc/passwd", "cmd.exe"]

    @Test("finds whether any needle occurs, ignoring ASCII case", arguments: [
        ("/x?q=1 UNION SELECT pass", true), ("/a/../../b", true), ("<ScRiPt>alert(1)", true),
        ("/static/app.js", false), ("", false), ("/..%2F", false), ("/%2E%2E/x", true), ("c:/CMD.EXE", true),
        ("union  select", false),
    ])
    func any(value: String, expected: Bool) throws {
        let matcher = try MultiLiteralMatcher(Self.needles)
        #expect(matcher.containsAny(value) == expected)
        #expect(withFencedBytes(value, fence: "cmd.exe") { matcher.containsAny($0) } == expected)
    }

    @Test("reports which needles occur, by input index, overlapping ones included")
    func which() throws {
        let matcher = try MultiLiteralMatcher(["he", "she", "his", "hers", "e", "she"])
        #expect(matcher.matchingNeedles(in: "USHERS") == [0, 1, 3, 4, 5])
        #expect(matcher.matchingNeedles(in: "xyz") == [])
        #expect(matcher.containsAll("she hers his"))
        #expect(!matcher.containsAll("she hers"))
    }

    @Test("cased needles compare bytes exactly")
    func cased() throws {
        let matcher = try MultiLiteralMatcher(["Admin", "ROOT"], caseSensitive: true)
        #expect(matcher.containsAny("/Admin/x") && !matcher.containsAny("/admin/x"))
        #expect(matcher.matchingNeedles(in: "root ROOT") == [1])
    }

    @Test("an empty needle occurs everywhere; no needles match nothing")
    func edgeCases() throws {
        let withEmpty = try MultiLiteralMatcher(["abc", ""])
        #expect(withEmpty.containsAny(""))
        #expect(withEmpty.matchingNeedles(in: "xabc") == [0, 1])
        let none = try MultiLiteralMatcher([String]())
        #expect(!none.containsAny("abc"))
        #expect(none.containsAll("abc"))
    }

    @Test("agrees with a naive loop over random needles and values", arguments: [false, true])
    func differential(caseSensitive: Bool) throws {
        var random = SplitMix64(seed: caseSensitive ? 1 : 2)
        let alphabet: [Character] = ["a", "b", "A", "c", "é", "/"]
        func naiveContains(_ value: String, _ needle: String) -> Bool {
            let fold: (String) -> [UInt8] = { caseSensitive ? Array($0.utf8) : Array($0.utf8).map { (65...90).contains($0) ? $0 | 0x20 : $0 } }
            let haystack = fold(value)
            let bytes = fold(needle)
            if bytes.isEmpty { return true }
            guard haystack.count >= bytes.count else { return false }
            return (0...(haystack.count - bytes.count)).contains { Array(haystack[$0..<($0 + bytes.count)]) == bytes }
        }
        var anyPositives = 0
        var allPositives = 0
        for _ in 0..<200 {
            let needles = (0..<Int(1 + random.next() % 12)).map { _ in
                random.string(from: alphabet, length: Int(1 + random.next() % 4))
            }
            let matcher = try MultiLiteralMatcher(needles, caseSensitive: caseSensitive)
            for _ in 0..<50 {
                let value = random.string(from: alphabet, length: Int(random.next() % 24))
                let expected = needles.indices.filter { naiveContains(value, needles[$0]) }
                #expect(matcher.matchingNeedles(in: value) == expected, "\(needles) in \(value)")
                #expect(matcher.containsAny(value) == !expected.isEmpty)
                #expect(matcher.containsAll(value) == (expected.count == needles.count))
                let fenced = withFencedBytes(value, fence: needles[0]) { matcher.matchingNeedles(in: $0) }
                #expect(fenced == expected, "reads outside the value")
                if !expected.isEmpty { anyPositives += 1 }
                if expected.count == needles.count { allPositives += 1 }
            }
        }
        #expect(anyPositives > 2_000 && allPositives > 200, "\(anyPositives) \(allPositives)")
    }

    @Test("reports every occurrence where it ends, longer needles first, as a naive search does", arguments: [false, true])
    func occurrences(caseSensitive: Bool) throws {
        var random = SplitMix64(seed: caseSensitive ? 4 : 5)
        let fold: ([UInt8]) -> [UInt8] = { bytes in
            caseSensitive ? bytes : bytes.map { (65...90).contains($0) ? $0 | 0x20 : $0 }
        }
        for round in 0..<40 {
            // Small alphabets give deep failure chains; larger ones, wide rows.
            let alphabet: [Character] = round % 2 == 0 ? ["a", "b", "A", "B"] : Array("abcdefgABCDEFG0123./-é")
            let needles = (0..<Int(1 + random.next() % 300)).map { _ in
                Array(random.string(from: alphabet, length: Int(1 + random.next() % 9)).utf8)
            }
            let matcher = try MultiLiteralMatcher(byteNeedles: needles, caseSensitive: caseSensitive)
            let folded = needles.map(fold)
            for _ in 0..<20 {
                let value = Array(random.string(from: alphabet, length: Int(random.next() % 80)).utf8)
                let haystack = fold(value)
                var expected: [Int] = []
                for end in haystack.indices.map({ $0 + 1 }) {
                    let ending = folded.indices.filter { index in
                        let needle = folded[index]
                        return needle.count <= end && Array(haystack[(end - needle.count)..<end]) == needle
                    }
                    expected += ending.sorted { (folded[$0].count, $1) > (folded[$1].count, $0) }
                }
                var found: [Int] = []
                value.withUnsafeBytes { bytes in matcher.forEachOccurrence(in: bytes) { found.append($0) } }
                #expect(found == expected, "\(needles.count) needles in \(value)")
            }
        }
    }

    @Test("a large needle list builds a compact table")
    func size() throws {
        var random = SplitMix64(seed: 3)
        let alphabet = Array("abcdefghijklmnopqrstuvwxyz0123456789./-")
        let needles = (0..<1_000).map { _ in random.string(from: alphabet, length: 20) }
        let matcher = try MultiLiteralMatcher(needles)
        #expect(matcher.stateCount <= 20_001)
        #expect(matcher.tableBytes == matcher.stateCount * 40 * 4)
        #expect(matcher.containsAny("prefix " + needles[617].uppercased() + " suffix"))
    }

    @Test("a list whose table would exceed the memory bound throws instead of allocating")
    func sizeLimit() throws {
        let needles = (0..<100).map { "needle-\($0)-with-some-length" }
        #expect(throws: MatcherSizeError.self) { try MultiLiteralMatcher(needles, maxTableBytes: 64 << 10) }
        // Shared prefixes: the bound on needle bytes is over the limit, the exact state count is not.
        let shared = (0..<200).map { "a-long-shared-prefix-\($0 % 10)" }
        let matcher = try MultiLiteralMatcher(shared, maxTableBytes: 24 << 10)
        #expect(matcher.tableBytes <= 24 << 10)
        #expect(matcher.containsAny("x A-LONG-SHARED-PREFIX-7 y"))
    }
}
