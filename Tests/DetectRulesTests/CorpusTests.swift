import DetectCore
import DetectRules
import Foundation
import Testing

/// Loads the public SigmaHQ corpus (`../shared/sigma-corpus`), when present.
struct CorpusTests {
    static let corpusRoot = TestSupport.packageRoot.deletingLastPathComponent()
        .appendingPathComponent("shared/sigma-corpus")

    @Test("every SigmaHQ corpus rule loads without a crash, and the counts are reported")
    func loadsTheCorpus() throws {
        let root = Self.corpusRoot.path
        guard FileManager.default.fileExists(atPath: root) else {
            print("skipped: ../shared/sigma-corpus not found")
            return
        }
        // The rule folders only (regression_data/ holds test metadata, not rules).
        let folders = try FileManager.default.contentsOfDirectory(atPath: root)
            .filter { $0.hasPrefix("rules") }.sorted().map { root + "/" + $0 }
        let start = ContinuousClock.now
        let (set, diagnostics) = RuleLoader.load(paths: folders)
        let elapsed = ContinuousClock.now - start

        let errors = diagnostics.filter { $0.severity == .error }
        let warnings = diagnostics.filter { $0.severity == .warning }
        var byCode: [String: Int] = [:]
        for rejection in set.rejected {
            for code in Set(rejection.codes) { byCode[code, default: 0] += 1 }
        }
        var warningsByCode: [String: Int] = [:]
        for warning in warnings { warningsByCode[warning.code, default: 0] += 1 }
        let filesWithDiagnostics = Set(diagnostics.map(\.location.file)).count
        print(
            "corpus: \(set.files.count) files, \(set.rules.count) rules loaded, \(set.rejected.count) rejected, "
                + "\(set.files.count - filesWithDiagnostics) files clean, \(filesWithDiagnostics) with diagnostics, "
                + "\(errors.count) errors, \(warnings.count) warnings, in \(elapsed)")
        for (code, count) in byCode.sorted(by: { $0.key < $1.key }) { print("  rejected by \(code): \(count)") }
        for (code, count) in warningsByCode.sorted(by: { $0.key < $1.key }) { print("  warning \(code): \(count)") }
        for diagnostic in errors.prefix(40) { print("  \(diagnostic)") }
        for diagnostic in warnings.prefix(10) { print("  \(diagnostic)") }
        let figures = Self.figures(set.rules)
        for (key, value) in figures.sorted(by: { $0.key < $1.key }) { print("  \(key): \(value)") }

        // Regression figures: the same counts as SIGMA.md §8 (computed there with PyYAML).
        let expected: [String: Int] = [
            "chain endswith": 3435, "chain contains": 3330, "chain contains|all": 1160, "chain startswith": 570,
            "chain re": 200, "chain contains|windash": 108, "chain cidr": 39, "chain expand": 26, "chain all": 21,
            "chain contains|expand": 8, "chain base64offset|contains": 7, "chain fieldref": 5, "chain re|i": 2,
            "chain wide|base64offset|contains": 2, "chain endswith|windash": 2, "chain base64|contains": 1,
            "rules using contains": 2422, "rules using endswith": 2063, "rules using all": 827,
            "rules using re": 120, "rules using cidr": 25, "rules using expand": 25,
            "condition 1 of": 959, "condition all of": 821, "condition not": 825,
            "rules with lists of maps": 892, "rules with keyword search": 107, "rules with null values": 88,
        ]
        for (key, count) in expected { #expect(figures[key] == count, "\(key)") }
        #expect(figures["condition list"] == nil)

        // Printing a string value gives Sigma text that parses back to the same tokens.
        var strings = 0
        for rule in set.rules {
            for item in rule.detection.identifiers.flatMap(\.allItems) {
                for value in item.values {
                    guard case .string(let string) = value.kind else { continue }
                    strings += 1
                    let reparsed = SigmaString(parsing: string.description, placeholders: item.has(.expand))
                    #expect(reparsed == string, "\(value.location)")
                }
            }
        }
        #expect(strings > 40_000)

        #expect(set.files.count == 3780)
        #expect(set.rules.count + set.rejected.count == set.documentCount)
        // Every rule in the corpus is valid Sigma: all of them must load.
        #expect(set.rules.count == 3780)
        #expect(set.rejected.isEmpty)
    }

    /// Feature counts over the loaded rules, comparable with SIGMA.md §8 (counted there with PyYAML).
    static func figures(_ rules: [SigmaRule]) -> [String: Int] {
        var figures: [String: Int] = [:]
        for rule in rules {
            var modifiersInRule = Set<String>()
            var hasKeyword = false
            var hasNull = false
            var hasListOfMaps = false
            for identifier in rule.detection.identifiers {
                if identifier.maps.count > 1 { hasListOfMaps = true }
                for item in identifier.allItems {
                    if item.isKeyword { hasKeyword = true }
                    if item.values.contains(where: { $0.kind == .null }) { hasNull = true }
                    for modifier in item.modifiers {
                        figures["occurrences \(modifier.name)", default: 0] += 1
                        modifiersInRule.insert(modifier.name)
                    }
                    let chain = item.modifiers.map(\.name).joined(separator: "|")
                    if !chain.isEmpty { figures["chain \(chain)", default: 0] += 1 }
                }
            }
            for name in modifiersInRule { figures["rules using \(name)", default: 0] += 1 }
            if hasKeyword { figures["rules with keyword search", default: 0] += 1 }
            if hasNull { figures["rules with null values", default: 0] += 1 }
            if hasListOfMaps { figures["rules with lists of maps", default: 0] += 1 }
            let conditions = rule.conditions.map(\.source).joined(separator: " ")
            if conditions.contains("1 of ") { figures["condition 1 of", default: 0] += 1 }
            if conditions.contains("all of ") { figures["condition all of", default: 0] += 1 }
            if conditions.contains("not ") { figures["condition not", default: 0] += 1 }
            if rule.conditions.count > 1 { figures["condition list", default: 0] += 1 }
        }
        return figures
    }
}
