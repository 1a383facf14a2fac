public import DetectCore

/// A processing pipeline: a documented subset of pySigma's YAML pipelines (`docs/pipelines.md`) that maps
/// Sigma field names to event fields, logsources to datasets, and placeholders to value lists or IOC lists.
///
/// Pipelines are data; ``apply(to:)-(SigmaRule)`` rewrites a rule's field names, ``datasets(for:)`` and
/// ``placeholderBinding(for:logsource:)`` answer the compiler's questions. Several pipelines run in ascending
/// ``priority`` (see `Array<ProcessingPipeline>` helpers).
public struct ProcessingPipeline: Hashable, Sendable {
    /// The pipeline `name`, used in diagnostics and logs.
    public var name: String
    /// Lower runs first (pySigma's convention); default 0.
    public var priority: Int
    /// `vars`: placeholder name -> values, for `value_placeholders`.
    public var vars: [String: [String]]
    /// The transformations, applied in order.
    public var transformations: [PipelineTransformation]
    /// `ecs_fields` (sigflare): the event fields this pipeline's events have, so that a rule field mapped to
    /// none of them can be reported (`rule.field.unmapped`). An entry ending in `.*` covers every field under
    /// that prefix (`cloudflare.*`). Empty: the pipeline declares nothing and no field is checked against it.
    public var declaredFields: [String]
    /// Where it appears in the source file (1-based line and column).
    public var location: SourceLocation

    /// Memberwise initializer (the loader builds these; compilers and tests may too).
    public init(
        name: String, priority: Int = 0, vars: [String: [String]] = [:], transformations: [PipelineTransformation],
        declaredFields: [String] = [], location: SourceLocation
    ) {
        self.name = name
        self.priority = priority
        self.vars = vars
        self.transformations = transformations
        self.declaredFields = declaredFields
        self.location = location
    }

    /// Whether `field` is one of ``declaredFields`` or lies under one of its `prefix.*` entries.
    public func declares(_ field: String) -> Bool {
        self.declaredFields.contains { entry in
            if entry.hasSuffix(".*") {
                return field.hasPrefix(entry.dropLast()) && field.count > entry.count - 1
            }
            return entry == field
        }
    }

    /// The datasets a logsource maps to: the union, in order, of every `logsource_dataset` transformation that
    /// applies; `nil` when none does (an unmapped logsource, which applies to every event).
    public func datasets(for logsource: LogSource) -> [String]? {
        var datasets: [String] = []
        var matched = false
        for transformation in self.transformations {
            guard case .logsourceDatasets(let selector, let names) = transformation.action,
                selector.matches(logsource), transformation.applies(to: logsource)
            else { continue }
            matched = true
            for name in names where !datasets.contains(name) { datasets.append(name) }
        }
        return matched ? datasets : nil
    }

    /// What `%name%` means for a rule with this logsource: the first applicable binding in transformation
    /// order, or `nil` (the compiler then looks for an IOC list with the placeholder's own name).
    public func placeholderBinding(for name: String, logsource: LogSource) -> PlaceholderBinding? {
        for transformation in self.transformations where transformation.applies(to: logsource) {
            switch transformation.action {
            case .iocListPlaceholders(let lists):
                if let list = lists[name] { return .iocList(list) }
            case .valuePlaceholders(let include, let exclude):
                if let include, !include.contains(name) { continue }
                if let exclude, exclude.contains(name) { continue }
                if let values = self.vars[name] { return .values(values) }
            case .fieldNameMapping, .logsourceDatasets:
                continue
            }
        }
        return nil
    }
}

extension Array where Element == ProcessingPipeline {
    /// The pipelines in the order they run: ascending priority, then load order.
    public var sortedByPriority: [ProcessingPipeline] {
        self.enumerated().sorted { ($0.element.priority, $0.offset) < ($1.element.priority, $1.offset) }
            .map(\.element)
    }

    /// Applies every pipeline, in priority order, to a rule.
    public func apply(to rule: SigmaRule) -> (SigmaRule, [Diagnostic]) {
        var rule = rule
        var diagnostics: [Diagnostic] = []
        for pipeline in self.sortedByPriority {
            let (next, found) = pipeline.apply(to: rule)
            rule = next
            diagnostics += found
        }
        return (rule, diagnostics)
    }

    /// The union of the datasets every pipeline maps the logsource to, or `nil` when no pipeline maps it.
    public func datasets(for logsource: LogSource) -> [String]? {
        var result: [String]?
        for pipeline in self.sortedByPriority {
            guard let datasets = pipeline.datasets(for: logsource) else { continue }
            var merged = result ?? []
            for name in datasets where !merged.contains(name) { merged.append(name) }
            result = merged
        }
        return result
    }

    /// The first binding of `%name%` in priority order.
    public func placeholderBinding(for name: String, logsource: LogSource) -> PlaceholderBinding? {
        for pipeline in self.sortedByPriority {
            if let binding = pipeline.placeholderBinding(for: name, logsource: logsource) { return binding }
        }
        return nil
    }
}
