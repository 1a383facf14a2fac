import DetectMatch
import Testing

struct RegexRequiredLiteralsTests {
    private func literals(_ pattern: String, caseless: Bool = false) -> [String]? {
        RegexRequiredLiterals.of(pattern, caseless: caseless)?.map { String(decoding: $0, as: UTF8.self) }
    }

    @Test("literal runs outside optional parts, folded; the longest candidate of a sequence wins")
    func literalRuns() {
        #expect(literals(#"^python-requests/\d+\.\d+"#) == ["python-requests/"])
        #expect(literals(#"^curl/\d+\.\d+(\.\d+)?$"#) == ["curl/"])
        #expect(literals(#"WindowsPowerShell/\d+\.\d+"#) == ["windowspowershell/"])
        #expect(literals(#"^Mozilla/4\.0 \(compatible; MSIE [1-6]\.\d"#) == ["mozilla/4.0 (compatible; msie "])
        // `?` removes the character before it; `+` keeps it once and ends the run.
        #expect(literals("abcx?defgh") == ["defgh"])
        #expect(literals("abcdx+yz") == ["abcdx"])
        #expect(literals("ab{0,3}cd") == ["cd"])
        #expect(literals("[a-z]{40,}\\.") == ["."])
    }

    @Test("groups: alternation needs a literal in each branch; optional groups and lookarounds give nothing")
    func groups() {
        #expect(literals(#"^(libwww-perl|okhttp|Java)/\d"#) == ["libwww-perl", "okhttp", "java"])
        #expect(literals("(foo|bar)?bazz") == ["bazz"])
        #expect(literals("foo|barr") == ["foo", "barr"])
        #expect(literals("foo|.*") == nil)
        #expect(literals("(?=lookahead)xy") == ["xy"])
        #expect(literals("(?:abc|de)+") == ["abc", "de"])
        #expect(literals("(?<name>hello)") == ["hello"])
    }

    @Test("caseless matching: k, s and non-ASCII end a run (Unicode case partners)")
    func caseless() {
        #expect(literals("powershell", caseless: true) == ["power"])
        #expect(literals("(?i)powershell") == ["power"])
        #expect(literals("hello", caseless: true) == ["hello"])
        #expect(literals("caf\u{e9}bar") == ["caf\u{e9}bar"])
        #expect(literals("caf\u{e9}bar", caseless: true) == ["caf"])
    }

    @Test("what the reader does not model gives nil")
    func unsupported() {
        #expect(literals("(?x) a b c") == nil)
        #expect(literals(#"\Qabc\E"#) == nil)
        #expect(literals("abc(*ACCEPT)def") == nil)
        #expect(literals("a{b") == nil)
        #expect(literals(#"\d+"#) == nil)
        #expect(literals("(*LIMIT_MATCH=10)hello") == ["hello"])
        #expect(literals(#"\012abc"#) == ["abc"])
    }

    @Test("every match contains one of the literals (checked with PCRE2 on sample values)")
    func soundOnSamples() throws {
        let patterns = [
            #"^(libwww-perl|okhttp|Java)/\d"#, "ab+c", "x(yz)*w", "(?i)sql", #"\.php\?cmd="#, "a.b|cd?e",
            "[0-9]+abc(de|fg)", #"(?:ab){2,}"#,
        ]
        let values = [
            "Java/1.8", "okhttp/4", "abbbc", "xw", "xyzyzw", "SQL", "ſql", "/a.php?cmd=1", "axb", "ce", "cde",
            "12abcfg", "abab", "nothing",
        ]
        for pattern in patterns {
            let regex = try PCRE2Regex(pattern)
            guard let required = RegexRequiredLiterals.of(pattern, caseless: false) else { continue }
            for value in values where regex.matches(value) {
                let folded = value.lowercased()
                #expect(
                    required.contains { folded.utf8.firstRange(of: $0) != nil },
                    "\(pattern) matches \(value) without any of \(required)")
            }
        }
    }
}
