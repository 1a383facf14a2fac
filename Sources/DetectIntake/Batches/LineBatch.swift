import DetectCore
import DetectECS
import DetectEngine

/// A block of consecutive items of one input (its lines, copied out of the read buffer or read in place from
/// a ``ChunkedFile``, and any framing problems between them), and what a ``BatchWorker`` made of them: the
/// detection alerts, the rejected lines and the events the ``Correlator`` must see. Batches are reused:
/// ``reset()`` keeps every buffer's capacity.
///
/// A batch belongs to one thread at a time (the ``BatchExchange`` hands it over under its lock), and no
/// access to a property overlaps another: the stored properties skip the run-time exclusivity checks, which
/// cost more than the per-line work they guard.
final class LineBatch {
    /// Where a line's bytes lie in the batch's text, and its number in the input.
    struct Line {
        var start: Int
        var count: Int
        var number: Int
    }

    /// An event kept for the correlator, with its matches and where its detection alerts end.
    struct Correlated {
        /// Index in ``lines``.
        var line: Int
        /// Its matches, a range of ``matches``.
        var matches: Range<Int>
        /// The end of its detection alerts in ``alerts`` (the correlation alerts it raises follow them).
        var alertsEnd: Int
    }

    /// The input's name.
    @exclusivity(unchecked) var input = ""
    /// Whether the input ends with this batch.
    @exclusivity(unchecked) var endsInput = false
    /// The position of the batch in the run, set when it is handed to the workers.
    @exclusivity(unchecked) var sequence = 0
    /// The chunk of a file the worker reads into this batch before processing it
    /// (``ChunkedFile/fill(_:chunk:)``), or `nil` when the reader filled it.
    @exclusivity(unchecked) var chunk: (file: ChunkedFile, index: Int)?
    /// For a chunk: the lines framed, blank and skipped ones included. Line numbers in a chunk's lines, problems
    /// and rejections count from the chunk's start; the ordered stage adds the earlier chunks' lines.
    @exclusivity(unchecked) var framedLineCount = 0
    /// The lines, in input order.
    @exclusivity(unchecked) private(set) var lines: [Line] = []
    /// Framing problems, each before the line at index `before` (at the end when it equals `lines.count`).
    @exclusivity(unchecked) private(set) var problems: [(before: Int, error: FramingError)] = []
    /// When the first item was added (monotonic seconds), for a batch of streamed lines: set by the
    /// ``LineBatcher``, which hands such a batch on when it has waited long enough.
    @exclusivity(unchecked) var started = 0.0

    // Filled by the worker.
    /// Per line: what it normalized to, `nil` when it was rejected.
    @exclusivity(unchecked) var records: [NormalizedRecord?] = []
    /// Rejected lines, in input order.
    @exclusivity(unchecked) var rejections: [(line: Int, rejection: Rejection)] = []
    /// The detection alerts of every line, in input order, one JSON line each.
    @exclusivity(unchecked) var alerts: [UInt8] = []
    /// How many alerts ``alerts`` holds.
    @exclusivity(unchecked) var alertCount = 0
    /// The events the correlator must see, in input order; their events are the first of ``events``.
    @exclusivity(unchecked) var correlated: [Correlated] = []
    /// Events kept for the correlator (a pool: entries past `correlated.count` are spare buffers).
    @exclusivity(unchecked) var events: [Event] = []
    /// The matches of the correlated events.
    @exclusivity(unchecked) var matches: [RuleMatch] = []

    @exclusivity(unchecked) private var text: UnsafeMutableRawPointer
    @exclusivity(unchecked) private var textCapacity: Int
    /// Bytes of line text held.
    @exclusivity(unchecked) private(set) var textCount = 0

    /// An empty batch with room for `capacity` bytes of text (it grows if a longer line comes).
    init(capacity: Int) {
        self.textCapacity = max(capacity, 1)
        self.text = UnsafeMutableRawPointer.allocate(byteCount: self.textCapacity, alignment: 16)
    }

    deinit {
        self.text.deallocate()
    }

    /// Whether the batch holds no item.
    var isEmpty: Bool { self.lines.isEmpty && self.problems.isEmpty }

    /// The bytes of the line at `index`; valid until the batch is reset.
    func bytes(ofLine index: Int) -> UnsafeRawBufferPointer {
        let line = self.lines[index]
        return UnsafeRawBufferPointer(start: self.text + line.start, count: line.count)
    }

    /// Adds a line: one that lies in the batch's text (``readText(upTo:_:)``) is kept in place, any other is
    /// copied in.
    func append(line bytes: UnsafeRawBufferPointer, number: Int) {
        if let base = bytes.baseAddress, base >= self.text, base + bytes.count <= self.text + self.textCount {
            let start = UnsafeRawPointer(base) - UnsafeRawPointer(self.text)
            self.lines.append(Line(start: start, count: bytes.count, number: number))
            return
        }
        if self.textCount + bytes.count > self.textCapacity { self.grow(to: self.textCount + bytes.count) }
        if let base = bytes.baseAddress { (self.text + self.textCount).copyMemory(from: base, byteCount: bytes.count) }
        self.lines.append(Line(start: self.textCount, count: bytes.count, number: number))
        self.textCount += bytes.count
    }

    /// Lets `read` write up to `count` bytes of raw text into the empty batch and keeps as many as it says it
    /// wrote: the text returned, valid until the batch grows or is reset. Lines are then added from it in place.
    func readText(upTo count: Int, _ read: (UnsafeMutableRawPointer) -> Int) -> UnsafeRawBufferPointer {
        precondition(self.isEmpty && self.textCount == 0, "readText needs an empty batch")
        if count > self.textCapacity { self.grow(to: count) }
        self.textCount = read(self.text)
        return UnsafeRawBufferPointer(start: self.text, count: self.textCount)
    }

    /// Makes the empty batch the one for chunk `index` of `file`, for a worker to read (``chunk``).
    func assign(chunk index: Int, of file: ChunkedFile) {
        self.input = file.name
        self.chunk = (file, index)
        self.endsInput = index == file.chunkCount - 1
    }

    /// Adds a framing problem after the lines so far.
    func append(problem: FramingError) {
        self.problems.append((self.lines.count, problem))
    }

    /// Empties the batch for reuse, keeping its buffers.
    func reset() {
        self.input = ""
        self.endsInput = false
        self.chunk = nil
        self.framedLineCount = 0
        self.lines.removeAll(keepingCapacity: true)
        self.problems.removeAll(keepingCapacity: true)
        self.textCount = 0
        self.records.removeAll(keepingCapacity: true)
        self.rejections.removeAll(keepingCapacity: true)
        self.alerts.removeAll(keepingCapacity: true)
        self.alertCount = 0
        self.correlated.removeAll(keepingCapacity: true)
        self.matches.removeAll(keepingCapacity: true)
    }

    private func grow(to needed: Int) {
        let capacity = max(needed, self.textCapacity * 2)
        let text = UnsafeMutableRawPointer.allocate(byteCount: capacity, alignment: 16)
        text.copyMemory(from: self.text, byteCount: self.textCount)
        self.text.deallocate()
        self.text = text
        self.textCapacity = capacity
    }
}
