internal import DetectCore
internal import DetectMatch
internal import DetectRules

/// State shared by the rules of one compilation: interned fields, caches of compiled regular expressions and
/// IOC-list matchers (so that rules using the same list share one set), and the collected diagnostics.
final class CompileSession {
    let pipelines: [ProcessingPipeline]
    let iocs: IOCCatalog
    let options: RuleCompiler.Options
    /// Whether some pipeline declares its fields (`ecs_fields`): only then are rule fields checked.
    let checksFields: Bool
    var diagnostics: [Diagnostic] = []

    private var fieldIndex: [String: Int32] = [:]
    private var fields: [(id: FieldID, path: String)] = []
    private var regexes: [String: Result<PCRE2Regex, RegexCompileError>] = [:]
    private var declared: [String: Bool] = [:]
    /// IOC-driven matchers by a key of what produced them.
    var iocMatchers: [String: [ValueMatcher]] = [:]
    /// Filters whose compile errors were already reported.
    var reportedFilters: Set<String> = []
    /// The flat program the compiled rules are lowered into, in rule order.
    var program = ProgramBuilder()

    init(pipelines: [ProcessingPipeline], iocs: IOCCatalog, options: RuleCompiler.Options) {
        self.pipelines = pipelines.sortedByPriority
        self.iocs = iocs
        self.options = options
        self.checksFields = pipelines.contains { !$0.declaredFields.isEmpty }
        // Index 0: the dataset field, read to route events (``CompiledRuleSet/datasetFieldIndex``).
        _ = self.field("event.dataset")
    }

    /// The index of `path` in the set's field table, interning it; `nil` when the registry is full.
    func field(_ path: String) -> Int32? {
        if let index = self.fieldIndex[path] { return index }
        guard let id = FieldRegistry.shared.intern(path) else { return nil }
        let index = Int32(self.fields.count)
        self.fields.append((id, path))
        self.fieldIndex[path] = index
        return index
    }

    /// Whether some pipeline declares `path` in its `ecs_fields` (remembered: rules share their fields, and a
    /// pipeline declares hundreds).
    func isDeclared(_ path: String) -> Bool {
        if let known = self.declared[path] { return known }
        let declared = self.pipelines.contains { $0.declares(path) }
        self.declared[path] = declared
        return declared
    }

    /// The compiled form of a regular expression, cached by pattern and flags.
    func regex(_ regex: SigmaRegex) -> Result<PCRE2Regex, RegexCompileError> {
        let key = "\(regex.flags.rawValue)/\(regex.pattern)"
        if let cached = self.regexes[key] { return cached }
        var options: PCRE2Regex.Options = []
        if regex.flags.contains(.ignoreCase) { options.insert(.caseless) }
        if regex.flags.contains(.multiline) { options.insert(.multiline) }
        if regex.flags.contains(.dotAll) { options.insert(.dotAll) }
        let result: Result<PCRE2Regex, RegexCompileError>
        do {
            result = .success(try PCRE2Regex(regex.pattern, options: options))
        } catch let error as PCRE2Error {
            var message = error.message
            if let offset = error.characterOffset { message += " at character \(offset + 1) of the pattern" }
            result = .failure(RegexCompileError(message: message))
        } catch {
            result = .failure(RegexCompileError(message: "\(error)"))
        }
        self.regexes[key] = result
        return result
    }

    /// The field table of the compiled set, with ancestors and segments from the registry.
    func compiledFields() -> [CompiledField] {
        let table = FieldRegistry.shared.table()
        return self.fields.map { CompiledField(id: $0.id, path: $0.path, table: table) }
    }

    /// Compiles one rule and the filters that name it; `nil` (and diagnostics) when the rule has an error.
    func compile(_ rule: SigmaRule, filters: [SigmaFilter]) -> CompiledRule? {
        let (mapped, mappingDiagnostics) = self.pipelines.apply(to: rule)
        self.diagnostics += mappingDiagnostics
        let datasets = self.pipelines.datasets(for: rule.logsource)
        if datasets == nil {
            self.diagnostics.append(
                Diagnostic(
                    .ruleLogsourceUnmapped,
                    "no pipeline maps the logsource `\(rule.logsource)` to a dataset; the rule runs on every event",
                    at: rule.logsource.location, ruleID: rule.id))
        }
        var builder = RuleBuilder(session: self, ruleID: rule.id, logsource: rule.logsource)
        let (selections, condition) = builder.compile(mapped.detection)
        var compiledFilters: [CompiledFilter] = []
        var filterNames: [String] = []
        for filter in filters {
            if let compiled = builder.compileFilter(filter, for: rule) {
                compiledFilters.append(compiled)
                filterNames.append(compiled.name)
            }
        }
        self.diagnostics += builder.diagnostics
        guard builder.errorCount == 0 else { return nil }
        self.program.add(
            items: builder.items, matchers: builder.matchers, selections: selections, condition: condition,
            filters: compiledFilters)
        return CompiledRule(rule: rule, datasets: datasets, filterNames: filterNames)
    }
}

/// Why a pattern did not compile, in words for a diagnostic.
struct RegexCompileError: Error {
    let message: String
}
