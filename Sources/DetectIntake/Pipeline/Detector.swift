public import DetectCore
public import DetectECS
public import DetectEngine
import DetectJSON

/// Evaluates each event against a compiled rule set, feeds the matches to the correlation stage, and writes
/// the alerts, one JSON line each: the event's detection alerts in rule order, then the correlation alerts it
/// raised in correlation order (ARCHITECTURE.md, "Alert contract"; docs/correlation.md).
///
/// Raw Cloudflare records are routed by the dataset the normalizer found; ECS input documents by the
/// dataset their `event.dataset` names; others reach only the rules whose logsource no pipeline maps.
/// A rule referenced only by correlations with `generate: false` feeds them without alerting on its own.
public struct Detector {
    /// The rules.
    public let rules: CompiledRuleSet
    /// The correlation rules.
    public let correlations: CompiledCorrelationSet
    /// Alerts written, per rule (indexed like ``CompiledRuleSet/rules``).
    public private(set) var alertsByRule: [Int]
    /// Correlation alerts written, per correlation (indexed like ``CompiledCorrelationSet/correlations``).
    public private(set) var alertsByCorrelation: [Int]
    /// Times a regular expression hit its match or depth limit (counted as no match).
    public var regexLimitHits: Int { self.scratch.regexLimitHits }
    /// Late events, evicted groups and the correlation stage's other counters.
    public var correlationCounters: CorrelationCounters { self.stage.counters }
    /// The correlation settings.
    public var correlationOptions: CorrelationOptions { self.stage.options }
    private let builder: AlertBuilder
    private let correlationBuilder: CorrelationAlertBuilder
    private var stage: CorrelationStage
    private let table: FieldTable
    private var scratch = EvaluationScratch()
    private var matches: [RuleMatch] = []
    private var correlationAlerts: [CorrelationAlert] = []
    private var alert = Event()
    private var writer = JSONWriter()
    private var writerScratch = EventWriterScratch()

    /// A detector for `rules` and `correlations`. Create it after every field is interned (rules and
    /// correlations compiled, normalizer built): it takes a snapshot of the field table.
    ///
    /// - Parameters:
    ///   - rules: The compiled detection rules.
    ///   - correlations: The correlations compiled against `rules`.
    ///   - correlationOptions: Lateness, group cap and the other settings; validated by the caller.
    public init(
        rules: CompiledRuleSet, correlations: CompiledCorrelationSet = .empty,
        correlationOptions: CorrelationOptions = CorrelationOptions()
    ) {
        self.rules = rules
        self.correlations = correlations
        self.alertsByRule = Array(repeating: 0, count: rules.count)
        self.alertsByCorrelation = Array(repeating: 0, count: correlations.correlations.count)
        self.builder = AlertBuilder(rules: rules)
        self.correlationBuilder = CorrelationAlertBuilder(correlations: correlations)
        self.stage = CorrelationStage(correlations: correlations, rules: rules, options: correlationOptions)
        self.table = FieldRegistry.shared.table()
    }

    /// All alerts written (detection and correlation).
    public var alertCount: Int { self.alertsByRule.reduce(0, +) + self.alertsByCorrelation.reduce(0, +) }

    /// Evaluates `event`, feeds the correlations and writes the alerts to `output`.
    ///
    /// - Parameters:
    ///   - event: The normalized event.
    ///   - dataset: The dataset to route by (see the type's description).
    ///   - line: The input line (identifies the event in alert ids when it has no `event.id`).
    public mutating func detect(
        _ event: Event, dataset: CloudflareDataset?, line: UnsafeRawBufferPointer, to output: FileOutput
    ) throws(IntakeError) {
        self.matches.removeAll(keepingCapacity: true)
        self.rules.evaluate(event, dataset: dataset?.rawValue, scratch: &self.scratch, into: &self.matches)
        guard !self.matches.isEmpty else { return }
        self.writer.output.removeAll(keepingCapacity: true)
        for match in self.matches where self.correlations.writesAlerts(ofRule: match.ruleIndex) {
            self.builder.makeAlert(for: match, event: event, line: line, table: self.table, into: &self.alert)
            self.writeAlert()
            self.alertsByRule[match.ruleIndex] += 1
        }
        if !self.correlations.isEmpty {
            self.correlationAlerts.removeAll(keepingCapacity: true)
            self.stage.process(event, matches: self.matches, line: line, into: &self.correlationAlerts)
            for raised in self.correlationAlerts where self.correlations.writesAlerts(ofCorrelation: raised.correlation) {
                self.correlationBuilder.makeAlert(for: raised, into: &self.alert)
                self.writeAlert()
                self.alertsByCorrelation[raised.correlation] += 1
            }
        }
        guard !self.writer.output.isEmpty else { return }
        try output.write(self.writer.output)
    }

    private mutating func writeAlert() {
        self.writer.writeEvent(self.alert, table: self.table, scratch: &self.writerScratch)
        self.writer.writeByte(UInt8(ascii: "\n"))
    }
}
