/// A problem in something a user wrote (a rule, a pipeline, an IOC list, configuration).
///
/// Diagnostics are values, not thrown errors: loaders and compilers collect every one of them and keep
/// going, so one run reports everything that is wrong.
public struct Diagnostic: Hashable, Sendable, CustomStringConvertible {
    public enum Severity: String, Sendable, Hashable, Comparable {
        case warning
        case error

        public static func < (lhs: Severity, rhs: Severity) -> Bool { lhs == .warning && rhs == .error }
    }

    public var severity: Severity
    /// A stable, dotted code such as `rule.modifier.unknown`.
    public var code: String
    /// What went wrong and, where possible, how to fix it.
    public var message: String
    public var location: SourceLocation
    /// The Sigma `id` of the rule concerned, when known.
    public var ruleID: String?

    public init(
        _ severity: Severity, code: String, message: String, location: SourceLocation, ruleID: String? = nil
    ) {
        self.severity = severity
        self.code = code
        self.message = message
        self.location = location
        self.ruleID = ruleID
    }

    /// `file:line:col: error|warning: code: message`, the contract of `sigflare validate`.
    public var description: String {
        "\(self.location): \(self.severity.rawValue): \(self.code): \(self.message)"
    }
}
