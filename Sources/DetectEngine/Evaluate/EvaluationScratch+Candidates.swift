internal import DetectCore

extension EvaluationScratch {
    /// Sets ``candidates`` to the rules of `route` (a route of `index`) that can match `event`: the route's
    /// always-evaluated rules, and each rule whose required value the event has. Each indexed field's values
    /// are scanned once, whole values looked up in a hash set and substrings found by one automaton per field,
    /// unless the ``ScanMemo`` knows the value.
    ///
    /// The per-value loop reads the tape through pointers and touches only the memo and the candidates, with
    /// no reference counting: strings read in place first, then the values whose text must be decoded or
    /// formatted (escaped strings, numbers), which are rare.
    mutating func selectCandidates(_ route: RouteIndex, of index: RuleIndex, in ruleSet: CompiledRuleSet, event: Event) {
        self.candidates.removeAll(keepingCapacity: true)
        self.candidates.append(contentsOf: route.alwaysEvaluated)
        self.scanMemo.prepare(for: index)
        // Every field resolved first, so that one pass over the values can hold pointers to them all.
        self.scanRanges.removeAll(keepingCapacity: true)
        for position in route.fields.indices {
            unowned(unsafe) let field = route.fields[position]
            let range = field.field < 0 ? self.stringLeaves(of: event) : self.resolve(Int(field.field), in: ruleSet, event: event)
            self.scanRanges.append(range)
        }
        let decoded = event.tape.nodes.withUnsafeBufferPointer { nodes in
            event.tape.bytes.withUnsafeBytes { bytes in
                self.candidates.withUnsafeMutableBufferPointer { candidates in
                    self.leaves.withUnsafeBufferPointer { leaves in
                        self.values.withUnsafeBufferPointer { values in
                            var decoded = false
                            for position in route.fields.indices {
                                // A reference the route keeps alive, used without reference counting.
                                Unmanaged.passUnretained(route.fields[position])._withUnsafeGuaranteedRef { field in
                                    let positions = field.field < 0 ? leaves : values
                                    if Self.markInPlace(
                                        positions[self.scanRanges[position]], in: field, nodes: nodes, bytes: bytes,
                                        memo: &self.scanMemo, candidates: candidates)
                                    {
                                        decoded = true
                                    }
                                }
                            }
                            return decoded
                        }
                    }
                }
            }
        }
        guard decoded else { return }
        for position in route.fields.indices {
            unowned(unsafe) let field = route.fields[position]
            self.markDecoded(self.scanRanges[position], keyword: field.field < 0, in: field, event: event)
        }
    }

    /// Marks the candidates of the unescaped strings at `positions` (tape nodes) in `field`; returns whether
    /// some value there was left for ``markDecoded(_:keyword:in:event:)``.
    @inline(__always)
    private static func markInPlace(
        _ positions: Slice<UnsafeBufferPointer<Int32>>, in field: FieldIndex, nodes: UnsafeBufferPointer<ValueNode>,
        bytes: UnsafeRawBufferPointer, memo: inout ScanMemo, candidates: UnsafeMutableBufferPointer<UInt64>
    ) -> Bool {
        let minimumLength = field.minimumLength
        var decoded = false
        for position in positions {
            let value = nodes[Int(position)]
            guard value.kind == .string, !value.isEscaped else {
                decoded = true
                continue
            }
            guard value.length >= minimumLength else { continue }
            memo.mark(
                UnsafeRawBufferPointer(start: bytes.baseAddress! + Int(value.offset), count: Int(value.length)),
                in: field, into: candidates)
        }
        return decoded
    }

    /// Marks the candidates of the values in `range` (of ``leaves`` or ``values``) that are not unescaped
    /// strings: escaped strings, numbers and booleans, by their text.
    private mutating func markDecoded(_ range: Range<Int>, keyword: Bool, in field: FieldIndex, event: Event) {
        for position in range {
            let node = Int(keyword ? self.leaves[position] : self.values[position])
            let value = event.tape.nodes[node]
            guard value.kind != .string || value.isEscaped, let span = self.span(of: node, in: event.tape),
                span.count >= field.minimumLength
            else { continue }
            let source = span.inArena ? self.arena : event.tape.bytes
            source.withUnsafeBytes { bytes in
                self.candidates.withUnsafeMutableBufferPointer { candidates in
                    self.scanMemo.mark(
                        UnsafeRawBufferPointer(rebasing: bytes[span.offset..<(span.offset + span.count)]), in: field,
                        into: candidates)
                }
            }
        }
    }
}
