import DetectTesting

extension SplitMix64 {
    /// A random string of `length` characters drawn from `alphabet`.
    mutating func string(from alphabet: [Character], length: Int) -> String {
        String((0..<length).map { _ in alphabet.randomElement(using: &self)! })
    }
}
