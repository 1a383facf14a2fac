internal import DetectCore

extension EvaluationScratch {
    /// The values of a field in this event, resolved once per event: the range of ``values`` holding its
    /// value nodes, arrays flattened (so an array field contributes each element).
    ///
    /// A field is found as an entry of its own, or by walking from the nearest ancestor that has an entry
    /// (an object: the `cloudflare` record, or the root ECS document) through nested objects and flat dotted
    /// keys alike (`{"a":{"b":1}}`, `{"a.b":1}`, `{"a":{"b.c":1}}` all have `a.b…`). Walking also steps into
    /// arrays of objects (`dns.answers.data` in `{"dns":{"answers":[{"data":"x"},{"data":"y"}]}}` has the
    /// values `x` and `y`). Every key that spells the path contributes, in document order.
    mutating func resolve(_ field: Int, in ruleSet: CompiledRuleSet, event: Event) -> Range<Int> {
        if self.fieldStamps[field] == self.generation {
            let start = Int(self.fieldStarts[field])
            return start..<(start + Int(self.fieldCounts[field]))
        }
        let start = self.values.count
        let compiled = ruleSet.fields[field]
        if let node = event.node(compiled.id) {
            self.appendFlattened(node, tape: event.tape)
        } else {
            for (depth, ancestor) in compiled.ancestors.enumerated() {
                guard let node = event.node(ancestor) else { continue }
                let first = compiled.segments.count - depth - 1
                self.walk(node, segments: compiled.segments, from: first, tape: event.tape)
                break
            }
        }
        self.fieldStamps[field] = self.generation
        self.fieldStarts[field] = Int32(start)
        self.fieldCounts[field] = Int32(self.values.count - start)
        return start..<self.values.count
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
