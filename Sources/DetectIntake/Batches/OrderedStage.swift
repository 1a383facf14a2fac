import DetectCore
import DetectEngine

/// The sequential end of a run: takes the batches in input order and writes their detection alerts, feeds
/// the correlator and writes the correlation alerts each event raises right after its own, records the
/// rejections (dead letters in input order) and counts. One per run, on one thread.
struct OrderedStage {
    private(set) var counters = IntakeCounters()
    private(set) var rejections: RejectionLog
    private(set) var correlator: Correlator
    /// Alerts written (detection and correlation).
    private(set) var alertCount = 0
    private let output: FileOutput
    private var matches: [RuleMatch] = []
    /// Lines of the current input in the chunks applied so far, added to a chunk's line numbers.
    private var linesBefore = 0

    init(output: FileOutput, rejections: RejectionLog, correlator: Correlator) {
        self.output = output
        self.rejections = rejections
        self.correlator = correlator
    }

    /// Applies the next batch of the run and flushes the output, so that alerts stream.
    mutating func apply(_ batch: LineBatch) throws(IntakeError) {
        let lineBase = batch.chunk == nil ? 0 : self.linesBefore
        var problem = 0
        var rejection = 0
        var correlated = 0
        var written = 0
        for index in batch.lines.indices {
            while problem < batch.problems.count, batch.problems[problem].before == index {
                try self.reject(Rejection(input: batch.input, error: batch.problems[problem].error), lineBase: lineBase)
                problem += 1
            }
            self.counters.bytes += batch.lines[index].count + 1
            if let record = batch.records[index] {
                self.counters.count(record)
            } else {
                try self.reject(batch.rejections[rejection].rejection, lineBase: lineBase)
                rejection += 1
            }
            guard correlated < batch.correlated.count, batch.correlated[correlated].line == index else { continue }
            let kept = batch.correlated[correlated]
            try self.writeAlerts(of: batch, from: written, to: kept.alertsEnd)
            written = kept.alertsEnd
            self.matches.removeAll(keepingCapacity: true)
            self.matches.append(contentsOf: batch.matches[kept.matches])
            let before = self.correlator.alertCount
            try self.correlator.correlate(
                batch.events[correlated], matches: self.matches, line: batch.bytes(ofLine: index), to: self.output)
            self.alertCount += self.correlator.alertCount - before
            correlated += 1
        }
        for remaining in batch.problems[problem...] {
            try self.reject(Rejection(input: batch.input, error: remaining.error), lineBase: lineBase)
        }
        try self.writeAlerts(of: batch, from: written, to: batch.alerts.count)
        self.alertCount += batch.alertCount
        if batch.chunk != nil { self.linesBefore += batch.framedLineCount }
        if batch.endsInput {
            self.counters.inputs += 1
            self.linesBefore = 0
        }
        try self.output.flush()
    }

    /// Records a rejection, its line number made relative to the input.
    private mutating func reject(_ rejection: Rejection, lineBase: Int) throws(IntakeError) {
        var rejection = rejection
        rejection.line = rejection.line.map { $0 + lineBase }
        try self.rejections.record(rejection, in: &self.counters)
    }

    private func writeAlerts(of batch: LineBatch, from start: Int, to end: Int) throws(IntakeError) {
        guard start < end else { return }
        try self.output.write(batch.alerts[start..<end])
    }
}
