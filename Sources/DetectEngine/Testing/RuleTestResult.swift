public import DetectCore

/// The outcome of one ``RuleTestCase``.
public struct RuleTestResult: Sendable, Hashable {
    /// The case's name.
    public var name: String
    /// Where the case is written.
    public var location: SourceLocation
    /// Why the case failed (`expected match, got none`), or `nil` when it passed.
    public var failure: String?

    /// A result; normally built by ``RuleTestRunner``.
    public init(name: String, location: SourceLocation, failure: String? = nil) {
        self.name = name
        self.location = location
        self.failure = failure
    }

    /// Whether the case passed.
    public var passed: Bool { self.failure == nil }

    /// `file:line:col: FAIL: <name>: <reason>` for a failed case, `nil` for a passed one.
    public var failureLine: String? {
        self.failure.map { "\(self.location): FAIL: \(self.name): \($0)" }
    }
}
