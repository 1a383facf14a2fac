import DetectCore
import Testing

struct FieldTableTests {
    private static func table(_ paths: [String]) -> (FieldTable, [String: FieldID]) {
        let registry = FieldRegistry()
        var ids: [String: FieldID] = [:]
        for path in paths { ids[path] = registry.id(path) }
        return (registry.table(), ids)
    }

    @Test("ranks put an object's fields right after it: event < event.kind < event-x < eventx")
    func ranks() {
        let (table, ids) = Self.table(["eventx", "event.kind", "event", "event-x", "even", "event.kind.x", "event.a"])
        let ordered = ["even", "event", "event.a", "event.kind", "event.kind.x", "event-x", "eventx"]
        let byRank = ordered.map { table.ranks[ids[$0]!.index] }
        #expect(byRank == byRank.sorted())
        #expect(Set(byRank).count == byRank.count)
    }

    @Test("the root ranks first and @timestamp before the usual ECS fields")
    func timestampFirst() {
        let (table, ids) = Self.table([
            "url.path", "agent.name", "Cloudflare.x", "_id", "@timestamp", "ecs.version", "zeek",
        ])
        #expect(table.ranks[FieldID.root.index] == 0)
        let timestamp = table.ranks[ids["@timestamp"]!.index]
        #expect(timestamp == 1)
    }

    @Test("ranks compare bytes, so uppercase sorts before lowercase and UTF-8 by code point")
    func byteOrder() {
        let (table, ids) = Self.table(["b", "B", "a", "é", "z", "Z.a"])
        let ordered = ["B", "Z", "Z.a", "a", "b", "z", "é"]
        let byRank = ordered.map { table.ranks[(ids[$0] ?? FieldRegistryLookup.id($0, in: table))!.index] }
        #expect(byRank == byRank.sorted())
    }

    @Test("every path's descendants form one block right after it in rank order")
    func contiguity() {
        let segments = ["a", "b", "ab", "a-b", "a_b", "a.b", "A", "0", "é", "", "aa"]
        var paths: [String] = []
        var state: UInt64 = 12345
        func next(_ bound: Int) -> Int {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Int((state >> 33) % UInt64(bound))
        }
        for _ in 0..<300 {
            let depth = 1 + next(4)
            paths.append((0..<depth).map { _ in segments[next(segments.count)] }.joined(separator: "."))
        }
        let (table, _) = Self.table(paths)
        let order = table.paths.indices.sorted { table.ranks[$0] < table.ranks[$1] }
        for (position, index) in order.enumerated() where index != 0 {
            // Count this path's descendants; they must be exactly the next ones in rank order.
            let descendants = table.paths.indices.filter { other in
                var current = table.parents[other]
                while current != .root {
                    if current.index == index { return true }
                    current = table.parents[current.index]
                }
                return false
            }
            let following = Set(order[(position + 1)..<(position + 1 + descendants.count)])
            #expect(following == Set(descendants), "\(table.paths[index].debugDescription)")
        }
    }

    @Test("the root keeps rank 0 next to a path with an empty first segment")
    func emptyFirstSegment() throws {
        let registry = FieldRegistry()
        let dotted = try #require(registry.intern(".a"))
        let plain = try #require(registry.intern("a"))
        let table = registry.table()
        #expect(table.ranks[FieldID.root.index] == 0)
        #expect(table.ranks[dotted.index] < table.ranks[plain.index])
        #expect(table.chain(dotted).count == 2)
    }

    @Test("depths count segments and chain lists ancestors from the top")
    func depthsAndChain() {
        let (table, ids) = Self.table(["a.b.c", "d"])
        #expect(table.depths[FieldID.root.index] == 0)
        #expect(table.depths[ids["d"]!.index] == 1)
        #expect(table.depths[ids["a.b.c"]!.index] == 3)
        #expect(table.chain(ids["a.b.c"]!).map { table.paths[$0.index] } == ["a", "a.b", "a.b.c"])
        #expect(table.chain(.root).isEmpty)
    }

    @Test("a table of only the root is valid")
    func rootOnly() {
        let table = FieldRegistry().table()
        #expect(table.count == 1)
        #expect(table.ranks == [0])
        #expect(table.depths == [0])
        #expect(table.parents == [.root])
    }
}

/// Looks an interned path up in a table by name (the table itself has no index by name).
private enum FieldRegistryLookup {
    static func id(_ path: String, in table: FieldTable) -> FieldID? {
        table.paths.firstIndex(of: path).map { FieldID(rawValue: UInt32($0)) }
    }
}
