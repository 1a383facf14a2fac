internal import DetectCore
internal import DetectMatch
internal import DetectRules

extension RuleBuilder {
    /// Appends the matchers of `group` to the rule's table and returns their range.
    mutating func finish(_ group: MatcherGroup, item: DetectionItem) -> Range<Int32> {
        let start = Int32(self.matchers.count)
        self.matchers += self.build(group, item: item)
        return start..<Int32(self.matchers.count)
    }

    /// The matchers of a group: ready ones (regular expressions grouped into sets when many), one CIDR set,
    /// and the string patterns grouped by shape.
    mutating func build(_ group: MatcherGroup, item: DetectionItem) -> [ValueMatcher] {
        var result = self.groupedRegexes(group.others)
        if group.hasNetworks || !group.networks.isEmpty {
            result.append(.network(CIDRSet(group.networks)))
        }
        result += self.grouped(group.patterns, caseSensitive: group.caseSensitive, item: item)
        return result
    }

    /// From ``RuleCompiler/Options/setThreshold`` regular expressions on, they become ``RegexSet``s (at most
    /// ``RegexSet/maxCount`` each) in the place of the first; other matchers keep their order.
    private func groupedRegexes(_ matchers: [ValueMatcher]) -> [ValueMatcher] {
        var regexes: [PCRE2Regex] = []
        for case .regex(let regex) in matchers { regexes.append(regex) }
        guard regexes.count >= max(self.session.options.setThreshold, 2) else { return matchers }
        var result: [ValueMatcher] = []
        for matcher in matchers {
            guard case .regex = matcher else {
                result.append(matcher)
                continue
            }
            if regexes.isEmpty { continue }
            var start = 0
            while start < regexes.count {
                let end = min(start + RegexSet.maxCount, regexes.count)
                if let set = RegexSet(Array(regexes[start..<end])) { result.append(.regexSet(set)) }
                start = end
            }
            regexes = []
        }
        return result
    }

    /// Literal patterns of one shape become one set or automaton once there are
    /// ``RuleCompiler/Options/setThreshold`` of them; the rest stay single ``StringMatcher``s.
    private mutating func grouped(
        _ patterns: [WildcardPattern], caseSensitive: Bool, item: DetectionItem
    ) -> [ValueMatcher] {
        var seen: Set<WildcardPattern> = []
        var exact: [[UInt8]] = []
        var prefixes: [[UInt8]] = []
        var suffixes: [[UInt8]] = []
        var substrings: [[UInt8]] = []
        var others: [WildcardPattern] = []
        for pattern in patterns where seen.insert(pattern).inserted {
            switch Shape(pattern.tokens) {
            case .exact(let bytes): exact.append(bytes)
            case .prefix(let bytes): prefixes.append(bytes)
            case .suffix(let bytes): suffixes.append(bytes)
            case .substring(let bytes): substrings.append(bytes)
            case .other: others.append(pattern)
            }
        }
        let threshold = max(self.session.options.setThreshold, 1)
        var result: [ValueMatcher] = []
        func single(_ tokens: [WildcardPattern.Token]) -> ValueMatcher {
            .pattern(StringMatcher(WildcardPattern(tokens: tokens), caseSensitive: caseSensitive))
        }
        if exact.count >= threshold {
            result.append(.exactSet(ExactSet(byteStrings: exact, caseSensitive: caseSensitive)))
        } else {
            result += exact.map { single([.literal($0)]) }
        }
        let prefixStrings = prefixes.compactMap { String(validating: $0, as: UTF8.self) }
        if prefixes.count >= threshold, prefixStrings.count == prefixes.count {
            result.append(.prefixSet(PrefixSet(prefixStrings, caseSensitive: caseSensitive)))
        } else {
            result += prefixes.map { single([.literal($0), .anyRun]) }
        }
        let suffixStrings = suffixes.compactMap { String(validating: $0, as: UTF8.self) }
        if suffixes.count >= threshold, suffixStrings.count == suffixes.count {
            result.append(.suffixSet(SuffixSet(suffixStrings, caseSensitive: caseSensitive)))
        } else {
            result += suffixes.map { single([.anyRun, .literal($0)]) }
        }
        if substrings.count >= threshold {
            do {
                let automaton = try MultiLiteralMatcher(
                    byteNeedles: substrings, caseSensitive: caseSensitive,
                    maxTableBytes: self.session.options.maxAutomatonBytes)
                result.append(.substringSet(automaton, joinable: !substrings.contains { $0.contains(0) }))
            } catch {
                self.report(
                    .ruleValueExpansion,
                    "the \(substrings.count) substrings of this item are too many for one automaton: \(error)",
                    at: item.location)
            }
        } else {
            result += substrings.map { single([.anyRun, .literal($0), .anyRun]) }
        }
        result += others.map { .pattern(StringMatcher($0, caseSensitive: caseSensitive)) }
        return result
    }
}

/// The shape of a pattern: a literal, `literal*`, `*literal`, `*literal*`, or anything else.
private enum Shape {
    case exact([UInt8])
    case prefix([UInt8])
    case suffix([UInt8])
    case substring([UInt8])
    case other

    init(_ tokens: [WildcardPattern.Token]) {
        switch tokens.count {
        case 0:
            self = .exact([])
        case 1:
            if case .literal(let bytes) = tokens[0] { self = .exact(bytes) } else { self = .other }
        case 2:
            if case .literal(let bytes) = tokens[0], tokens[1] == .anyRun {
                self = .prefix(bytes)
            } else if tokens[0] == .anyRun, case .literal(let bytes) = tokens[1] {
                self = .suffix(bytes)
            } else {
                self = .other
            }
        case 3:
            if tokens[0] == .anyRun, case .literal(let bytes) = tokens[1], tokens[2] == .anyRun {
                self = .substring(bytes)
            } else {
                self = .other
            }
        default:
            self = .other
        }
    }
}
