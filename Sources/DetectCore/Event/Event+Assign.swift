extension Event {
    /// Makes this event a copy of `other` in its own buffers, keeping their capacity. `self = other` would
    /// share `other`'s buffers, so that the first change afterwards copies every one of them into new memory;
    /// this copies the bytes once, into memory that is reused from one call to the next.
    public mutating func assign(_ other: Event) {
        self.removeAll()
        self.tape.bytes.append(contentsOf: other.tape.bytes)
        self.tape.nodes.append(contentsOf: other.tape.nodes)
        for entry in other.entries { self.set(entry.field, node: Int(entry.node)) }
    }
}
