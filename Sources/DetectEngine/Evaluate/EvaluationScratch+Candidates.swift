internal import DetectCore

extension EvaluationScratch {
    /// Sets ``candidates`` to the rules of `route` (a route of `index`) that can match `event`: the route's
    /// always-evaluated rules, and each rule whose required value the event has. Each indexed field's values
    /// are scanned once, whole values looked up in a hash set and substrings found by one automaton per field,
    /// unless the ``ScanMemo`` knows the value.
    mutating func selectCandidates(_ route: RouteIndex, of index: RuleIndex, in ruleSet: CompiledRuleSet, event: Event) {
        // Taken out while values are scanned, so that marking does not copy them or overlap other accesses.
        var candidates = self.candidates
        var memo = self.scanMemo
        self.candidates = []
        self.scanMemo = ScanMemo()
        candidates.removeAll(keepingCapacity: true)
        candidates.append(contentsOf: route.alwaysEvaluated)
        memo.prepare(for: index)
        candidates.withUnsafeMutableBufferPointer { candidates in
            for field in route.fields {
                let keyword = field.field < 0
                let range = keyword ? self.stringLeaves(of: event) : self.resolve(Int(field.field), in: ruleSet, event: event)
                let positions = keyword ? self.leaves : self.values
                let minimumLength = field.minimumLength
                for position in range {
                    let node = Int(positions[position])
                    let value = event.tape.nodes[node]
                    if value.kind == .string, !value.isEscaped {
                        guard value.length >= minimumLength else { continue }
                        event.tape.bytes.withUnsafeBytes { bytes in
                            memo.mark(
                                UnsafeRawBufferPointer(start: bytes.baseAddress! + Int(value.offset), count: Int(value.length)),
                                in: field, into: candidates)
                        }
                    } else if let span = self.span(of: node, in: event.tape), span.count >= minimumLength {
                        self.withBytes(span, in: event.tape) { memo.mark($0, in: field, into: candidates) }
                    }
                }
            }
        }
        self.candidates = candidates
        self.scanMemo = memo
    }
}
