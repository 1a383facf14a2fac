import Testing

@testable import DetectECS

struct PunycodeTests {
    static let cases: [(String, String)] = [
        ("bücher", "xn--bcher-kva"),
        ("公司", "xn--55qx5d"),
        ("中国", "xn--fiqs8s"),
        ("рф", "xn--p1ai"),
        ("москва", "xn--80adxhks"),
        ("香港", "xn--j6w193g"),
        ("個人", "xn--gmqw5a"),
        ("aéroport", "xn--aroport-bya"),
        ("münchen", "xn--mnchen-3ya"),
        ("example", "example"),
        ("", ""),
    ]

    @Test("labels encode to their RFC 3492 ASCII form", arguments: cases)
    func labels(unicode: String, ascii: String) {
        #expect(Punycode.asciiLabel(unicode) == ascii)
    }

    @Test("names encode label by label")
    func names() {
        #expect(Punycode.asciiName("公司.cn") == "xn--55qx5d.cn")
        #expect(Punycode.asciiName("個人.香港") == "xn--gmqw5a.xn--j6w193g")
        #expect(Punycode.asciiName("a.b") == "a.b")
    }

    @Test("RFC 3492 sample: Arabic (Egyptian)")
    func rfcSample() {
        let text =
            "\u{0644}\u{064A}\u{0647}\u{0645}\u{0627}\u{0628}\u{062A}\u{0643}\u{0644}\u{0645}\u{0648}\u{0634}\u{0639}\u{0631}\u{0628}\u{064A}\u{061F}"
        #expect(Punycode.encode(Array(text.unicodeScalars)) == "egbpdaj6bu4bxfgehfvwxn")
    }
}
