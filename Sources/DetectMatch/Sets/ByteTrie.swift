/// A compact, immutable byte trie (CSR layout): each node's outgoing edges are a contiguous, sorted
/// run of (byte, child) pairs. Memory is about 9 bytes per node; a step is a short linear scan (at most
/// 8 edges) or a binary search.
///
/// Node 0 is the root. Keys are stored as given: callers fold or reverse them first.
struct ByteTrie: Hashable, Sendable {
    /// Node `n`'s edges are at `edgeStart[n]..<edgeStart[n + 1]`.
    private let edgeStart: [Int32]
    private let edgeBytes: [UInt8]
    private let edgeTargets: [Int32]
    /// Whether a key ends at the node.
    let terminal: [Bool]

    /// Builds the trie of `keys` (duplicates allowed) breadth-first from the sorted keys, without any
    /// per-node dictionaries.
    init(keys: some Sequence<[UInt8]>) {
        let keys = Array(Set(keys)).sorted { $0.lexicographicallyPrecedes($1) }
        var edgeStart: [Int32] = []
        var edgeBytes: [UInt8] = []
        var edgeTargets: [Int32] = []
        var terminal: [Bool] = []
        // The key range and depth of each node, in node order (node ids are handed out breadth-first).
        var pending: [(low: Int, high: Int, depth: Int)] = [(0, keys.count, 0)]
        var next = 0
        while next < pending.count {
            let (low, high, depth) = pending[next]
            next += 1
            edgeStart.append(Int32(edgeBytes.count))
            let isTerminal = low < high && keys[low].count == depth
            terminal.append(isTerminal)
            var index = isTerminal ? low + 1 : low
            while index < high {
                let byte = keys[index][depth]
                var end = index + 1
                while end < high && keys[end][depth] == byte { end += 1 }
                edgeBytes.append(byte)
                edgeTargets.append(Int32(pending.count))
                pending.append((index, end, depth + 1))
                index = end
            }
        }
        edgeStart.append(Int32(edgeBytes.count))
        self.edgeStart = edgeStart
        self.edgeBytes = edgeBytes
        self.edgeTargets = edgeTargets
        self.terminal = terminal
    }

    /// The number of nodes.
    var nodeCount: Int { self.terminal.count }

    /// Every key, depth-first in byte order.
    var keys: [[UInt8]] {
        var keys: [[UInt8]] = []
        var pending: [(node: Int, key: [UInt8])] = [(0, [])]
        while let (node, key) = pending.popLast() {
            if self.terminal[node] { keys.append(key) }
            for edge in (Int(self.edgeStart[node])..<Int(self.edgeStart[node + 1])).reversed() {
                pending.append((Int(self.edgeTargets[edge]), key + [self.edgeBytes[edge]]))
            }
        }
        return keys
    }

    /// A read-only view for walking the trie without array bounds and ownership overhead per step.
    struct View {
        let edgeStart: UnsafeBufferPointer<Int32>
        let edgeBytes: UnsafeBufferPointer<UInt8>
        let edgeTargets: UnsafeBufferPointer<Int32>
        let terminal: UnsafeBufferPointer<Bool>

        /// The child of `node` along `byte`, or -1.
        @inline(__always)
        func child(_ node: Int, _ byte: UInt8) -> Int {
            var low = Int(self.edgeStart[node])
            var high = Int(self.edgeStart[node + 1])
            while high - low > 8 {
                let middle = (low + high) >> 1
                if self.edgeBytes[middle] <= byte { low = middle } else { high = middle }
            }
            while low < high {
                if self.edgeBytes[low] == byte { return Int(self.edgeTargets[low]) }
                low += 1
            }
            return -1
        }
    }

    /// Runs `body` with a ``View``.
    @inline(__always)
    func withView<Result>(_ body: (View) -> Result) -> Result {
        self.edgeStart.withUnsafeBufferPointer { edgeStart in
            self.edgeBytes.withUnsafeBufferPointer { edgeBytes in
                self.edgeTargets.withUnsafeBufferPointer { edgeTargets in
                    self.terminal.withUnsafeBufferPointer { terminal in
                        body(View(edgeStart: edgeStart, edgeBytes: edgeBytes, edgeTargets: edgeTargets, terminal: terminal))
                    }
                }
            }
        }
    }
}
