import Foundation

/// Finds `../shared` (reference data beside the checkout) and the repository's own folders.
enum SharedData {
    /// The repository root, found from this file's path.
    static let repositoryRoot: URL = {
        var url = URL(fileURLWithPath: #filePath)
        while url.path != "/" {
            url.deleteLastPathComponent()
            if FileManager.default.fileExists(atPath: url.appendingPathComponent("Package.swift").path) { return url }
        }
        return URL(fileURLWithPath: FileManager.default.currentDirectoryPath)
    }()

    /// `../shared/<relative>` when it exists; otherwise prints a notice and returns nil.
    static func folder(_ relative: String) -> URL? {
        let url = self.repositoryRoot.deletingLastPathComponent().appendingPathComponent("shared/\(relative)")
        guard FileManager.default.fileExists(atPath: url.path) else {
            print("skipped: ../shared/\(relative) not found")
            return nil
        }
        return url
    }
}
