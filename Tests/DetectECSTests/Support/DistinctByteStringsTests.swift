import Testing

@testable import DetectECS

struct DistinctByteStringsTests {
    private static func insert(_ text: String, node: Int? = nil, into set: inout DistinctByteStrings) {
        Array(text.utf8).withUnsafeBytes { set.insert($0, node: node) }
    }

    private static func values(_ set: DistinctByteStrings) -> [String] {
        (0..<set.count).map { index in set.withValue(at: index) { String(decoding: $0, as: UTF8.self) } }
    }

    @Test("strings keep their first insertion, with the node given then")
    func firstInsertionWins() {
        var set = DistinctByteStrings()
        Self.insert("a.example", node: 7, into: &set)
        Self.insert("b.example", into: &set)
        Self.insert("a.example", into: &set)
        Self.insert("b.example", node: 9, into: &set)
        Self.insert("", node: 3, into: &set)
        #expect(Self.values(set) == ["a.example", "b.example", ""])
        #expect((0..<set.count).map { set.node(at: $0) } == [7, nil, 3])
    }

    @Test("emptying keeps nothing of the previous strings or nodes")
    func removeAll() {
        var set = DistinctByteStrings()
        Self.insert("x", node: 1, into: &set)
        set.removeAll()
        #expect(set.isEmpty)
        Self.insert("x", into: &set)
        #expect(Self.values(set) == ["x"] && set.node(at: 0) == nil)

        // Reused buffers: shorter and longer strings than the stale ones, in another order.
        for strings in [["alpha", "be", "gamma-delta"], ["be", "alpha"], ["a-much-longer-string", "alpha", "be", "x"]] {
            set.removeAll()
            for (index, string) in strings.enumerated() {
                Self.insert(string, node: index, into: &set)
                Self.insert(string, into: &set)
            }
            #expect(Self.values(set) == strings)
            #expect((0..<set.count).map { set.node(at: $0) } == Array(0..<strings.count))
        }
    }
}
