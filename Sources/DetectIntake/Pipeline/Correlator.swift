public import DetectCore
public import DetectEngine
import DetectJSON

/// Feeds the events that matched rules to the correlation stage, in input order, and writes the correlation
/// alerts they raise, one JSON line each, in correlation order (docs/correlation.md). Sequential: one per run.
public struct Correlator {
    /// The correlation rules.
    public let correlations: CompiledCorrelationSet
    /// Correlation alerts written, per correlation (indexed like ``CompiledCorrelationSet/correlations``).
    public private(set) var alertsByCorrelation: [Int]
    /// Correlation alerts written.
    public private(set) var alertCount = 0
    /// Late events, evicted groups and the correlation stage's other counters.
    public var counters: CorrelationCounters { self.stage.counters }
    /// The correlation settings.
    public var options: CorrelationOptions { self.stage.options }
    private let builder: CorrelationAlertBuilder
    private var stage: CorrelationStage
    private let table: FieldTable
    private var raised: [CorrelationAlert] = []
    private var alert = Event()
    private var writer = JSONWriter()
    private var writerScratch = EventWriterScratch()

    /// A correlator with empty state. Create it after every field is interned: it takes a snapshot of the
    /// field table.
    ///
    /// - Parameters:
    ///   - correlations: The correlations compiled against `rules`.
    ///   - rules: The detection rules.
    ///   - options: Lateness, group cap and the other settings; validated by the caller.
    public init(correlations: CompiledCorrelationSet, rules: CompiledRuleSet, options: CorrelationOptions = .init()) {
        self.correlations = correlations
        self.alertsByCorrelation = Array(repeating: 0, count: correlations.correlations.count)
        self.builder = CorrelationAlertBuilder(correlations: correlations)
        self.stage = CorrelationStage(correlations: correlations, rules: rules, options: options)
        self.table = FieldRegistry.shared.table()
    }

    /// Feeds `event` with its rule matches and writes the correlation alerts it raises to `output`.
    ///
    /// - Parameters:
    ///   - event: The normalized event, the next in input order that matched a rule.
    ///   - matches: Its matches, from ``Detector/detect(_:dataset:line:into:)``.
    ///   - line: Its input line (identifies it in contributing alert ids when it has no `event.id`).
    public mutating func correlate(
        _ event: Event, matches: [RuleMatch], line: UnsafeRawBufferPointer, to output: FileOutput
    ) throws(IntakeError) {
        self.raised.removeAll(keepingCapacity: true)
        self.stage.process(event, matches: matches, line: line, into: &self.raised)
        guard !self.raised.isEmpty else { return }
        self.writer.output.removeAll(keepingCapacity: true)
        for raised in self.raised where self.correlations.writesAlerts(ofCorrelation: raised.correlation) {
            self.builder.makeAlert(for: raised, into: &self.alert)
            self.writer.writeEvent(self.alert, table: self.table, scratch: &self.writerScratch)
            self.writer.writeByte(UInt8(ascii: "\n"))
            self.alertsByCorrelation[raised.correlation] += 1
            self.alertCount += 1
        }
        try output.write(self.writer.output)
    }
}
