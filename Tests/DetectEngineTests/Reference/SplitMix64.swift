/// SplitMix64: a tiny, seeded, reproducible random generator for the generated rules and events.
struct SplitMix64: RandomNumberGenerator {
    private var state: UInt64

    init(seed: UInt64) {
        self.state = seed
    }

    mutating func next() -> UInt64 {
        self.state &+= 0x9E37_79B9_7F4A_7C15
        var z = self.state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// A number in `0..<bound`.
    mutating func int(_ bound: Int) -> Int { Int(self.next() % UInt64(bound)) }

    /// `true` with probability `percent`/100.
    mutating func chance(_ percent: Int) -> Bool { self.int(100) < percent }

    /// A random element.
    mutating func pick<T>(_ options: [T]) -> T { options[self.int(options.count)] }
}
