/// An Aho-Corasick automaton over many literal needles (long `contains` lists, `contains|all`,
/// `contains|expand` IOC lists) that scans a value once, whatever the number of needles.
///
/// - **Alphabet.** Bytes are mapped to equivalence classes: one class per distinct byte that occurs in a
///   needle (upper- and lower-case forms of a letter share a class when case-insensitive), and one
///   class for every other byte. The transition table is dense over these classes, typically 20–60
///   columns instead of 256.
/// - **Table.** A full DFA (failure transitions resolved at build time): one table load per value byte,
///   no failure-link loop. Entries are premultiplied row offsets, and states that report a needle are
///   numbered last, so "did any needle occur" is one comparison per byte. Memory is
///   ``tableBytes`` = states × classes × 4 bytes (states ≤ total needle bytes + 1), for example about
///   80 KiB for 100 needles of 20 bytes.
/// - **Case.** Case-insensitive means ASCII letters only, as for ``StringMatcher``.
///
/// Needles are identified by their position in the input, duplicates included. An empty needle occurs
/// in every value, the empty value too.
///
/// `startswith` and `endswith` lists are not served here: ``PrefixSet`` and ``SuffixSet`` answer them
/// with a walk bounded by the longest entry instead of a scan of the whole value.
///
/// The table's size is bounded by `maxTableBytes` (default 64 MiB, about 400,000 needle bytes at 40
/// classes); a larger list throws ``MatcherSizeError`` before the table is allocated.
public struct MultiLiteralMatcher: Sendable {
    /// Whether bytes compare exactly rather than ignoring ASCII case.
    public let caseSensitive: Bool
    /// The number of needles given, duplicates and empty needles included.
    public let needleCount: Int
    /// The needles as searched: folded to ASCII lower case unless ``caseSensitive``, in input order.
    public let needles: [[UInt8]]
    /// Indices of the empty needles (they occur everywhere).
    private let emptyNeedles: [Int32]
    /// Byte -> class.
    private let classOf: [UInt16]
    /// Columns per state.
    private let stride: Int
    /// `transitions[state * stride + class]` = next state * stride.
    private let transitions: [UInt32]
    /// The premultiplied id of the first state that reports a needle; every later state reports too.
    private let firstReportingState: UInt32
    /// Needles ending at state `s` (not counting its suffixes): `ownNeedles[ownStart[s]..<ownStart[s + 1]]`.
    private let ownStart: [Int32]
    private let ownNeedles: [Int32]
    /// The nearest state on `s`'s failure chain that has needles of its own, or -1.
    private let dictionaryLink: [Int32]

    /// The default bound on ``tableBytes``: 64 MiB.
    public static let defaultMaxTableBytes = 64 << 20

    /// Builds the automaton for `needles` (their UTF-8 bytes).
    ///
    /// - Parameters:
    ///   - needles: The literals; `*` and `?` have no special meaning here.
    ///   - caseSensitive: `true` for Sigma's `cased`.
    ///   - maxTableBytes: The most memory the transition table may take.
    /// - Throws: ``MatcherSizeError`` when the table would exceed `maxTableBytes`.
    public init(
        _ needles: some Sequence<some StringProtocol>, caseSensitive: Bool = false,
        maxTableBytes: Int = MultiLiteralMatcher.defaultMaxTableBytes
    ) throws {
        try self.init(
            byteNeedles: needles.map { Array($0.utf8) }, caseSensitive: caseSensitive, maxTableBytes: maxTableBytes)
    }

    /// Builds the automaton for byte needles; see ``init(_:caseSensitive:maxTableBytes:)``.
    public init(
        byteNeedles: [[UInt8]], caseSensitive: Bool = false,
        maxTableBytes: Int = MultiLiteralMatcher.defaultMaxTableBytes
    ) throws {
        let needles = caseSensitive ? byteNeedles : byteNeedles.map { ASCIIFolding.folded($0) }
        self.caseSensitive = caseSensitive
        self.needleCount = needles.count
        self.needles = needles
        self.emptyNeedles = needles.indices.filter { needles[$0].isEmpty }.map { Int32($0) }

        // Byte classes: 0 for bytes in no needle.
        var classOf = [UInt16](repeating: 0, count: 256)
        var classCount = 1
        for needle in needles {
            for byte in needle where classOf[Int(byte)] == 0 {
                classOf[Int(byte)] = UInt16(classCount)
                classCount += 1
            }
        }
        if !caseSensitive {
            for upper in UInt8(ascii: "A")...UInt8(ascii: "Z") {
                classOf[Int(upper)] = classOf[Int(upper | 0x20)]
            }
        }
        let stride = classCount

        // The trie first: its exact state count sizes the table, checked before the table is allocated. State
        // ids are premultiplied UInt32s, so the table also stays below 2^32 entries.
        let trie = NeedleTrie(needles: needles, classOf: classOf, classCount: stride)
        let limit = min(maxTableBytes, Int(UInt32.max) * MemoryLayout<UInt32>.stride)
        let required = trie.nodes.count * stride * MemoryLayout<UInt32>.stride
        if required > limit { throw MatcherSizeError(requiredBytes: required, limitBytes: maxTableBytes) }

        let table = AhoCorasickTable(trie: trie, stride: stride)
        self.classOf = classOf
        self.stride = stride
        self.transitions = table.transitions
        self.firstReportingState = table.firstReportingState
        self.ownStart = table.ownStart
        self.ownNeedles = table.ownNeedles
        self.dictionaryLink = table.dictionaryLink
    }

    /// The size of the transition table in bytes (the automaton's main memory cost).
    public var tableBytes: Int { self.transitions.count * MemoryLayout<UInt32>.stride }

    /// The number of automaton states.
    public var stateCount: Int { self.transitions.count / self.stride }

    /// Whether at least one needle occurs in `value`. Stops at the first occurrence.
    public func containsAny(_ value: UnsafeRawBufferPointer) -> Bool {
        if !self.emptyNeedles.isEmpty { return true }
        let threshold = self.firstReportingState
        return self.transitions.withUnsafeBufferPointer { transitions in
            self.classOf.withUnsafeBufferPointer { classOf in
                var state: UInt32 = 0
                for byte in value {
                    state = transitions[Int(state) &+ Int(classOf[Int(byte)])]
                    if state >= threshold { return true }
                }
                return false
            }
        }
    }

    /// Whether at least one needle occurs in `value`.
    public func containsAny(_ value: String) -> Bool {
        var value = value
        return value.withUTF8 { self.containsAny(UnsafeRawBufferPointer($0)) }
    }

    /// Whether every needle occurs in `value` (Sigma's `contains|all`); `true` when there are no
    /// needles. Stops as soon as all have been seen.
    public func containsAll(_ value: UnsafeRawBufferPointer) -> Bool {
        if self.needleCount == 0 { return true }
        var seen = [UInt64](repeating: 0, count: (self.needleCount + 63) / 64)
        var remaining = self.needleCount
        for needle in self.emptyNeedles {
            seen[Int(needle) >> 6] |= 1 << (UInt64(needle) & 63)
            remaining -= 1
        }
        if remaining == 0 { return true }
        return self.scan(value) { needle in
            let word = needle >> 6
            let bit: UInt64 = 1 << (UInt64(needle) & 63)
            if seen[word] & bit == 0 {
                seen[word] |= bit
                remaining -= 1
            }
            return remaining == 0
        }
    }

    /// Whether every needle occurs in `value`.
    public func containsAll(_ value: String) -> Bool {
        var value = value
        return value.withUTF8 { self.containsAll(UnsafeRawBufferPointer($0)) }
    }

    /// The indices of the needles that occur in `value`, ascending, each once.
    public func matchingNeedles(in value: UnsafeRawBufferPointer) -> [Int] {
        var seen = [Bool](repeating: false, count: self.needleCount)
        for needle in self.emptyNeedles { seen[Int(needle)] = true }
        _ = self.scan(value) { needle in
            seen[needle] = true
            return false
        }
        return seen.indices.filter { seen[$0] }
    }

    /// The indices of the needles that occur in `value`, ascending, each once.
    public func matchingNeedles(in value: String) -> [Int] {
        var value = value
        return value.withUTF8 { self.matchingNeedles(in: UnsafeRawBufferPointer($0)) }
    }

    /// Calls `body` with the index of every needle occurrence in `value`, in the order their ends are found
    /// (a needle occurring several times is reported each time); empty needles are not reported.
    public func forEachOccurrence(in value: UnsafeRawBufferPointer, _ body: (Int) -> Void) {
        _ = self.scan(value) { needle in
            body(needle)
            return false
        }
    }

    /// Runs the automaton over `value`, calling `report` for every needle occurrence (a needle may be
    /// reported more than once); stops early when `report` returns `true`.
    /// - Returns: whether `report` stopped the scan.
    @inline(__always)
    private func scan(_ value: UnsafeRawBufferPointer, report: (Int) -> Bool) -> Bool {
        let threshold = self.firstReportingState
        let stride = self.stride
        return self.transitions.withUnsafeBufferPointer { transitions in
            self.classOf.withUnsafeBufferPointer { classOf in
                self.ownStart.withUnsafeBufferPointer { ownStart in
                    self.ownNeedles.withUnsafeBufferPointer { ownNeedles in
                        self.dictionaryLink.withUnsafeBufferPointer { links in
                            var state: UInt32 = 0
                            for byte in value {
                                state = transitions[Int(state) &+ Int(classOf[Int(byte)])]
                                guard state >= threshold else { continue }
                                var id = Int(state) / stride
                                while id >= 0 {
                                    for slot in Int(ownStart[id])..<Int(ownStart[id + 1])
                                    where report(Int(ownNeedles[slot])) {
                                        return true
                                    }
                                    id = Int(links[id])
                                }
                            }
                            return false
                        }
                    }
                }
            }
        }
    }
}
