import DetectTesting

extension SplitMix64 {
    /// A number in `0..<bound`.
    mutating func int(_ bound: Int) -> Int { Int(self.next() % UInt64(bound)) }

    /// `true` with probability `percent`/100.
    mutating func chance(_ percent: Int) -> Bool { self.int(100) < percent }

    /// A random element.
    mutating func pick<T>(_ options: [T]) -> T { options[self.int(options.count)] }
}
