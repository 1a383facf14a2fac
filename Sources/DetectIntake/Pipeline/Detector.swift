public import DetectCore
public import DetectECS
public import DetectEngine
import DetectJSON

/// Evaluates each event against a compiled rule set and writes its detection alerts, one JSON line each, in
/// rule order (ARCHITECTURE.md, "Alert contract"). The correlations are left to a ``Correlator``, which must see
/// the events in input order; this part may run on any thread, one detector per thread.
///
/// Raw Cloudflare records are routed by the dataset the normalizer found; ECS input documents by the
/// dataset their `event.dataset` names; others reach only the rules whose logsource no pipeline maps.
/// A rule referenced only by correlations with `generate: false` feeds them without alerting on its own.
public struct Detector {
    /// The rules.
    public let rules: CompiledRuleSet
    /// The correlation rules (to know which rules alert on their own and which matches feed them).
    public let correlations: CompiledCorrelationSet
    /// Alerts written, per rule (indexed like ``CompiledRuleSet/rules``).
    public private(set) var alertsByRule: [Int]
    /// Alerts written.
    public private(set) var alertCount = 0
    /// The matches of the last event detected.
    public private(set) var matches: [RuleMatch] = []
    /// Times a regular expression hit its match or depth limit (counted as no match).
    public var regexLimitHits: Int { self.scratch.regexLimitHits }
    private let builder: AlertBuilder
    private let table: FieldTable
    private var scratch = EvaluationScratch()
    private var alert = Event()
    private var writer = JSONWriter()
    private var writerScratch = EventWriterScratch()

    /// A detector for `rules`. Create it after every field is interned (rules and correlations compiled,
    /// normalizer built): it takes a snapshot of the field table.
    ///
    /// - Parameters:
    ///   - rules: The compiled detection rules.
    ///   - correlations: The correlations compiled against `rules`.
    public init(rules: CompiledRuleSet, correlations: CompiledCorrelationSet = .empty) {
        self.rules = rules
        self.correlations = correlations
        self.alertsByRule = Array(repeating: 0, count: rules.count)
        self.builder = AlertBuilder(rules: rules)
        // A copy of its own: alert writing reads it for every field, on every thread.
        self.table = FieldRegistry.shared.table().privateCopy()
    }

    /// Evaluates `event` (its matches are then in ``matches``) and appends its detection alerts to `alerts`.
    ///
    /// - Parameters:
    ///   - event: The normalized event.
    ///   - dataset: The dataset to route by (see the type's description).
    ///   - line: The input line (identifies the event in alert ids when it has no `event.id`).
    ///   - alerts: Receives the alerts, one JSON line each.
    /// - Returns: Whether the event goes on to the ``Correlator``: it matched a rule and there are
    ///   correlations (the correlator picks the matches that feed one).
    public mutating func detect(
        _ event: Event, dataset: CloudflareDataset?, line: UnsafeRawBufferPointer, into alerts: inout [UInt8]
    ) -> Bool {
        self.matches.removeAll(keepingCapacity: true)
        self.rules.evaluate(event, dataset: dataset?.rawValue, scratch: &self.scratch, into: &self.matches)
        guard !self.matches.isEmpty else { return false }
        swap(&self.writer.output, &alerts)
        defer { swap(&self.writer.output, &alerts) }
        for match in self.matches where self.correlations.writesAlerts(ofRule: match.ruleIndex) {
            self.builder.makeAlert(for: match, event: event, line: line, table: self.table, into: &self.alert)
            self.writer.writeEvent(self.alert, table: self.table, scratch: &self.writerScratch)
            self.writer.writeByte(UInt8(ascii: "\n"))
            self.alertsByRule[match.ruleIndex] += 1
            self.alertCount += 1
        }
        return !self.correlations.isEmpty
    }
}
