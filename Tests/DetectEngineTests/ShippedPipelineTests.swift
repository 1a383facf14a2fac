import DetectCore
import DetectECS
import DetectEngine
import DetectJSON
import DetectRules
import Foundation
import Testing

/// The shipped pipeline `Rules/pipelines/cloudflare-ecs.yml`: it loads cleanly, names only real datasets,
/// declares every field the normalizer writes, and maps the logsources and fields of the SigmaHQ rules listed in
/// `../shared/sigma-corpus/RELEVANT.txt` (skipped with a notice when `../shared` is absent).
struct ShippedPipelineTests {
    /// The package root, from this file's path (Tests/DetectEngineTests/ShippedPipelineTests.swift).
    static let packageRoot = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    static let pipelinePath = Self.packageRoot.appendingPathComponent("Rules/pipelines/cloudflare-ecs.yml").path
    static let corpusRoot = Self.packageRoot.deletingLastPathComponent().appendingPathComponent("shared/sigma-corpus")

    /// The shipped pipeline, loaded; records an issue (and returns `nil`) when it does not load cleanly.
    static func pipeline() -> ProcessingPipeline? {
        let (pipelines, diagnostics) = RuleLoader().loadPipelines(paths: [Self.pipelinePath])
        #expect(diagnostics.isEmpty, "\(diagnostics.map(\.description))")
        #expect(pipelines.count == 1)
        return pipelines.first
    }

    /// The rules of RELEVANT.txt by section (`proxy`, `zeek/dns`, ...), or `nil` without `../shared`.
    static func relevantRules() throws -> [(section: String, path: String)]? {
        let list = Self.corpusRoot.appendingPathComponent("RELEVANT.txt").path
        guard FileManager.default.fileExists(atPath: list) else {
            print("skipped: ../shared/sigma-corpus not found")
            return nil
        }
        var section = ""
        var rules: [(section: String, path: String)] = []
        for line in try String(contentsOfFile: list, encoding: .utf8).split(separator: "\n") {
            if line.hasPrefix("## ") {
                section = String(line.dropFirst(3).prefix { $0 != " " })
            } else if !line.hasPrefix("#"), !line.trimmingCharacters(in: .whitespaces).isEmpty {
                rules.append((section, Self.corpusRoot.appendingPathComponent(String(line)).path))
            }
        }
        return rules
    }

    @Test("the pipeline loads without a diagnostic and maps logsources to real datasets only")
    func loadsAndNamesRealDatasets() throws {
        let pipeline = try #require(Self.pipeline())
        #expect(pipeline.priority == 20)
        var named: Set<String> = []
        for transformation in pipeline.transformations {
            guard case .logsourceDatasets(_, let datasets) = transformation.action else { continue }
            for dataset in datasets {
                #expect(CloudflareDataset(rawValue: dataset) != nil, "unknown dataset \(dataset)")
                named.insert(dataset)
            }
        }
        // `product: cloudflare, service: <dataset>` selects exactly that dataset, for every dataset.
        let location = SourceLocation(file: "test.yml", line: 1, column: 1)
        for dataset in CloudflareDataset.allCases {
            let logsource = LogSource(product: "cloudflare", service: dataset.rawValue, location: location)
            #expect(pipeline.datasets(for: logsource) == [dataset.rawValue], "\(dataset.rawValue)")
        }
        // The taxonomies of the issue, and the ones the pipeline deliberately leaves out.
        let expected: [(category: String, datasets: [String])] = [
            ("proxy", ["gateway_http", "http_requests", "sinkhole_http_logs"]),
            ("webserver", ["http_requests"]),
            ("dns", ["gateway_dns"]),
            ("dns_query", ["gateway_dns"]),
            ("firewall", ["gateway_network", "network_analytics_logs"]),
            ("network_connection", ["gateway_network", "zero_trust_network_sessions"]),
        ]
        for (category, datasets) in expected {
            let logsource = LogSource(category: category, product: "windows", location: location)
            #expect(pipeline.datasets(for: logsource) == datasets, "\(category)")
        }
        #expect(pipeline.datasets(for: LogSource(category: "process_creation", location: location)) == nil)
        #expect(pipeline.datasets(for: LogSource(product: "cloudflare", location: location)) == nil)
        #expect(named.count == CloudflareDataset.allCases.count)
    }

    @Test("every field the normalizer writes for the sample records is declared in ecs_fields")
    func declaresWhatTheNormalizerWrites() throws {
        let pipeline = try #require(Self.pipeline())
        #expect(pipeline.declaredFields.count > 150)
        #expect(pipeline.declares("cloudflare.ClientRequestURI"))
        guard FileManager.default.fileExists(atPath: PublicSuffixList.defaultPath) else {
            print("skipped: \(PublicSuffixList.defaultPath) not found (Debian package publicsuffix)")
            return
        }
        var normalizer = ECSNormalizer(publicSuffixList: try PublicSuffixList())
        var event = Event()
        var writer = JSONWriter()
        var scratch = EventWriterScratch()
        let table = FieldRegistry.shared.table()
        var records = 0
        var undeclared: [String: String] = [:]
        for dataset in CloudflareDataset.allCases {
            let sample = Self.packageRoot.appendingPathComponent(
                "Fixtures/cloudflare/\(dataset.rawValue)/\(dataset.rawValue).ndjson")
            guard let text = try? String(contentsOf: sample, encoding: .utf8) else { continue }
            for line in text.split(separator: "\n") where !line.isEmpty {
                var bytes = Array(line.utf8)
                let record = try bytes.withUnsafeMutableBytes { raw in
                    try normalizer.normalize(UnsafeRawBufferPointer(raw), into: &event)
                }
                guard case .cloudflare = record else { continue }
                records += 1
                writer.output.removeAll(keepingCapacity: true)
                writer.writeEvent(event, table: table, scratch: &scratch)
                var paths: Set<String> = []
                Self.leafPaths(try JSONSerialization.jsonObject(with: Data(writer.output)), prefix: "", into: &paths)
                for path in paths where !pipeline.declares(path) { undeclared[path] = dataset.rawValue }
            }
        }
        #expect(records >= 200)
        #expect(undeclared.isEmpty, "written but not in ecs_fields: \(undeclared.sorted { $0.key < $1.key })")
    }

    @Test("RELEVANT.txt: every logsource is mapped and every field maps to a declared field")
    func mapsTheRelevantRules() throws {
        guard let relevant = try Self.relevantRules() else { return }
        #expect(relevant.count == 194)
        let pipeline = try #require(Self.pipeline())
        let (set, diagnostics) = RuleLoader.load(paths: relevant.map(\.path))
        #expect(set.rules.count == 194)
        #expect(diagnostics.allSatisfy { $0.severity == .warning }, "\(diagnostics.map(\.description))")
        var unmappedLogsources: [String] = []
        var undeclared: [String] = []
        for rule in set.rules {
            if pipeline.datasets(for: rule.logsource) == nil { unmappedLogsources.append(rule.location.file) }
            let (mapped, warnings) = pipeline.apply(to: rule)
            #expect(warnings.isEmpty, "\(warnings.map(\.description))")
            for item in mapped.detection.identifiers.flatMap(\.allItems) {
                for name in item.field?.names ?? [] where !pipeline.declares(name) {
                    undeclared.append("\(item.location): \(item.field?.originalName ?? name) -> \(name)")
                }
            }
        }
        #expect(unmappedLogsources.isEmpty, "\(unmappedLogsources)")
        #expect(undeclared.isEmpty, "\(undeclared)")
    }

    @Test("RELEVANT.txt compiles against the shipped pipeline: no error, no unmapped field or logsource")
    func compilesTheRelevantRules() throws {
        guard let relevant = try Self.relevantRules() else { return }
        let pipeline = try #require(Self.pipeline())
        let (set, _) = RuleLoader.load(paths: relevant.map(\.path))
        #expect(set.rules.count == 194)
        let (compiled, diagnostics) = RuleCompiler(pipelines: [pipeline]).compile(set)
        #expect(compiled.count == set.rules.count)
        #expect(diagnostics.allSatisfy { $0.severity == .warning }, "\(diagnostics.map(\.description))")
        let unmapped = diagnostics.filter { $0.code == "rule.field.unmapped" || $0.code == "rule.logsource.unmapped" }
        #expect(unmapped.isEmpty, "\(unmapped.map(\.description))")
    }

    /// One Cloudflare record built from the first sample of its dataset with some fields replaced, and the
    /// RELEVANT.txt rules (file names without `.yml`) that must fire on it through the shipped pipeline.
    struct Case: Sendable, CustomTestStringConvertible {
        var dataset: CloudflareDataset
        var fields: [String: String]
        var fires: [String]
        var testDescription: String { "\(self.dataset.rawValue) \(self.fires)" }
    }

    static let cases: [Case] = [
        // webserver: an exact path in cs-uri-query (url.path), and a query prefix in cs-uri-query (url.query).
        Case(
            dataset: .httpRequests,
            fields: ["ClientRequestMethod": "POST", "ClientRequestURI": "/ui/vropspluginui/rest/services/uploadova",
                "ClientRequestPath": "/ui/vropspluginui/rest/services/uploadova"],
            fires: ["web_cve_2021_21972_vsphere_unauth_rce_exploit"]),
        Case(
            dataset: .httpRequests,
            fields: ["ClientRequestURI": "/irj/servlet_jsp/irj/root/shell.jsp?cmd=whoami",
                "ClientRequestPath": "/irj/servlet_jsp/irj/root/shell.jsp"],
            fires: ["web_lnx_exploit_cve_2025_31324_sap_netviewer_webshell"]),
        // proxy: cs-host (url.domain) with a negated user-agent filter; Zeek's user_agent; an exact c-uri path.
        Case(
            dataset: .gatewayHTTP,
            fields: ["URL": "https://api.telegram.org/bot123/sendMessage", "HTTPHost": "api.telegram.org",
                "UserAgent": "katz-ontop/1.0"],
            fires: ["proxy_telegram_api", "zeek_http_katz_stealer_susp_useragent"]),
        Case(
            dataset: .gatewayHTTP,
            fields: ["URL": "http://www.amazon.com/N4215/adj/amzn.us.sr.aps", "HTTPHost": "www.amazon.com",
                "HTTPMethod": "POST", "UserAgent": "Mozilla/5.0 (Windows NT 6.1; WOW64; Trident/7.0; rv:11.0) like Gecko"],
            fires: ["proxy_hktl_cobalt_strike_malleable_c2_requests"]),
        // dns and dns_query: the question name.
        Case(
            dataset: .gatewayDNS, fields: ["QueryName": "api.telegram.org"],
            fires: ["net_dns_susp_telegram_api"]),
        // firewall (an IOC address) and network_connection (a host name without `Initiated`).
        Case(
            dataset: .gatewayNetwork, fields: ["DestinationIP": "69.42.98.86", "SNI": "pool.minexmr.com"],
            fires: ["net_firewall_apt_equationgroup_c2", "net_connection_lnx_crypto_mining_indicators"]),
    ]

    @Test("SigmaHQ rules fire on Cloudflare records through the shipped pipeline", arguments: cases)
    func firesOnCloudflareRecords(_ testCase: Case) throws {
        guard let relevant = try Self.relevantRules() else { return }
        guard FileManager.default.fileExists(atPath: PublicSuffixList.defaultPath) else {
            print("skipped: \(PublicSuffixList.defaultPath) not found (Debian package publicsuffix)")
            return
        }
        let pipeline = try #require(Self.pipeline())
        let (set, _) = RuleLoader.load(paths: relevant.map(\.path))
        let (compiled, _) = RuleCompiler(pipelines: [pipeline]).compile(set)

        let name = testCase.dataset.rawValue
        let sample = Self.packageRoot.appendingPathComponent("Fixtures/cloudflare/\(name)/\(name).ndjson")
        let first = try #require(try String(contentsOf: sample, encoding: .utf8).split(separator: "\n").first)
        var record = try #require(try JSONSerialization.jsonObject(with: Data(first.utf8)) as? [String: Any])
        for (key, value) in testCase.fields { record[key] = value }
        var bytes = [UInt8](try JSONSerialization.data(withJSONObject: record))
        var normalizer = ECSNormalizer(publicSuffixList: try PublicSuffixList())
        var event = Event()
        let normalized = try bytes.withUnsafeMutableBytes { raw in
            try normalizer.normalize(UnsafeRawBufferPointer(raw), dataset: testCase.dataset, into: &event)
        }
        #expect(normalized == .cloudflare(testCase.dataset))
        var scratch = EvaluationScratch()
        let fired = Set(
            compiled.evaluate(event, scratch: &scratch).map { match in
                let file = compiled.rules[match.ruleIndex].rule.location.file
                return String(file.split(separator: "/").last?.dropLast(4) ?? "")
            })
        for rule in testCase.fires { #expect(fired.contains(rule), "\(rule) did not fire; fired: \(fired.sorted())") }
    }

    /// Every leaf path of a JSON value; arrays are walked (an array of objects gives `parent.member`).
    static func leafPaths(_ value: Any, prefix: String, into paths: inout Set<String>) {
        if let object = value as? [String: Any] {
            for (key, child) in object {
                Self.leafPaths(child, prefix: prefix.isEmpty ? key : "\(prefix).\(key)", into: &paths)
            }
        } else if let array = value as? [Any], array.contains(where: { $0 is [String: Any] || $0 is [Any] }) {
            for element in array { Self.leafPaths(element, prefix: prefix, into: &paths) }
        } else {
            paths.insert(prefix)
        }
    }
}
