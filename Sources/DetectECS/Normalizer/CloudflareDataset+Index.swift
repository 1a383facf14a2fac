extension CloudflareDataset {
    /// Position in `allCases`: an array index for per-dataset tables and counters (no hashing).
    public var index: Int { Self.ordered.firstIndex(of: self)! }

    /// `allCases`, built once (the synthesized property makes its array at each call).
    private static let ordered = Self.allCases
}
