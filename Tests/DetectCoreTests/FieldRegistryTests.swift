import DetectCore
import Testing

struct FieldRegistryTests {
    @Test("interning the same path twice returns the same id")
    func sameID() throws {
        let registry = FieldRegistry()
        let first = try #require(registry.intern("source.ip"))
        #expect(registry.intern("source.ip") == first)
        #expect(registry.id("source.ip") == first)
        #expect(registry.lookup("source.ip") == first)
        #expect(registry.intern("source.port") != first)
        #expect(registry.intern("source") != first)
    }

    @Test("every prefix of a path is interned, with parents linking them")
    func prefixes() throws {
        let registry = FieldRegistry()
        let leaf = try #require(registry.intern("http.request.method"))
        let request = try #require(registry.lookup("http.request"))
        let http = try #require(registry.lookup("http"))
        let table = registry.table()
        #expect(table.parents[leaf.index] == request)
        #expect(table.parents[request.index] == http)
        #expect(table.parents[http.index] == .root)
        #expect(table.paths[leaf.index] == "http.request.method")
        #expect(table.segments[leaf.index] == Array("method".utf8))
        #expect(table.segments[http.index] == Array("http".utf8))
        // A new sibling reuses the interned prefixes.
        let body = try #require(registry.intern("http.request.body"))
        #expect(registry.table().parents[body.index] == request)
        #expect(registry.table().count == 5)
    }

    @Test("ids are small and dense, starting after the root")
    func dense() {
        let registry = FieldRegistry()
        #expect(registry.intern("a")?.rawValue == 1)
        #expect(registry.intern("b.c")?.rawValue == 3)
        #expect(registry.lookup("b")?.rawValue == 2)
        #expect(registry.intern("a")?.rawValue == 1)
    }

    @Test("the empty path is the root")
    func emptyPath() {
        let registry = FieldRegistry()
        #expect(registry.intern("") == .root)
        #expect(registry.table().count == 1)
        #expect(registry.table().paths == [""])
    }

    @Test("lookup does not intern")
    func lookupDoesNotIntern() {
        let registry = FieldRegistry()
        #expect(registry.lookup("never.seen") == nil)
        #expect(registry.lookup("never") == nil)
        #expect(registry.table().count == 1)
    }

    @Test(
        "paths with empty segments are distinct from paths without them",
        arguments: [(".a", "a"), ("a.", "a"), ("a..b", "a.b"), (".a.b", "a.b"), ("..", "."), (".", "")]
    )
    func emptySegments(odd: String, plain: String) throws {
        let registry = FieldRegistry()
        let plainID = try #require(registry.intern(plain))
        let oddID = try #require(registry.intern(odd))
        #expect(oddID != plainID)
        #expect(registry.intern(odd) == oddID)
        #expect(registry.intern(plain) == plainID)
        let table = registry.table()
        #expect(table.paths[oddID.index] == odd)
        #expect(table.depths[oddID.index] == odd.split(separator: ".", omittingEmptySubsequences: false).count)
        #expect(table.chain(oddID).map { table.paths[$0.index] }.last == odd)
    }

    @Test("past its capacity the registry returns nil for new paths and keeps the old ones")
    func capacity() throws {
        let registry = FieldRegistry(capacity: 4)
        #expect(registry.capacity == 4)
        let ab = try #require(registry.intern("a.b"))  // root, a, a.b
        let c = try #require(registry.intern("c"))  // 4 paths: full
        #expect(registry.intern("d") == nil)
        #expect(registry.intern("a.x") == nil)
        #expect(registry.intern("a.b") == ab)
        #expect(registry.intern("c") == c)
        #expect(registry.intern("") == .root)
        #expect(registry.table().count == 4)
    }

    @Test("a path that only partly fits leaves its interned prefixes usable")
    func partialIntern() throws {
        let registry = FieldRegistry(capacity: 3)
        #expect(registry.intern("a.b.c") == nil)
        let ab = try #require(registry.lookup("a.b"))
        #expect(registry.intern("a.b") == ab)
        #expect(registry.table().paths[ab.index] == "a.b")
    }

    @Test("a capacity of one holds only the root")
    func capacityOne() {
        let registry = FieldRegistry(capacity: 1)
        #expect(registry.intern("a") == nil)
        #expect(registry.intern("") == .root)
    }

    @Test("the table snapshot is refreshed after new interns")
    func snapshotRefresh() throws {
        let registry = FieldRegistry()
        _ = registry.intern("a")
        let before = registry.table()
        #expect(before.count == 2)
        #expect(registry.table().paths == before.paths)
        let later = try #require(registry.intern("b.c"))
        let after = registry.table()
        #expect(after.count == 4)
        #expect(after.paths[later.index] == "b.c")
        #expect(after.ranks.count == 4)
        // The old snapshot is immutable.
        #expect(before.count == 2)
        // Interning a known path does not change the snapshot.
        _ = registry.intern("b.c")
        #expect(registry.table().count == 4)
    }

    @Test("concurrent interning hands every path one id")
    func concurrent() async {
        let registry = FieldRegistry()
        let paths = (0..<200).map { "f\($0 % 50).g\($0 % 7).h\($0)" }
        let results = await withTaskGroup(of: [String: FieldID].self) { group in
            for worker in 0..<8 {
                group.addTask {
                    var ids: [String: FieldID] = [:]
                    for path in worker % 2 == 0 ? paths : paths.reversed() { ids[path] = registry.intern(path) }
                    return ids
                }
            }
            var all: [[String: FieldID]] = []
            for await ids in group { all.append(ids) }
            return all
        }
        for ids in results { #expect(ids == results[0]) }
        #expect(Set(results[0].values).count == paths.count)
        let table = registry.table()
        for (path, id) in results[0] { #expect(table.paths[id.index] == path) }
    }

    @Test("the shared registry is one instance")
    func shared() throws {
        let id = try #require(FieldRegistry.shared.intern("detectcoretests.shared.probe"))
        #expect(FieldRegistry.shared.lookup("detectcoretests.shared.probe") == id)
    }
}
