/// The storage of one event's values: the bytes they point into and a flat array of nodes.
///
/// A parsed record copies its line into `bytes` once; strings and numbers are ranges of it. Values that
/// the normalizer derives (joined URLs, formatted timestamps) are appended after it. Children of an
/// array or object follow their head node, objects alternating key and value.
public struct ValueTape: Sendable {
    public var bytes: [UInt8] = []
    public var nodes: [ValueNode] = []

    public init() {}

    /// Empties the tape, keeping its capacity for the next record.
    @inlinable
    public mutating func removeAll() {
        self.bytes.removeAll(keepingCapacity: true)
        self.nodes.removeAll(keepingCapacity: true)
    }

    /// The index just past the subtree that starts at `index`.
    @inlinable
    public func end(of index: Int) -> Int {
        let node = self.nodes[index]
        return node.isContainer ? Int(node.offset) : index + 1
    }

    /// Calls `body` with the raw (possibly escaped) bytes of a string or number node.
    @inlinable
    public func withText<R>(of index: Int, _ body: (UnsafeRawBufferPointer) throws -> R) rethrows -> R {
        let node = self.nodes[index]
        return try self.bytes.withUnsafeBytes { all in
            try body(UnsafeRawBufferPointer(rebasing: all[Int(node.offset)..<Int(node.offset + node.length)]))
        }
    }

    /// The index of each element of the array at `index`.
    public func elements(of index: Int) -> [Int] {
        var result: [Int] = []
        self.forEachElement(of: index) { result.append($0) }
        return result
    }

    /// Calls `body` with the index of each element of the array at `index`.
    @inlinable
    public func forEachElement(of index: Int, _ body: (Int) throws -> Void) rethrows {
        let count = Int(self.nodes[index].length)
        var child = index + 1
        for _ in 0..<count {
            try body(child)
            child = self.end(of: child)
        }
    }

    /// Calls `body` with the key and value index of each member of the object at `index`.
    @inlinable
    public func forEachMember(of index: Int, _ body: (_ key: Int, _ value: Int) throws -> Void) rethrows {
        let count = Int(self.nodes[index].length)
        var child = index + 1
        for _ in 0..<count {
            try body(child, child + 1)
            child = self.end(of: child + 1)
        }
    }

    // MARK: - Appending values

    /// Appends raw, unescaped string bytes and a node for them; returns the node index.
    @discardableResult
    public mutating func appendString(_ text: UnsafeRawBufferPointer) -> Int {
        self.appendString(text, isVerbatim: !JSONEscaping.needsEscaping(text))
    }

    /// Appends a constant string and a node for it; returns the node index.
    @discardableResult
    public mutating func appendString(_ text: ConstantString) -> Int {
        text.utf8.withUnsafeBytes { self.appendString($0, isVerbatim: text.isVerbatim) }
    }

    private mutating func appendString(_ text: UnsafeRawBufferPointer, isVerbatim: Bool) -> Int {
        let offset = self.bytes.count
        self.bytes.appendBytes(text)
        return self.appendNode(
            ValueNode(
                kind: .string, isVerbatim: isVerbatim, length: UInt32(text.count), offset: UInt32(offset), payload: 0)
        )
    }

    /// Appends a string and a node for it; returns the node index.
    @discardableResult
    public mutating func appendString(_ text: String) -> Int {
        var text = text
        return text.withUTF8 { self.appendString(UnsafeRawBufferPointer($0)) }
    }

    /// Appends a node for bytes already in the tape (a range of `bytes`).
    @discardableResult
    public mutating func appendString(offset: Int, length: Int, isEscaped: Bool = false) -> Int {
        self.appendNode(
            ValueNode(kind: .string, isEscaped: isEscaped, length: UInt32(length), offset: UInt32(offset), payload: 0)
        )
    }

    /// Appends a node for the bytes `range` of the text of the unescaped string at `index`, sharing its
    /// bytes; returns the node index.
    @discardableResult
    public mutating func appendSubstring(of index: Int, _ range: Range<Int>) -> Int {
        let string = self.nodes[index]
        precondition(string.kind == .string && !string.isEscaped && range.upperBound <= Int(string.length))
        return self.appendNode(
            ValueNode(
                kind: .string, isVerbatim: string.isVerbatim, length: UInt32(range.count),
                offset: string.offset + UInt32(range.lowerBound), payload: 0)
        )
    }

    /// Appends an integer; its text is written on output.
    @discardableResult
    public mutating func appendInteger(_ value: Int64) -> Int {
        self.appendNode(ValueNode(kind: .integer, length: 0, offset: 0, payload: UInt64(bitPattern: value)))
    }

    /// Appends a float; its text is written on output.
    @discardableResult
    public mutating func appendFloat(_ value: Double) -> Int {
        self.appendNode(ValueNode(kind: .float, length: 0, offset: 0, payload: value.bitPattern))
    }

    @discardableResult
    public mutating func appendBool(_ value: Bool) -> Int {
        self.appendNode(ValueNode(kind: .bool, length: 0, offset: 0, payload: value ? 1 : 0))
    }

    @discardableResult
    public mutating func appendNull() -> Int {
        self.appendNode(ValueNode(kind: .null, length: 0, offset: 0, payload: 0))
    }

    /// Appends a copy of the subtree at `index` (its bytes are shared, not copied); returns its new index.
    @discardableResult
    public mutating func appendCopy(of index: Int) -> Int {
        let start = self.nodes.count
        let end = self.end(of: index)
        let shift = start - index
        for source in index..<end {
            var node = self.nodes[source]
            if node.isContainer { node.offset = UInt32(Int(node.offset) + shift) }
            self.nodes.append(node)
        }
        return start
    }

    /// Appends a copy of every byte and node of `other`, whose node `n` becomes node `n` plus the returned
    /// index (the index of its first node here). Copies the bytes in one piece and moves each node's offsets.
    @discardableResult
    public mutating func append(contentsOf other: ValueTape) -> Int {
        let byteShift = UInt32(self.bytes.count)
        let nodeShift = UInt32(self.nodes.count)
        self.bytes.append(contentsOf: other.bytes)
        self.nodes.append(contentsOf: other.nodes)
        self.nodes.withUnsafeMutableBufferPointer { nodes in
            for index in Int(nodeShift)..<nodes.count {
                if nodes[index].isContainer {
                    nodes[index].offset += nodeShift
                    if nodes[index].payload != 0 { nodes[index].payload += UInt64(byteShift) << 32 | UInt64(byteShift) }
                } else if nodes[index].kind == .string || nodes[index].length > 0 {
                    nodes[index].offset += byteShift
                }
            }
        }
        return Int(nodeShift)
    }

    /// Starts an array or object; close it with ``closeContainer(_:count:)`` after appending its children.
    public mutating func openContainer(_ kind: ValueKind) -> Int {
        self.appendNode(ValueNode(kind: kind, length: 0, offset: 0, payload: 0))
    }

    /// Closes the container opened at `index` with `count` elements (members, for objects).
    public mutating func closeContainer(_ index: Int, count: Int) {
        self.nodes[index].length = UInt32(count)
        self.nodes[index].offset = UInt32(self.nodes.count)
    }

    @inlinable
    @discardableResult
    public mutating func appendNode(_ node: ValueNode) -> Int {
        self.nodes.append(node)
        return self.nodes.count - 1
    }
}
