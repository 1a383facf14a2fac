internal import DetectCore
internal import DetectMatch
internal import DetectRules

extension RuleBuilder {
    /// One value a placeholder stands for, and where it was written (an IOC file line, or the rule value).
    struct Expansion {
        var string: SigmaString
        var location: SourceLocation
    }

    /// Adds an `expand` value: each `%placeholder%` replaced by every value it is bound to (pipeline `vars`
    /// are Sigma strings with wildcards; IOC list values are literals). Matchers built from IOC lists are
    /// cached, so that every rule using a list shares one set.
    mutating func addExpanded(
        _ string: SigmaString, of item: DetectionItem, at location: SourceLocation, to group: inout MatcherGroup
    ) {
        var usesList = false
        var keyParts: [String] = []
        var parts: [[Expansion]] = []
        for part in string.parts {
            guard case .placeholder(let name) = part else {
                parts.append([Expansion(string: SigmaString(parts: [part]), location: location)])
                continue
            }
            let (expansions, key, isList) = self.resolve(name, at: location)
            usesList = usesList || isList
            keyParts.append(key)
            parts.append(expansions)
        }
        let modifiers = item.modifierChain.filter { $0 != .all && $0 != .neq }.map(\.rawValue)
        let cacheKey =
            "\(item.matchKind)|\(item.isKeyword)|\(modifiers.joined(separator: "|"))|\(string)|"
            + keyParts.joined(separator: "|")
        if usesList, let cached = self.session.iocMatchers[cacheKey] {
            group.others += cached
            return
        }
        var total = 1
        for options in parts {
            total = total.multipliedReportingOverflow(by: options.count).partialValue
            if total > self.session.options.maxExpansions || total < 0 {
                self.report(
                    .ruleValueExpansion,
                    "`\(string)` expands to more than \(self.session.options.maxExpansions) values", at: location)
                return
            }
        }
        var sub = MatcherGroup(caseSensitive: group.caseSensitive)
        sub.hasNetworks = item.matchKind == .network
        if total > 0 {
            var combinations: [Expansion] = [Expansion(string: SigmaString(parts: []), location: location)]
            for options in parts {
                if options.count == 1 {
                    let option = options[0]
                    for index in combinations.indices {
                        combinations[index].string = SigmaString(
                            parts: combinations[index].string.parts + option.string.parts)
                    }
                    if option.location != location {
                        for index in combinations.indices { combinations[index].location = option.location }
                    }
                } else {
                    combinations = combinations.flatMap { prefix in
                        options.map { option in
                            Expansion(
                                string: SigmaString(parts: prefix.string.parts + option.string.parts),
                                location: option.location)
                        }
                    }
                }
            }
            for expansion in combinations {
                if item.matchKind == .network {
                    self.addNetwork(
                        expansion.string.literalValue ?? expansion.string.description, at: expansion.location,
                        to: &sub)
                } else {
                    self.addPatterns(for: expansion.string, item: item, at: expansion.location, to: &sub)
                }
            }
        }
        let built = self.build(sub, item: item)
        if usesList { self.session.iocMatchers[cacheKey] = built }
        group.others += built
    }

    /// What `%name%` stands for: a pipeline binding first, else the IOC list of the same name. A placeholder
    /// bound to nothing is a warning and expands to no value (the value then matches nothing).
    ///
    /// - Returns: The expansions, a cache key describing the binding, and whether an IOC list is involved.
    private mutating func resolve(_ name: String, at location: SourceLocation) -> ([Expansion], String, Bool) {
        var listName = name
        var bound = false
        if let binding = self.session.pipelines.placeholderBinding(for: name, logsource: self.logsource) {
            switch binding {
            case .values(let values):
                let expansions = values.map {
                    Expansion(string: SigmaString(parsing: $0), location: location)
                }
                return (expansions, "vars:" + values.joined(separator: "\u{1}"), false)
            case .iocList(let list):
                listName = list
                bound = true
            }
        }
        guard let list = self.session.iocs[listName] else {
            let message =
                bound
                ? "`%\(name)%` is bound to the IOC list `\(listName)`, which is not loaded (no \(listName).txt in "
                    + "the IOC directories); the value matches nothing"
                : "`%\(name)%` is bound by no pipeline and there is no IOC list `\(name)` (\(name).txt in an IOC "
                    + "directory); the value matches nothing"
            self.report(.iocListMissing, message, at: location)
            return ([], "missing:\(listName)", false)
        }
        let expansions = list.entries.map { entry in
            Expansion(string: SigmaString(literal: entry.value), location: entry.location)
        }
        return (expansions, "ioc:\(list.file):\(listName)", true)
    }
}
