import DetectECS

extension NormalizedOutput {
    /// A timestamp field as microseconds since the Unix epoch, whatever its RFC 3339 spelling (fraction
    /// digits or none), so that suites assert the instant rather than the formatting.
    func instant(_ path: String) -> Int64? {
        self.string(path).flatMap { EventTime.parse($0) }?.microsecondsSinceEpoch
    }
}
