internal import DetectCore

extension EvaluationScratch {
    /// The values of a field in this event, resolved once per event: the range of ``values`` holding its
    /// value nodes, arrays flattened (so an array field contributes each element).
    ///
    /// A field is found as an entry of its own, or by walking from the nearest ancestor that has an entry
    /// (an object: the `cloudflare` record, or the root ECS document) through nested objects and flat dotted
    /// keys alike (`{"a":{"b":1}}`, `{"a.b":1}`, `{"a":{"b.c":1}}` all have `a.b…`). Walking also steps into
    /// arrays of objects (`dns.answers.data` in `{"dns":{"answers":[{"data":"x"},{"data":"y"}]}}` has the
    /// values `x` and `y`). Every key that spells the path contributes, in document order. When many fields
    /// live below that ancestor, one walk over its object resolves every field it is the nearest entry of
    /// (``FieldPathTrie``); otherwise the field's own path is walked.
    mutating func resolve(_ field: Int, in ruleSet: CompiledRuleSet, event: Event) -> Range<Int> {
        if self.fieldStamps[field] != self.generation {
            // The rule set's field and trie are read in place: a copy of either would retain each of its arrays.
            if let node = event.node(ruleSet.fields[field].id) {
                let start = self.values.count
                self.appendFlattened(node, tape: event.tape)
                self.fieldStamps[field] = self.generation
                self.fieldStarts[field] = Int32(start)
                self.fieldCounts[field] = Int32(self.values.count - start)
            } else {
                var anchor = Int(ruleSet.fieldTrie.fieldNodes[field])
                let ancestors = ruleSet.fields[field].ancestors.count
                for depth in 0..<ancestors {
                    anchor = Int(ruleSet.fieldTrie.parents[anchor])
                    guard let node = event.node(ruleSet.fields[field].ancestors[depth]) else { continue }
                    if ruleSet.fieldTrie.walksTogether(below: anchor) {
                        if self.walkedStamps[anchor] != self.generation {
                            self.resolveAll(below: anchor, node: node, trie: ruleSet.fieldTrie, event: event)
                        }
                    } else {
                        let start = self.values.count
                        let first = ancestors - depth - 1
                        self.walk(node, segments: ruleSet.fields[field].segments, from: first, tape: event.tape)
                        self.fieldStamps[field] = self.generation
                        self.fieldStarts[field] = Int32(start)
                        self.fieldCounts[field] = Int32(self.values.count - start)
                    }
                    break
                }
                if self.fieldStamps[field] != self.generation {
                    self.fieldStamps[field] = self.generation
                    self.fieldStarts[field] = Int32(self.values.count)
                    self.fieldCounts[field] = 0
                }
            }
        }
        let start = Int(self.fieldStarts[field])
        return start..<(start + Int(self.fieldCounts[field]))
    }

    /// Resolves, in one walk over `node` (the entry of trie node `anchor`), every field below `anchor` for
    /// which it is the nearest entry: neither the field nor a node on the way has an entry of its own. The
    /// walk records each such field's value nodes in document order; they are then laid out so that each
    /// field's values are one range of ``values``. The fields it does not find are left unresolved, and
    /// ``walkedStamps`` tells ``resolve(_:in:event:)`` that they have no values.
    private mutating func resolveAll(below anchor: Int, node: Int, trie: FieldPathTrie, event: Event) {
        let generation = self.generation
        self.walkedStamps[anchor] = generation
        let end = Int(trie.ends[anchor])
        for entry in event.entries where entry.node >= 0 && entry.field.index < trie.nodesByFieldID.count {
            let blocked = Int(trie.nodesByFieldID[entry.field.index])
            if blocked > anchor, blocked < end { self.blockedStamps[blocked] = generation }
        }
        // At most one finding per node below `node`, written through a pointer: the buffer only grows.
        let capacity = 2 * (event.tape.end(of: node) - node)
        var findings: [Int32] = []
        swap(&findings, &self.walkFindings)
        if findings.count < capacity { findings.append(contentsOf: repeatElement(0, count: capacity - findings.count)) }
        let count = findings.withUnsafeMutableBufferPointer { findings in
            event.tape.nodes.withUnsafeBufferPointer { nodes in
                event.tape.bytes.withUnsafeBytes { bytes in
                    self.blockedStamps.withUnsafeBufferPointer { blocked in
                        var walk = TrieWalk(
                            view: TapeView(nodes: nodes, bytes: bytes), blocked: blocked, generation: generation,
                            findings: findings)
                        self.collect(node, at: anchor, trie: trie, walk: &walk, tape: event.tape)
                        return walk.count
                    }
                }
            }
        }
        self.layOut(findings[0..<count])
        swap(&findings, &self.walkFindings)
    }

    /// Lays out `findings` (field index and value node, pairwise, in document order) in ``values``: each
    /// field's values one range, in document order; resolves those fields.
    private mutating func layOut(_ findings: ArraySlice<Int32>) {
        let generation = self.generation
        let valueStart = self.values.count
        self.values.append(contentsOf: repeatElement(0, count: findings.count / 2))
        findings.withUnsafeBufferPointer { findings in
            self.fieldStamps.withUnsafeMutableBufferPointer { stamps in
                self.fieldStarts.withUnsafeMutableBufferPointer { starts in
                    self.fieldCounts.withUnsafeMutableBufferPointer { counts in
                        self.values.withUnsafeMutableBufferPointer { values in
                            // Count each field's values.
                            var index = 0
                            while index < findings.count {
                                let field = Int(findings[index])
                                if stamps[field] != generation {
                                    stamps[field] = generation
                                    counts[field] = 0
                                }
                                counts[field] += 1
                                index += 2
                            }
                            // Give each field its range, in order of first finding; its count restarts at 0.
                            var next = Int32(valueStart)
                            index = 0
                            while index < findings.count {
                                let field = Int(findings[index])
                                if counts[field] > 0 {
                                    starts[field] = next
                                    next += counts[field]
                                    counts[field] = 0
                                }
                                index += 2
                            }
                            // Fill the ranges; the counts end as they began.
                            index = 0
                            while index < findings.count {
                                let field = Int(findings[index])
                                values[Int(starts[field] + counts[field])] = findings[index + 1]
                                counts[field] += 1
                                index += 2
                            }
                        }
                    }
                }
            }
        }
    }

    /// The nodes and bytes of the event's tape, read without bounds checks during a walk.
    private struct TapeView {
        let nodes: UnsafeBufferPointer<ValueNode>
        let bytes: UnsafeRawBufferPointer

        /// The index of the node after the subtree at `index`.
        @inline(__always)
        func end(of index: Int) -> Int {
            let node = self.nodes[index]
            return node.kind == .array || node.kind == .object ? Int(node.offset) : index + 1
        }
    }

    /// The state of one walk over an object entry: what it reads and the findings it writes.
    private struct TrieWalk {
        let view: TapeView
        /// ``blockedStamps``: trie nodes with an entry of their own are skipped, with everything below them.
        let blocked: UnsafeBufferPointer<UInt32>
        let generation: UInt32
        /// Field index and value node, pairwise, in document order; `count` entries written.
        let findings: UnsafeMutableBufferPointer<Int32>
        var count = 0

        /// Records `node`, or each element of an array (recursively), as a value of `field`.
        mutating func record(_ node: Int, field: Int32) {
            guard self.view.nodes[node].kind == .array else {
                self.findings[self.count] = field
                self.findings[self.count + 1] = Int32(node)
                self.count += 2
                return
            }
            let count = Int(self.view.nodes[node].length)
            var child = node + 1
            for _ in 0..<count {
                self.record(child, field: field)
                child = self.view.end(of: child)
            }
        }
    }

    /// Records the values below `node` (an object, or an array of objects) of the fields below trie node
    /// `trieNode` that `walk` resolves; every key that spells a path contributes, in document order.
    private mutating func collect(
        _ node: Int, at trieNode: Int, trie: FieldPathTrie, walk: inout TrieWalk, tape: ValueTape
    ) {
        let view = walk.view
        let head = view.nodes[node]
        switch head.kind {
        case .object:
            let count = Int(head.length)
            var key = node + 1
            for _ in 0..<count {
                let value = key + 1
                let keyNode = view.nodes[key]
                let target: Int
                if !keyNode.isEscaped {
                    let start = Int(keyNode.offset)
                    target = trie.descendant(
                        of: trieNode,
                        key: UnsafeRawBufferPointer(
                            start: view.bytes.baseAddress.map { $0 + start }, count: Int(keyNode.length)))
                } else if let span = self.span(of: key, in: tape) {
                    target = self.withBytes(span, in: tape) { trie.descendant(of: trieNode, key: $0) }
                } else {
                    target = -1
                }
                if target >= 0, walk.blocked[target] != walk.generation {
                    let field = trie.fields[target]
                    if field >= 0 { walk.record(value, field: field) }
                    if trie.ends[target] > target + 1 { self.collect(value, at: target, trie: trie, walk: &walk, tape: tape) }
                }
                key = view.end(of: value)
            }
        case .array:
            let count = Int(head.length)
            var child = node + 1
            for _ in 0..<count {
                self.collect(child, at: trieNode, trie: trie, walk: &walk, tape: tape)
                child = view.end(of: child)
            }
        default:
            return
        }
    }

    /// Collects the values at `segments[first...]` below `node` (an object, or an array of objects).
    private mutating func walk(_ node: Int, segments: [[UInt8]], from first: Int, tape: ValueTape) {
        let head = tape.nodes[node]
        switch head.kind {
        case .object:
            let count = Int(head.length)
            var key = node + 1
            for _ in 0..<count {
                let value = key + 1
                let consumed =
                    Self.cannotSpell(key, segment: segments[first], tape: tape)
                    ? 0 : self.keyMatches(key, segments: segments, from: first, tape: tape)
                if consumed > 0 {
                    if first + consumed == segments.count {
                        self.appendFlattened(value, tape: tape)
                    } else {
                        self.walk(value, segments: segments, from: first + consumed, tape: tape)
                    }
                }
                key = tape.end(of: value)
            }
        case .array:
            let count = Int(head.length)
            var child = node + 1
            for _ in 0..<count {
                self.walk(child, segments: segments, from: first, tape: tape)
                child = tape.end(of: child)
            }
        default:
            return
        }
    }

    /// Whether the unescaped key at `key` can neither be `segment` nor start with `segment.`: a test on its
    /// length, first byte and the byte after the segment that rejects most keys without decoding them.
    @inline(__always)
    private static func cannotSpell(_ key: Int, segment: [UInt8], tape: ValueTape) -> Bool {
        let node = tape.nodes[key]
        guard !node.isEscaped, let head = segment.first else { return false }
        let length = Int(node.length)
        let offset = Int(node.offset)
        if length < segment.count || tape.bytes[offset] != head { return true }
        return length > segment.count && tape.bytes[offset + segment.count] != UInt8(ascii: ".")
    }

    /// How many segments from `first` the key at `key` spells (`a`, or `a.b`, ...), or 0.
    private mutating func keyMatches(_ key: Int, segments: [[UInt8]], from first: Int, tape: ValueTape) -> Int {
        guard let span = self.span(of: key, in: tape) else { return 0 }
        return self.withBytes(span, in: tape) { bytes in
            var position = 0
            var index = first
            while index < segments.count {
                if index > first {
                    guard position < bytes.count, bytes[position] == UInt8(ascii: ".") else { return 0 }
                    position += 1
                }
                let segment = segments[index]
                guard bytes.count - position >= segment.count else { return 0 }
                for byte in segment {
                    if bytes[position] != byte { return 0 }
                    position += 1
                }
                index += 1
                if position == bytes.count { return index - first }
            }
            return 0
        }
    }


    /// Appends `node`, or each element of an array (recursively).
    private mutating func appendFlattened(_ node: Int, tape: ValueTape) {
        guard tape.nodes[node].kind == .array else {
            self.values.append(Int32(node))
            return
        }
        let count = Int(tape.nodes[node].length)
        var child = node + 1
        for _ in 0..<count {
            self.appendFlattened(child, tape: tape)
            child = tape.end(of: child)
        }
    }

    /// The string leaves of the whole event (values, not keys), for keyword items; computed once per event.
    mutating func stringLeaves(of event: Event) -> Range<Int> {
        if self.leavesStamp != self.generation {
            // At most one leaf per node, written through a pointer: `leaves` only ever grows.
            if self.leaves.count < event.tape.nodes.count {
                self.leaves.append(contentsOf: repeatElement(0, count: event.tape.nodes.count - self.leaves.count))
            }
            self.leafCount = self.leaves.withUnsafeMutableBufferPointer { leaves in
                event.tape.nodes.withUnsafeBufferPointer { nodes in
                    var count = 0
                    for entry in event.entries where entry.node >= 0 {
                        let node = Int(entry.node)
                        switch nodes[node].kind {
                        case .string:
                            leaves[count] = entry.node
                            count += 1
                        case .array, .object:
                            Self.collectLeaves(below: node, in: nodes, into: leaves, count: &count)
                        default:
                            break
                        }
                    }
                    return count
                }
            }
            self.leavesStamp = self.generation
        }
        return 0..<self.leafCount
    }

    /// Builds ``joined``: the text of every string leaf, each followed by a NUL byte; once per event.
    mutating func buildJoined(_ event: Event) {
        guard self.joinedStamp != self.generation else { return }
        let range = self.stringLeaves(of: event)
        self.joined.removeAll(keepingCapacity: true)
        for index in range {
            let node = Int(self.leaves[index])
            guard let span = self.span(of: node, in: event.tape) else { continue }
            if span.inArena {
                self.joined.append(contentsOf: self.arena[span.offset..<(span.offset + span.count)])
            } else {
                self.joined.append(contentsOf: event.tape.bytes[span.offset..<(span.offset + span.count)])
            }
            self.joined.append(0)
        }
        self.joinedStamp = self.generation
    }

    /// Writes the string leaves below the container at `container` (values, not keys) to `leaves` from
    /// `count` on, in document order, and advances `count` past them.
    private static func collectLeaves(
        below container: Int, in nodes: UnsafeBufferPointer<ValueNode>, into leaves: UnsafeMutableBufferPointer<Int32>,
        count: inout Int
    ) {
        let head = nodes[container]
        let isObject = head.kind == .object
        var child = container + 1
        for _ in 0..<Int(head.length) {
            if isObject { child += 1 }  // the member's key
            let value = nodes[child]
            switch value.kind {
            case .string:
                leaves[count] = Int32(child)
                count += 1
                child += 1
            case .array, .object:
                Self.collectLeaves(below: child, in: nodes, into: leaves, count: &count)
                child = Int(value.offset)
            default:
                child += 1
            }
        }
    }
}
