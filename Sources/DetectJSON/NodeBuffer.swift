import DetectCore

/// Where ``JSONScanner`` writes nodes: a buffer sized for the worst case of the input (every value of a
/// JSON text starts at a byte of its own, so `n` bytes hold at most `n` values), so appending needs no
/// growth or uniqueness checks. The
/// nodes are moved to the tape in one copy when the document is done.
struct NodeBuffer {
    private let base: UnsafeMutablePointer<ValueNode>
    private let capacity: Int
    /// The tape index of the first node in this buffer.
    let firstIndex: Int
    private(set) var count = 0

    init(_ buffer: UnsafeMutableBufferPointer<ValueNode>, firstIndex: Int) {
        self.base = buffer.baseAddress!
        self.capacity = buffer.count
        self.firstIndex = firstIndex
    }

    /// Worst-case node count for `byteCount` bytes of JSON.
    static func capacity(forBytes byteCount: Int) -> Int { byteCount + 1 }

    /// The tape index the next node will get.
    @inline(__always)
    var nextIndex: Int { self.firstIndex &+ self.count }

    @inline(__always)
    mutating func append(_ node: ValueNode) {
        precondition(self.count < self.capacity, "JSON node bound exceeded")
        (self.base + self.count).initialize(to: node)
        self.count &+= 1
    }

    /// The node at a tape index.
    @inline(__always)
    subscript(index: Int) -> ValueNode {
        get { self.base[index &- self.firstIndex] }
        nonmutating set { self.base[index &- self.firstIndex] = newValue }
    }

    /// Forgets the source text of every container (see ``ValueNode/sourceSpan``).
    func dropSourceSpans() {
        for index in 0..<self.count where self.base[index].isContainer { self.base[index].payload = 0 }
    }

    /// The nodes written so far.
    var written: UnsafeBufferPointer<ValueNode> { UnsafeBufferPointer(start: self.base, count: self.count) }
}

/// The open arrays and objects of ``JSONScanner``, at most `maxDepth`, in caller-provided memory.
struct ContainerStack {
    /// An open array or object: its head node, its kind, and how many children the container around it
    /// had when it opened (the scanner counts the innermost container's children itself).
    struct Entry {
        var node: Int
        var enclosingCount: UInt32
        var isObject: Bool
    }

    private let base: UnsafeMutablePointer<Entry>
    let capacity: Int
    private(set) var count = 0

    init(_ buffer: UnsafeMutableBufferPointer<Entry>) {
        self.base = buffer.baseAddress!
        self.capacity = buffer.count
    }

    var isEmpty: Bool { self.count == 0 }

    @inline(__always)
    mutating func push(_ entry: Entry) {
        precondition(self.count < self.capacity, "container stack bound exceeded")
        (self.base + self.count).initialize(to: entry)
        self.count &+= 1
    }

    @inline(__always)
    mutating func pop() -> Entry {
        self.count &-= 1
        return self.base[self.count]
    }

    /// The innermost open container.
    @inline(__always)
    var top: Entry { self.base[self.count &- 1] }
}
