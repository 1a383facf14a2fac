import Testing

@testable import DetectECS

struct DomainSplitMemoTests {
    @Test("the memo returns what the list returns, for repeated, changed and equal-length texts")
    func sameAsList() throws {
        let list = try PublicSuffixList(parsing: Array("// ===BEGIN ICANN DOMAINS===\ncom\nco.uk\n".utf8))
        // Texts of equal length that split differently, so that a memo comparing lengths only would fail.
        #expect(list.split("shop.example.co.uk").topLevel == "co.uk")
        #expect(list.split("shop.example.co.ux").topLevel == nil)
        var memo = DomainSplitMemo()
        let texts = [
            "www.example.com", "www.example.com", "api.example.com", "www.example.com", "shop.example.co.uk",
            "shop.example.co.uk", "shop.example.co.ux", "example.com", "a.b", "a.b",
        ]
        for text in texts {
            let bytes = Array(text.utf8)
            let expected = bytes.withUnsafeBufferPointer { list.split($0) }
            #expect(bytes.withUnsafeBufferPointer { memo.split($0, with: list) } == expected, "\(text)")
        }
    }
}
