internal import DetectCore
internal import DetectMatch
internal import DetectRules

/// Compiles the detection of one rule (and of the filters applied to it) into flat tables of items and
/// matchers, collecting the rule's diagnostics.
struct RuleBuilder {
    let session: CompileSession
    /// The id diagnostics carry (the rule's, or a filter's while the filter compiles).
    var ruleID: String?
    /// The logsource placeholder bindings are looked up for.
    var logsource: LogSource
    var items: [CompiledItem] = []
    var matchers: [ValueMatcher] = []
    var diagnostics: [Diagnostic] = []
    var errorCount = 0
    /// Fields already checked against the pipelines' declared fields.
    private var checkedFields: Set<String> = []

    init(session: CompileSession, ruleID: String?, logsource: LogSource) {
        self.session = session
        self.ruleID = ruleID
        self.logsource = logsource
    }

    mutating func report(_ code: EngineDiagnosticCode, _ message: String, at location: SourceLocation) {
        self.diagnostics.append(Diagnostic(code, message, at: location, ruleID: self.ruleID))
        if code.severity == .error { self.errorCount += 1 }
    }

    // MARK: Detection and condition

    /// The selections of a detection and its condition over them.
    mutating func compile(_ detection: Detection) -> ([CompiledSelection], Predicate) {
        var names: [String: Int32] = [:]
        var selections: [CompiledSelection] = []
        for identifier in detection.identifiers {
            let predicate = Predicate.any(
                identifier.maps.map { map in
                    Predicate.all(map.items.map { self.compileItem($0, selection: identifier.name) })
                })
            names[identifier.name] = Int32(selections.count)
            selections.append(CompiledSelection(name: identifier.name, predicate: predicate))
        }
        return (selections, Self.condition(detection.condition, names: names))
    }

    /// A condition over the selections named in `names`.
    static func condition(_ expression: ConditionExpression, names: [String: Int32]) -> Predicate {
        switch expression {
        case .identifier(let name, _):
            return names[name].map(Predicate.selection) ?? .constant(false)
        case .selector(let selector):
            let operands = selector.identifiers.compactMap { names[$0].map(Predicate.selection) }
            return selector.quantifier == .all ? .all(operands) : .any(operands)
        case .not(let operand):
            return .not(Self.condition(operand, names: names))
        case .and(let operands):
            return .all(operands.map { Self.condition($0, names: names) })
        case .or(let operands):
            return .any(operands.map { Self.condition($0, names: names) })
        }
    }

    // MARK: Filters

    /// Compiles a filter for `rule` into this rule's tables; `nil` when it does not apply or has an error
    /// (reported once per filter, not once per rule).
    mutating func compileFilter(_ filter: SigmaFilter, for rule: SigmaRule) -> CompiledFilter? {
        let name = filter.id ?? filter.title
        guard Self.covers(filter.logsource, rule.logsource) else {
            self.report(
                .filterLogsourceMismatch,
                "the filter `\(name)` (logsource `\(filter.logsource)`) names the rule `\(rule.id ?? rule.title)` "
                    + "whose logsource is `\(rule.logsource)`; it is not applied to it",
                at: filter.location)
            return nil
        }
        let asRule = SigmaRule(
            metadata: filter.metadata, logsource: filter.logsource, detection: filter.detection,
            location: filter.location)
        let (mapped, mappingDiagnostics) = self.session.pipelines.apply(to: asRule)
        let mark = self.diagnostics.count
        let errors = self.errorCount
        let (savedID, savedLogsource) = (self.ruleID, self.logsource)
        (self.ruleID, self.logsource) = (filter.id, filter.logsource)
        let (selections, condition) = self.compile(mapped.detection)
        (self.ruleID, self.logsource) = (savedID, savedLogsource)
        let found = Array(self.diagnostics[mark...])
        self.diagnostics.removeSubrange(mark...)
        let failed = self.errorCount > errors
        self.errorCount = errors
        let key = "\(filter.location)"
        if self.session.reportedFilters.insert(key).inserted {
            self.session.diagnostics += mappingDiagnostics + found
        }
        return failed ? nil : CompiledFilter(name: name, selections: selections, condition: condition)
    }

    /// Whether every logsource part the filter sets equals the rule's (pySigma's rule "in" filter logsource).
    static func covers(_ filter: LogSource, _ rule: LogSource) -> Bool {
        (filter.category == nil || filter.category == rule.category)
            && (filter.product == nil || filter.product == rule.product)
            && (filter.service == nil || filter.service == rule.service)
    }

    // MARK: Fields

    /// The field-table index of `name`, checked against the declared fields; `nil` (with an error) when the
    /// registry is full.
    mutating func field(_ name: String, original: String?, at location: SourceLocation) -> Int32? {
        if self.session.checksFields, !self.session.isDeclared(name), self.checkedFields.insert(name).inserted {
            let message: String
            if let original, original != name {
                message =
                    "`\(original)` is mapped to `\(name)`, which no pipeline declares in `ecs_fields`; "
                    + "the item can never match"
            } else {
                message =
                    "`\(name)` is not mapped by any pipeline and is not a declared field (`ecs_fields`); "
                    + "the item can never match"
            }
            self.report(.ruleFieldUnmapped, message, at: location)
        }
        guard let index = self.session.field(name) else {
            self.report(.ruleFieldInvalid, "too many distinct field names; `\(name)` cannot be used", at: location)
            return nil
        }
        return index
    }
}
