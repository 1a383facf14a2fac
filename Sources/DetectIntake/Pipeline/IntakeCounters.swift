import DetectECS

/// What a run read, recognised and rejected; printed as the summary of a command.
public struct IntakeCounters: Sendable {
    /// Lines that became events.
    public var events = 0
    /// Lines and input failures rejected, by reason.
    public var rejected: [String: Int] = [:]
    /// Events by `event.dataset` (`ecs` for ECS input documents).
    public var datasets: [String: Int] = [:]
    /// Input bytes read (decompressed).
    public var bytes = 0
    /// Inputs read.
    public var inputs = 0

    public init() {}

    public var rejectedTotal: Int { self.rejected.values.reduce(0, +) }

    mutating func count(_ record: NormalizedRecord) {
        self.events += 1
        let name: String
        switch record {
        case .cloudflare(let dataset): name = dataset.rawValue
        case .unknown: name = CloudflareDataset.unknownName
        case .ecs: name = "ecs"
        }
        self.datasets[name, default: 0] += 1
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
