public import DetectCore

/// The cases of one rule-test file (`x.tests.yml`, beside the rule file `x.yml` it tests), as
/// ``RuleTestParser`` reads them. The format is documented in `docs/rule-tests.md`.
public struct RuleTestSuite: Sendable, Hashable {
    /// One named IOC list of the file's `iocs:` section; it replaces a loaded list of the same name.
    public struct IOCOverride: Sendable, Hashable {
        /// The list's name (`tor_nodes` for `%tor_nodes%`).
        public var name: String
        /// The values in order, each where it is written in the test file.
        public var entries: [Entry]

        /// One value and where it is written.
        public struct Entry: Sendable, Hashable {
            public var value: String
            public var location: SourceLocation

            public init(_ value: String, location: SourceLocation) {
                self.value = value
                self.location = location
            }
        }

        public init(name: String, entries: [Entry]) {
            self.name = name
            self.entries = entries
        }
    }

    /// The test file's path.
    public var file: String
    /// The title or id of the rule under test (`rule:`), or `nil` for the only rule of the sibling file.
    public var rule: String?
    /// Where `rule:` is written (the file's start when absent).
    public var ruleLocation: SourceLocation
    /// IOC lists that replace same-named loaded lists for these cases.
    public var iocs: [IOCOverride]
    /// The cases, in file order.
    public var cases: [RuleTestCase]

    /// A suite; normally built by ``RuleTestParser``.
    public init(
        file: String, rule: String? = nil, ruleLocation: SourceLocation? = nil, iocs: [IOCOverride] = [],
        cases: [RuleTestCase]
    ) {
        self.file = file
        self.rule = rule
        self.ruleLocation = ruleLocation ?? SourceLocation(file: file, line: 1, column: 1)
        self.iocs = iocs
        self.cases = cases
    }

    /// The rule files a test file may test, in order of preference: `x.tests.yml` → `x.yml`, `x.yaml`
    /// (empty when `file` is not named like a test file).
    public static func siblingRuleFiles(of file: String) -> [String] {
        for suffix in [".tests.yml", ".tests.yaml"] where file.hasSuffix(suffix) {
            let stem = file.dropLast(suffix.count)
            return [stem + ".yml", stem + ".yaml"]
        }
        return []
    }

    /// Whether `path` is named like a rule-test file (`*.tests.yml`, `*.tests.yaml`).
    public static func isTestFile(_ path: String) -> Bool {
        path.hasSuffix(".tests.yml") || path.hasSuffix(".tests.yaml")
    }
}

/// One case of a ``RuleTestSuite``: an event and whether the rule under test must match it; or, for a
/// correlation, a sequence of events and how many alerts the correlation must raise on them.
public struct RuleTestCase: Sendable, Hashable {
    /// The case's name, unique in its file.
    public var name: String
    /// `true` when the rule must match the event, `false` when it must not.
    public var expectsMatch: Bool
    /// The dataset of a raw record (`gateway_dns`), or `nil` to detect it from the record's fields.
    public var dataset: String?
    /// The field the match must report (only with ``expectsMatch``), or `nil` for any.
    public var field: String?
    /// The log record.
    public var event: RuleTestEvent
    /// Where the case starts in the test file.
    public var location: SourceLocation
    /// A correlation case's events, in order (`events:`); empty for a detection case.
    public var events: [RuleTestEvent]
    /// A correlation case's expected number of alerts of the correlation under test (`alerts:`); `nil` for a
    /// detection case.
    public var expectedAlerts: Int?

    /// A case; normally built by ``RuleTestParser``. A correlation case has `events` and `expectedAlerts`
    /// (its `event` is the first of `events`, `expectsMatch` is unused).
    public init(
        name: String, expectsMatch: Bool, dataset: String? = nil, field: String? = nil, event: RuleTestEvent,
        location: SourceLocation, events: [RuleTestEvent] = [], expectedAlerts: Int? = nil
    ) {
        self.name = name
        self.expectsMatch = expectsMatch
        self.dataset = dataset
        self.field = field
        self.event = event
        self.location = location
        self.events = events
        self.expectedAlerts = expectedAlerts
    }

    /// Whether the case tests a correlation (`events` and `alerts`).
    public var isCorrelationCase: Bool { self.expectedAlerts != nil }
}

/// The log record of a ``RuleTestCase``.
public enum RuleTestEvent: Sendable, Hashable {
    /// One JSON line, as written in a YAML string.
    case jsonLine(String)
    /// A YAML mapping, converted to a JSON object (keys in their written order).
    case document(RuleTestValue)
}

/// A JSON value built from YAML: how a YAML-mapping event becomes a JSON line.
///
/// Plain scalars are typed by the YAML 1.2 core schema (`true`, `12`, `1.5`, `null`); quoted and block
/// scalars stay strings, so `'8080'` is the string `"8080"`. Mappings keep their keys in written order.
public indirect enum RuleTestValue: Sendable, Hashable {
    case string(String)
    case integer(Int64)
    case float(Double)
    case bool(Bool)
    case null
    case array([RuleTestValue])
    case object([Member])

    /// One key and value of an object.
    public struct Member: Sendable, Hashable {
        public var key: String
        public var value: RuleTestValue

        public init(_ key: String, _ value: RuleTestValue) {
            self.key = key
            self.value = value
        }
    }
}
