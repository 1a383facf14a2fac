/// The correlation rules that compiled, in evaluation order (a correlation comes after every correlation it
/// references), and which rules and correlations feed them. Immutable and `Sendable`; the state lives in a
/// ``CorrelationStage``.
public struct CompiledCorrelationSet: Sendable {
    /// Where an input of a correlation is fed from.
    struct Consumer: Hashable, Sendable {
        /// Index in ``correlations``.
        let correlation: Int
        /// Index of the input in that correlation's `rules`.
        let input: Int
    }

    /// The correlations, referenced ones before those that reference them.
    public let correlations: [CompiledCorrelation]
    /// Per detection rule (index in ``CompiledRuleSet/rules``): the correlation inputs its matches feed.
    let ruleConsumers: [[Consumer]]
    /// Per correlation: the correlation inputs its alerts feed.
    let correlationConsumers: [[Consumer]]
    /// Per detection rule: `true` when its own alerts are not written (every correlation that references it
    /// has `generate: false`).
    let silentRules: [Bool]
    /// Per correlation: `true` when its own alerts are not written (it is referenced only by correlations
    /// with `generate: false`); it still feeds them.
    let silentCorrelations: [Bool]

    init(correlations: [CompiledCorrelation], ruleCount: Int) {
        self.correlations = correlations
        var ruleConsumers = Array(repeating: [Consumer](), count: ruleCount)
        var correlationConsumers = Array(repeating: [Consumer](), count: correlations.count)
        var ruleGenerates = Array(repeating: false, count: ruleCount)
        var ruleReferenced = Array(repeating: false, count: ruleCount)
        var correlationGenerates = Array(repeating: false, count: correlations.count)
        var correlationReferenced = Array(repeating: false, count: correlations.count)
        for (position, correlation) in correlations.enumerated() {
            for (input, source) in correlation.sources.enumerated() {
                let consumer = Consumer(correlation: position, input: input)
                switch source {
                case .rule(let rule):
                    ruleConsumers[rule].append(consumer)
                    ruleReferenced[rule] = true
                    ruleGenerates[rule] = ruleGenerates[rule] || correlation.generate
                case .correlation(let inner):
                    correlationConsumers[inner].append(consumer)
                    correlationReferenced[inner] = true
                    correlationGenerates[inner] = correlationGenerates[inner] || correlation.generate
                }
            }
        }
        self.ruleConsumers = ruleConsumers
        self.correlationConsumers = correlationConsumers
        self.silentRules = zip(ruleReferenced, ruleGenerates).map { $0 && !$1 }
        self.silentCorrelations = zip(correlationReferenced, correlationGenerates).map { $0 && !$1 }
    }

    /// A set without correlations.
    public static let empty = CompiledCorrelationSet(correlations: [], ruleCount: 0)

    /// Whether there is no correlation.
    public var isEmpty: Bool { self.correlations.isEmpty }

    /// Whether the detection rule at `index` alerts on its own: `false` when only correlations with
    /// `generate: false` reference it (Sigma's default: the correlation alerts instead).
    public func writesAlerts(ofRule index: Int) -> Bool {
        index >= self.silentRules.count || !self.silentRules[index]
    }

    /// Whether the correlation at `index` alerts on its own (see ``writesAlerts(ofRule:)``).
    public func writesAlerts(ofCorrelation index: Int) -> Bool {
        !self.silentCorrelations[index]
    }

    /// Whether matches of the detection rule at `index` feed some correlation.
    func feedsCorrelations(rule index: Int) -> Bool {
        index < self.ruleConsumers.count && !self.ruleConsumers[index].isEmpty
    }
}
