internal import DetectCore

extension EvaluationScratch {
    /// Marks the rules of `route` that can match `event` (``candidateMarks`` set to the current generation):
    /// each indexed field's values are scanned once, whole values looked up in a hash set and substrings
    /// found by one automaton per field.
    mutating func markCandidates(_ route: RouteIndex, in ruleSet: CompiledRuleSet, event: Event) {
        if self.candidateMarks.count < ruleSet.rules.count {
            self.candidateMarks.append(
                contentsOf: repeatElement(0, count: ruleSet.rules.count - self.candidateMarks.count))
        }
        // Taken out while values are scanned, so that marking does not copy it or overlap other accesses.
        var marks = self.candidateMarks
        self.candidateMarks = []
        let stamp = self.generation
        for field in route.fields {
            let keyword = field.field < 0
            let range = keyword ? self.stringLeaves(of: event) : self.resolve(Int(field.field), in: ruleSet, event: event)
            for index in range {
                let node = Int(keyword ? self.leaves[index] : self.values[index])
                guard let span = self.span(of: node, in: event.tape) else { continue }
                self.withBytes(span, in: event.tape) { text in field.mark(text, stamp: stamp, marks: &marks) }
            }
        }
        self.candidateMarks = marks
    }
}
