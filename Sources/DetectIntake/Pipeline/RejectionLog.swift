/// Where rejections go, in input order: counted by reason, the first few kept for the summary, each written
/// to the dead-letter sink.
public struct RejectionLog {
    /// The first rejections, kept for the summary (at most ``kept``).
    public private(set) var first: [Rejection] = []
    /// How many rejections ``first`` keeps.
    public var kept = 5
    private let deadLetters: DeadLetterSink?

    /// A log writing to `deadLetters`, when given.
    public init(deadLetters: DeadLetterSink?) {
        self.deadLetters = deadLetters
    }

    /// Counts `rejection` in `counters`, keeps it if it is among the first, and writes its dead letter.
    mutating func record(_ rejection: Rejection, in counters: inout IntakeCounters) throws(IntakeError) {
        counters.rejected[rejection.reason, default: 0] += 1
        if self.first.count < self.kept { self.first.append(rejection) }
        try self.deadLetters?.write(rejection)
    }

    /// Writes out the buffered dead letters.
    public func flush() throws(IntakeError) {
        try self.deadLetters?.flush()
    }
}
