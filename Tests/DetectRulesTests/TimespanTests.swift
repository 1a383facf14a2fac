import DetectRules
import Testing

struct TimespanTests {
    static let valid: [(String, Int)] = [
        ("30s", 30), ("10m", 600), ("1h", 3_600), ("1d", 86_400), ("2w", 1_209_600),
        ("90m", 5_400),
    ]

    @Test("number plus unit converts to seconds", arguments: valid)
    func parses(text: String, seconds: Int) {
        #expect(Timespan.seconds(parsing: text) == seconds)
    }

    @Test("other forms are rejected", arguments: ["", "10", "m", "0m", "10M", "1.5h", "-5m", "10 m", "1y", "1h30m"])
    func rejects(text: String) {
        #expect(Timespan.seconds(parsing: text) == nil)
    }
}
