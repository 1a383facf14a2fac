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
            let compiled = ruleSet.fields[field]
            if let node = event.node(compiled.id) {
                let start = self.values.count
                self.appendFlattened(node, tape: event.tape)
                self.fieldStamps[field] = self.generation
                self.fieldStarts[field] = Int32(start)
                self.fieldCounts[field] = Int32(self.values.count - start)
            } else {
                let trie = ruleSet.fieldTrie
                var anchor = Int(trie.fieldNodes[field])
                for (depth, ancestor) in compiled.ancestors.enumerated() {
                    anchor = Int(trie.parents[anchor])
                    guard let node = event.node(ancestor) else { continue }
                    if trie.walksTogether(below: anchor) {
                        self.resolveAll(below: anchor, node: node, trie: trie, event: event)
                    } else {
                        let start = self.values.count
                        let first = compiled.segments.count - depth - 1
                        self.walk(node, segments: compiled.segments, from: first, tape: event.tape)
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
    /// field's values are one range of ``values``.
    private mutating func resolveAll(below anchor: Int, node: Int, trie: FieldPathTrie, event: Event) {
        if self.trieStamps.count < trie.ids.count {
            self.trieStamps.append(contentsOf: repeatElement(0, count: trie.ids.count - self.trieStamps.count))
        }
        let generation = self.generation
        let first = anchor + 1
        let end = Int(trie.ends[anchor])
        self.trieStamps.withUnsafeMutableBufferPointer { stamps in
            for node in first..<end { stamps[node] = generation }
            // A node with an entry of its own is resolved from it, and so is everything below it (its walk).
            for entry in event.entries where entry.node >= 0 && entry.field.index < trie.nodesByFieldID.count {
                let blocked = Int(trie.nodesByFieldID[entry.field.index])
                guard blocked >= first, blocked < end else { continue }
                for node in blocked..<Int(trie.ends[blocked]) { stamps[node] = 0 }
            }
        }
        self.walkFindings.removeAll(keepingCapacity: true)
        event.tape.nodes.withUnsafeBufferPointer { nodes in
            event.tape.bytes.withUnsafeBytes { bytes in
                self.collect(node, at: anchor, trie: trie, in: TapeView(nodes: nodes, bytes: bytes), tape: event.tape)
            }
        }
        let valueStart = self.values.count
        var valueEnd = Int32(valueStart)
        for node in first..<end where self.trieStamps[node] == generation && trie.fields[node] >= 0 {
            self.fieldCounts[Int(trie.fields[node])] = 0
        }
        var index = 0
        while index < self.walkFindings.count {
            self.fieldCounts[Int(self.walkFindings[index])] += 1
            index += 2
        }
        for node in first..<end where self.trieStamps[node] == generation && trie.fields[node] >= 0 {
            let field = Int(trie.fields[node])
            self.fieldStarts[field] = valueEnd
            valueEnd += self.fieldCounts[field]
            self.fieldCounts[field] = 0
            self.fieldStamps[field] = generation
        }
        self.values.append(contentsOf: repeatElement(0, count: Int(valueEnd) - valueStart))
        index = 0
        while index < self.walkFindings.count {
            let field = Int(self.walkFindings[index])
            self.values[Int(self.fieldStarts[field] + self.fieldCounts[field])] = self.walkFindings[index + 1]
            self.fieldCounts[field] += 1
            index += 2
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

    /// Records the values below `node` (an object, or an array of objects) of the fields below trie node
    /// `trieNode` that the current walk resolves; every key that spells a path contributes, in document order.
    private mutating func collect(_ node: Int, at trieNode: Int, trie: FieldPathTrie, in view: TapeView, tape: ValueTape) {
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
                if target >= 0, self.trieStamps[target] == self.generation {
                    let field = trie.fields[target]
                    if field >= 0 { self.recordFlattened(value, field: field, in: view) }
                    if trie.ends[target] > target + 1 { self.collect(value, at: target, trie: trie, in: view, tape: tape) }
                }
                key = view.end(of: value)
            }
        case .array:
            let count = Int(head.length)
            var child = node + 1
            for _ in 0..<count {
                self.collect(child, at: trieNode, trie: trie, in: view, tape: tape)
                child = view.end(of: child)
            }
        default:
            return
        }
    }

    /// Records `node`, or each element of an array (recursively), as a value of `field`.
    private mutating func recordFlattened(_ node: Int, field: Int32, in view: TapeView) {
        guard view.nodes[node].kind == .array else {
            self.walkFindings.append(field)
            self.walkFindings.append(Int32(node))
            return
        }
        let count = Int(view.nodes[node].length)
        var child = node + 1
        for _ in 0..<count {
            self.recordFlattened(child, field: field, in: view)
            child = view.end(of: child)
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
            self.leaves.removeAll(keepingCapacity: true)
            for entry in event.entries where entry.node >= 0 {
                self.collectLeaves(Int(entry.node), tape: event.tape)
            }
            self.leavesStamp = self.generation
        }
        return 0..<self.leaves.count
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

    private mutating func collectLeaves(_ node: Int, tape: ValueTape) {
        let head = tape.nodes[node]
        switch head.kind {
        case .string:
            self.leaves.append(Int32(node))
        case .array:
            var child = node + 1
            for _ in 0..<Int(head.length) {
                self.collectLeaves(child, tape: tape)
                child = tape.end(of: child)
            }
        case .object:
            var key = node + 1
            for _ in 0..<Int(head.length) {
                self.collectLeaves(key + 1, tape: tape)
                key = tape.end(of: key + 1)
            }
        default:
            return
        }
    }
}
