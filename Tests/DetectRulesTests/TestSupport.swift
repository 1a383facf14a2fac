import DetectCore
import DetectRules
import Foundation

/// Helpers shared by the DetectRules suites.
enum TestSupport {
    /// The package root, found from this file's path (Tests/DetectRulesTests/TestSupport.swift).
    static let packageRoot: URL = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// Loads one YAML text as the file `test.yml`.
    static func load(_ yaml: String, file: String = "test.yml") -> (RuleSet, [Diagnostic]) {
        RuleLoader().load(yaml: yaml, file: file)
    }

    /// A minimal rule around a detection body (indented by the caller with 4 spaces per level under
    /// `detection:`).
    static func rule(_ detection: String, extra: String = "") -> String {
        """
        title: Test rule
        id: 929a690e-bef0-4204-a928-ef5e620d6fcc
        status: test
        logsource:
            category: proxy
        detection:
        \(detection)
        level: medium
        \(extra)
        """
    }

    /// `line:col severity code` lines, the format of `Fixtures/rules/invalid/*.diagnostics`.
    static func summary(_ diagnostics: [Diagnostic]) -> [String] {
        diagnostics.map { "\($0.location.line):\($0.location.column) \($0.severity.rawValue) \($0.code)" }
    }

    /// The error and warning codes, in order.
    static func codes(_ diagnostics: [Diagnostic]) -> [String] { diagnostics.map(\.code) }
}
