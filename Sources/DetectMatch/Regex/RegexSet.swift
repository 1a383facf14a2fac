/// Up to 64 regular expressions searched on one value as one matcher (an item with many `re` values): one
/// Aho-Corasick pass over the literals each pattern requires (``RegexRequiredLiterals``) selects the patterns
/// that can match, and PCRE2 runs only those, in their given order. Patterns without a known literal always
/// run. PCRE2 stays the semantics: the prefilter only skips patterns that cannot match.
public struct RegexSet: Sendable {
    /// The most patterns one set holds.
    public static let maxCount = 64

    /// The patterns, in the order given.
    public let regexes: [PCRE2Regex]
    /// Over every pattern's required literals; `nil` when no pattern has one.
    private let prefilter: MultiLiteralMatcher?
    /// Per needle of ``prefilter``: the patterns (bit `i` for `regexes[i]`) that require it.
    private let needleMasks: [UInt64]
    /// The patterns without a known literal: they run on every value.
    private let unfilteredMask: UInt64

    /// A set of 1 to ``maxCount`` patterns; `nil` for more or none.
    public init?(_ regexes: [PCRE2Regex]) {
        guard !regexes.isEmpty, regexes.count <= Self.maxCount else { return nil }
        var needles: [[UInt8]] = []
        var masks: [UInt64] = []
        var unfiltered: UInt64 = 0
        for (index, regex) in regexes.enumerated() {
            let bit: UInt64 = 1 << UInt64(index)
            guard let literals = RegexRequiredLiterals.of(regex.pattern, caseless: regex.options.contains(.caseless))
            else {
                unfiltered |= bit
                continue
            }
            for literal in literals {
                if let existing = needles.firstIndex(of: literal) {
                    masks[existing] |= bit
                } else {
                    needles.append(literal)
                    masks.append(bit)
                }
            }
        }
        self.regexes = regexes
        self.prefilter = needles.isEmpty ? nil : try? MultiLiteralMatcher(byteNeedles: needles)
        self.needleMasks = masks
        self.unfilteredMask = self.prefilter == nil ? (regexes.count == 64 ? ~0 : (1 << UInt64(regexes.count)) - 1)
            : unfiltered
    }

    /// Whether some pattern occurs in `bytes`: ``RegexOutcome/match`` as soon as one does,
    /// ``RegexOutcome/limitExceeded`` when none does and a pattern that ran hit a ``RegexLimits`` limit.
    ///
    /// - Parameter scratch: The calling thread's match memory, or `nil` for the thread's default.
    public func evaluate(_ bytes: UnsafeRawBufferPointer, scratch: RegexScratch?) -> RegexOutcome {
        var mask = self.unfilteredMask
        if let prefilter = self.prefilter {
            self.needleMasks.withUnsafeBufferPointer { masks in
                prefilter.forEachOccurrence(in: bytes) { mask |= masks[$0] }
            }
        }
        var limitHit = false
        while mask != 0 {
            let index = mask.trailingZeroBitCount
            mask &= mask - 1
            let regex = self.regexes[index]
            let outcome = scratch.map { regex.evaluate(bytes, scratch: $0) } ?? regex.evaluate(bytes)
            switch outcome {
            case .match: return .match
            case .noMatch: continue
            case .limitExceeded: limitHit = true
            }
        }
        return limitHit ? .limitExceeded : .noMatch
    }
}
