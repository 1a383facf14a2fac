public import DetectCore
internal import DetectRules

/// The correlation stage: fed each event in input order with the detection rules' matches, it keeps per
/// correlation and group a sliding window on event time (`@timestamp`) and raises an alert each time a group's
/// condition becomes true (docs/correlation.md). Pure and synchronous: no I/O, no clock; the same events give
/// the same alerts.
///
/// ```swift
/// var stage = CorrelationStage(correlations: correlations, rules: rules)
/// var alerts: [CorrelationAlert] = []
/// for (event, line) in events {
///     let matches = rules.evaluate(event, scratch: &scratch)
///     alerts.removeAll(keepingCapacity: true)
///     stage.process(event, matches: matches, line: line, into: &alerts)
/// }
/// ```
public struct CorrelationStage {
    /// The correlations.
    public let correlations: CompiledCorrelationSet
    /// The settings.
    public let options: CorrelationOptions
    /// Late events, evictions and the other counters.
    public private(set) var counters = CorrelationCounters()
    /// Alerts raised per correlation (written or not), indexed like ``CompiledCorrelationSet/correlations``.
    public private(set) var alertsByCorrelation: [Int]

    private var states: [CorrelationState]
    private var reader: EventFieldReader
    /// Gives the ids of contributing alerts; `nil` when there is no correlation (nothing is ever fed).
    private let identity: AlertBuilder?
    private var pending: [Pending] = []
    private var digests: [AlertDigest?] = []
    private var key: [UInt8] = []
    private var text: [UInt8] = []

    /// One input of one correlation to feed for the current event.
    private struct Pending {
        let correlation: Int32
        let input: Int32
        /// The index of a match of the event (>= 0), or `-1 - i` for the i-th alert raised for this event.
        let origin: Int32
    }

    /// A stage with empty state.
    ///
    /// - Parameters:
    ///   - correlations: The compiled correlations.
    ///   - rules: The detection rules they were compiled against (for the ids of contributing alerts).
    ///   - options: Settings; call ``CorrelationOptions/validate()`` first.
    ///   - registry: The registry the rules were compiled with; the stage takes a snapshot of its table.
    public init(
        correlations: CompiledCorrelationSet, rules: CompiledRuleSet, options: CorrelationOptions = .init(),
        registry: FieldRegistry = .shared
    ) {
        self.correlations = correlations
        self.options = options
        self.alertsByCorrelation = Array(repeating: 0, count: correlations.correlations.count)
        self.states = correlations.correlations.map { CorrelationState(correlation: $0, options: options) }
        // Its alert templates cost milliseconds for hundreds of rules: only made when a correlation needs them.
        self.identity = correlations.correlations.isEmpty ? nil : AlertBuilder(rules: rules, registry: registry)
        let timestamp = registry.id("@timestamp")
        self.reader = EventFieldReader(table: registry.table(), timestamp: timestamp)
    }

    /// Live groups over all correlations.
    public var liveGroups: Int { self.states.reduce(0) { $0 + $1.groups.liveCount } }

    /// Feeds one event.
    ///
    /// - Parameters:
    ///   - event: The normalized event.
    ///   - matches: The detection rules it matched (from ``CompiledRuleSet/evaluate(_:dataset:scratch:)``).
    ///   - line: Its input line (identifies it in contributing alert ids when it has no `event.id`).
    ///   - alerts: The correlation alerts raised are appended, correlations in evaluation order.
    public mutating func process(
        _ event: Event, matches: [RuleMatch], line: UnsafeRawBufferPointer, into alerts: inout [CorrelationAlert]
    ) {
        self.pending.removeAll(keepingCapacity: true)
        for (position, match) in matches.enumerated() where self.correlations.feedsCorrelations(rule: match.ruleIndex) {
            for consumer in self.correlations.ruleConsumers[match.ruleIndex] {
                self.pending.append(
                    Pending(correlation: Int32(consumer.correlation), input: Int32(consumer.input), origin: Int32(position)))
            }
        }
        guard !self.pending.isEmpty else { return }
        guard let time = self.reader.time(of: event) else {
            self.counters.untimedEvents += 1
            return
        }
        self.digests.removeAll(keepingCapacity: true)
        self.digests.append(contentsOf: repeatElement(nil, count: matches.count))
        let firstAlert = alerts.count
        Self.order(&self.pending[...])
        var cursor = 0
        while cursor < self.pending.count {
            let correlation = Int(self.pending[cursor].correlation)
            var end = cursor
            while end < self.pending.count, Int(self.pending[end].correlation) == correlation { end += 1 }
            let raisedBefore = alerts.count
            for index in cursor..<end {
                self.feed(self.pending[index], eventTime: time, event: event, matches: matches, line: line,
                    firstAlert: firstAlert, alerts: &alerts)
            }
            cursor = end
            guard alerts.count > raisedBefore else { continue }
            self.alertsByCorrelation[correlation] += alerts.count - raisedBefore
            for alert in raisedBefore..<alerts.count {
                for consumer in self.correlations.correlationConsumers[correlation] {
                    self.pending.append(
                        Pending(
                            correlation: Int32(consumer.correlation), input: Int32(consumer.input),
                            origin: Int32(-1 - (alert - firstAlert))))
                }
            }
            Self.order(&self.pending[cursor...])
        }
    }

    /// Correlations in evaluation order; within one, later inputs first (so that one event cannot take two
    /// consecutive steps of a `temporal_ordered` sequence).
    private static func order(_ pending: inout ArraySlice<Pending>) {
        pending.sort { ($0.correlation, $1.input, $0.origin) < ($1.correlation, $0.input, $1.origin) }
    }

    private mutating func feed(
        _ item: Pending, eventTime: Int64, event: Event, matches: [RuleMatch], line: UnsafeRawBufferPointer,
        firstAlert: Int, alerts: inout [CorrelationAlert]
    ) {
        let position = Int(item.correlation)
        let correlation = self.correlations.correlations[position]
        let input = correlation.inputs[Int(item.input)]
        let inner: CorrelationAlert? = item.origin < 0 ? alerts[firstAlert + Int(-1 - item.origin)] : nil
        let time = inner?.time ?? eventTime

        self.key.removeAll(keepingCapacity: true)
        for reader in input.group {
            switch reader {
            case .fields(let fields): self.reader.appendGroupValue(fields, of: event, to: &self.key)
            case .group(let index): Self.appendGroupValue(inner?.groupValues[index] ?? nil, to: &self.key)
            }
        }
        var hash: UInt64 = 0
        var value = 0.0
        switch correlation.type {
        case .valueCount:
            guard let distinct = self.distinctHash(input.value, event: event, inner: inner) else {
                self.counters.missingValues += 1
                return
            }
            hash = distinct
        case .valueSum, .valueAverage, .valuePercentile:
            guard let number = self.number(input.value.first, event: event, inner: inner) else {
                self.counters.missingValues += 1
                return
            }
            value = number
        case .eventCount, .temporal, .temporalOrdered:
            break
        }
        let contributor: AlertDigest
        if let inner {
            contributor = inner.id
        } else {
            let match = Int(item.origin)
            if let cached = self.digests[match] {
                contributor = cached
            } else {
                contributor = self.identity.unsafelyUnwrapped.alertDigest(
                    for: matches[match], event: event, line: line, table: self.reader.table)
                self.digests[match] = contributor
            }
        }
        let sampleDrops = self.states[position].window.droppedSamples
        if let alert = self.states[position].feed(
            correlation: correlation, input: Int(item.input), time: time, key: self.key, hash: hash, value: value,
            contributor: contributor, options: self.options, counters: &self.counters)
        {
            var alert = alert
            alert.correlation = position
            alerts.append(alert)
        }
        self.counters.droppedSamples += self.states[position].window.droppedSamples - sampleDrops
    }

    private static func appendGroupValue(_ value: String?, to key: inout [UInt8]) {
        guard var value else {
            GroupKey.appendMissing(to: &key)
            return
        }
        value.withUTF8 { GroupKey.appendValue(UnsafeRawBufferPointer($0), to: &key) }
    }

    /// FNV-1a over the texts of the aggregated fields (separated by a 0xFF byte), or `nil` when one is missing.
    private mutating func distinctHash(
        _ readers: [CompiledCorrelation.Reader], event: Event, inner: CorrelationAlert?
    ) -> UInt64? {
        self.text.removeAll(keepingCapacity: true)
        for (index, reader) in readers.enumerated() {
            if index > 0 { self.text.append(0xFF) }
            switch reader {
            case .fields(let fields):
                guard self.reader.appendText(fields, of: event, to: &self.text) else { return nil }
            case .group(let group):
                guard let value = inner?.groupValues[group] ?? nil else { return nil }
                self.text.append(contentsOf: value.utf8)
            }
        }
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in self.text {
            hash = (hash ^ UInt64(byte)) &* 0x0000_0100_0000_01b3
        }
        return hash
    }

    private mutating func number(
        _ reader: CompiledCorrelation.Reader?, event: Event, inner: CorrelationAlert?
    ) -> Double? {
        switch reader {
        case .fields(let fields)?: return self.reader.number(fields, of: event)
        case .group(let group)?: return (inner?.groupValues[group] ?? nil).flatMap(Double.init)
        case nil: return nil
        }
    }
}

/// The groups, windows and watermark of one correlation.
private struct CorrelationState {
    var groups: GroupTable
    var window: CorrelationWindow
    var contributors: ContributorRing
    /// The latest event time this correlation has counted, or `.min`.
    var watermark = Int64.min

    init(correlation: CompiledCorrelation, options: CorrelationOptions) {
        self.groups = GroupTable(capacity: options.maxGroups)
        self.window = CorrelationWindow(correlation: correlation, options: options)
        self.contributors = ContributorRing(width: options.maxContributors)
    }

    /// Counts one contribution; returns the alert when the group's condition has just become true.
    mutating func feed(
        correlation: CompiledCorrelation, input: Int, time: Int64, key: [UInt8], hash: UInt64, value: Double,
        contributor: AlertDigest, options: CorrelationOptions, counters: inout CorrelationCounters
    ) -> CorrelationAlert? {
        let timespan = correlation.timespanMicroseconds
        if self.watermark != .min, time < self.watermark - options.latenessMicroseconds {
            counters.lateEvents += 1
            return nil
        }
        self.watermark = max(self.watermark, time)
        // Groups whose newest event is older than any window an accepted event can still open.
        let horizon = self.watermark - options.latenessMicroseconds - timespan
        while self.groups.oldest >= 0, self.groups.newest[Int(self.groups.oldest)] < horizon {
            self.groups.remove(self.groups.oldest)
            counters.expiredGroups += 1
        }
        let groupKey = GroupKey(bytes: key)
        let slot: Int32
        if let live = self.groups.slot(of: groupKey) {
            slot = live
        } else {
            if self.groups.liveCount >= self.groups.capacity {
                self.groups.remove(self.groups.oldest)
                counters.evictedGroups += 1
            }
            slot = self.groups.insert(groupKey)
            self.window.reset(slot)
            self.contributors.reset(slot)
        }
        self.window.add(slot, input: input, time: time, hash: hash, value: value)
        self.contributors.add(slot, time: time, id: contributor)
        let end = max(self.groups.newest[Int(slot)], time)
        self.groups.newest[Int(slot)] = end
        self.groups.touch(slot)
        let start = end - timespan
        let measured = self.window.measure(slot, lower: start)
        let holds = correlation.isSatisfied(by: measured)
        defer { self.groups.active[Int(slot)] = holds }
        guard holds, !self.groups.active[Int(slot)] else { return nil }
        var message = correlation.template.ruleKey
        message.append(0)
        message.append(contentsOf: key)
        message.append(0)
        message.append(contentsOf: String(end).utf8)
        return CorrelationAlert(
            correlation: -1, groupValues: groupKey.values, time: end, windowStart: start, measured: measured,
            contributors: self.contributors.ids(slot, from: start), id: AlertDigest(sha1Of: message))
    }
}
