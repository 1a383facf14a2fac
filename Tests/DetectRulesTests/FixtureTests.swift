import DetectCore
import DetectRules
import Foundation
import Testing

/// Runs `Fixtures/rules`: every valid fixture loads cleanly; every invalid fixture `<case>.yml` produces exactly
/// the `line:col severity code` lines of `<case>.diagnostics` (blank lines and `#` comments ignored).
struct FixtureTests {
    static let root = TestSupport.packageRoot.appendingPathComponent("Fixtures/rules")

    static func fixtures(_ folder: String) -> [String] {
        let directory = Self.root.appendingPathComponent(folder).path
        let names = (try? FileManager.default.contentsOfDirectory(atPath: directory)) ?? []
        return names.filter { $0.hasSuffix(".yml") }.sorted()
    }

    @Test("the fixture folders are present")
    func present() {
        #expect(Self.fixtures("valid").count >= 9)
        #expect(Self.fixtures("invalid").count >= 25)
    }

    @Test("valid fixtures load without any diagnostic", arguments: fixtures("valid"))
    func valid(name: String) {
        let path = Self.root.appendingPathComponent("valid/\(name)").path
        let (set, diagnostics) = RuleLoader.load(paths: [path])
        #expect(diagnostics.isEmpty, "\(diagnostics.map(\.description))")
        #expect(set.rejected.isEmpty)
        #expect(set.documentCount > 0)
    }

    @Test("invalid fixtures produce exactly their expected diagnostics", arguments: fixtures("invalid"))
    func invalid(name: String) throws {
        let path = Self.root.appendingPathComponent("invalid/\(name)").path
        let expectedPath = String(path.dropLast(".yml".count)) + ".diagnostics"
        let expectedText = try String(contentsOfFile: expectedPath, encoding: .utf8)
        let expected = expectedText.split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) }
            .filter { !$0.isEmpty && !$0.hasPrefix("#") }
        let (set, diagnostics) = RuleLoader.load(paths: [path])
        #expect(TestSupport.summary(diagnostics) == expected, "\(diagnostics.map(\.description))")
        #expect(diagnostics.allSatisfy { $0.location.file == path })
        if name.hasPrefix("warnings_") {
            #expect(set.rejected.isEmpty)
        } else {
            #expect(!set.rejected.isEmpty || diagnostics.contains { $0.severity == .error })
        }
    }
}
