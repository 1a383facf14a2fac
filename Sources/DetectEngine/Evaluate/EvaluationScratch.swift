public import DetectMatch

/// Reusable working memory for evaluating events: the per-event cache of resolved fields, decoded text,
/// the list of string leaves for keyword items, the memo of rule-index scans, and the PCRE2 match memory.
///
/// Create one per thread (or per task that evaluates sequentially) and pass it to every call of
/// ``CompiledRuleSet/evaluate(_:dataset:scratch:)``; once warmed up, evaluation allocates nothing but the
/// matches it returns. Not `Sendable`: it holds per-thread PCRE2 state.
public struct EvaluationScratch {
    /// Regular-expression matches that gave up on a ``RegexLimits`` limit (counted as no match), since the
    /// scratch was created.
    public internal(set) var regexLimitHits = 0

    /// PCRE2 match data, limits and JIT stack; `nil` if it could not be allocated (the calling thread's
    /// default scratch is used then).
    let regex: RegexScratch?

    /// Incremented per event; a cache entry is valid when its stamp equals it.
    var generation: UInt32 = 0

    // Field cache, indexed by field-table index.
    var fieldStamps: [UInt32] = []
    var fieldStarts: [Int32] = []
    var fieldCounts: [Int32] = []
    /// The value nodes of the resolved fields, arrays flattened, back to back.
    var values: [Int32] = []

    // Walks over object entries (``FieldPathTrie``), indexed by trie node.
    /// The generation in which the node's object entry was walked, resolving the fields below it together.
    var walkedStamps: [UInt32] = []
    /// The generation in which the node had an entry of its own: it and its descendants are resolved from
    /// that entry, never by a walk from above it.
    var blockedStamps: [UInt32] = []
    /// Room for a walk's findings (field index and value node, pairwise); the array only grows.
    var walkFindings: [Int32] = []

    // Text cache, indexed by tape node: text of escaped strings and of numbers without source text.
    var textStamps: [UInt32] = []
    var textOffsets: [Int32] = []
    var textLengths: [Int32] = []
    /// Decoded text, back to back.
    var arena: [UInt8] = []

    // String leaves of the whole event, for keyword items, and their text joined by NUL bytes.
    var leavesStamp: UInt32 = 0
    /// The leaves' nodes: the first ``leafCount`` entries (the array only grows, so it is never refilled).
    var leaves: [Int32] = []
    var leafCount = 0
    var joinedStamp: UInt32 = 0
    var joined: [UInt8] = []

    // Item results, indexed by item: the generation that evaluated the item and what it gave, so that
    // explaining a match (``witness(rule:in:event:)``) does not evaluate the items again.
    var itemStamps: [UInt32] = []
    var itemResults: [Bool] = []

    /// The rules of the current event's route that can match it (``RuleBits`` words), from the rule index.
    var candidates: [UInt64] = []
    /// What repeated values satisfy in the rule index.
    var scanMemo = ScanMemo()
    /// Per field of the current route's index: the range of its values (in ``leaves`` for the keyword field,
    /// else in ``values``).
    var scanRanges: [Range<Int>] = []

    /// A scratch whose regular-expression matches run under `regexLimits`.
    ///
    /// - Parameter regexLimits: PCRE2 match, depth, heap and JIT-stack limits (``RegexLimits/default``:
    ///   match limit 100,000; depth limit 10,000; heap 16 MiB; JIT stack 1 MiB).
    public init(regexLimits: RegexLimits = .default) {
        self.regex = try? RegexScratch(limits: regexLimits)
    }

    /// Starts a new event for `ruleSet`: invalidates every cache entry in O(1) and sizes the field cache.
    mutating func begin(for ruleSet: CompiledRuleSet) {
        self.generation &+= 1
        if self.generation == 0 {
            for index in self.fieldStamps.indices { self.fieldStamps[index] = 0 }
            for index in self.walkedStamps.indices { self.walkedStamps[index] = 0 }
            for index in self.blockedStamps.indices { self.blockedStamps[index] = 0 }
            for index in self.textStamps.indices { self.textStamps[index] = 0 }
            for index in self.itemStamps.indices { self.itemStamps[index] = 0 }
            self.leavesStamp = 0
            self.joinedStamp = 0
            self.generation = 1
        }
        let fieldCount = ruleSet.fields.count
        if self.fieldStamps.count < fieldCount {
            let extra = fieldCount - self.fieldStamps.count
            self.fieldStamps.append(contentsOf: repeatElement(0, count: extra))
            self.fieldStarts.append(contentsOf: repeatElement(0, count: extra))
            self.fieldCounts.append(contentsOf: repeatElement(0, count: extra))
        }
        let itemCount = ruleSet.program.items.count
        if self.itemStamps.count < itemCount {
            let extra = itemCount - self.itemStamps.count
            self.itemStamps.append(contentsOf: repeatElement(0, count: extra))
            self.itemResults.append(contentsOf: repeatElement(false, count: extra))
        }
        let trieNodeCount = ruleSet.fieldTrie.ids.count
        if self.walkedStamps.count < trieNodeCount {
            let extra = trieNodeCount - self.walkedStamps.count
            self.walkedStamps.append(contentsOf: repeatElement(0, count: extra))
            self.blockedStamps.append(contentsOf: repeatElement(0, count: extra))
        }
        self.values.removeAll(keepingCapacity: true)
        self.arena.removeAll(keepingCapacity: true)
    }
}
