/// Sets of rule indices as bit words (rule `r` is bit `r % 64` of word `r / 64`), for marking candidate rules
/// per event and reading them back in ascending rule order.
enum RuleBits {
    /// The number of words that hold `ruleCount` bits.
    @inline(__always)
    static func wordCount(_ ruleCount: Int) -> Int { (ruleCount + 63) >> 6 }

    /// The words of a set of `ruleCount` bits holding `rules`.
    static func words(of rules: some Sequence<Int32>, ruleCount: Int) -> [UInt64] {
        var words = [UInt64](repeating: 0, count: Self.wordCount(ruleCount))
        for rule in rules { Self.insert(rule, into: &words) }
        return words
    }

    /// Adds `rule` to the set in `words`.
    @inline(__always)
    static func insert(_ rule: Int32, into words: UnsafeMutableBufferPointer<UInt64>) {
        words[Int(rule) >> 6] |= 1 << UInt64(rule & 63)
    }

    /// Adds `rule` to the set in `words`.
    @inline(__always)
    static func insert(_ rule: Int32, into words: inout [UInt64]) {
        words[Int(rule) >> 6] |= 1 << UInt64(rule & 63)
    }
}
