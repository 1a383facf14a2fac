import DetectCore
import DetectRules
import Foundation
import Testing

struct ProcessingPipelineTests {
    static let pipeline = """
        name: Cloudflare ECS
        priority: 20
        vars:
            Servers: [10.0.0.1, 10.0.0.2]
        transformations:
            - id: proxy_fields
              type: field_name_mapping
              mapping:
                  c-useragent: user_agent.original
                  cs-host: [url.domain, destination.domain]
                  c-uri: url.original
              rule_conditions:
                  - type: logsource
                    category: proxy
            - id: dns_fields
              type: field_name_mapping
              mapping:
                  query: dns.question.name
              rule_conditions:
                  - type: logsource
                    category: dns
                  - type: logsource
                    product: zeek
                    service: dns
              rule_cond_op: or
            - type: logsource_dataset
              logsource: {category: proxy}
              datasets: [http_requests, gateway_http]
            - type: logsource_dataset
              logsource: {category: dns}
              datasets: gateway_dns
            - type: value_placeholders
              include: [Servers]
            - type: ioc_list_placeholders
              lists:
                  tor: tor_nodes
        """

    static func rule(category: String, _ detection: String) -> SigmaRule? {
        let yaml = "title: r\nlogsource: {category: \(category)}\ndetection:\n\(detection)\nfields: [c-uri]\n"
        return TestSupport.load(yaml).0.rules.first
    }

    @Test("a pipeline loads with its transformations")
    func loads() throws {
        let (set, diagnostics) = TestSupport.load(Self.pipeline, file: "pipeline.yml")
        #expect(diagnostics.isEmpty, "\(diagnostics)")
        let pipeline = try #require(set.pipelines.first)
        #expect(pipeline.name == "Cloudflare ECS")
        #expect(pipeline.priority == 20)
        #expect(pipeline.transformations.count == 6)
        #expect(pipeline.transformations[0].id == "proxy_fields")
        #expect(pipeline.transformations[1].conditionLinking == .or)
        #expect(pipeline.vars["Servers"] == ["10.0.0.1", "10.0.0.2"])
    }

    @Test("field mappings rename items, field references and `fields`, per logsource")
    func appliesMappings() throws {
        let pipeline = try #require(TestSupport.load(Self.pipeline).0.pipelines.first)
        let proxy = try #require(
            Self.rule(
                category: "proxy",
                """
                    sel:
                        c-useragent|contains: sqlmap
                        cs-host: example.com
                        c-uri|fieldref: c-useragent
                    condition: sel
                """))
        let (mapped, diagnostics) = pipeline.apply(to: proxy)
        #expect(diagnostics.isEmpty)
        let items = try #require(mapped.detection.identifiers.first?.maps.first?.items)
        #expect(
            items.map(\.description) == [
                "user_agent.original|contains: ['sqlmap']",
                "{url.domain,destination.domain}: ['example.com']",
                "url.original|fieldref: [fieldref(user_agent.original)]",
            ])
        #expect(items[1].field?.originalName == "cs-host")
        #expect(mapped.fields.map(\.name) == ["url.original"])

        // The proxy mapping does not apply to a dns rule; the dns mapping applies through `rule_cond_op: or`.
        let dns = try #require(Self.rule(category: "dns", "    sel: {query: x, c-uri: y}\n    condition: sel"))
        let (mappedDNS, _) = pipeline.apply(to: dns)
        #expect(
            mappedDNS.detection.identifiers[0].maps[0].items.map { $0.field?.name }
                == ["dns.question.name", "c-uri"])
    }

    @Test("a field reference mapped to several fields uses the first, with a warning")
    func fieldrefToSeveral() throws {
        let pipeline = try #require(TestSupport.load(Self.pipeline).0.pipelines.first)
        let rule = try #require(Self.rule(category: "proxy", "    sel: {a|fieldref: cs-host}\n    condition: sel"))
        let (mapped, diagnostics) = pipeline.apply(to: rule)
        #expect(diagnostics.map(\.code) == ["pipeline.mapping.fieldref"])
        #expect(mapped.detection.identifiers[0].maps[0].items[0].values[0].kind == .fieldReference("url.domain"))
    }

    @Test("logsources map to datasets; unmapped logsources give nil")
    func datasets() throws {
        let pipeline = try #require(TestSupport.load(Self.pipeline).0.pipelines.first)
        let here = SourceLocation(file: "x", line: 1, column: 1)
        #expect(
            pipeline.datasets(for: LogSource(category: "proxy", location: here)) == ["http_requests", "gateway_http"])
        #expect(
            pipeline.datasets(for: LogSource(category: "proxy", product: "zscaler", location: here))
                == ["http_requests", "gateway_http"])
        #expect(pipeline.datasets(for: LogSource(category: "dns", location: here)) == ["gateway_dns"])
        #expect(pipeline.datasets(for: LogSource(category: "process_creation", location: here)) == nil)
        #expect([pipeline, pipeline].datasets(for: LogSource(category: "dns", location: here)) == ["gateway_dns"])
    }

    @Test("placeholders bind to vars or IOC lists")
    func placeholders() throws {
        let pipeline = try #require(TestSupport.load(Self.pipeline).0.pipelines.first)
        let here = LogSource(category: "proxy", location: SourceLocation(file: "x", line: 1, column: 1))
        #expect(pipeline.placeholderBinding(for: "Servers", logsource: here) == .values(["10.0.0.1", "10.0.0.2"]))
        #expect(pipeline.placeholderBinding(for: "tor", logsource: here) == .iocList("tor_nodes"))
        #expect(pipeline.placeholderBinding(for: "unbound", logsource: here) == nil)
    }

    @Test("pipelines run in priority order")
    func priorityOrder() throws {
        let (set, _) = TestSupport.load(
            """
            name: second
            priority: 20
            transformations: [{type: field_name_mapping, mapping: {b: c}}]
            ---
            name: first
            priority: 10
            transformations: [{type: field_name_mapping, mapping: {a: b}}]
            """)
        #expect(set.pipelines.sortedByPriority.map(\.name) == ["first", "second"])
        let rule = try #require(Self.rule(category: "x", "    sel: {a: 1}\n    condition: sel"))
        let (mapped, _) = set.pipelines.apply(to: rule)
        #expect(mapped.detection.identifiers[0].maps[0].items[0].field?.name == "c")
    }

    static let invalid: [(String, [String])] = [
        (
            "name: p\ntransformations: [{type: add_condition, conditions: {a: b}}]",
            ["pipeline.transformation.unsupported"]
        ),
        (
            "name: p\ntransformations: [{type: field_name_mappin, mapping: {a: b}}]",
            ["pipeline.transformation.type.unknown"]
        ),
        ("name: p\ntransformations: [{type: field_name_mapping}]", ["pipeline.transformation.invalid"]),
        (
            "name: p\ntransformations: [{type: field_name_mapping, mapping: {a: []}}]",
            ["pipeline.transformation.invalid"]
        ),
        (
            "name: p\ntransformations: [{type: logsource_dataset, logsource: {category: proxy}}]",
            ["pipeline.transformation.invalid"]
        ),
        (
            "name: p\ntransformations: [{type: logsource_dataset, logsource: {}, datasets: [x]}]",
            ["pipeline.condition.invalid"]
        ),
        (
            "name: p\ntransformations: [{type: value_placeholders, include: [a], exclude: [b]}]",
            ["pipeline.transformation.invalid"]
        ),
        (
            "name: p\ntransformations: [{type: field_name_mapping, mapping: {a: b}, rule_conditions: [{type: "
                + "include_fields}]}]",
            ["pipeline.condition.unsupported"]
        ),
        (
            "name: p\ntransformations: [{type: field_name_mapping, mapping: {a: b}, field_name_conditions: []}]",
            ["pipeline.condition.unsupported"]
        ),
        ("name: p\npriority: high\ntransformations: []", ["pipeline.priority.invalid"]),
        ("name: p\nvars: [a]\ntransformations: []", ["pipeline.vars.invalid"]),
        ("name: p\ntransformations: {a: b}", ["pipeline.transformations.missing"]),
    ]

    @Test("invalid pipelines are diagnosed and skipped", arguments: invalid)
    func rejects(yaml: String, codes: [String]) {
        let (set, diagnostics) = TestSupport.load(yaml)
        #expect(set.pipelines.isEmpty)
        #expect(diagnostics.filter { $0.severity == .error }.map(\.code) == codes)
    }

    @Test("unknown keys and a missing name are warnings")
    func warnings() {
        let (set, diagnostics) = TestSupport.load(
            "priority: 1\npostprocessing: []\ntransformations: [{type: value_placeholders, extra: 1}]")
        #expect(set.pipelines.count == 1)
        #expect(diagnostics.map(\.code) == ["pipeline.name.missing", "pipeline.key.unknown", "pipeline.key.unknown"])
    }

    @Test("loadPipelines reports non-pipeline documents")
    func loadPipelinesOnly() throws {
        let path = TestSupport.packageRoot.appendingPathComponent("Fixtures/rules/valid/pipeline_cloudflare.yml").path
        let (pipelines, diagnostics) = RuleLoader().loadPipelines(paths: [path])
        #expect(diagnostics.isEmpty, "\(diagnostics)")
        #expect(pipelines.count == 1)
        let rulePath = TestSupport.packageRoot.appendingPathComponent("Fixtures/rules/valid/proxy_basic.yml").path
        let (none, errors) = RuleLoader().loadPipelines(paths: [rulePath])
        #expect(none.isEmpty)
        #expect(errors.map(\.code) == ["document.kind.unknown"])
    }
}
