public import DetectCore
public import DetectECS
import DetectJSON

/// Reads inputs line by line and turns each line into a normalized ``Event``.
///
/// Every problem (unreadable input, truncated gzip, over-long line, malformed JSON, invalid UTF-8) is
/// counted, reported to the dead-letter sink with the input name and line number, and skipped; the rest
/// of the input goes on. The handler sees each event in input order.
public struct EventReader {
    public var normalizer: ECSNormalizer
    /// The dataset of raw records, or nil to detect it per record.
    public var dataset: CloudflareDataset?
    public var maxLineBytes: Int
    public private(set) var counters = IntakeCounters()
    /// The rejections: the first few are kept for the summary.
    public private(set) var rejections: RejectionLog
    private var event = Event()

    public init(
        normalizer: ECSNormalizer, dataset: CloudflareDataset?, deadLetters: DeadLetterSink?,
        maxLineBytes: Int = LineFramer.defaultMaxLineBytes
    ) {
        self.normalizer = normalizer
        self.dataset = dataset
        self.rejections = RejectionLog(deadLetters: deadLetters)
        self.maxLineBytes = maxLineBytes
    }

    /// Reads every input in order; `handler` gets each event with the line it came from, and `endOfChunk`
    /// is called whenever the data read so far has been handled (time to flush outputs).
    public mutating func read(
        _ paths: [String],
        handler: (_ event: inout Event, _ record: NormalizedRecord, _ line: SourceLine) throws(IntakeError) -> Void,
        endOfChunk: () throws(IntakeError) -> Void = {}
    ) throws(IntakeError) {
        for path in paths {
            self.counters.inputs += 1
            let reader = InputReader(path: path, maxLineBytes: self.maxLineBytes)
            try reader.read { (input: String, item: FramedLine) throws(IntakeError) in
                switch item {
                case .line(let number, let bytes):
                    self.counters.bytes += bytes.count + 1
                    let normalized = Result { () throws(JSONError) in
                        try self.normalizer.normalize(bytes, dataset: self.dataset, into: &self.event)
                    }
                    switch normalized {
                    case .success(let record):
                        self.counters.count(record)
                        try handler(&self.event, record, SourceLine(input: input, number: number, bytes: bytes))
                    case .failure(let error):
                        try self.rejections.record(
                            Rejection(input: input, line: number, error: error, record: bytes), in: &self.counters)
                    }
                case .error(let error):
                    try self.rejections.record(Rejection(input: input, error: error), in: &self.counters)
                }
            } afterChunk: { () throws(IntakeError) in
                try endOfChunk()
            }
        }
    }
}
