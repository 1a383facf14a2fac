import DetectCore
import DetectRules
import Testing

/// A parsing table with a case for every modifier: valid chains give the expected typed item, invalid ones the
/// expected diagnostic codes.
struct ModifierTests {
    /// Loads `selection: {key: value}` and returns the item (if the rule loaded) and the diagnostic codes.
    static func item(_ key: String, _ value: String) -> (DetectionItem?, [String]) {
        let yaml = TestSupport.rule(
            """
                selection:
                    \(key): \(value)
                condition: selection
            """)
        let (set, diagnostics) = TestSupport.load(yaml)
        return (set.rules.first?.detection.identifiers.first?.maps.first?.items.first, diagnostics.map(\.code))
    }

    static let valid: [(String, String, String)] = [
        ("f", "abc", "f: ['abc']"),
        ("f", "'a*c'", "f: ['a*c']"),
        ("f", "[a, b]", "f: ['a', 'b']"),
        ("f", "4688", "f: [4688]"),
        ("f", "'4688'", "f: ['4688']"),
        ("f", "0x1F", "f: [31]"),
        ("f", "2.5", "f: [2.5]"),
        ("f", "true", "f: [true]"),
        ("f", "yes", "f: ['yes']"),
        ("f", "null", "f: [null]"),
        ("f", "''", "f: ['']"),
        ("f|contains", "abc", "f|contains: ['abc']"),
        ("f|contains", "4688", "f|contains: ['4688']"),
        ("f|startswith", "abc", "f|startswith: ['abc']"),
        ("f|endswith", #"'\cmd.exe'"#, #"f|endswith: ['\cmd.exe']"#),
        ("f|contains|all", "[a, b]", "f|contains|all: ['a', 'b']"),
        ("f|all|contains", "[a, b]", "f|all|contains: ['a', 'b']"),
        ("f|exists", "true", "f|exists: [true]"),
        ("f|exists", "false", "f|exists: [false]"),
        ("f|cased", "AbC", "f|cased: ['AbC']"),
        ("f|contains|cased", "AbC", "f|contains|cased: ['AbC']"),
        ("f|neq", "x", "f|neq: ['x']"),
        ("f|neq", "4", "f|neq: [4]"),
        ("f|contains|windash", "' -enc '", "f|contains|windash: [' -enc ']"),
        ("f|windash|contains", "' /c '", "f|windash|contains: [' /c ']"),
        ("f|re", #"'^a.*\d{2,}$'"#, #"f|re: [/^a.*\d{2,}$/]"#),
        ("f|re|i", "abc", "f|re|i: [/abc/i]"),
        ("f|re|m", "abc", "f|re|m: [/abc/m]"),
        ("f|re|s", "abc", "f|re|s: [/abc/s]"),
        ("f|re|i|m|s", "abc", "f|re|i|m|s: [/abc/ims]"),
        ("f|re|ignorecase|multiline|dotall", "abc", "f|re|ignorecase|multiline|dotall: [/abc/ims]"),
        ("f|re|neq", "abc", "f|re|neq: [/abc/]"),
        ("f|re", "123", "f|re: [/123/]"),
        ("f|base64", "abc", "f|base64: ['abc']"),
        ("f|base64|contains", "abc", "f|base64|contains: ['abc']"),
        ("f|base64offset|contains", "abc", "f|base64offset|contains: ['abc']"),
        ("f|utf16le|base64offset|contains", "abc", "f|utf16le|base64offset|contains: ['abc']"),
        ("f|wide|base64offset|contains", "abc", "f|wide|base64offset|contains: ['abc']"),
        ("f|utf16be|base64|contains", "abc", "f|utf16be|base64|contains: ['abc']"),
        ("f|utf16|base64", "abc", "f|utf16|base64: ['abc']"),
        ("f|wide", "abc", "f|wide: ['abc']"),
        ("f|lt", "5", "f|lt: [5]"),
        ("f|lte", "2.5", "f|lte: [2.5]"),
        ("f|gt", "'10'", "f|gt: [10]"),
        ("f|gte", "-3", "f|gte: [-3]"),
        ("f|minute", "59", "f|minute: [59]"),
        ("f|hour", "3", "f|hour: [3]"),
        ("f|day", "31", "f|day: [31]"),
        ("f|week", "52", "f|week: [52]"),
        ("f|month", "12", "f|month: [12]"),
        ("f|year", "2025", "f|year: [2025]"),
        ("f|hour|gte", "22", "f|hour|gte: [22]"),
        ("f|hour|neq", "3", "f|hour|neq: [3]"),
        ("f|cidr", "10.0.0.0/8", "f|cidr: [cidr(10.0.0.0/8)]"),
        (
            "f|cidr", "['10.0.0.0/8', '2001:db8::/32']",
            "f|cidr: [cidr(10.0.0.0/8), cidr(2001:db8:0:0:0:0:0:0/32)]"
        ),
        ("f|cidr|neq", "192.168.0.0/16", "f|cidr|neq: [cidr(192.168.0.0/16)]"),
        ("f|expand", "'%Servers%'", "f|expand: ['%Servers%']"),
        ("f|contains|expand", "'%known_cdcs%'", "f|contains|expand: ['%known_cdcs%']"),
        ("f|endswith|expand", "'%dynamic_dns_suffixes%'", "f|endswith|expand: ['%dynamic_dns_suffixes%']"),
        ("f|cidr|expand", "'%tor_nodes%'", "f|cidr|expand: ['%tor_nodes%']"),
        ("f|fieldref", "other.field", "f|fieldref: [fieldref(other.field)]"),
        ("f|fieldref|neq", "other", "f|fieldref|neq: [fieldref(other)]"),
        ("f|fieldref|startswith", "other", "f|fieldref|startswith: [fieldref(other)]"),
        ("'|all'", "[a, b]", "|all: ['a', 'b']"),
        ("'|re'", "'a.c'", "|re: [/a.c/]"),
    ]

    @Test("every modifier parses into a typed item", arguments: valid)
    func parses(key: String, value: String, expected: String) {
        let (item, codes) = Self.item(key, value)
        #expect(item?.description == expected, "codes: \(codes)")
        #expect(!codes.contains { $0.hasPrefix("rule.modifier") && $0 != "rule.modifier.redundant" })
    }

    static let invalid: [(String, String, [String])] = [
        ("f|contans", "x", ["rule.modifier.unknown"]),
        ("f|Contains", "x", ["rule.modifier.unknown"]),
        ("f||contains", "x", ["rule.modifier.unknown"]),
        ("f|re|x", "a", ["rule.modifier.regex-flag"]),
        ("f|re|i|g", "a", ["rule.modifier.regex-flag"]),
        ("f|i", "a", ["rule.modifier.regex-flag"]),
        ("f|i|re", "a", ["rule.modifier.regex-flag"]),
        ("f|contains|i", "a", ["rule.modifier.regex-flag"]),
        ("f|cidr", "10.0.0/8", ["rule.value.cidr"]),
        ("f|cidr", "300.0.0.0/8", ["rule.value.cidr"]),
        ("f|cidr", "example.com", ["rule.value.cidr"]),
        ("f|cidr", "null", ["rule.value.null"]),
        ("f|gt", "abc", ["rule.value.number"]),
        ("f|lte", "true", ["rule.value.number"]),
        ("f|hour", "25", ["rule.value.number"]),
        ("f|month", "0", ["rule.value.number"]),
        ("f|minute", "1.5", ["rule.value.number"]),
        ("f|exists", "yes", ["rule.value.bool"]),
        ("f|exists", "'true'", ["rule.value.bool"]),
        ("f|exists", "[true, false]", ["rule.value.bool"]),
        ("f|exists|contains", "true", ["rule.modifier.conflict"]),
        ("f|contains|startswith", "x", ["rule.modifier.conflict"]),
        ("f|re|contains", "x", ["rule.modifier.conflict"]),
        ("f|re|windash", "x", ["rule.modifier.conflict"]),
        ("f|cidr|contains", "10.0.0.0/8", ["rule.modifier.conflict"]),
        ("f|cidr|re", "x", ["rule.modifier.conflict"]),
        ("f|gt|lt", "5", ["rule.modifier.conflict"]),
        ("f|gt|contains", "5", ["rule.modifier.conflict"]),
        ("f|neq|gt", "3", ["rule.modifier.conflict"]),
        ("f|hour|day", "3", ["rule.modifier.conflict"]),
        ("f|fieldref|re", "x", ["rule.modifier.conflict"]),
        ("f|fieldref|base64", "x", ["rule.modifier.conflict"]),
        ("f|base64|base64offset", "x", ["rule.modifier.conflict"]),
        ("f|wide|utf16be", "x", ["rule.modifier.conflict"]),
        ("f|contains|base64offset", "x", ["rule.modifier.order"]),
        ("f|windash|base64", "x", ["rule.modifier.order"]),
        ("f|base64|wide", "x", ["rule.modifier.order"]),
        ("f|gte|hour", "3", ["rule.modifier.order"]),
        ("f|base64|contains", "'a*'", ["rule.value.wildcard"]),
        ("f|fieldref", "'a*'", ["rule.value.wildcard"]),
        ("f|fieldref", "''", ["rule.value.fieldref"]),
        ("'|exists'", "true", ["rule.modifier.field-required"]),
        ("'|cidr'", "10.0.0.0/8", ["rule.modifier.field-required"]),
        ("'|gt'", "3", ["rule.modifier.field-required"]),
        ("f|re|expand", "'%x%'", ["rule.modifier.unsupported"]),
        ("f|expand|base64", "'%x%'", ["rule.modifier.unsupported"]),
        ("f|contains", "null", ["rule.value.null"]),
        ("f|contains", "true", ["rule.value.type"]),
        ("f", "{a: b}", ["rule.value.type"]),
        ("f", "[a, [b]]", ["rule.value.type"]),
        ("f|contains", "[]", ["rule.value.type"]),
    ]

    @Test("invalid chains and values are diagnosed with stable codes", arguments: invalid)
    func rejects(key: String, value: String, codes: [String]) {
        let (item, found) = Self.item(key, value)
        #expect(item == nil)
        #expect(found == codes)
    }

    static let warnings: [(String, String, [String])] = [
        ("f|cidr", "10.1.2.3/8", ["rule.value.cidr-host-bits"]),
        ("f|contains|contains", "x", ["rule.modifier.duplicate"]),
        ("f|re|cased", "x", ["rule.modifier.redundant"]),
        ("f|contains|all", "x", ["rule.value.all-single"]),
        ("f", "[a, null]", ["rule.value.null-mixed"]),
        ("f", "[]", ["rule.value.empty-list"]),
        ("f|expand", "abc", ["rule.value.placeholder"]),
    ]

    @Test("questionable but usable items load with a warning", arguments: warnings)
    func warns(key: String, value: String, codes: [String]) {
        let (item, found) = Self.item(key, value)
        #expect(item != nil)
        #expect(found == codes)
    }

    @Test("the registry maps every name and alias to its case")
    func registry() {
        for modifier in Modifier.allCases { #expect(Modifier(name: modifier.rawValue) == modifier) }
        #expect(Modifier(name: "wide") == .utf16le)
        #expect(Modifier(name: "ignorecase") == .ignoreCase)
        #expect(Modifier(name: "multiline") == .multiline)
        #expect(Modifier(name: "dotall") == .dotAll)
        #expect(Modifier(name: "CONTAINS") == nil)
        #expect(Modifier.registry.count == Modifier.allCases.count + 4)
    }

    @Test("derived semantics describe the chain for the compiler")
    func semantics() throws {
        let (contains, _) = Self.item("f|wide|base64offset|contains|all", "[a, b]")
        let item = try #require(contains)
        #expect(item.stringPosition == .contains)
        #expect(item.encodings == [.utf16le, .base64Offset])
        #expect(item.valueLinking == .all)
        #expect(item.matchKind == .string)
        let (numeric, _) = Self.item("f|hour|gte", "22")
        #expect(numeric?.matchKind == .numeric)
        #expect(numeric?.comparison == .gte)
        #expect(numeric?.timePart == .hour)
        let (negated, _) = Self.item("f|cidr|neq", "10.0.0.0/8")
        #expect(negated?.isNegated == true)
        #expect(negated?.matchKind == .network)
        let (regex, _) = Self.item("f|re|i", "x")
        #expect(regex?.matchKind == .regex)
        guard case .regex(let value)? = regex?.values.first?.kind else {
            Issue.record("expected a regex value")
            return
        }
        #expect(value.flags == .ignoreCase)
    }

    @Test("modifier diagnostics point at the modifier inside the key")
    func modifierColumn() throws {
        let yaml = """
            title: t
            logsource: {category: proxy}
            detection:
                selection:
                    CommandLine|contains|alll: x
                condition: selection
            """
        let (_, diagnostics) = TestSupport.load(yaml)
        let diagnostic = try #require(diagnostics.first)
        #expect(diagnostic.code == "rule.modifier.unknown")
        #expect(diagnostic.location.line == 5)
        #expect(diagnostic.location.column == 30)
        #expect(diagnostic.message.contains("did you mean `all`?"))
    }
}
