import DetectCore
import DetectECS
import DetectEngine
import DetectRules
import Glibc

/// `sigflare-bench correlate [EVENTS] [GROUPS]`: times the correlation stage alone on one thread.
///
/// One `event_count` correlation (`source.ip`, 10 minutes, `gte: 5`, as the shared bench's c1) is fed EVENTS
/// events (default 2,000,000), each a match of its base rule, one millisecond apart, from GROUPS source
/// addresses in turn (default 100,000): every group gets an event every GROUPS milliseconds, so all GROUPS
/// groups stay live in the window and each crosses the threshold once. Each event is built in place (an
/// RFC 3339 `@timestamp`, `source.ip`, `event.id`), as replay hands it over; the same loop without the stage
/// is timed too, and the difference is the stage's cost. Memory per live group: the growth of the resident
/// set while the groups fill, divided by GROUPS.
func runCorrelateBenchmark(_ arguments: [String]) -> Int32 {
    let eventCount = arguments.first.flatMap { Int($0) } ?? 2_000_000
    let groupCount = arguments.count > 1 ? Int(arguments[1]) ?? 100_000 : 100_000
    guard eventCount > 0, groupCount > 0 else {
        print("usage: sigflare-bench correlate [EVENTS] [GROUPS]")
        return 2
    }
    let yaml = """
        title: Base
        id: 6c1e0b7a-0101-4c1f-9a10-000000000101
        name: base
        status: test
        logsource:
            category: proxy
        detection:
            selection:
                kind: a
            condition: selection
        level: low
        ---
        title: Burst
        id: 6c1e0b7a-0102-4c1f-9a10-000000000102
        status: test
        correlation:
            type: event_count
            rules: [base]
            group-by: [source.ip]
            timespan: 10m
            condition:
                gte: 5
        level: high
        """
    let (ruleSet, _) = RuleLoader().load(yaml: yaml, file: "bench.yml")
    let (rules, _) = RuleCompiler().compile(ruleSet)
    let (correlations, _) = CorrelationCompiler().compile(ruleSet, rules: rules)
    let options = CorrelationOptions(maxGroups: max(groupCount, CorrelationOptions.defaultMaxGroups))
    var stage = CorrelationStage(correlations: correlations, rules: rules, options: options)
    let timestamp = FieldRegistry.shared.id("@timestamp")
    let sourceIP = FieldRegistry.shared.id("source.ip")
    let eventID = FieldRegistry.shared.id("event.id")
    let addresses: [[UInt8]] = (0..<groupCount).map { Array("10.\($0 >> 16 & 255).\($0 >> 8 & 255).\($0 & 255)".utf8) }
    let matches = [RuleMatch(ruleIndex: 0, ruleID: rules.rules[0].id, title: rules.rules[0].title)]
    let start: Int64 = 1_777_593_600_000_000  // 2026-05-01T00:00:00Z
    var event = Event()
    var text: [UInt8] = []
    var alerts: [CorrelationAlert] = []
    var raised = 0
    let line: [UInt8] = []

    /// Builds event `index` in place.
    func build(_ index: Int) {
        event.removeAll()
        text.removeAll(keepingCapacity: true)
        EventTime(microsecondsSinceEpoch: start + Int64(index) * 1_000)!.appendRFC3339(to: &text)
        text.withUnsafeBytes { event.setString(timestamp, $0) }
        addresses[index % groupCount].withUnsafeBytes { event.setString(sourceIP, $0) }
        text.removeAll(keepingCapacity: true)
        text.append(contentsOf: "e".utf8)
        var number = index
        repeat {
            text.append(UInt8(ascii: "0") + UInt8(number % 10))
            number /= 10
        } while number > 0
        text.withUnsafeBytes { event.setString(eventID, $0) }
    }

    // Fill: one event per group, then measure the memory they hold.
    let residentBefore = residentBytes()
    line.withUnsafeBytes { line in
        for index in 0..<groupCount {
            build(index)
            stage.process(event, matches: matches, line: line, into: &alerts)
        }
    }
    let perGroup = Double(residentBytes() - residentBefore) / Double(groupCount)

    let baselineStart = monotonicSeconds()
    for index in groupCount..<(groupCount + eventCount) { build(index) }
    let baseline = monotonicSeconds() - baselineStart

    let began = monotonicSeconds()
    line.withUnsafeBytes { line in
        for index in groupCount..<(groupCount + eventCount) {
            build(index)
            alerts.removeAll(keepingCapacity: true)
            stage.process(event, matches: matches, line: line, into: &alerts)
            raised += alerts.count
        }
    }
    let seconds = monotonicSeconds() - began
    let stageSeconds = max(seconds - baseline, 1e-9)
    print(
        "correlate: \(eventCount) events, \(stage.liveGroups) live groups, \(raised) alerts, "
            + "\(Int(Double(eventCount) / seconds)) events/s with event building, "
            + "\(Int(Double(eventCount) / stageSeconds)) events/s for the stage alone "
            + "(\((stageSeconds / Double(eventCount) * 1e9).rounded()) ns/event), "
            + "\(Int(perGroup.rounded())) bytes per live group, "
            + "\(stage.counters.evictedGroups) evicted, \(stage.counters.lateEvents) late"
    )
    return 0
}

/// The resident set size of this process, from /proc/self/statm.
func residentBytes() -> Int {
    guard let file = fopen("/proc/self/statm", "r") else { return 0 }
    defer { fclose(file) }
    var buffer = [CChar](repeating: 0, count: 256)
    guard fgets(&buffer, 256, file) != nil else { return 0 }
    let text = String(decoding: buffer.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
    let fields = text.split(separator: " ")
    guard fields.count >= 2, let pages = Int(fields[1]) else { return 0 }
    return pages * Int(sysconf(Int32(_SC_PAGESIZE)))
}
