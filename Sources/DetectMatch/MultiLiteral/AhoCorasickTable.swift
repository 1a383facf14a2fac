/// The full DFA of a ``MultiLiteralMatcher`` (failure transitions resolved) and what reporting needs, built
/// from a ``NeedleTrie`` in one breadth-first pass.
///
/// Each state is numbered when its parent is visited: states that report no needle from the front (the root
/// is 0), reporting ones from the back, so that the reporting ones end up last. A state's row starts as a
/// copy of its failure state's row (complete by then, as that state is shallower), then its children
/// overwrite their columns; before that, a child's column holds the child's failure state. Building thus
/// costs one row copy per state and a few steps per trie edge.
struct AhoCorasickTable {
    /// `transitions[state * stride + class]` = next state * stride.
    let transitions: [UInt32]
    /// The premultiplied id of the first state that reports a needle; every later state reports too.
    let firstReportingState: UInt32
    /// Needles ending at state `s` (not counting its suffixes): `ownNeedles[ownStart[s]..<ownStart[s + 1]]`.
    let ownStart: [Int32]
    let ownNeedles: [Int32]
    /// The nearest state on `s`'s failure chain that has needles of its own, or -1.
    let dictionaryLink: [Int32]

    /// Builds the table of `trie`, whose classes are below `stride`.
    init(trie: NeedleTrie, stride: Int) {
        let stateCount = trie.nodes.count
        let stateOf = UnsafeMutableBufferPointer<Int32>.allocate(capacity: stateCount)
        defer { stateOf.deallocate() }
        var quietCount = 0
        var links: [Int32] = []
        // Every entry is written: each row is the root's zeros or a copy of another row.
        let transitions = [UInt32](unsafeUninitializedCapacity: stateCount * stride) { table, initialized in
            links = [Int32](unsafeUninitializedCapacity: stateCount) { links, linked in
                quietCount = trie.nodes.withUnsafeBufferPointer { nodes in
                    Self.fill(table, links: links, stateOf: stateOf, nodes: nodes, stride: stride)
                }
                linked = stateCount
            }
            initialized = stateCount * stride
        }

        var ownStart: [Int32] = [0]
        var ownNeedles: [Int32] = []
        ownStart.reserveCapacity(stateCount + 1)
        ownNeedles.reserveCapacity(trie.nextOwn.count)
        trie.nodes.withUnsafeBufferPointer { nodes in
            for id in 0..<stateCount {
                var needle = nodes[Int(stateOf[id])].firstOwn
                while needle >= 0 {
                    ownNeedles.append(needle)
                    needle = trie.nextOwn[Int(needle)]
                }
                ownStart.append(Int32(ownNeedles.count))
            }
        }
        self.transitions = transitions
        self.firstReportingState = UInt32(quietCount * stride)
        self.ownStart = ownStart
        self.ownNeedles = ownNeedles
        self.dictionaryLink = links
    }

    /// The breadth-first pass: fills every row of `table`, every entry of `links` and of `stateOf` (the trie
    /// state of each id).
    /// - Returns: the number of states that report no needle.
    private static func fill(
        _ table: UnsafeMutableBufferPointer<UInt32>, links: UnsafeMutableBufferPointer<Int32>,
        stateOf: UnsafeMutableBufferPointer<Int32>, nodes: UnsafeBufferPointer<NeedleTrie.Node>, stride: Int
    ) -> Int {
        let stateCount = nodes.count
        // Per trie state: its id, and its failure state's id premultiplied; the states in visiting order.
        let newID = UnsafeMutableBufferPointer<Int32>.allocate(capacity: stateCount)
        let failureRow = UnsafeMutableBufferPointer<UInt32>.allocate(capacity: stateCount)
        let queue = UnsafeMutableBufferPointer<Int32>.allocate(capacity: stateCount)
        defer {
            newID.deallocate()
            failureRow.deallocate()
            queue.deallocate()
        }
        let base = table.baseAddress.unsafelyUnwrapped
        newID[0] = 0
        stateOf[0] = 0
        links[0] = -1
        queue[0] = 0
        var queued = 1
        var nextQuiet = 1
        var nextReporting = stateCount - 1
        for head in 0..<stateCount {
            let state = Int(queue[head])
            let row = Int(newID[state]) &* stride
            if state == 0 {
                (base + row).initialize(repeating: 0, count: stride)
            } else {
                (base + row).initialize(from: base + Int(failureRow[state]), count: stride)
            }
            var child = Int(nodes[state].firstChild)
            while child >= 0 {
                let slot = row &+ Int(nodes[child].label)
                let failure = Int(table[slot]) / stride
                let id: Int
                if nodes[child].firstOwn >= 0 || failure >= nextQuiet {
                    id = nextReporting
                    nextReporting -= 1
                } else {
                    id = nextQuiet
                    nextQuiet += 1
                }
                newID[child] = Int32(id)
                stateOf[id] = Int32(child)
                failureRow[child] = table[slot]
                links[id] = nodes[Int(stateOf[failure])].firstOwn >= 0 ? Int32(failure) : links[failure]
                table[slot] = UInt32(id &* stride)
                queue[queued] = Int32(child)
                queued += 1
                child = Int(nodes[child].nextSibling)
            }
        }
        return nextQuiet
    }
}
