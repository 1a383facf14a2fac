public import DetectECS
public import DetectEngine

/// A replay run over all cores: `threads` workers claim a plain file's chunks and read them themselves, and
/// a reader gathers the lines of stdin, pipes and gzip files into batches for them; the workers parse,
/// normalize and evaluate each batch (``Detector``), and the ordered stage writes the alerts, feeds the
/// ``Correlator`` and records the rejections in input order; the workers take turns at it
/// (``BatchExchange``). The output is byte-identical whatever the number of threads; with one thread the same
/// worker and ordered stage run inline on the calling thread.
///
/// Memory stays flat in input size: at most `2 × threads + 2` batches of about ``batchBytes`` of text are
/// in flight.
public struct ReplayPipeline {
    /// The text size at which a batch is handed to a worker.
    public static let batchBytes = 1 << 20
    /// The longest a batch waits for more input before it is handed on, in seconds.
    public static let batchDelay = 0.05

    /// Threads evaluating events.
    public let threads: Int
    private var workers: [BatchWorker]
    private var stage: OrderedStage
    private let batcher: LineBatcher

    /// - Parameters:
    ///   - threads: Worker threads, at least 1 (1 runs everything on the calling thread).
    ///   - rules: The detection rules.
    ///   - correlations: The correlations compiled against `rules`.
    ///   - correlationOptions: Lateness, group cap and the other settings; validated by the caller.
    ///   - rulesForThread: The rules for each thread after the first (`1 ..< threads`): the same rules compiled
    ///     apart, so that threads that share no matcher do not contend on its reference count.
    ///   - makeNormalizer: A normalizer for one thread, called once per thread (each holds its own scratch and
    ///     tables, for the same reason).
    ///   - dataset: The dataset of raw records, or nil to detect it per record.
    ///   - maxLineBytes: The longest line accepted, in bytes.
    ///   - rejections: Where rejected lines go.
    ///   - output: Where alerts go.
    public init(
        threads: Int, rules: CompiledRuleSet, correlations: CompiledCorrelationSet,
        correlationOptions: CorrelationOptions, rulesForThread: (_ thread: Int) -> CompiledRuleSet,
        makeNormalizer: () -> ECSNormalizer, dataset: CloudflareDataset?, maxLineBytes: Int,
        rejections: RejectionLog, output: FileOutput
    ) {
        precondition(threads >= 1, "threads must be at least 1")
        self.threads = threads
        self.workers = Self.makeWorkers(threads) { thread in
            // The normalizer first: it interns its fields, and the detector snapshots the field table.
            let normalizer = makeNormalizer()
            let detector = Detector(rules: thread == 0 ? rules : rulesForThread(thread), correlations: correlations)
            return BatchWorker(normalizer: normalizer, dataset: dataset, detector: detector)
        }
        let correlator = Correlator(correlations: correlations, rules: rules, options: correlationOptions)
        self.stage = OrderedStage(output: output, rejections: rejections, correlator: correlator)
        self.batcher = LineBatcher(maxLineBytes: maxLineBytes, targetBytes: Self.batchBytes, maxDelay: Self.batchDelay)
    }

    /// What was read, recognised and rejected.
    public var counters: IntakeCounters { self.stage.counters }
    /// The rejections (the first few kept for the summary).
    public var rejections: RejectionLog { self.stage.rejections }
    /// The correlator, with its alert counts and counters.
    public var correlator: Correlator { self.stage.correlator }
    /// Alerts written (detection and correlation).
    public var alertCount: Int { self.stage.alertCount }
    /// Detection alerts written, per rule (indexed like ``CompiledRuleSet/rules``).
    public var alertsByRule: [Int] {
        self.workers.dropFirst().reduce(self.workers[0].detector.alertsByRule) { zip($0, $1.detector.alertsByRule).map(+) }
    }
    /// Times a regular expression hit its match or depth limit (counted as no match).
    public var regexLimitHits: Int { self.workers.reduce(0) { $0 + $1.detector.regexLimitHits } }

    /// Reads `paths` in order and writes every alert.
    ///
    /// - Parameter afterBatch: Called after each batch has been written, with the counts so far: one call at a
    ///   time, in input order, from the thread that wrote the batch (the calling thread when `threads` is 1).
    /// - Throws: The first failure to write; the reading and the workers then stop.
    public mutating func run(
        _ paths: [String], afterBatch: (_ counters: IntakeCounters, _ alerts: Int) -> Void = { _, _ in }
    ) throws(IntakeError) {
        if self.threads == 1 {
            try self.runInline(paths, afterBatch: afterBatch)
        } else {
            try self.runThreaded(paths, afterBatch: afterBatch)
        }
    }

    private mutating func runInline(_ paths: [String], afterBatch: (IntakeCounters, Int) -> Void) throws(IntakeError) {
        let batch = LineBatch(capacity: Self.batchBytes)
        var failure: IntakeError?
        self.batcher.read(paths) {
            batch
        } submit: { batch in
            self.workers[0].process(batch)
            do throws(IntakeError) {
                try self.stage.apply(batch)
            } catch {
                failure = error
                return false
            }
            batch.reset()
            afterBatch(self.stage.counters, self.stage.alertCount)
            return true
        }
        if let failure { throw failure }
    }

    /// The reader on a thread of its own, the first worker on the calling thread and the others on threads of
    /// their own; whichever worker completes the next batch in input order applies it (``BatchExchange``).
    private mutating func runThreaded(_ paths: [String], afterBatch: (IntakeCounters, Int) -> Void) throws(IntakeError) {
        let exchange = BatchExchange(batches: 2 * self.threads + 2, capacity: Self.batchBytes)
        let batcher = self.batcher
        let reader = WorkerThread {
            batcher.read(paths, next: exchange.takeFree, submit: exchange.submit, submitChunks: exchange.submit(chunksOf:))
            exchange.finishReading()
        }
        let stage = StageBox(self.stage)
        // Each worker moves to its thread and back when joined. On the thread it is a local variable, on that
        // thread's stack: in the heap, next to another worker, the fields both write for every event could
        // share cache lines that the two cores would pass back and forth.
        let boxes = self.workers.map(WorkerBox.init)
        withoutActuallyEscaping(afterBatch) { afterBatch in
            let work = { (box: WorkerBox) in
                guard var worker = box.worker.take() else { return }
                while let batch = exchange.takeQueued() {
                    worker.process(batch)
                    var next = exchange.complete(batch)
                    while let ready = next {
                        do throws(IntakeError) {
                            try stage.stage.apply(ready)
                        } catch {
                            stage.failure = error
                            exchange.cancel()
                            break
                        }
                        afterBatch(stage.stage.counters, stage.stage.alertCount)
                        next = exchange.applied(ready)
                    }
                }
                box.worker = worker
            }
            let threads = boxes.dropFirst().map { box in WorkerThread { work(box) } }
            work(boxes[0])
            for thread in threads { thread.join() }
        }
        reader.join()
        self.workers = boxes.map { $0.worker.unsafelyUnwrapped }
        self.stage = stage.stage
        if let failure = stage.failure { throw failure }
    }

    /// One worker per thread, each made on a thread of its own (compiling rules and building a normalizer's
    /// tables take milliseconds each), the first on the calling thread.
    private static func makeWorkers(_ count: Int, _ make: (_ thread: Int) -> BatchWorker) -> [BatchWorker] {
        withoutActuallyEscaping(make) { make in
            let boxes = (1..<count).map { _ in WorkerBox(nil) }
            let builders = boxes.indices.map { index in WorkerThread { boxes[index].worker = make(index + 1) } }
            let first = make(0)
            for builder in builders { builder.join() }
            return [first] + boxes.map { $0.worker.unsafelyUnwrapped }
        }
    }

    /// A worker while it belongs to another thread (being made, or running).
    private final class WorkerBox {
        var worker: BatchWorker?
        init(_ worker: BatchWorker?) { self.worker = worker }
    }

    /// The ordered stage while the workers take turns at it (one at a time: ``BatchExchange``), and the first
    /// failure to write.
    private final class StageBox {
        var stage: OrderedStage
        var failure: IntakeError?
        init(_ stage: OrderedStage) { self.stage = stage }
    }
}
