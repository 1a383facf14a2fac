import DetectCore
import DetectEngine
import DetectJSON
import DetectMatch
import DetectRules
import Testing

/// The evaluation API: dataset routing, what a match reports, events built by the normalizer (entries,
/// object entries, derived values), escaped strings, scratch reuse.
struct EvaluatorTests {
    static let pipeline = """
        name: routes
        transformations:
            - type: logsource_dataset
              logsource: {category: proxy}
              datasets: [http_requests, gateway_http]
            - type: logsource_dataset
              logsource: {category: dns}
              datasets: [gateway_dns]
        """

    /// Three rules: proxy (routed), dns (routed), and an unmapped logsource (every event).
    static func routedSet() -> CompiledRuleSet {
        let proxy = EngineTestSupport.rule(
            "    selection:\n        a: 'x'\n    condition: selection", id: "00000000-0000-4000-8000-000000000001",
            title: "proxy", logsource: "    category: proxy")
        let dns = EngineTestSupport.rule(
            "    selection:\n        a: 'x'\n    condition: selection", id: "00000000-0000-4000-8000-000000000002",
            title: "dns", logsource: "    category: dns")
        let any = EngineTestSupport.rule(
            "    selection:\n        a: 'x'\n    condition: selection", id: "00000000-0000-4000-8000-000000000003",
            title: "unmapped", logsource: "    product: windows")
        let yaml = [proxy, dns, any].joined(separator: "\n---\n")
        return EngineTestSupport.compile(yaml, pipelines: EngineTestSupport.pipelines(Self.pipeline)).0
    }

    @Test("rules run only on the datasets their logsource maps to; unmapped rules run on every event")
    func routing() throws {
        let compiled = Self.routedSet()
        #expect(compiled.datasets == ["gateway_dns", "gateway_http", "http_requests"])
        let event = #"{"a":"x"}"#
        #expect(
            try EngineTestSupport.evaluate(compiled, event, dataset: "http_requests").map(\.title) == [
                "proxy", "unmapped",
            ])
        #expect(
            try EngineTestSupport.evaluate(compiled, event, dataset: "gateway_dns").map(\.title) == ["dns", "unmapped"])
        #expect(
            try EngineTestSupport.evaluate(compiled, event, dataset: "firewall_events").map(\.title) == ["unmapped"])
        #expect(try EngineTestSupport.evaluate(compiled, event, dataset: nil).map(\.title) == ["unmapped"])
        #expect(compiled.ruleIndices(forDataset: "gateway_http") == [0, 2])
    }

    @Test("without a dataset argument, the event's own event.dataset routes it")
    func datasetFromEvent() throws {
        let compiled = Self.routedSet()
        var scratch = EvaluationScratch()
        let nested = try EngineTestSupport.event(#"{"a":"x","event":{"dataset":"gateway_dns"}}"#)
        #expect(compiled.evaluate(nested, scratch: &scratch).map(\.title) == ["dns", "unmapped"])
        var built = Event()
        built.setString(FieldRegistry.shared.id("event.dataset"), "http_requests")
        built.setString(FieldRegistry.shared.id("a"), "x")
        #expect(compiled.evaluate(built, scratch: &scratch).map(\.title) == ["proxy", "unmapped"])
    }

    @Test("a match reports the selection, field and value that matched")
    func witness() throws {
        let detection = """
                filter:
                    b: 'skip'
                selection_ua:
                    user_agent.original|contains: 'sqlmap'
                selection_path:
                    url.path|endswith: '.php'
                condition: not filter and 1 of selection_*
            """
        let compiled = EngineTestSupport.compile(EngineTestSupport.rule(detection)).0
        let matches = try EngineTestSupport.evaluate(
            compiled, #"{"user_agent":{"original":["curl","SQLMap/1.7"]},"url":{"path":"/x.php"}}"#)
        #expect(matches.count == 1)
        let match = try #require(matches.first)
        #expect(match.selection == "selection_ua")
        #expect(match.field == "user_agent.original")
        #expect(match.value == "SQLMap/1.7")
        #expect(match.ruleID == "00000000-0000-4000-8000-000000000001")
        #expect(match.title == "Test rule")
        #expect(match.ruleIndex == 0)
    }

    @Test("a keyword match reports the string and no field; a null test reports no value")
    func witnessKinds() throws {
        let keyword = EngineTestSupport.compile(
            EngineTestSupport.rule("    keywords:\n        - 'evil'\n    condition: keywords")
        ).0
        let match = try #require(try EngineTestSupport.evaluate(keyword, #"{"x":{"y":"so evil"}}"#).first)
        #expect(match.selection == "keywords")
        #expect(match.field == nil)
        #expect(match.value == "so evil")
        let null = EngineTestSupport.compile(
            EngineTestSupport.rule("    selection:\n        a: null\n    condition: selection")
        ).0
        let nullMatch = try #require(try EngineTestSupport.evaluate(null, #"{"b":1}"#).first)
        #expect(nullMatch.field == "a")
        #expect(nullMatch.value == nil)
        let negated = EngineTestSupport.compile(
            EngineTestSupport.rule("    selection:\n        a: 'x'\n    condition: not selection")
        ).0
        let negatedMatch = try #require(try EngineTestSupport.evaluate(negated, #"{"b":1}"#).first)
        #expect(negatedMatch.selection == nil)
    }

    @Test("fields set by the normalizer, object entries (cloudflare.*) and derived numbers are matched")
    func normalizedEvent() throws {
        let detection = """
                selection:
                    source.ip|cidr: '192.0.2.0/24'
                    cloudflare.ClientRequestHost|endswith: '.example.com'
                    http.response.status_code: 404
                    http.response.bytes|gt: 100
                condition: selection
            """
        let compiled = EngineTestSupport.compile(EngineTestSupport.rule(detection)).0
        var event = Event()
        event.setString(FieldRegistry.shared.id("source.ip"), "192.0.2.7")
        event.setInteger(FieldRegistry.shared.id("http.response.status_code"), 404)
        event.setFloat(FieldRegistry.shared.id("http.response.bytes"), 512.5)
        let raw = Array(#"{"ClientRequestHost":"www.EXAMPLE.com","ClientIP":"192.0.2.7"}"#.utf8)
        let object = try raw.withUnsafeBytes { try JSONParser().parseObject($0, into: &event.tape) }
        event.set(FieldRegistry.shared.id("cloudflare"), node: object)
        var scratch = EvaluationScratch()
        let matches = compiled.evaluate(event, dataset: nil, scratch: &scratch)
        #expect(matches.count == 1)
        #expect(matches.first?.value == "192.0.2.7")
    }

    @Test("escaped strings are decoded, in values and in keys")
    func escapes() throws {
        let detection = "    selection:\n        path|contains: 'a\"b\\c'\n        key.x: 'é'\n    condition: selection"
        let compiled = EngineTestSupport.compile(EngineTestSupport.rule(detection)).0
        let event = #"{"path":"x a\"b\\c y","k\u0065y":{"x":"\u00e9"}}"#
        let match = try #require(try EngineTestSupport.evaluate(compiled, event).first)
        #expect(match.value == #"x a"b\c y"#)
    }

    @Test("one scratch serves many events: nothing leaks from one event to the next")
    func scratchReuse() throws {
        let detection =
            "    selection:\n        a: 'x'\n    keywords:\n        - 'kw'\n    condition: selection or keywords"
        let compiled = EngineTestSupport.compile(EngineTestSupport.rule(detection)).0
        var scratch = EvaluationScratch()
        let hit = try EngineTestSupport.event(#"{"a":"x","b":"kw"}"#)
        let miss = try EngineTestSupport.event(#"{"a":"y","b":"no"}"#)
        for round in 0..<100 {
            let matches = compiled.evaluate(round % 2 == 0 ? hit : miss, dataset: nil, scratch: &scratch)
            #expect(matches.count == (round % 2 == 0 ? 1 : 0))
        }
    }

    @Test("matches are appended in rule order to a reused array")
    func appendInto() throws {
        let yaml = (1...3).map { index in
            EngineTestSupport.rule(
                "    selection:\n        a: 'x'\n    condition: selection",
                id: "00000000-0000-4000-8000-00000000000\(index)",
                title: "rule \(index)")
        }.joined(separator: "\n---\n")
        let compiled = EngineTestSupport.compile(yaml).0
        var scratch = EvaluationScratch()
        var matches: [RuleMatch] = []
        let event = try EngineTestSupport.event(#"{"a":"x"}"#)
        compiled.evaluate(event, dataset: nil, scratch: &scratch, into: &matches)
        compiled.evaluate(event, dataset: nil, scratch: &scratch, into: &matches)
        #expect(matches.map(\.ruleIndex) == [0, 1, 2, 0, 1, 2])
    }

    @Test("a regular expression that hits a limit counts as no match and is counted")
    func regexLimit() throws {
        let detection = "    selection:\n        a|re: '(a+)+$'\n    condition: selection"
        let compiled = EngineTestSupport.compile(EngineTestSupport.rule(detection)).0
        var scratch = EvaluationScratch(regexLimits: RegexLimits(matchLimit: 1_000))
        let event = try EngineTestSupport.event(#"{"a":"\#(String(repeating: "a", count: 40))b"}"#)
        #expect(compiled.evaluate(event, dataset: nil, scratch: &scratch).isEmpty)
        #expect(scratch.regexLimitHits == 1)
    }

    @Test("filters: the rule matches only when the filter's condition does not")
    func filters() throws {
        let yaml =
            EngineTestSupport.rule("    selection:\n        a: 'x'\n    condition: selection")
                + """

                ---
                title: Filter admins
                id: 00000000-0000-4000-8000-0000000000f1
                logsource:
                    category: proxy
                filter:
                    rules:
                        - 00000000-0000-4000-8000-000000000001
                    selection:
                        user|startswith: 'adm_'
                    condition: selection
                """
        let compiled = EngineTestSupport.compile(yaml).0
        #expect(compiled.rules.first?.filterNames == ["00000000-0000-4000-8000-0000000000f1"])
        #expect(try EngineTestSupport.evaluate(compiled, #"{"a":"x","user":"adm_bob"}"#).isEmpty)
        #expect(try EngineTestSupport.evaluate(compiled, #"{"a":"x","user":"bob"}"#).count == 1)
    }

    @Test("fields mapped to several names match on any of them")
    func multiFieldMapping() throws {
        let pipelines = EngineTestSupport.pipelines(
            """
            name: p
            transformations:
                - type: field_name_mapping
                  mapping:
                      cs-host: [url.domain, destination.address]
            """)
        let yaml = EngineTestSupport.rule(
            "    selection:\n        cs-host|endswith: '.onion'\n    condition: selection")
        let compiled = EngineTestSupport.compile(yaml, pipelines: pipelines).0
        let match = try #require(
            try EngineTestSupport.evaluate(compiled, #"{"destination":{"address":"x.onion"}}"#).first)
        #expect(match.field == "destination.address")
        #expect(compiled.referencedFields == ["destination.address", "url.domain"])
    }
}
