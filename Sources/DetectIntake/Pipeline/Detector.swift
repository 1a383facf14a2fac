public import DetectCore
public import DetectECS
public import DetectEngine
import DetectJSON

/// Evaluates each event against a compiled rule set and writes its alerts, one JSON line each, in rule
/// order (ARCHITECTURE.md, "Alert contract").
///
/// Raw Cloudflare records are routed by the dataset the normalizer found; ECS input documents by the
/// dataset their `event.dataset` names; others reach only the rules whose logsource no pipeline maps.
public struct Detector {
    /// The rules.
    public let rules: CompiledRuleSet
    /// Alerts written, per rule (indexed like ``CompiledRuleSet/rules``).
    public private(set) var alertsByRule: [Int]
    /// Times a regular expression hit its match or depth limit (counted as no match).
    public var regexLimitHits: Int { self.scratch.regexLimitHits }
    private let builder: AlertBuilder
    private let table: FieldTable
    private var scratch = EvaluationScratch()
    private var matches: [RuleMatch] = []
    private var alert = Event()
    private var writer = JSONWriter()
    private var writerScratch = EventWriterScratch()

    /// A detector for `rules`. Create it after every field is interned (rules compiled, normalizer built):
    /// it takes a snapshot of the field table.
    public init(rules: CompiledRuleSet) {
        self.rules = rules
        self.alertsByRule = Array(repeating: 0, count: rules.count)
        self.builder = AlertBuilder(rules: rules)
        self.table = FieldRegistry.shared.table()
    }

    /// All alerts written.
    public var alertCount: Int { self.alertsByRule.reduce(0, +) }

    /// Evaluates `event` and writes its alerts to `output`.
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
        for match in self.matches {
            self.builder.makeAlert(for: match, event: event, line: line, table: self.table, into: &self.alert)
            self.writer.writeEvent(self.alert, table: self.table, scratch: &self.writerScratch)
            self.writer.writeByte(UInt8(ascii: "\n"))
            self.alertsByRule[match.ruleIndex] += 1
        }
        try output.write(self.writer.output)
    }
}
