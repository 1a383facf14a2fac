internal import DetectCore

extension EvaluationScratch {
    /// Marks the rules of `route` (a route of `index`) that can match `event` (``candidateMarks`` set to the
    /// current generation): each indexed field's values are scanned once, whole values looked up in a hash
    /// set and substrings found by one automaton per field, unless the ``ScanMemo`` knows the value.
    mutating func markCandidates(_ route: RouteIndex, of index: RuleIndex, in ruleSet: CompiledRuleSet, event: Event) {
        if self.candidateMarks.count < ruleSet.rules.count {
            self.candidateMarks.append(
                contentsOf: repeatElement(0, count: ruleSet.rules.count - self.candidateMarks.count))
        }
        // Taken out while values are scanned, so that marking does not copy them or overlap other accesses.
        var marks = self.candidateMarks
        var memo = self.scanMemo
        self.candidateMarks = []
        self.scanMemo = ScanMemo()
        memo.prepare(for: index)
        let stamp = self.generation
        marks.withUnsafeMutableBufferPointer { marks in
            for field in route.fields {
                let keyword = field.field < 0
                let range = keyword ? self.stringLeaves(of: event) : self.resolve(Int(field.field), in: ruleSet, event: event)
                let nodes = keyword ? self.leaves : self.values
                for position in range {
                    let node = Int(nodes[position])
                    let value = event.tape.nodes[node]
                    if value.kind == .string, !value.isEscaped {
                        event.tape.bytes.withUnsafeBytes { bytes in
                            let text = UnsafeRawBufferPointer(
                                rebasing: bytes[Int(value.offset)..<Int(value.offset + value.length)])
                            memo.mark(text, in: field, stamp: stamp, marks: marks)
                        }
                    } else if let span = self.span(of: node, in: event.tape) {
                        self.withBytes(span, in: event.tape) { memo.mark($0, in: field, stamp: stamp, marks: marks) }
                    }
                }
            }
        }
        self.candidateMarks = marks
        self.scanMemo = memo
    }
}
