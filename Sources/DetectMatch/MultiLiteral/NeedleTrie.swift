/// The trie of a ``MultiLiteralMatcher``'s needles over byte classes (Aho-Corasick's goto function), kept
/// sparse so that building it costs time in the needle bytes, not in states × classes.
///
/// Each state's children are a list threaded through ``Node/nextSibling`` (the root's also sit in a dense
/// row while building, as every needle starts there). State 0 is the root; empty needles are left out.
struct NeedleTrie {
    /// One state of the trie.
    struct Node {
        /// The most recently added child, or -1.
        var firstChild: Int32 = -1
        /// The next child of the same parent, or -1.
        var nextSibling: Int32 = -1
        /// The lowest-numbered needle ending here, or -1; the others follow through ``NeedleTrie/nextOwn``.
        var firstOwn: Int32 = -1
        /// The highest-numbered needle ending here, or -1 (where the next one is linked in).
        var lastOwn: Int32 = -1
        /// The class of the edge into this state (0 for the root).
        var label: UInt16 = 0
    }

    /// The states; 0 is the root.
    private(set) var nodes: [Node] = [Node()]
    /// Per needle: the next needle (in input order) ending at the same state, or -1.
    private(set) var nextOwn: [Int32]

    /// Builds the trie of `needles`, their bytes mapped through `classOf` (values below `classCount`).
    init(needles: [[UInt8]], classOf: [UInt16], classCount: Int) {
        self.nextOwn = [Int32](repeating: -1, count: needles.count)
        self.nodes.reserveCapacity(needles.reduce(1) { $0 + $1.count })
        var rootChild = [Int32](repeating: -1, count: classCount)
        for (index, needle) in needles.enumerated() where !needle.isEmpty {
            var state = 0
            for byte in needle {
                let edge = classOf[Int(byte)]
                var child: Int32
                if state == 0 {
                    child = rootChild[Int(edge)]
                } else {
                    child = self.nodes[state].firstChild
                    while child >= 0, self.nodes[Int(child)].label != edge { child = self.nodes[Int(child)].nextSibling }
                }
                if child < 0 {
                    child = Int32(self.nodes.count)
                    self.nodes.append(Node(nextSibling: self.nodes[state].firstChild, label: edge))
                    self.nodes[state].firstChild = child
                    if state == 0 { rootChild[Int(edge)] = child }
                }
                state = Int(child)
            }
            let last = self.nodes[state].lastOwn
            if last < 0 {
                self.nodes[state].firstOwn = Int32(index)
            } else {
                self.nextOwn[Int(last)] = Int32(index)
            }
            self.nodes[state].lastOwn = Int32(index)
        }
    }
}
