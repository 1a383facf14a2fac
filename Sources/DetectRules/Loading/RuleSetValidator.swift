internal import DetectCore

/// Checks that need every document at once: duplicate ids and names, correlation references and cycles, filter
/// references. Documents with errors here are removed and recorded as rejected.
struct RuleSetValidator {
    var rules: [SigmaRule]
    var correlations: [CorrelationRule]
    var filters: [SigmaFilter]
    var diagnostics: [Diagnostic] = []
    var rejected: [RejectedDocument] = []

    init(rules: [SigmaRule], correlations: [CorrelationRule], filters: [SigmaFilter]) {
        self.rules = rules
        self.correlations = correlations
        self.filters = filters
    }

    mutating func run() {
        self.removeDuplicates()
        self.checkCorrelations()
        self.checkFilters()
    }

    private mutating func report(
        _ code: SigmaDiagnosticCode, _ message: String, at location: SourceLocation, id: String?
    ) {
        self.diagnostics.append(Diagnostic(code, message, at: location, ruleID: id))
    }

    private mutating func reject(_ kind: RejectedDocument.Kind, _ document: any SigmaDocument, codes: [String]) {
        self.rejected.append(
            RejectedDocument(
                kind: kind, title: document.title, id: document.id, location: document.location, codes: codes))
    }

    /// The first document with an id or name wins; later ones are rejected.
    private mutating func removeDuplicates() {
        var ids: [String: SourceLocation] = [:]
        var names: [String: SourceLocation] = [:]
        func claim(_ document: any SigmaDocument, _ kind: RejectedDocument.Kind, into validator: inout RuleSetValidator)
            -> Bool
        {
            var codes: [String] = []
            if let id = document.id {
                if let first = ids[id] {
                    validator.report(
                        .rulesetIDDuplicate, "the id `\(id)` is already used at \(first)",
                        at: document.location, id: id)
                    codes.append(SigmaDiagnosticCode.rulesetIDDuplicate.rawValue)
                }
            }
            if let name = document.name {
                if let first = names[name] {
                    validator.report(
                        .rulesetNameDuplicate, "the name `\(name)` is already used at \(first)",
                        at: document.location, id: document.id)
                    codes.append(SigmaDiagnosticCode.rulesetNameDuplicate.rawValue)
                }
            }
            if !codes.isEmpty {
                validator.reject(kind, document, codes: codes)
                return false
            }
            if let id = document.id { ids[id] = document.location }
            if let name = document.name { names[name] = document.location }
            return true
        }
        var validator = self
        validator.rules = self.rules.filter { claim($0, .rule, into: &validator) }
        validator.correlations = self.correlations.filter { claim($0, .correlation, into: &validator) }
        validator.filters = self.filters.filter { claim($0, .filter, into: &validator) }
        self = validator
    }

    /// Every reference must name a loaded rule or a valid correlation; chains must not loop.
    private mutating func checkCorrelations() {
        var ruleKeys = Set<String>()
        for rule in self.rules {
            if let id = rule.id { ruleKeys.insert(id) }
            if let name = rule.name { ruleKeys.insert(name) }
        }
        var valid = self.correlations
        var removed: [(CorrelationRule, SigmaDiagnosticCode)] = []
        // Unknown references; repeat, since dropping a correlation can orphan another that names it.
        var changed = true
        while changed {
            changed = false
            var keys = ruleKeys
            for correlation in valid {
                if let id = correlation.id { keys.insert(id) }
                if let name = correlation.name { keys.insert(name) }
            }
            var kept: [CorrelationRule] = []
            for correlation in valid {
                let unknown = correlation.rules.filter { !keys.contains($0.value) }
                if unknown.isEmpty {
                    kept.append(correlation)
                    continue
                }
                for reference in unknown {
                    self.report(
                        .correlationRulesUnknown,
                        "`\(reference.value)` is not the id or name of a loaded rule or correlation (a rule "
                            + "with errors is not loaded)",
                        at: reference.location, id: correlation.id)
                }
                removed.append((correlation, .correlationRulesUnknown))
                changed = true
            }
            valid = kept
        }
        // Cycles among the remaining correlations.
        var byKey: [String: Int] = [:]
        for (index, correlation) in valid.enumerated() {
            if let id = correlation.id { byKey[id] = index }
            if let name = correlation.name { byKey[name] = index }
        }
        var state = [UInt8](repeating: 0, count: valid.count)  // 0 new, 1 on stack, 2 done
        var inCycle = Set<Int>()
        func visit(_ index: Int, _ stack: inout [Int]) {
            state[index] = 1
            stack.append(index)
            for reference in valid[index].rules {
                guard let next = byKey[reference.value] else { continue }
                if state[next] == 1, let start = stack.firstIndex(of: next) {
                    inCycle.formUnion(stack[start...])
                } else if state[next] == 0 {
                    visit(next, &stack)
                }
            }
            stack.removeLast()
            state[index] = 2
        }
        for index in valid.indices where state[index] == 0 {
            var stack: [Int] = []
            visit(index, &stack)
        }
        var final: [CorrelationRule] = []
        for (index, correlation) in valid.enumerated() {
            if inCycle.contains(index) {
                self.report(
                    .correlationRulesCycle,
                    "the correlation `\(correlation.title)` is part of a reference cycle between correlations",
                    at: correlation.location, id: correlation.id)
                removed.append((correlation, .correlationRulesCycle))
            } else {
                final.append(correlation)
            }
        }
        for (correlation, code) in removed {
            self.reject(.correlation, correlation, codes: [code.rawValue])
        }
        self.correlations = final
    }

    private mutating func checkFilters() {
        var keys = Set<String>()
        for rule in self.rules {
            if let id = rule.id { keys.insert(id) }
            if let name = rule.name { keys.insert(name) }
        }
        for filter in self.filters {
            for reference in filter.rules where !keys.contains(reference.value) {
                self.report(
                    .filterRulesUnknown,
                    "the filter names `\(reference.value)`, which is not a loaded rule; it has no effect on it",
                    at: reference.location, id: filter.id)
            }
        }
    }
}
