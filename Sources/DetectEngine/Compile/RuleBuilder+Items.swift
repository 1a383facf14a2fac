internal import DetectCore
internal import DetectMatch
internal import DetectRules

extension RuleBuilder {
    /// Compiles one detection item: a test per value (or one test for all values, grouped into sets), on each
    /// field the item names (ORed), negated for `neq`.
    mutating func compileItem(_ item: DetectionItem, selection: String) -> Predicate {
        var fields: [Int32] = []
        if let field = item.field {
            for name in field.names {
                if let index = self.field(name, original: field.originalName, at: field.location) {
                    fields.append(index)
                }
            }
            guard !fields.isEmpty else { return .constant(false) }
        } else {
            fields = [-1]
        }
        let (tests, linking) = self.tests(for: item)
        var perField: [Predicate] = []
        for field in fields {
            let leaves = tests.map { test -> Predicate in
                self.items.append(CompiledItem(field: field, test: test, selection: selection))
                return .item(Int32(self.items.count - 1))
            }
            perField.append(linking == .all ? Predicate.all(leaves) : Predicate.any(leaves))
        }
        let predicate = Predicate.any(perField)
        return item.isNegated ? .not(predicate) : predicate
    }

    /// The tests of an item and how they combine: ORed (one grouped test, plus `null` if listed) or, with
    /// `all`, one test per value, ANDed.
    private mutating func tests(
        for item: DetectionItem
    ) -> ([CompiledItem.Test], DetectionItem.ValueLinking) {
        switch item.matchKind {
        case .existence:
            var flag = true
            if case .bool(let value)? = item.values.first?.kind { flag = value }
            return ([.exists(flag)], .any)
        case .fieldReference:
            var tests: [CompiledItem.Test] = []
            for value in item.values {
                guard case .fieldReference(let name) = value.kind,
                    let other = self.field(name, original: nil, at: value.location)
                else { continue }
                tests.append(.fieldReference(other: other, position: item.stringPosition, caseSensitive: item.isCased))
            }
            return (tests, item.valueLinking)
        case .string, .regex, .network, .numeric:
            var tests: [CompiledItem.Test] = []
            if item.valueLinking == .all {
                for value in item.values {
                    if value.kind == .null {
                        tests.append(.isNull)
                        continue
                    }
                    var group = MatcherGroup(caseSensitive: Self.isCaseSensitive(item))
                    self.add(value, of: item, to: &group)
                    tests.append(.anyValue(self.finish(group, item: item)))
                }
                return (tests, .all)
            }
            var group = MatcherGroup(caseSensitive: Self.isCaseSensitive(item))
            var hasNull = false
            var hasOther = false
            for value in item.values {
                if value.kind == .null {
                    hasNull = true
                } else {
                    hasOther = true
                    self.add(value, of: item, to: &group)
                }
            }
            if hasNull { tests.append(.isNull) }
            if hasOther { tests.append(.anyValue(self.finish(group, item: item))) }
            return (tests, .any)
        }
    }

    /// Strings compare exactly with `cased`, and always once base64-encoded (base64 text is case-sensitive:
    /// folding it would match other bytes).
    static func isCaseSensitive(_ item: DetectionItem) -> Bool {
        item.isCased || item.encodings.contains { $0 == .base64 || $0 == .base64Offset }
    }

    /// Adds what one value contributes to the group of its item.
    private mutating func add(_ value: SigmaValue, of item: DetectionItem, to group: inout MatcherGroup) {
        switch value.kind {
        case .null, .fieldReference:
            return
        case .bool(let flag):
            if item.isKeyword {
                self.addPatterns(for: SigmaString(literal: value.text), item: item, at: value.location, to: &group)
            } else {
                group.others.append(.bool(flag))
            }
        case .number(let number):
            if item.matchKind == .numeric {
                if let part = item.timePart {
                    group.others.append(.timePart(part, item.comparison, number.doubleValue))
                } else if let comparison = item.comparison {
                    group.others.append(.comparison(comparison, number.doubleValue))
                }
            } else if item.isKeyword {
                self.addPatterns(for: SigmaString(literal: value.text), item: item, at: value.location, to: &group)
            } else {
                group.others.append(
                    .number(
                        NumberEquality(
                            value: number.doubleValue, integer: number.integerValue,
                            text: StringMatcher.equals(value.text))))
            }
        case .regex(let regex):
            switch self.session.regex(regex) {
            case .success(let compiled):
                group.others.append(.regex(compiled))
            case .failure(let error):
                self.report(
                    .ruleValueRegex, "invalid regular expression `\(regex.pattern)`: \(error.message)",
                    at: value.location)
            }
        case .cidr(let network):
            if let cidr = Self.cidr(network) {
                group.networks.append(cidr)
            }
            group.hasNetworks = true
        case .string(let string):
            if string.placeholderNames.isEmpty {
                if item.matchKind == .network {
                    group.hasNetworks = true
                    self.addNetwork(string.literalValue ?? value.text, at: value.location, to: &group)
                } else {
                    self.addPatterns(for: string, item: item, at: value.location, to: &group)
                }
            } else {
                self.addExpanded(string, of: item, at: value.location, to: &group)
            }
        }
    }

    /// Adds a network written as text (a placeholder value); a value that is no network is a warning.
    mutating func addNetwork(_ text: String, at location: SourceLocation, to group: inout MatcherGroup) {
        let trimmed = text.trimmingSpacesAndTabs
        guard let cidr = CIDR(trimmed) else {
            self.report(
                .iocEntryInvalid,
                "`\(text)` is not an IPv4 or IPv6 address or network; it is skipped for `cidr`", at: location)
            return
        }
        group.networks.append(cidr)
    }

    /// The DetectMatch network of a rule's `cidr` value.
    static func cidr(_ network: CIDRNetwork) -> CIDR? {
        switch network.family {
        case .ipv4:
            guard network.address.count == 4 else { return nil }
            let bits = network.address.reduce(UInt32(0)) { $0 << 8 | UInt32($1) }
            return CIDR(address: IPAddress(v4: bits), prefixLength: network.prefixLength)
        case .ipv6:
            guard network.address.count == 16 else { return nil }
            let bits = network.address.reduce(UInt128(0)) { $0 << 8 | UInt128($1) }
            let address = IPAddress(v6: bits)
            // An IPv4-mapped network (prefix of at least 96) is the IPv4 network it maps.
            let prefix = address.family == .v4 ? network.prefixLength - 96 : network.prefixLength
            return CIDR(address: address, prefixLength: max(prefix, 0))
        }
    }
}
