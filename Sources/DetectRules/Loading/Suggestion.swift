/// "Did you mean" suggestions for misspelled names.
enum Suggestion {
    /// The candidate closest to `name` by edit distance, if it is close enough (at most 2 edits, and fewer
    /// edits than half the name's length).
    static func closest<S: Sequence>(to name: String, in candidates: S) -> String? where S.Element == String {
        let target = Array(name.lowercased().utf8)
        var best: (String, Int)?
        for candidate in candidates {
            let distance = Self.distance(target, Array(candidate.lowercased().utf8))
            if distance <= 2, distance * 2 < max(target.count, 2), distance < (best?.1 ?? Int.max) {
                best = (candidate, distance)
            }
        }
        return best?.0
    }

    /// Levenshtein distance.
    static func distance(_ a: [UInt8], _ b: [UInt8]) -> Int {
        if a.isEmpty { return b.count }
        if b.isEmpty { return a.count }
        var previous = Array(0...b.count)
        var current = [Int](repeating: 0, count: b.count + 1)
        for i in 1...a.count {
            current[0] = i
            for j in 1...b.count {
                let cost = a[i - 1] == b[j - 1] ? 0 : 1
                current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
            }
            swap(&previous, &current)
        }
        return previous[b.count]
    }
}
