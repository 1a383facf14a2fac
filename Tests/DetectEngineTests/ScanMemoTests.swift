import DetectCore
@testable import DetectEngine
import Testing

/// The scan memo answers exactly what a scan of the value answers, whatever it stored, replaced or dropped.
struct ScanMemoTests {
    /// Rules with substring, whole-value and keyword requirements, on no routed dataset.
    static let yaml = [
        EngineTestSupport.rule(
            "    selection:\n        url.original|contains:\n            - '/admin'\n            - 'passwd'\n    condition: selection",
            id: "00000000-0000-4000-8000-000000000001"),
        EngineTestSupport.rule(
            "    selection:\n        url.original|contains: 'passwd'\n    condition: selection",
            id: "00000000-0000-4000-8000-000000000002"),
        EngineTestSupport.rule(
            "    selection:\n        http.request.method: 'PUT'\n    condition: selection",
            id: "00000000-0000-4000-8000-000000000003"),
        EngineTestSupport.rule(
            "    keywords:\n        - 'evil'\n        - 'passwd'\n    condition: keywords",
            id: "00000000-0000-4000-8000-000000000004"),
    ].joined(separator: "\n---\n")

    static let values = [
        "/admin/passwd", "/index.html", "PUT", "put", "GET", "evil.example", "", "/etc/passwd?x=passwd", "PASSWD",
    ]

    @Test("stored and looked-up values mark the rules a scan marks")
    func sameMarksAsScan() throws {
        let (index, fields, ruleCount) = try Self.index()
        var memo = ScanMemo()
        memo.prepare(for: index)
        // First sighting scans, the second scans and stores, the third and fourth answer from the memo.
        for _ in 0..<4 {
            for field in fields {
                for value in Self.values {
                    #expect(Self.marks(value, field, &memo, ruleCount) == Self.scanned(value, field, ruleCount))
                }
            }
        }
        #expect(memo.storedByteCount > 0)
        #expect(fields.contains { field in Self.values.contains { !Self.scanned($0, field, ruleCount).isEmpty } })
    }

    @Test("values that share a slot keep their own rules")
    func sharedSlot() throws {
        let (index, fields, ruleCount) = try Self.index()
        let field = try #require(fields.first { !Self.scanned("/admin", $0, ruleCount).isEmpty })
        let (matching, other) = try #require(Self.slotSharingPair(field: field))
        #expect(!Self.scanned(matching, field, ruleCount).isEmpty)
        #expect(Self.scanned(other, field, ruleCount).isEmpty)
        var memo = ScanMemo()
        memo.prepare(for: index)
        for value in [matching, matching, other, matching, other, other, matching, other, matching, matching, other] {
            #expect(Self.marks(value, field, &memo, ruleCount) == Self.scanned(value, field, ruleCount))
        }
    }

    @Test("stored bytes stay within the bound and answers stay right when the memo starts over")
    func boundedMemory() throws {
        let (index, fields, ruleCount) = try Self.index()
        var memo = ScanMemo()
        memo.prepare(for: index)
        let filler = String(repeating: "x", count: 200)
        var largest = 0
        for number in 0..<(2 * ScanMemo.maxBytes / filler.utf8.count) {
            let value = number % 7 == 0 ? "/admin/\(number)/\(filler)" : "/\(number)/\(filler)"
            for field in fields {
                #expect(Self.marks(value, field, &memo, ruleCount) == Self.scanned(value, field, ruleCount))
                #expect(Self.marks(value, field, &memo, ruleCount) == Self.scanned(value, field, ruleCount))
            }
            largest = max(largest, memo.storedByteCount)
        }
        #expect(largest > ScanMemo.maxBytes / 2)
        #expect(largest <= ScanMemo.maxBytes)
    }

    @Test("a memo used with another index starts over")
    func otherIndex() throws {
        let (first, fields, ruleCount) = try Self.index()
        let (second, _, _) = try Self.index()
        var memo = ScanMemo()
        memo.prepare(for: first)
        for _ in 0..<2 { _ = Self.marks("/admin/passwd", fields[0], &memo, ruleCount) }
        #expect(memo.storedByteCount > 0)
        memo.prepare(for: first)
        #expect(memo.storedByteCount > 0)
        memo.prepare(for: second)
        #expect(memo.storedByteCount == 0)
    }

    // MARK: Helpers

    /// A freshly compiled index of ``yaml``, the fields of its unrouted route and the rule count.
    static func index() throws -> (RuleIndex, [FieldIndex], Int) {
        let (compiled, diagnostics, _) = EngineTestSupport.compile(Self.yaml)
        #expect(diagnostics.filter { $0.severity == .error }.isEmpty)
        let index = try #require(compiled.index)
        let fields = try #require(index.routes.last).fields
        #expect(fields.count == 3)
        return (index, fields, compiled.count)
    }

    /// The rules `memo` marks for `value` in `field`.
    static func marks(_ value: String, _ field: FieldIndex, _ memo: inout ScanMemo, _ ruleCount: Int) -> Set<Int> {
        var words = [UInt64](repeating: 0, count: RuleBits.wordCount(ruleCount))
        Array(value.utf8).withUnsafeBytes { text in
            words.withUnsafeMutableBufferPointer { memo.mark(text, in: field, into: $0) }
        }
        return Set((0..<ruleCount).filter { words[$0 >> 6] & (1 << UInt64($0 & 63)) != 0 })
    }

    /// The rules a scan of `value` in `field` finds.
    static func scanned(_ value: String, _ field: FieldIndex, _ ruleCount: Int) -> Set<Int> {
        var rules: Set<Int> = []
        Array(value.utf8).withUnsafeBytes { text in field.forEachRule(matching: text) { rules.insert(Int($0)) } }
        return rules
    }

    /// A value that satisfies a rule of `field` and one that does not, of the same length, in the same slot.
    static func slotSharingPair(field: FieldIndex) -> (String, String)? {
        var matching: [Int: String] = [:]
        var other: [Int: String] = [:]
        for number in 0..<100_000 {
            let digits = String(number)
            let padded = String(repeating: "0", count: 6 - digits.count) + digits
            let (a, b) = ("/admin" + padded, "/plain" + padded)
            let slotA = Array(a.utf8).withUnsafeBytes { ScanMemo.slot(of: $0, field: field.ordinal) }
            let slotB = Array(b.utf8).withUnsafeBytes { ScanMemo.slot(of: $0, field: field.ordinal) }
            if let found = other[slotA] { return (a, found) }
            if let found = matching[slotB] { return (found, b) }
            matching[slotA] = a
            other[slotB] = b
        }
        return nil
    }
}
