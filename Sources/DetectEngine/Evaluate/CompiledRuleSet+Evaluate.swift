public import DetectCore

extension CompiledRuleSet {
    /// The rules that match `event`, in rule order, with what matched. Pure and synchronous: no I/O, no
    /// shared state; `scratch` is the only thing written.
    ///
    /// Only rules routed to `dataset` (their logsource maps to it) and rules with an unmapped logsource run;
    /// with `dataset == nil` only the latter. Each field the rules reference is resolved at most once.
    ///
    /// ```swift
    /// var scratch = EvaluationScratch()
    /// for match in compiled.evaluate(event, dataset: "http_requests", scratch: &scratch) {
    ///     print(match.title, match.selection ?? "-", match.field ?? "-", match.value ?? "-")
    /// }
    /// ```
    ///
    /// - Parameters:
    ///   - event: A normalized event.
    ///   - dataset: The event's `event.dataset` (`http_requests`), or `nil`.
    ///   - scratch: Working memory reused across events (one per thread).
    /// - Returns: The matches, one per matching rule.
    public func evaluate(_ event: Event, dataset: String?, scratch: inout EvaluationScratch) -> [RuleMatch] {
        var matches: [RuleMatch] = []
        self.evaluate(event, dataset: dataset, scratch: &scratch, into: &matches)
        return matches
    }

    /// As ``evaluate(_:dataset:scratch:)``, appending to `matches` (not cleared) to reuse its storage.
    public func evaluate(
        _ event: Event, dataset: String?, scratch: inout EvaluationScratch, into matches: inout [RuleMatch]
    ) {
        var route = self.routeTable.count
        if let dataset, let id = self.datasetTable.id(of: dataset) { route = id }
        scratch.begin(for: self)
        self.run(route: route, event: event, scratch: &scratch, into: &matches)
    }

    /// As ``evaluate(_:dataset:scratch:)`` with the dataset read from the event's own `event.dataset`.
    public func evaluate(_ event: Event, scratch: inout EvaluationScratch) -> [RuleMatch] {
        var matches: [RuleMatch] = []
        self.evaluate(event, scratch: &scratch, into: &matches)
        return matches
    }

    /// As ``evaluate(_:scratch:)``, appending to `matches`.
    public func evaluate(_ event: Event, scratch: inout EvaluationScratch, into matches: inout [RuleMatch]) {
        scratch.begin(for: self)
        var route = self.routeTable.count
        let values = scratch.resolve(Self.datasetFieldIndex, in: self, event: event)
        for index in values {
            let node = Int(scratch.values[index])
            guard event.tape.nodes[node].kind == .string, let span = scratch.span(of: node, in: event.tape) else {
                continue
            }
            let id = scratch.withBytes(span, in: event.tape) { self.datasetTable.id(of: $0) }
            if let id {
                route = id
                break
            }
        }
        self.run(route: route, event: event, scratch: &scratch, into: &matches)
    }

    /// Whether the rule at `index` matches `event` (ignoring dataset routing), for rule tests.
    public func matches(rule index: Int, event: Event, scratch: inout EvaluationScratch) -> RuleMatch? {
        scratch.begin(for: self)
        guard scratch.matches(rule: index, in: self, event: event) else { return nil }
        return self.match(index, event: event, scratch: &scratch)
    }

    /// Evaluates the rules of route `route` (an index of ``routeTable``, or its count for the unrouted rules)
    /// in rule order; with an index, only its candidates (the always-evaluated rules and those it selects).
    private func run(
        route: Int, event: Event, scratch: inout EvaluationScratch, into matches: inout [RuleMatch]
    ) {
        guard let index = self.index else {
            let rules = route < self.routeTable.count ? self.routeTable[route] : self.unrouted
            for rule in rules where scratch.matches(rule: Int(rule), in: self, event: event) {
                matches.append(self.match(Int(rule), event: event, scratch: &scratch))
            }
            return
        }
        scratch.selectCandidates(index.routes[route], of: index, in: self, event: event)
        for word in 0..<scratch.candidates.count {
            var bits = scratch.candidates[word]
            while bits != 0 {
                let rule = word << 6 | bits.trailingZeroBitCount
                bits &= bits &- 1
                if scratch.matches(rule: rule, in: self, event: event) {
                    matches.append(self.match(rule, event: event, scratch: &scratch))
                }
            }
        }
    }

    private func match(_ rule: Int, event: Event, scratch: inout EvaluationScratch) -> RuleMatch {
        let witness = scratch.witness(rule: rule, in: self, event: event)
        let compiled = self.rules[rule]
        return RuleMatch(
            ruleIndex: rule, ruleID: compiled.id, title: compiled.title, selection: witness.selection,
            field: witness.field, value: witness.value)
    }
}
