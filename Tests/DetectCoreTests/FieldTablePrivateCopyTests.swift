import DetectCore
import Testing

struct FieldTablePrivateCopyTests {
    @Test func aPrivateCopyHasTheSameFieldsInStorageOfItsOwn() throws {
        let registry = FieldRegistry()
        for path in ["source.ip", "url.original", "cloudflare.a_field_name_longer_than_fifteen_bytes", "dns.question.name"] {
            _ = try #require(registry.intern(path))
        }
        let table = registry.table()
        let copy = table.privateCopy()
        #expect(copy.paths == table.paths)
        #expect(copy.segments == table.segments)
        #expect(copy.parents == table.parents)
        #expect(copy.depths == table.depths)
        #expect(copy.ranks == table.ranks)
        #expect(Self.address(of: copy.paths) != Self.address(of: table.paths))
        #expect(Self.address(of: copy.parents) != Self.address(of: table.parents))
        for index in table.segments.indices where !table.segments[index].isEmpty {
            #expect(Self.address(of: copy.segments[index]) != Self.address(of: table.segments[index]))
        }
        // A path too long to be stored inline in its String has storage of its own too.
        let long = try #require(table.paths.firstIndex { $0.utf8.count > 15 })
        var original = table.paths[long]
        var copied = copy.paths[long]
        let originalBytes = original.withUTF8 { UnsafeRawPointer($0.baseAddress) }
        let copiedBytes = copied.withUTF8 { UnsafeRawPointer($0.baseAddress) }
        #expect(originalBytes != copiedBytes)
    }

    private static func address<Element>(of array: [Element]) -> UnsafeRawPointer? {
        array.withUnsafeBufferPointer { UnsafeRawPointer($0.baseAddress) }
    }
}
