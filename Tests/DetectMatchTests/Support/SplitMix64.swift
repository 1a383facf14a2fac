/// A tiny seeded generator (SplitMix64) so property-style tests are reproducible; the standard
/// library's generator cannot be seeded.
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

    /// A random string of `length` characters drawn from `alphabet`.
    mutating func string(from alphabet: [Character], length: Int) -> String {
        String((0..<length).map { _ in alphabet.randomElement(using: &self)! })
    }
}
