internal import DetectCore
internal import DetectMatch
internal import DetectRules

extension RuleBuilder {
    /// Adds the patterns of one string value: encodings, then `windash`, then the position modifier
    /// (keyword items search substrings unless a position modifier says otherwise).
    mutating func addPatterns(
        for string: SigmaString, item: DetectionItem, at location: SourceLocation, to group: inout MatcherGroup
    ) {
        var variants: [[WildcardPattern.Token]]
        let encodings = item.encodings
        if encodings.isEmpty {
            variants = [Self.tokens(of: string)]
        } else {
            // The loader rejects wildcards in encoded values, so the value is a literal here.
            var bytes: [[UInt8]] = [Array((string.literalValue ?? string.description).utf8)]
            for encoding in encodings {
                switch encoding {
                case .utf16le:
                    bytes = bytes.map { ValueEncoding.utf16LittleEndian(String(decoding: $0, as: UTF8.self)) }
                case .utf16be: bytes = bytes.map { ValueEncoding.utf16BigEndian(String(decoding: $0, as: UTF8.self)) }
                case .utf16:
                    bytes = bytes.map { ValueEncoding.utf16WithByteOrderMark(String(decoding: $0, as: UTF8.self)) }
                case .base64: bytes = bytes.map(ValueEncoding.base64)
                case .base64Offset: bytes = bytes.flatMap(ValueEncoding.base64Offsets).filter { !$0.isEmpty }
                default: continue
                }
            }
            variants = bytes.map { [.literal($0)] }
        }
        if item.expandsWindowsDashes {
            var total = 0
            for tokens in variants {
                total += tokens.reduce(1) { count, token in
                    guard case .literal(let bytes) = token else { return count }
                    return count.multipliedReportingOverflow(by: WindowsDash.variantCount(of: bytes)).partialValue
                }
            }
            guard total <= self.session.options.maxWindashVariants, total > 0 else {
                self.report(
                    .ruleValueExpansion,
                    "unsupported feature: `windash` on `\(string)` gives more than "
                        + "\(self.session.options.maxWindashVariants) variants",
                    at: location)
                return
            }
            variants = variants.flatMap(Self.windashVariants)
        }
        var position = item.stringPosition
        if item.isKeyword && position == .whole && item.matchKind == .string { position = .contains }
        for tokens in variants {
            let pattern = WildcardPattern(tokens: tokens)
            switch position {
            case .whole: group.patterns.append(pattern)
            case .contains: group.patterns.append(pattern.withAnyRun(leading: true, trailing: true))
            case .startsWith: group.patterns.append(pattern.withAnyRun(leading: false, trailing: true))
            case .endsWith: group.patterns.append(pattern.withAnyRun(leading: true, trailing: false))
            }
        }
    }

    /// The wildcard tokens of a string without placeholders.
    static func tokens(of string: SigmaString) -> [WildcardPattern.Token] {
        string.parts.map { part in
            switch part {
            case .literal(let text): .literal(Array(text.utf8))
            case .wildcardMulti: .anyRun
            case .wildcardSingle: .anyCharacter
            // Unresolved placeholders do not reach here; kept literal if they ever do.
            case .placeholder(let name): .literal(Array("%\(name)%".utf8))
            }
        }
    }

    /// Every `windash` variant of a token list (each literal token expanded on its own).
    static func windashVariants(_ tokens: [WildcardPattern.Token]) -> [[WildcardPattern.Token]] {
        var results: [[WildcardPattern.Token]] = [[]]
        for token in tokens {
            guard case .literal(let bytes) = token else {
                results = results.map { $0 + [token] }
                continue
            }
            let options = WindowsDash.variants(of: bytes)
            results = results.flatMap { prefix in options.map { prefix + [.literal($0)] } }
        }
        return results
    }
}
