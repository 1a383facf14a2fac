import DetectMatch
import Testing

struct RegexSetTests {
    @Test("a set matches a value exactly when one of its patterns does")
    func agreesWithPatterns() throws {
        let patterns = [
            #"^python-requests/\d+\.\d+"#, #"^curl/\d+\.\d+(\.\d+)?$"#, #"^Go-http-client/[12]\.\d"#, #"^Wget/\d"#,
            #"WindowsPowerShell/\d+\.\d+"#, #"^(libwww-perl|okhttp|Java)/\d"#, #"\d{3}$"#,
        ]
        let regexes = try patterns.map { try PCRE2Regex($0) }
        let set = try #require(RegexSet(regexes))
        let scratch = try RegexScratch()
        let values = [
            "python-requests/2.31", "curl/8.4.0", "curl/8.4.0 extra", "Go-http-client/1.1", "Wget/1.21",
            "Mozilla/5.0 WindowsPowerShell/5.1", "okhttp/4.9", "Java/17", "Mozilla/5.0", "ends with 123",
            "PYTHON-REQUESTS/2.31", "",
        ]
        for value in values {
            let expected = regexes.contains { $0.matches(value) }
            let outcome = Array(value.utf8).withUnsafeBytes { set.evaluate($0, scratch: scratch) }
            #expect((outcome == .match) == expected, "\(value)")
        }
    }

    @Test("more than 64 patterns or none: no set")
    func bounds() throws {
        let regex = try PCRE2Regex("a")
        #expect(RegexSet([]) == nil)
        #expect(RegexSet(Array(repeating: regex, count: 65)) == nil)
        #expect(RegexSet(Array(repeating: regex, count: 64)) != nil)
    }
}
