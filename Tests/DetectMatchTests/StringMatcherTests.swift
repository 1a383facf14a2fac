import DetectMatch
import DetectTesting
import Testing

struct StringMatcherTests {
    struct Case: CustomTestStringConvertible, Sendable {
        let sigma: String
        let value: String
        let matches: Bool
        var caseSensitive = false
        var testDescription: String {
            "\(self.sigma)\(self.caseSensitive ? " (cased)" : "") on \(self.value.debugDescription) -> \(self.matches)"
        }
    }

    static let cases: [Case] = [
        Case(sigma: "abc", value: "abc", matches: true),
        Case(sigma: "abc", value: "ABC", matches: true),
        Case(sigma: "abc", value: "abcd", matches: false),
        Case(sigma: "abc", value: "", matches: false),
        Case(sigma: "", value: "", matches: true),
        Case(sigma: "", value: "a", matches: false),
        Case(sigma: "*", value: "", matches: true),
        Case(sigma: "*", value: "anything", matches: true),
        Case(sigma: "*abc", value: "xxABC", matches: true),
        Case(sigma: "*abc", value: "ABCxx", matches: false),
        Case(sigma: "abc*", value: "ABCxx", matches: true),
        Case(sigma: "abc*", value: "xABC", matches: false),
        Case(sigma: "*abc*", value: "xxaBcxx", matches: true),
        Case(sigma: "*abc*", value: "xxabxcx", matches: false),
        Case(sigma: "a*c", value: "abbbc", matches: true),
        Case(sigma: "a*c", value: "ac", matches: true),
        Case(sigma: "a*c", value: "abbbcd", matches: false),
        Case(sigma: "*/wp-*.php", value: "/blog/WP-ADMIN/setup.PHP", matches: true),
        Case(sigma: "*/wp-*.php", value: "/blog/wp-admin/setup.phps", matches: false),
        Case(sigma: "a*b*a", value: "aba", matches: true),
        Case(sigma: "a*b*a", value: "ab", matches: false),
        Case(sigma: "*aa*aa", value: "aaa", matches: false),
        Case(sigma: "*aa*aa", value: "aaaa", matches: true),
        Case(sigma: "a?c", value: "abc", matches: true),
        Case(sigma: "a?c", value: "ac", matches: false),
        Case(sigma: "a?c", value: "aéc", matches: true),
        Case(sigma: "a??c", value: "aéc", matches: false),
        Case(sigma: "?", value: "€", matches: true),
        Case(sigma: "??", value: "€", matches: false),
        Case(sigma: "*?", value: "", matches: false),
        Case(sigma: "*?", value: "é", matches: true),
        Case(sigma: "*??", value: "é", matches: false),
        Case(sigma: "*?b", value: "éb", matches: true),
        Case(sigma: "a*?", value: "a", matches: false),
        Case(sigma: #"\*"#, value: "*", matches: true),
        Case(sigma: #"\*"#, value: "x", matches: false),
        Case(sigma: #"a\?b"#, value: "a?b", matches: true),
        Case(sigma: #"a\?b"#, value: "axb", matches: false),
        Case(sigma: #"*\?id=*"#, value: "/index.php?ID=1", matches: true),
        Case(sigma: #"*\?id=*"#, value: "/index.php/id=1", matches: false),
        Case(sigma: #"\\"#, value: #"\"#, matches: true),
        Case(sigma: #"C:\Windows\\*"#, value: #"c:\windows\system32\cmd.exe"#, matches: true),
        Case(sigma: #"C:\Windows\*"#, value: #"C:\Windows*"#, matches: true),
        Case(sigma: #"C:\Windows\*"#, value: #"C:\Windows\x"#, matches: false),
        Case(sigma: #"\\\*"#, value: #"\*"#, matches: true),
        Case(sigma: #"abc\"#, value: #"abc\"#, matches: true),
        Case(sigma: #"*\\"#, value: #"path\"#, matches: true),
        Case(sigma: "Abc", value: "abc", matches: false, caseSensitive: true),
        Case(sigma: "Abc", value: "Abc", matches: true, caseSensitive: true),
        Case(sigma: "*Abc*", value: "xAbcx", matches: true, caseSensitive: true),
        Case(sigma: "*Abc*", value: "xABCx", matches: false, caseSensitive: true),
        Case(sigma: "a?C*", value: "axCz", matches: true, caseSensitive: true),
        Case(sigma: "a?C*", value: "axcz", matches: false, caseSensitive: true),
        // ASCII folding only: non-ASCII letters must match byte for byte.
        Case(sigma: "café", value: "CAFé", matches: true),
        Case(sigma: "CAFÉ", value: "café", matches: false),
        // Punctuation that `| 0x20` confuses with letters in the SIMD filter is still told apart.
        Case(sigma: "*[x*", value: String(repeating: "-", count: 40) + "{x", matches: false),
        Case(sigma: "*@x*", value: String(repeating: "-", count: 40) + "`x", matches: false),
        Case(sigma: "*@x*", value: String(repeating: "-", count: 40) + "@X", matches: true),
    ]

    @Test("matches Sigma values with wildcards, escapes and case folding", arguments: Self.cases)
    func matching(_ testCase: Case) {
        let matcher = StringMatcher(sigma: testCase.sigma, caseSensitive: testCase.caseSensitive)
        #expect(matcher.matches(testCase.value) == testCase.matches)
        let fenced = withFencedBytes(testCase.value, fence: testCase.sigma) { matcher.matches($0) }
        #expect(fenced == testCase.matches, "reads outside the value")
    }

    @Test("the literal shorthands never treat * or ? as wildcards")
    func shorthands() {
        #expect(StringMatcher.equals("a*b").matches("A*B"))
        #expect(!StringMatcher.equals("a*b").matches("axb"))
        #expect(StringMatcher.contains("?id=").matches("/x?ID=1"))
        #expect(!StringMatcher.contains("?id=").matches("/xaid=1"))
        #expect(StringMatcher.startsWith("/admin").matches("/ADMIN/x"))
        #expect(!StringMatcher.startsWith("/admin").matches("/x/admin"))
        #expect(StringMatcher.endsWith(".php").matches("/a.PHP"))
        #expect(!StringMatcher.endsWith(".php").matches("/a.php5"))
        #expect(!StringMatcher.contains("Admin", caseSensitive: true).matches("/admin"))
        #expect(StringMatcher.contains("").matches(""))
    }

    @Test("contains finds a needle at every offset of a long value, across SIMD block edges")
    func everyOffset() {
        let needles = ["x", "ab", "needle", "ExactlySixteen!!", "a-needle-longer-than-one-simd-block"]
        for needle in needles {
            let matcher = StringMatcher.contains(needle)
            for length in [needle.count, needle.count + 1, 31, 32, 33, 150] where length >= needle.count {
                for offset in 0...(length - needle.count) {
                    let value = String(repeating: ".", count: offset) + needle.uppercased()
                        + String(repeating: ".", count: length - needle.count - offset)
                    #expect(matcher.matches(value), "\(needle) at \(offset) of \(length)")
                }
                let missing = String(needle.dropLast()) + "#" + String(repeating: ".", count: length - needle.count)
                let fenced = withFencedBytes(missing, fence: needle) { matcher.matches($0) }
                #expect(!fenced, "\(needle) absent from \(length) bytes")
            }
        }
    }

    @Test("agrees with a naive scalar-level matcher on random patterns and values")
    func differential() {
        var random = SplitMix64(seed: 0x5167_F1A2E)
        let patternAlphabet: [Character] = ["a", "b", "A", "é", "*", "*", "*", "?", "\\", "."]
        let valueAlphabet: [Character] = ["a", "b", "A", "é", "É", ".", "\\", "*", "?"]
        var positives = 0
        for _ in 0..<10_000 {
            let sigma = random.string(from: patternAlphabet, length: Int(random.next() % 7))
            let value = random.string(from: valueAlphabet, length: Int(random.next() % 10))
            let caseSensitive = random.next() % 4 == 0
            let pattern = WildcardPattern(sigma: sigma)
            let expected = NaiveGlob.matches(pattern, value, caseSensitive: caseSensitive)
            let matcher = StringMatcher(pattern, caseSensitive: caseSensitive)
            let actual = withFencedBytes(value, fence: "aaaa") { matcher.matches($0) }
            #expect(actual == expected, "\(sigma.debugDescription) on \(value.debugDescription)")
            if expected { positives += 1 }
        }
        // Not a vacuous comparison: a fair share of the random cases match.
        #expect(positives > 1_000, "only \(positives) positive cases")
    }
}

/// The obvious exponential-time reference: recursion over Unicode scalars, ASCII-only folding.
enum NaiveGlob {
    static func matches(_ pattern: WildcardPattern, _ value: String, caseSensitive: Bool) -> Bool {
        func fold(_ scalar: Unicode.Scalar) -> Unicode.Scalar {
            caseSensitive || !("A"..."Z").contains(scalar) ? scalar : Unicode.Scalar(scalar.value + 32)!
        }
        enum Item: Equatable {
            case scalar(Unicode.Scalar)
            case any
            case one
        }
        var items: [Item] = []
        for token in pattern.tokens {
            switch token {
            case .anyRun: items.append(.any)
            case .anyCharacter: items.append(.one)
            case .literal(let bytes):
                items += String(decoding: bytes, as: UTF8.self).unicodeScalars.map { .scalar(fold($0)) }
            }
        }
        let scalars = value.unicodeScalars.map(fold)
        func match(_ item: Int, _ position: Int) -> Bool {
            if item == items.count { return position == scalars.count }
            switch items[item] {
            case .any: return (position...scalars.count).contains { match(item + 1, $0) }
            case .one: return position < scalars.count && match(item + 1, position + 1)
            case .scalar(let scalar):
                return position < scalars.count && scalars[position] == scalar && match(item + 1, position + 1)
            }
        }
        return match(0, 0)
    }
}
