extension Event {
    /// The value node of a dotted field, looking through object values.
    ///
    /// `source.ip` is found as an entry of its own, or inside an entry for `source` (`{"ip": …}`), or
    /// inside the root document as nested objects or as a flat dotted key `"source.ip"`.
    ///
    /// - Complexity: O(1) for a field with its own entry; otherwise proportional to the members walked.
    public func resolve(_ field: FieldID, in table: FieldTable) -> Int? {
        if let node = self.node(field) { return node }
        var ancestor = field
        var depth = 0
        while ancestor != .root {
            ancestor = table.parents[ancestor.index]
            depth += 1
            if let node = self.node(ancestor) {
                guard self.tape.nodes[node].kind == .object else { return nil }
                return self.walk(from: node, field: field, segmentsBelow: depth, table: table)
            }
        }
        return nil
    }

    /// Walks the `segmentsBelow` last segments of `field`'s path down from the object at `node`.
    private func walk(from node: Int, field: FieldID, segmentsBelow: Int, table: FieldTable) -> Int? {
        withUnsafeTemporaryAllocation(of: FieldID.self, capacity: segmentsBelow) { path in
            var current = field
            for index in (0..<segmentsBelow).reversed() {
                path.initializeElement(at: index, to: current)
                current = table.parents[current.index]
            }
            return self.walk(object: node, path: UnsafeBufferPointer(path)[...], table: table)
        }
    }

    /// Finds `path` (consecutive ids, each the child of the previous) under the object at `object`: the first
    /// member, in document order, that leads to it. A member key may span several segments (`"geo.country"`),
    /// which covers flat dotted keys.
    private func walk(object: Int, path: Slice<UnsafeBufferPointer<FieldID>>, table: FieldTable) -> Int? {
        var key = object + 1
        for _ in 0..<Int(self.tape.nodes[object].length) {
            let value = key + 1
            let consumed = self.keyMatches(key, path: path, table: table)
            if consumed == path.count { return value }
            if consumed > 0, self.tape.nodes[value].kind == .object,
                let found = self.walk(object: value, path: path.dropFirst(consumed), table: table)
            {
                return found
            }
            key = self.tape.end(of: value)
        }
        return nil
    }

    /// How many segments of `path` the key at `key` spells (`a`, or `a.b`, …), or 0 when it spells none.
    private func keyMatches(_ key: Int, path: Slice<UnsafeBufferPointer<FieldID>>, table: FieldTable) -> Int {
        let node = self.tape.nodes[key]
        guard !node.isEscaped else { return 0 }
        return self.tape.bytes.withUnsafeBufferPointer { bytes in
            var position = Int(node.offset)
            let end = position + Int(node.length)
            var consumed = 0
            for id in path {
                let segment = table.segments[id.index]
                if consumed > 0 {
                    guard position < end, bytes[position] == UInt8(ascii: ".") else { return 0 }
                    position += 1
                }
                guard end - position >= segment.count else { return 0 }
                for byte in segment {
                    if bytes[position] != byte { return 0 }
                    position += 1
                }
                consumed += 1
                if position == end { return consumed }
            }
            return 0
        }
    }
}
