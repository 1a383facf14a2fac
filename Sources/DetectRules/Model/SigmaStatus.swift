/// The maturity `status` of a rule.
public enum SigmaStatus: String, CaseIterable, Hashable, Sendable {
    case stable
    case test
    case experimental
    case deprecated
    case unsupported
}
