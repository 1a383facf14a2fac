import DetectCore
import DetectEngine
import Foundation
import Testing

/// IOC list files: format, several directories, located problems.
struct IOCListLoaderTests {
    /// A fresh temporary directory holding `files` (name → content).
    private func directory(_ files: [String: [UInt8]]) throws -> String {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("sigflare-ioc-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        for (name, bytes) in files {
            try Data(bytes).write(to: url.appendingPathComponent(name))
        }
        return url.path
    }

    @Test("one value per line; # comments, blank lines and surrounding whitespace are dropped")
    func format() throws {
        let text = "# Tor exit nodes\n\n1.2.3.4\n  5.6.7.8   # trailing comment\n\t\n10.0.0.0/8\r\nhttp://x/#frag\n#end"
        let directory = try self.directory(["tor_nodes.txt": Array(text.utf8), "README.md": Array("x".utf8)])
        let (catalog, diagnostics) = IOCListLoader().load(directories: [directory])
        #expect(diagnostics.isEmpty)
        #expect(catalog.names == ["tor_nodes"])
        let list = try #require(catalog["tor_nodes"])
        #expect(list.values == ["1.2.3.4", "5.6.7.8", "10.0.0.0/8", "http://x/#frag"])
        #expect(list.entries.map { "\($0.location.line):\($0.location.column)" } == ["3:1", "4:3", "6:1", "7:1"])
        #expect(list.entries[1].location.file.hasSuffix("tor_nodes.txt"))
    }

    @Test("a later directory's list replaces a same-named earlier one")
    func laterDirectoryWins() throws {
        let first = try self.directory(["a.txt": Array("one\n".utf8), "b.txt": Array("b\n".utf8)])
        let second = try self.directory(["a.txt": Array("two\n".utf8)])
        let (catalog, diagnostics) = IOCListLoader().load(directories: [first, second])
        #expect(diagnostics.isEmpty)
        #expect(catalog["a"]?.values == ["two"])
        #expect(catalog["b"]?.values == ["b"])
    }

    @Test("an empty file is an empty list")
    func emptyList() throws {
        let directory = try self.directory(["feed.txt": Array("# filled by `sigflare ioc update`\n".utf8)])
        let (catalog, _) = IOCListLoader().load(directories: [directory])
        #expect(catalog["feed"]?.isEmpty == true)
    }

    @Test("a missing directory is an error; the other directories load")
    func missingDirectory() throws {
        let directory = try self.directory(["a.txt": Array("x\n".utf8)])
        let (catalog, diagnostics) = IOCListLoader().load(directories: ["/nonexistent/iocs", directory])
        #expect(
            diagnostics.map(\.description) == ["/nonexistent/iocs:1:1: error: ioc.path.missing: no such IOC directory"])
        #expect(catalog["a"]?.values == ["x"])
    }

    @Test("a line that is not UTF-8 is an error at its first bad byte; the other lines load")
    func invalidUTF8() throws {
        let bytes: [UInt8] = Array("ok\n".utf8) + [0x61, 0xC3, 0xA9, 0x62, 0xFF, 0x63] + Array("\nfine\n".utf8)
        let directory = try self.directory(["l.txt": bytes])
        let (catalog, diagnostics) = IOCListLoader().load(directories: [directory])
        #expect(diagnostics.count == 1)
        #expect(diagnostics.first?.code == "ioc.read")
        #expect(diagnostics.first?.location.line == 2)
        #expect(diagnostics.first?.location.column == 4)
        #expect(catalog["l"]?.values == ["ok", "fine"])
    }

    @Test("a value with a control character is a warning and is skipped")
    func controlCharacter() throws {
        let directory = try self.directory(["l.txt": Array("a\u{7}b\nc\n".utf8)])
        let (catalog, diagnostics) = IOCListLoader().load(directories: [directory])
        #expect(diagnostics.map { "\($0.location.line):\($0.location.column) \($0.code)" } == ["1:1 ioc.entry.invalid"])
        #expect(catalog["l"]?.values == ["c"])
    }

    @Test("a byte-order mark is ignored")
    func byteOrderMark() throws {
        let directory = try self.directory(["l.txt": [0xEF, 0xBB, 0xBF] + Array("x\n".utf8)])
        let (catalog, _) = IOCListLoader().load(directories: [directory])
        #expect(catalog["l"]?.values == ["x"])
    }

    @Test("loaded lists drive expand: an IOC value is literal, wildcards included")
    func expandFromFiles() throws {
        let directory = try self.directory(["agents.txt": Array("sqlmap*\nnikto\n".utf8)])
        let (catalog, _) = IOCListLoader().load(directories: [directory])
        let detection = "    selection:\n        ua|expand: '%agents%'\n    condition: selection"
        #expect(try EngineTestSupport.matches(detection, #"{"ua":"SQLMAP*"}"#, iocs: catalog))
        #expect(try !EngineTestSupport.matches(detection, #"{"ua":"sqlmap/1.0"}"#, iocs: catalog))
    }
}
