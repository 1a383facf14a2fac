internal import DetectRules

/// The window contents of every group of one correlation, in arrays indexed by slot (``GroupTable``), laid
/// out by correlation type so that a group needs no allocation of its own except for value aggregates:
///
/// - `event_count`: the times of the group's most recent events, at most `width` (the smallest count above
///   every threshold), sorted, in a ring per slot;
/// - `value_count`: up to `width` distinct values (64-bit hashes) with the latest time each was seen;
/// - `temporal`: per referenced rule, the latest time it matched;
/// - `temporal_ordered`: per position in `rules`, the latest start time of a run of matches in the listed
///   order that reaches it;
/// - `value_sum`, `value_avg`, `value_percentile`: the (time, value) pairs in the window, sorted by time, at
///   most `maxEventsPerGroup`, and their running sum.
struct CorrelationWindow {
    let type: CorrelationType
    /// Entries per slot in ``times`` (and ``hashes``).
    let width: Int
    let timespan: Int64
    let maxSamples: Int
    let percentile: Double

    private var times: [Int64] = []
    private var hashes: [UInt64] = []
    private var starts: [Int32] = []
    private var fills: [Int32] = []
    private var samples: [[Sample]] = []
    private var sums: [Double] = []
    /// Value samples dropped because a group held `maxSamples` already.
    private(set) var droppedSamples = 0

    struct Sample {
        var time: Int64
        var value: Double
    }

    init(correlation: CompiledCorrelation, options: CorrelationOptions) {
        self.type = correlation.type
        switch correlation.type {
        case .eventCount, .valueCount:
            self.width = max(1, min(correlation.countHorizon, options.maxEventsPerGroup))
        case .temporal, .temporalOrdered:
            self.width = correlation.inputs.count
        case .valueSum, .valueAverage, .valuePercentile:
            self.width = 0
        }
        self.timespan = correlation.timespanMicroseconds
        self.maxSamples = options.maxEventsPerGroup
        self.percentile = options.percentile
    }

    /// Empties `slot` for a new group (growing the arrays for a new slot).
    mutating func reset(_ slot: Int32) {
        let index = Int(slot)
        if index == self.fills.count {
            self.fills.append(0)
            self.starts.append(0)
            self.sums.append(0)
            self.times.append(contentsOf: repeatElement(Int64.min, count: self.width))
            if self.type == .valueCount { self.hashes.append(contentsOf: repeatElement(0, count: self.width)) }
            if self.width == 0 { self.samples.append([]) }
            return
        }
        self.fills[index] = 0
        self.starts[index] = 0
        self.sums[index] = 0
        let base = index * self.width
        for offset in 0..<self.width { self.times[base + offset] = .min }
        if self.width == 0 { self.samples[index].removeAll() }
    }

    /// Counts one contribution of input `input` at `time`; `value` is the hash (`value_count`) or the number
    /// (value aggregates) of the aggregated field.
    mutating func add(_ slot: Int32, input: Int, time: Int64, hash: UInt64, value: Double) {
        switch self.type {
        case .eventCount: self.addTime(slot, time)
        case .valueCount: self.addDistinct(slot, hash: hash, time: time)
        case .temporal:
            let index = Int(slot) * self.width + input
            self.times[index] = max(self.times[index], time)
        case .temporalOrdered: self.addOrdered(slot, input: input, time: time)
        case .valueSum, .valueAverage, .valuePercentile: self.addSample(slot, Sample(time: time, value: value))
        }
    }

    /// What the condition compares for the window `[lower, …]` of `slot`, forgetting entries before `lower`.
    mutating func measure(_ slot: Int32, lower: Int64) -> Double {
        switch self.type {
        case .eventCount: return Double(self.countTimes(slot, lower: lower))
        case .valueCount: return Double(self.countDistinct(slot, lower: lower))
        case .temporal:
            let base = Int(slot) * self.width
            return Double((0..<self.width).count { self.times[base + $0] >= lower })
        case .temporalOrdered:
            let base = Int(slot) * self.width
            let reached = (0..<self.width).last { self.times[base + $0] >= lower }
            return Double(reached.map { $0 + 1 } ?? 0)
        case .valueSum, .valueAverage, .valuePercentile:
            return self.aggregate(slot, lower: lower)
        }
    }

    // MARK: event_count

    private mutating func addTime(_ slot: Int32, _ time: Int64) {
        let index = Int(slot)
        let base = index * self.width
        var start = Int(self.starts[index])
        var fill = Int(self.fills[index])
        if fill == self.width {
            // Full: keep the `width` most recent times.
            guard time >= self.times[base + start] else { return }
            start = (start + 1) % self.width
            fill -= 1
        }
        // Insert sorted, from the newest end (in-order events land at the end at once).
        var position = fill
        while position > 0 {
            let before = base + (start + position - 1) % self.width
            guard self.times[before] > time else { break }
            self.times[base + (start + position) % self.width] = self.times[before]
            position -= 1
        }
        self.times[base + (start + position) % self.width] = time
        self.starts[index] = Int32(start)
        self.fills[index] = Int32(fill + 1)
    }

    private mutating func countTimes(_ slot: Int32, lower: Int64) -> Int {
        let index = Int(slot)
        let base = index * self.width
        var start = Int(self.starts[index])
        var fill = Int(self.fills[index])
        while fill > 0, self.times[base + start] < lower {
            start = (start + 1) % self.width
            fill -= 1
        }
        self.starts[index] = Int32(start)
        self.fills[index] = Int32(fill)
        return fill
    }

    // MARK: value_count

    private mutating func addDistinct(_ slot: Int32, hash: UInt64, time: Int64) {
        let index = Int(slot)
        let base = index * self.width
        let fill = Int(self.fills[index])
        var stalest = -1
        for offset in 0..<fill {
            if self.hashes[base + offset] == hash {
                self.times[base + offset] = max(self.times[base + offset], time)
                return
            }
            if stalest < 0 || self.times[base + offset] < self.times[base + stalest] { stalest = offset }
        }
        if fill < self.width {
            self.hashes[base + fill] = hash
            self.times[base + fill] = time
            self.fills[index] = Int32(fill + 1)
        } else if stalest >= 0, self.times[base + stalest] < time {
            // Full: keep the `width` values seen most recently.
            self.hashes[base + stalest] = hash
            self.times[base + stalest] = time
        }
    }

    private mutating func countDistinct(_ slot: Int32, lower: Int64) -> Int {
        let index = Int(slot)
        let base = index * self.width
        var fill = Int(self.fills[index])
        var offset = 0
        while offset < fill {
            if self.times[base + offset] < lower {
                fill -= 1
                self.times[base + offset] = self.times[base + fill]
                self.hashes[base + offset] = self.hashes[base + fill]
            } else {
                offset += 1
            }
        }
        self.fills[index] = Int32(fill)
        return fill
    }

    // MARK: temporal_ordered

    private mutating func addOrdered(_ slot: Int32, input: Int, time: Int64) {
        let base = Int(slot) * self.width
        if input == 0 {
            self.times[base] = max(self.times[base], time)
            return
        }
        let reached = self.times[base + input - 1]
        guard reached != .min, reached >= time &- self.timespan else { return }
        self.times[base + input] = max(self.times[base + input], reached)
    }

    // MARK: value_sum, value_avg, value_percentile

    private mutating func addSample(_ slot: Int32, _ sample: Sample) {
        let index = Int(slot)
        if self.samples[index].count >= self.maxSamples {
            self.droppedSamples += 1
            guard sample.time >= self.samples[index][0].time else { return }
            self.sums[index] -= self.samples[index].removeFirst().value
        }
        var position = self.samples[index].count
        while position > 0, self.samples[index][position - 1].time > sample.time { position -= 1 }
        self.samples[index].insert(sample, at: position)
        self.sums[index] += sample.value
    }

    private mutating func aggregate(_ slot: Int32, lower: Int64) -> Double {
        let index = Int(slot)
        let expired = self.samples[index].prefix { $0.time < lower }.count
        if expired > 0 {
            for sample in self.samples[index].prefix(expired) { self.sums[index] -= sample.value }
            self.samples[index].removeFirst(expired)
            if self.samples[index].isEmpty { self.sums[index] = 0 }
        }
        let count = self.samples[index].count
        guard count > 0 else { return 0 }
        switch self.type {
        case .valueSum: return self.sums[index]
        case .valueAverage: return self.sums[index] / Double(count)
        default:
            let sorted = self.samples[index].map(\.value).sorted()
            let rank = Int((self.percentile / 100 * Double(count)).rounded(.up))
            return sorted[max(1, min(rank, count)) - 1]
        }
    }
}
