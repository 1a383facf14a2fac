import DetectECS

/// What a run read, recognised and rejected; printed as the summary of a command.
public struct IntakeCounters: Sendable {
    /// Lines that became events.
    public var events = 0
    /// Lines and input failures rejected, by reason.
    public var rejected: [String: Int] = [:]
    /// Events by `event.dataset` (`ecs` for ECS input documents), for the datasets seen.
    public var datasets: [String: Int] {
        var counts: [String: Int] = [:]
        for (index, count) in self.recordCounts.enumerated() where count > 0 {
            counts[Self.recordName(index), default: 0] += count
        }
        return counts
    }

    /// Events by kind of record, counted per line without hashing: one slot per Cloudflare dataset
    /// (`CloudflareDataset.allCases` order), then `unknown`, then `ecs`.
    private var recordCounts = [Int](repeating: 0, count: Self.datasetCount + 2)
    /// The number of Cloudflare datasets, read once (`allCases` makes its array at each call).
    private static let datasetCount = CloudflareDataset.allCases.count
    /// Input bytes read (decompressed).
    public var bytes = 0
    /// Inputs read.
    public var inputs = 0

    public init() {}

    public var rejectedTotal: Int { self.rejected.values.reduce(0, +) }

    mutating func count(_ record: NormalizedRecord) {
        self.events += 1
        switch record {
        case .cloudflare(let dataset): self.recordCounts[dataset.index] += 1
        case .unknown: self.recordCounts[Self.datasetCount] += 1
        case .ecs: self.recordCounts[Self.datasetCount + 1] += 1
        }
    }

    /// The `event.dataset` name of a slot of `recordCounts`.
    private static func recordName(_ index: Int) -> String {
        let datasets = CloudflareDataset.allCases
        if index < datasets.count { return datasets[index].rawValue }
        return index == datasets.count ? CloudflareDataset.unknownName : "ecs"
    }

    /// Lines of a human summary: counts, then rejections and datasets sorted by name.
    public func summaryLines(seconds: Double) -> [String] {
        let rate = seconds > 0 ? Int(Double(self.events) / seconds) : 0
        let megabytes = Double(self.bytes) / 1_000_000
        var lines = [
            "\(self.events) events from \(self.inputs) input\(self.inputs == 1 ? "" : "s"), "
                + "\(self.rejectedTotal) rejected, \(Self.format(seconds)) s, \(rate) events/s, "
                + "\(Self.format(seconds > 0 ? megabytes / seconds : 0)) MB/s"
        ]
        for (dataset, count) in self.datasets.sorted(by: { $0.key < $1.key }) {
            lines.append("  dataset \(dataset): \(count)")
        }
        for (reason, count) in self.rejected.sorted(by: { $0.key < $1.key }) {
            lines.append("  rejected \(reason): \(count)")
        }
        return lines
    }

    private static func format(_ value: Double) -> String {
        let scaled = (value * 100).rounded() / 100
        return "\(scaled)"
    }
}
