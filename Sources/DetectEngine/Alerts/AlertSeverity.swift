public import DetectRules

extension SigmaLevel {
    /// The alert's numeric `event.severity` for this level: informational 1, low 21, medium 47, high 73,
    /// critical 99 (the risk scores Elastic's detection rules use for the same names; README "Alerts").
    public var severity: Int64 {
        switch self {
        case .informational: 1
        case .low: 21
        case .medium: 47
        case .high: 73
        case .critical: 99
        }
    }
}
