import DetectMatch
import Testing

struct PrefixSetTests {
    @Test("matches values that start with any prefix", arguments: [
        ("/wp-admin/x", true), ("/WP-ADMIN", true), ("/wp-admi", false), ("/api/v1/users", true),
        ("/api/v2", false), ("x/wp-admin", false), ("", false), ("/.git/config", true),
    ])
    func matching(value: String, expected: Bool) {
        let set = PrefixSet(["/wp-admin", "/api/v1/", "/.git"])
        #expect(set.matches(value) == expected)
        #expect(withFencedBytes(value, fence: "/wp-admin") { set.matches($0) } == expected)
    }

    @Test("cased prefixes compare bytes exactly; an empty prefix matches everything")
    func casedAndEmpty() {
        #expect(!PrefixSet(["/Admin"], caseSensitive: true).matches("/admin"))
        #expect(PrefixSet(["/Admin"], caseSensitive: true).matches("/Admin/x"))
        #expect(PrefixSet(["x", ""]).matches(""))
        #expect(PrefixSet([String]()).isEmpty && !PrefixSet([String]()).matches("a"))
    }
}
