/// The `level` (severity) of a rule.
public enum SigmaLevel: String, CaseIterable, Hashable, Sendable, Comparable {
    case informational
    case low
    case medium
    case high
    case critical

    /// 0 (informational) ... 4 (critical).
    public var rank: Int {
        switch self {
        case .informational: 0
        case .low: 1
        case .medium: 2
        case .high: 3
        case .critical: 4
        }
    }

    /// Orders levels by ``rank``.
    public static func < (lhs: SigmaLevel, rhs: SigmaLevel) -> Bool { lhs.rank < rhs.rank }
}
