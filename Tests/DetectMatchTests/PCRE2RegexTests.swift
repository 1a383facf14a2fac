import DetectMatch
import Testing

struct PCRE2RegexTests {
    struct Case: CustomTestStringConvertible, Sendable {
        let pattern: String
        let options: PCRE2Regex.Options
        let value: String
        let matches: Bool
        var testDescription: String { "/\(self.pattern)/ on \(self.value.debugDescription) -> \(self.matches)" }
    }

    static let cases: [Case] = [
        Case(pattern: "abc", options: [], value: "xxabcxx", matches: true),
        Case(pattern: "abc", options: [], value: "xxABCxx", matches: false),
        Case(pattern: "abc", options: .caseless, value: "xxABCxx", matches: true),
        Case(pattern: "(?i)abc", options: [], value: "xxAbCxx", matches: true),
        Case(pattern: "^b", options: [], value: "a\nb", matches: false),
        Case(pattern: "^b", options: .multiline, value: "a\nb", matches: true),
        Case(pattern: "a$", options: .multiline, value: "a\nb", matches: true),
        Case(pattern: "a.b", options: [], value: "a\nb", matches: false),
        Case(pattern: "a.b", options: .dotAll, value: "a\nb", matches: true),
        Case(pattern: "[^/]{5,}$", options: [], value: "/a/b/abcdef", matches: true),
        Case(pattern: "[^/]{5,}$", options: [], value: "/abcdef/b", matches: false),
        Case(pattern: #"\d{3}-\w+\s"#, options: [], value: "id 123-abc end", matches: true),
        Case(pattern: "(?:union|select).*?from", options: .caseless, value: "x UNION all SELECT a FROM t", matches: true),
        Case(pattern: #"\bcmd\b"#, options: [], value: "run cmd.exe", matches: true),
        Case(pattern: #"\bcmd\b"#, options: [], value: "runcmd", matches: false),
        Case(pattern: "é+", options: [], value: "cafééé", matches: true),
        Case(pattern: "^.{4}$", options: [], value: "café", matches: true),
        Case(pattern: "", options: [], value: "", matches: true),
        Case(pattern: "a", options: [], value: "", matches: false),
    ]

    @Test("matches with unanchored search and the i, m, s flags", arguments: Self.cases)
    func matching(_ testCase: Case) throws {
        let regex = try PCRE2Regex(testCase.pattern, options: testCase.options)
        #expect(regex.matches(testCase.value) == testCase.matches)
        let scratch = try RegexScratch()
        var value = testCase.value
        let outcome = value.withUTF8 { regex.evaluate(UnsafeRawBufferPointer($0), scratch: scratch) }
        #expect(outcome == (testCase.matches ? .match : .noMatch))
    }

    @Test("the pattern is JIT-compiled on this platform")
    func jit() throws {
        #expect(try PCRE2Regex("a+b").isJITCompiled)
    }

    @Test("an invalid pattern throws with PCRE2's message and the offset", arguments: [
        ("ab(cd", 5, "missing closing parenthesis"),
        ("a{2,1}", 5, "numbers out of order"),
        ("abc[", 4, "missing terminating ]"),
        ("x(?<n>a)(?<n>b)", 13, "two named subpatterns have the same name"),
        ("é(", 3, "missing closing parenthesis"),
    ])
    func invalidPattern(pattern: String, offset: Int, message: String) {
        do {
            _ = try PCRE2Regex(pattern)
            Issue.record("expected a compile error for \(pattern)")
        } catch let error as PCRE2Error {
            #expect(error.offset == offset)
            #expect(error.message.contains(message), "\(error.message)")
            #expect(error.pattern == pattern)
            #expect(error.description.hasPrefix("invalid regular expression at offset \(offset): "))
        } catch {
            Issue.record("unexpected error \(error)")
        }
    }

    @Test("the character offset of an error counts scalars, not bytes")
    func characterOffset() {
        #expect(throws: PCRE2Error.self) { try PCRE2Regex("éé(") }
        do {
            _ = try PCRE2Regex("éé(")
        } catch let error as PCRE2Error {
            #expect(error.offset == 5)
            #expect(error.characterOffset == 3)
        } catch {
            Issue.record("unexpected error \(error)")
        }
    }

    @Test("a catastrophic pattern gives up quickly instead of matching", arguments: [
        ("(a+)+$", String(repeating: "a", count: 40) + "!"),
        ("(x+x+)+y", String(repeating: "x", count: 40) + "!y"),
        ("^(\\w+\\s?)*$", String(repeating: "word ", count: 12) + "!"),
    ])
    func catastrophic(pattern: String, value: String) throws {
        let regex = try PCRE2Regex(pattern)
        let scratch = try RegexScratch()
        var value = value
        let clock = ContinuousClock()
        var outcome = RegexOutcome.match
        let elapsed = clock.measure {
            outcome = value.withUTF8 { regex.evaluate(UnsafeRawBufferPointer($0), scratch: scratch) }
        }
        #expect(outcome != .match)
        #expect(elapsed < .seconds(1), "took \(elapsed)")
    }

    @Test("hitting the match limit reports limitExceeded, on the JIT and in the interpreter")
    func limitExceeded() throws {
        let scratch = try RegexScratch(limits: RegexLimits(matchLimit: 1_000))
        // The `y` after the break defeats PCRE2's "required character" shortcut, so the search backtracks.
        var value = String(repeating: "x", count: 40) + "!y"
        for pattern in ["(x+x+)+y", "(*NO_JIT)(x+x+)+y"] {
            let regex = try PCRE2Regex(pattern)
            let outcome = value.withUTF8 { regex.evaluate(UnsafeRawBufferPointer($0), scratch: scratch) }
            #expect(outcome == .limitExceeded, "\(pattern)")
        }
        // The default thread-local scratch reports the limit too.
        let regex = try PCRE2Regex("(x+x+)+y")
        #expect(value.withUTF8 { regex.evaluate(UnsafeRawBufferPointer($0)) } == .limitExceeded)
        #expect(!regex.matches(value))
    }

    @Test("the documented default limits")
    func defaultLimits() {
        #expect(RegexLimits.default.matchLimit == 100_000)
        #expect(RegexLimits.default.depthLimit == 10_000)
        #expect(RegexLimits.default.jitStackSize == 1 << 20)
        #expect(RegexLimits.default.heapLimitKiB == 16_384)
    }

    @Test("invalid UTF-8 in a value is searched, not rejected")
    func invalidUTF8() throws {
        let regex = try PCRE2Regex("admin")
        let bytes: [UInt8] = [0xFF, 0xC3, 0x28, 0x61, 0x64, 0x6D, 0x69, 0x6E, 0x80]
        #expect(bytes.withUnsafeBytes { regex.evaluate($0) } == .match)
        let dot = try PCRE2Regex("^.$")
        #expect([UInt8]([0xFF]).withUnsafeBytes { dot.evaluate($0) } == .noMatch)
    }

    @Test("one compiled regex is matched from many tasks at once")
    func concurrent() async throws {
        let regex = try PCRE2Regex(#"/wp-(admin|login)\.php"#, options: .caseless)
        let hits = await withTaskGroup(of: Int.self) { group in
            for task in 0..<8 {
                group.addTask {
                    var count = 0
                    for index in 0..<2_000 {
                        let value = (index + task) % 2 == 0 ? "/blog/WP-LOGIN.php?x=\(index)" : "/index.html?\(index)"
                        if regex.matches(value) { count += 1 }
                    }
                    return count
                }
            }
            return await group.reduce(0, +)
        }
        #expect(hits == 8_000)
    }
}
