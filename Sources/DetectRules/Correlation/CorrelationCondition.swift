public import DetectCore

/// The `condition` of a correlation rule: one or more thresholds (ANDed, for ranges) and, for the `value_*`
/// types, the field(s) aggregated.
public struct CorrelationCondition: Hashable, Sendable {
    /// A threshold operator.
    public enum Operator: String, CaseIterable, Hashable, Sendable {
        case gt, gte, lt, lte, eq, neq
    }

    /// One `operator: number` entry.
    public struct Threshold: Hashable, Sendable, CustomStringConvertible {
        /// The comparison.
        public var op: Operator
        /// The threshold.
        public var value: SigmaNumber
        /// Where it appears in the source file (1-based line and column).
        public var location: SourceLocation

        /// Memberwise initializer (the loader builds these; compilers and tests may too).
        public init(op: Operator, value: SigmaNumber, location: SourceLocation) {
            self.op = op
            self.value = value
            self.location = location
        }

        /// A readable form, for messages and tests.
        public var description: String { "\(self.op.rawValue) \(self.value)" }

        /// Whether `measured` satisfies the threshold.
        public func isSatisfied(by measured: Double) -> Bool {
            let limit = self.value.doubleValue
            switch self.op {
            case .gt: return measured > limit
            case .gte: return measured >= limit
            case .lt: return measured < limit
            case .lte: return measured <= limit
            case .eq: return measured == limit
            case .neq: return measured != limit
            }
        }
    }

    /// The thresholds, all of which must hold.
    public var thresholds: [Threshold]
    /// `field` (a list is allowed for `value_count`: the values are combined). Empty for count/temporal types.
    public var fields: [SigmaField]
    /// Where it appears in the source file (1-based line and column).
    public var location: SourceLocation

    /// Memberwise initializer (the loader builds these; compilers and tests may too).
    public init(thresholds: [Threshold], fields: [SigmaField] = [], location: SourceLocation) {
        self.thresholds = thresholds
        self.fields = fields
        self.location = location
    }

    /// Whether `measured` satisfies every threshold.
    public func isSatisfied(by measured: Double) -> Bool {
        self.thresholds.allSatisfy { $0.isSatisfied(by: measured) }
    }
}
