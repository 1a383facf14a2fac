import DetectCore
import DetectECS
import DetectEngine
import DetectJSON

/// The per-event work of a run, over one batch at a time: normalize each line, evaluate the rules, write the
/// detection alerts into the batch, and keep what the ordered stage needs (rejections, the events that go on
/// to the correlator). Owns its scratch (normalizer, evaluation, event): one worker per thread.
struct BatchWorker {
    private var normalizer: ECSNormalizer
    private let dataset: CloudflareDataset?
    private(set) var detector: Detector
    private var documents = DocumentDatasetReader()
    private var event = Event()

    /// - Parameters:
    ///   - normalizer: A normalizer of its own (it holds scratch buffers).
    ///   - dataset: The dataset of raw records, or nil to detect it per record.
    ///   - detector: A detector of its own.
    init(normalizer: ECSNormalizer, dataset: CloudflareDataset?, detector: Detector) {
        self.normalizer = normalizer
        self.dataset = dataset
        self.detector = detector
    }

    /// Processes every line of `batch`, in order, filling its results; reads the batch's chunk first, if it has
    /// one.
    mutating func process(_ batch: LineBatch) {
        if let chunk = batch.chunk { chunk.file.fill(batch, chunk: chunk.index) }
        let alertsBefore = self.detector.alertCount
        for index in batch.lines.indices {
            let line = batch.bytes(ofLine: index)
            let record: NormalizedRecord
            do throws(JSONError) {
                record = try self.normalizer.normalize(line, dataset: self.dataset, into: &self.event)
            } catch {
                batch.records.append(nil)
                let rejection = Rejection(input: batch.input, line: batch.lines[index].number, error: error, record: line)
                batch.rejections.append((index, rejection))
                continue
            }
            batch.records.append(record)
            let dataset: CloudflareDataset? =
                switch record {
                case .cloudflare(let dataset): dataset
                case .ecs: self.documents.dataset(of: self.event)
                case .unknown: nil
                }
            guard self.detector.detect(self.event, dataset: dataset, line: line, into: &batch.alerts) else { continue }
            self.keep(line: index, in: batch)
        }
        batch.alertCount = self.detector.alertCount - alertsBefore
    }

    /// Hands the current event and its matches to `batch` for the correlator; the worker goes on with a spare
    /// event of the batch, so no buffer is copied.
    private mutating func keep(line index: Int, in batch: LineBatch) {
        let slot = batch.correlated.count
        if slot == batch.events.count { batch.events.append(Event()) }
        swap(&self.event, &batch.events[slot])
        let start = batch.matches.count
        batch.matches.append(contentsOf: self.detector.matches)
        batch.correlated.append(
            LineBatch.Correlated(line: index, matches: start..<batch.matches.count, alertsEnd: batch.alerts.count))
    }
}
