public import DetectCore
public import DetectRules

/// Compiles the correlation rules of a ``RuleSet`` against its compiled detection rules
/// (docs/correlation.md): references resolved to compiled rules or correlations, group-by and aggregated
/// fields mapped by the processing pipelines, aliases applied per rule, fields interned.
///
/// A correlation that cannot run (a reference that did not compile, a chained field the referenced
/// correlation does not carry, a reference cycle) gets an error diagnostic and is left out; the others
/// compile. Nothing is thrown.
///
/// ```swift
/// let (rules, _) = RuleCompiler(pipelines: pipelines).compile(ruleSet)
/// let (correlations, diagnostics) = CorrelationCompiler(pipelines: pipelines).compile(ruleSet, rules: rules)
/// ```
public struct CorrelationCompiler: Sendable {
    /// The processing pipelines; their field-name mappings without rule conditions apply to group-by, alias
    /// and aggregated fields. Pipelines found among the rule documents are added at compile time.
    public var pipelines: [ProcessingPipeline]

    /// A compiler with these pipelines.
    public init(pipelines: [ProcessingPipeline] = []) {
        self.pipelines = pipelines
    }

    /// Compiles every correlation of `ruleSet`.
    ///
    /// - Parameters:
    ///   - ruleSet: Rules and correlations from ``RuleLoader``.
    ///   - rules: The detection rules of `ruleSet` as ``RuleCompiler`` compiled them.
    ///   - registry: Where fields are interned.
    /// - Returns: The correlations that compiled and the diagnostics, sorted by file, line and column.
    public func compile(
        _ ruleSet: RuleSet, rules: CompiledRuleSet, registry: FieldRegistry = .shared
    ) -> (CompiledCorrelationSet, [Diagnostic]) {
        var pipelines = self.pipelines
        for pipeline in ruleSet.pipelines where !pipelines.contains(pipeline) { pipelines.append(pipeline) }
        pipelines = pipelines.sortedByPriority
        var diagnostics: [Diagnostic] = []
        let order = Self.evaluationOrder(ruleSet.correlations, diagnostics: &diagnostics)

        var ruleIndexByLocation: [SourceLocation: Int] = [:]
        for (index, rule) in rules.rules.enumerated() { ruleIndexByLocation[rule.rule.location] = index }
        var compiled: [CompiledCorrelation] = []
        var positionByLocation: [SourceLocation: Int] = [:]
        for loaded in order {
            var mapped = loaded
            for pipeline in pipelines { mapped = pipeline.apply(to: mapped) }
            var builder = Builder(
                correlation: mapped, ruleSet: ruleSet, ruleIndexByLocation: ruleIndexByLocation,
                positionByLocation: positionByLocation, compiled: compiled)
            guard let correlation = builder.build(original: loaded, registry: registry) else {
                diagnostics += builder.diagnostics
                continue
            }
            diagnostics += builder.diagnostics
            positionByLocation[loaded.location] = compiled.count
            compiled.append(correlation)
        }
        diagnostics.sort {
            ($0.location.file, $0.location.line, $0.location.column, $0.code)
                < ($1.location.file, $1.location.line, $1.location.column, $1.code)
        }
        return (CompiledCorrelationSet(correlations: compiled, ruleCount: rules.count), diagnostics)
    }

    /// The correlations with every referenced correlation before the ones referencing it (load order
    /// otherwise); correlations in a reference cycle are reported and left out. (The loader rejects cycles
    /// already; this guards rule sets built in code.)
    static func evaluationOrder(
        _ correlations: [CorrelationRule], diagnostics: inout [Diagnostic]
    ) -> [CorrelationRule] {
        var byKey: [String: Int] = [:]
        for (index, correlation) in correlations.enumerated() {
            for key in [correlation.id, correlation.name].compactMap({ $0 }) where byKey[key] == nil {
                byKey[key] = index
            }
        }
        var state = Array(repeating: 0, count: correlations.count)  // 0 new, 1 on the path, 2 placed, 3 cyclic
        var order: [CorrelationRule] = []
        func visit(_ index: Int) -> Bool {
            if state[index] == 2 { return true }
            if state[index] != 0 { return false }
            state[index] = 1
            var acyclic = true
            for reference in correlations[index].rules {
                if let next = byKey[reference.value], !visit(next) { acyclic = false }
            }
            state[index] = acyclic ? 2 : 3
            if acyclic { order.append(correlations[index]) }
            return acyclic
        }
        for index in correlations.indices where state[index] == 0 { _ = visit(index) }
        for (index, correlation) in correlations.enumerated() where state[index] == 3 {
            diagnostics.append(
                Diagnostic(
                    .correlationRulesCycle,
                    "the correlation `\(correlation.title)` is part of, or references, a reference cycle between "
                        + "correlations; it is skipped",
                    at: correlation.location, ruleID: correlation.id))
        }
        return order
    }
}

/// Builds one ``CompiledCorrelation``, collecting its diagnostics.
private struct Builder {
    let correlation: CorrelationRule
    let ruleSet: RuleSet
    let ruleIndexByLocation: [SourceLocation: Int]
    let positionByLocation: [SourceLocation: Int]
    let compiled: [CompiledCorrelation]
    var diagnostics: [Diagnostic] = []

    init(
        correlation: CorrelationRule, ruleSet: RuleSet, ruleIndexByLocation: [SourceLocation: Int],
        positionByLocation: [SourceLocation: Int], compiled: [CompiledCorrelation]
    ) {
        self.correlation = correlation
        self.ruleSet = ruleSet
        self.ruleIndexByLocation = ruleIndexByLocation
        self.positionByLocation = positionByLocation
        self.compiled = compiled
    }

    mutating func report(_ code: EngineDiagnosticCode, _ message: String, at location: SourceLocation) {
        self.diagnostics.append(Diagnostic(code, message, at: location, ruleID: self.correlation.id))
    }

    mutating func build(original: CorrelationRule, registry: FieldRegistry) -> CompiledCorrelation? {
        let correlation = self.correlation
        var inputs: [CompiledCorrelation.Input] = []
        var valid = true
        for reference in correlation.rules {
            guard let source = self.source(of: reference) else {
                valid = false
                continue
            }
            var group: [CompiledCorrelation.Reader] = []
            for field in correlation.groupBy {
                guard let reader = self.reader(for: self.field(field, reference: reference), source: source, registry: registry)
                else {
                    valid = false
                    continue
                }
                group.append(reader)
            }
            var value: [CompiledCorrelation.Reader] = []
            for field in correlation.condition?.fields ?? [] {
                guard let reader = self.reader(for: field, source: source, registry: registry) else {
                    valid = false
                    continue
                }
                value.append(reader)
            }
            inputs.append(CompiledCorrelation.Input(source: source, group: group, value: value))
        }
        guard valid else { return nil }
        let groupPaths = correlation.groupBy.map { field in
            correlation.alias(named: field.originalName)?.mappings.first?.field.name ?? field.name
        }
        var thresholds = correlation.condition?.thresholds ?? []
        if thresholds.isEmpty {
            // temporal / temporal_ordered without a condition: every referenced rule.
            thresholds = [
                .init(op: .gte, value: .integer(Int64(correlation.rules.count)), location: correlation.location)
            ]
        }
        return CompiledCorrelation(
            rule: original, type: correlation.type,
            timespanMicroseconds: Int64(correlation.timespan.seconds) * 1_000_000, thresholds: thresholds,
            generate: correlation.generate, groupPaths: groupPaths, inputs: inputs, registry: registry)
    }

    /// The compiled rule or correlation `reference` names.
    mutating func source(of reference: RuleReference) -> CompiledCorrelation.Source? {
        if let rule = self.ruleSet.rule(referencedBy: reference.value) {
            if let index = self.ruleIndexByLocation[rule.location] { return .rule(index) }
        } else if let inner = self.ruleSet.correlation(referencedBy: reference.value) {
            if let position = self.positionByLocation[inner.location] { return .correlation(position) }
        }
        self.report(
            .correlationRuleUncompiled,
            "`\(reference.value)` did not compile (see its diagnostics); the correlation `\(self.correlation.title)` "
                + "is skipped",
            at: reference.location)
        return nil
    }

    /// The field a group-by entry stands for in the events of `reference`: the alias's field for that rule,
    /// else the entry itself.
    mutating func field(_ field: SigmaField, reference: RuleReference) -> SigmaField {
        guard let alias = self.correlation.alias(named: field.originalName) else { return field }
        if let mapped = alias.field(forRule: reference.value) { return mapped }
        self.report(
            .correlationAliasIncomplete,
            "the alias `\(alias.name)` names no field for `\(reference.value)`; `\(alias.name)` itself is read",
            at: alias.location)
        return field
    }

    /// How an input reads `field`: from events, or from the group-by values of a referenced correlation.
    mutating func reader(
        for field: SigmaField, source: CompiledCorrelation.Source, registry: FieldRegistry
    ) -> CompiledCorrelation.Reader? {
        switch source {
        case .rule:
            return .fields(field.names.map { registry.id($0) })
        case .correlation(let position):
            let inner = self.compiled[position]
            if let index = field.names.lazy.compactMap({ inner.groupPaths.firstIndex(of: $0) }).first {
                return .group(index)
            }
            let carried = inner.groupPaths.map { "`\($0)`" }.joined(separator: ", ")
            self.report(
                .correlationChainField,
                "`\(field.name)` is not a group-by field of the referenced correlation `\(inner.title)` "
                    + "(its alerts carry \(carried.isEmpty ? "none" : carried)); the correlation is skipped",
                at: field.location)
            return nil
        }
    }
}
