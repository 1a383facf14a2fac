extension CloudflareDataset {
    /// Position in `allCases`: an array index for per-dataset tables and counters (no hashing).
    public var index: Int { Self.allCases.firstIndex(of: self)! }
}
