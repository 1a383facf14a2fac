import DetectCore
import DetectEngine
import DetectMatch
import DetectRules
import Foundation

/// A straightforward interpreter of the Sigma rule model over a Foundation JSON dictionary: the oracle the
/// compiled evaluator is compared with. It walks `SigmaRule` directly on every call, with no compilation,
/// sets or caches; slow on purpose, simple on purpose. Semantics: docs/semantics.md.
struct ReferenceInterpreter {
    let pipelines: [ProcessingPipeline]
    let iocs: IOCCatalog

    /// Whether `rule` matches `event`, with the filters that name it applied.
    func matches(_ rule: SigmaRule, filters: [SigmaFilter], event: [String: Any]) -> Bool {
        let mapped = self.pipelines.apply(to: rule).0
        guard self.holds(mapped.detection, logsource: rule.logsource, event: event) else { return false }
        for filter in filters where Self.covers(filter.logsource, rule.logsource) {
            let asRule = SigmaRule(
                metadata: filter.metadata, logsource: filter.logsource, detection: filter.detection,
                location: filter.location)
            let mappedFilter = self.pipelines.apply(to: asRule).0
            if self.holds(mappedFilter.detection, logsource: filter.logsource, event: event) { return false }
        }
        return true
    }

    static func covers(_ filter: LogSource, _ rule: LogSource) -> Bool {
        (filter.category == nil || filter.category == rule.category)
            && (filter.product == nil || filter.product == rule.product)
            && (filter.service == nil || filter.service == rule.service)
    }

    // MARK: Conditions and identifiers

    private func holds(_ detection: Detection, logsource: LogSource, event: [String: Any]) -> Bool {
        func identifier(_ name: String) -> Bool {
            guard let identifier = detection.identifier(named: name) else { return false }
            return identifier.maps.contains { map in
                map.items.allSatisfy { self.item($0, logsource: logsource, event: event) }
            }
        }
        func condition(_ expression: ConditionExpression) -> Bool {
            switch expression {
            case .identifier(let name, _): return identifier(name)
            case .selector(let selector):
                return selector.quantifier == .all
                    ? selector.identifiers.allSatisfy(identifier) : selector.identifiers.contains(where: identifier)
            case .not(let operand): return !condition(operand)
            case .and(let operands): return operands.allSatisfy(condition)
            case .or(let operands): return operands.contains(where: condition)
            }
        }
        return condition(detection.condition)
    }

    // MARK: Items

    private func item(_ item: DetectionItem, logsource: LogSource, event: [String: Any]) -> Bool {
        let result: Bool
        if let field = item.field {
            result = field.names.contains { name in
                self.item(item, values: ReferenceJSON.resolve(name, in: event), logsource: logsource, event: event)
            }
        } else {
            let strings = ReferenceJSON.strings(in: event).map(ReferenceJSON.string)
            result = self.item(item, values: strings, logsource: logsource, event: event)
        }
        return item.isNegated ? !result : result
    }

    private func item(
        _ item: DetectionItem, values: [ReferenceJSON], logsource: LogSource, event: [String: Any]
    ) -> Bool {
        let present = values.contains { !$0.isNull }
        let tests: [Bool]
        switch item.matchKind {
        case .existence:
            guard case .bool(let flag)? = item.values.first?.kind else { return false }
            return present == flag
        case .fieldReference:
            tests = item.values.map { value in
                guard case .fieldReference(let name) = value.kind else { return false }
                let others = ReferenceJSON.resolve(name, in: event).compactMap(\.text)
                return values.compactMap(\.text).contains { mine in
                    others.contains { Self.relate(mine, $0, item.stringPosition, cased: item.isCased) }
                }
            }
        default:
            tests = item.values.map { value in
                if value.kind == .null { return !present }
                return values.contains { self.scalar($0, matches: value, item: item, logsource: logsource) }
            }
        }
        return item.valueLinking == .all ? tests.allSatisfy { $0 } : tests.contains(true)
    }

    private static func relate(
        _ value: String, _ other: String, _ position: DetectionItem.StringPosition, cased: Bool
    ) -> Bool {
        let lhs = cased ? value : Self.asciiLowercased(value)
        let rhs = cased ? other : Self.asciiLowercased(other)
        switch position {
        case .whole: return lhs == rhs
        case .contains: return rhs.isEmpty || Array(lhs.utf8).firstRange(of: Array(rhs.utf8)) != nil
        case .startsWith: return lhs.utf8.starts(with: rhs.utf8)
        case .endsWith: return lhs.utf8.reversed().starts(with: rhs.utf8.reversed())
        }
    }

    static func asciiLowercased(_ text: String) -> String {
        String(decoding: text.utf8.map { (65...90).contains($0) ? $0 + 32 : $0 }, as: UTF8.self)
    }

    // MARK: Scalars

    private func scalar(_ json: ReferenceJSON, matches value: SigmaValue, item: DetectionItem, logsource: LogSource)
        -> Bool
    {
        guard let text = json.text else { return false }
        switch value.kind {
        case .null, .fieldReference:
            return false
        case .string(let string):
            if item.matchKind == .network {
                guard case .string = json else { return false }
                let networks = self.expand(string, logsource: logsource).compactMap {
                    CIDRNetwork.parse($0.literalValue ?? $0.description)?.network
                }
                return Self.address(text, in: networks)
            }
            return self.patterns(string, item: item, logsource: logsource).contains {
                $0.matches(Array(text.utf8), caseSensitive: Self.isCaseSensitive(item))
            }
        case .number(let number):
            if item.matchKind == .numeric {
                return Self.numeric(json, text: text, item: item, bound: number.doubleValue)
            }
            if item.isKeyword {
                return self.patterns(SigmaString(literal: value.text), item: item, logsource: logsource).contains {
                    $0.matches(Array(text.utf8), caseSensitive: Self.isCaseSensitive(item))
                }
            }
            return Self.numberEquals(json, text: text, number: number, ruleText: value.text)
        case .bool(let flag):
            if item.isKeyword {
                return self.patterns(SigmaString(literal: value.text), item: item, logsource: logsource).contains {
                    $0.matches(Array(text.utf8), caseSensitive: Self.isCaseSensitive(item))
                }
            }
            switch json {
            case .bool(let other): return other == flag
            case .string(let string): return Self.asciiLowercased(string) == (flag ? "true" : "false")
            default: return false
            }
        case .regex(let regex):
            var options: PCRE2Regex.Options = []
            if regex.flags.contains(.ignoreCase) { options.insert(.caseless) }
            if regex.flags.contains(.multiline) { options.insert(.multiline) }
            if regex.flags.contains(.dotAll) { options.insert(.dotAll) }
            guard let compiled = try? PCRE2Regex(regex.pattern, options: options) else { return false }
            return compiled.matches(text)
        case .cidr(let network):
            guard case .string = json else { return false }
            return Self.address(text, in: [network])
        }
    }

    static func isCaseSensitive(_ item: DetectionItem) -> Bool {
        item.isCased || item.has(.base64) || item.has(.base64Offset)
    }

    private static func address(_ text: String, in networks: [CIDRNetwork]) -> Bool {
        guard !text.contains("/"), !text.contains(" "), let parsed = CIDRNetwork.parse(text) else { return false }
        let address = parsed.network.address
        return networks.contains { $0.family == parsed.network.family && $0.contains(address) }
    }

    private static let numericSyntax = try! NSRegularExpression(pattern: #"^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$"#)

    /// The number of a numeric string, `nil` for other text.
    static func numericValue(_ text: String) -> (double: Double, integer: Int64?)? {
        let range = NSRange(text.startIndex..., in: text)
        guard Self.numericSyntax.firstMatch(in: text, range: range) != nil, let double = Double(text) else {
            return nil
        }
        let isInteger = !text.contains(".") && !text.contains("e") && !text.contains("E")
        return (double, isInteger ? Int64(text) : nil)
    }

    private static func numberEquals(_ json: ReferenceJSON, text: String, number: SigmaNumber, ruleText: String)
        -> Bool
    {
        switch json {
        case .integer(let value):
            if let integer = number.integerValue { return value == integer }
            return Double(value) == number.doubleValue
        case .float(let value):
            return value == number.doubleValue
        case .string(let string):
            if let parsed = Self.numericValue(string) {
                if let integer = parsed.integer, let expected = number.integerValue { return integer == expected }
                return parsed.double == number.doubleValue
            }
            return Self.asciiLowercased(string) == Self.asciiLowercased(ruleText)
        default:
            return false
        }
    }

    private static func numeric(_ json: ReferenceJSON, text: String, item: DetectionItem, bound: Double) -> Bool {
        let value: Double
        if let part = item.timePart {
            guard case .string(let string) = json, let extracted = ReferenceTime.part(part, of: string) else {
                return false
            }
            value = Double(extracted)
        } else {
            switch json {
            case .integer(let integer): value = Double(integer)
            case .float(let float): value = float
            case .string(let string):
                guard let parsed = Self.numericValue(string) else { return false }
                value = parsed.double
            default: return false
            }
        }
        switch item.comparison {
        case nil: return value == bound
        case .lt: return value < bound
        case .lte: return value <= bound
        case .gt: return value > bound
        case .gte: return value >= bound
        }
    }
}
