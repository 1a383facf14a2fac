import DetectTesting
import Foundation

/// Generates Sigma rules (YAML) that cover every modifier and condition form, from small value pools shared
/// with ``RandomEvents`` so that matches are frequent.
struct RandomRules {
    var random: SplitMix64

    /// The pipeline the generated rules are compiled with: a field mapped to two fields, a field renamed, a
    /// `vars` placeholder, and a placeholder bound to an IOC list of another name.
    static let pipeline = """
        name: generated rules pipeline
        vars:
            vals: ['ab*', 'x?']
        transformations:
            - type: field_name_mapping
              mapping:
                  alias: [a, b]
                  cd: c.d
            - type: value_placeholders
              include: [vals]
            - type: ioc_list_placeholders
              lists:
                  other: list_a
        """

    static let stringAtoms = [
        "ab", "AB", "x", "-x", "/x", " -enc", "a-b", "é", "\\", "\\*", "\\?", "*", "?", "", "1", "10", "0x1f", "true",
        ".", "cmd", "CMD.exe", "/c", "%",
    ]
    static let literalAtoms = ["ab", "cmd", "x-1", "é", "AB", "c"]
    static let regexes = ["a+b", "^x", "b$", "[0-9]{2}", "a.b", "(?i)cmd", "^a.*b$", "\\d", "x|y", "é", "\\\\", "^$"]
    static let networks = ["10.0.0.0/8", "192.168.1.0/24", "2001:db8::/32", "10.1.2.3", "8.8.8.8/32", "0.0.0.0/0"]

    /// One rule document (and sometimes a filter document naming it), separated by `---`.
    mutating func rule(index: Int) -> String {
        let id = String(format: "00000000-0000-4000-8000-%012d", index)
        var names: [String] = []
        var body = ""
        let count = 1 + self.random.int(3)
        for number in 0..<count {
            let name =
                number == 0 ? "sel\(number)" : self.random.pick(["sel\(number)", "filter\(number)", "_h\(number)"])
            names.append(name)
            body += self.identifier(name)
        }
        let condition: String
        if self.random.chance(8) {
            condition =
                "\n    condition:\n        - \(self.condition(names, depth: 2))\n        - \(self.condition(names, depth: 1))"
        } else {
            condition = "\n    condition: \(self.condition(names, depth: 3))"
        }
        var text = """
            title: generated \(index)
            id: \(id)
            logsource:
                category: test
            detection:
            \(body)\(condition)

            """
        if self.random.chance(15) {
            text += """
                ---
                title: filter for \(index)
                logsource:
                    category: test
                filter:
                    rules:
                        - \(id)
                \(self.identifier("fsel"))
                    condition: \(self.random.chance(50) ? "fsel" : "not fsel")

                """
        }
        return text
    }

    /// `    name:` and its body (a map, a list of maps, or keywords).
    private mutating func identifier(_ name: String) -> String {
        switch self.random.int(10) {
        case 0:
            return "    \(name):\n" + self.keywords()
        case 1, 2:
            let maps = (0..<(1 + self.random.int(2))).map { _ in self.map(indent: 10, firstIndent: 8, dash: true) }
            return "    \(name):\n" + maps.joined()
        default:
            return "    \(name):\n" + self.map(indent: 8, firstIndent: 8, dash: false)
        }
    }

    private mutating func keywords() -> String {
        let values = (0..<(1 + self.random.int(3))).map { _ in Self.quote(self.string()) }
        switch self.random.int(4) {
        case 0:
            return "        '|all':\n" + values.map { "            - \($0)\n" }.joined()
        case 1:
            return "        '|re': \(Self.quote(self.random.pick(Self.regexes)))\n"
        default:
            return values.map { "        - \($0)\n" }.joined()
        }
    }

    /// A map of 1–3 items with distinct keys.
    private mutating func map(indent: Int, firstIndent: Int, dash: Bool) -> String {
        var keys: Set<String> = []
        var lines: [String] = []
        for _ in 0..<(1 + self.random.int(3)) {
            let (key, value) = self.item()
            guard keys.insert(key).inserted else { continue }
            lines.append("\(Self.quote(key)): \(value)")
        }
        var text = ""
        for (index, line) in lines.enumerated() {
            if index == 0 {
                text += String(repeating: " ", count: firstIndent) + (dash ? "- " : "") + line + "\n"
            } else {
                text += String(repeating: " ", count: dash ? indent : firstIndent) + line + "\n"
            }
        }
        return text
    }

    private mutating func string() -> String {
        (0..<(1 + self.random.int(3))).map { _ in self.random.pick(Self.stringAtoms) }.joined()
    }

    /// How many values an item gets, and whether they are written as a list.
    private mutating func valueCount() -> (count: Int, list: Bool) {
        let count = 1 + self.random.int(3)
        return (count, count > 1 || self.random.chance(30))
    }

    private static func render(_ values: [String], list: Bool) -> String {
        list ? "[" + values.joined(separator: ", ") + "]" : values[0]
    }

    /// One `field|modifiers: values` item.
    private mutating func item() -> (String, String) {
        let field = self.random.pick(["a", "b", "c.d", "c.e", "alias", "cd", "n"])
        var modifiers: [String] = []
        switch self.random.int(16) {
        case 0, 1, 2, 3:
            // Plain strings, with any of the string modifiers.
            if self.random.chance(60) { modifiers.append(self.random.pick(["contains", "startswith", "endswith"])) }
            if self.random.chance(30) { modifiers.append("windash") }
            if self.random.chance(20) { modifiers.append("cased") }
            let shape = self.valueCount()
            let items = (0..<shape.count).map { _ in Self.quote(self.string()) }
            let values = Self.render(items, list: shape.list)
            let count = shape.count
            if count > 1 && self.random.chance(30) { modifiers.append("all") }
            if self.random.chance(10) { modifiers.append("neq") }
            return (([field] + modifiers).joined(separator: "|"), values)
        case 4:
            // Typed values without modifiers: numbers, booleans, null, empty, mixes.
            let value = self.random.pick([
                "3", "2.5", "-2", "10", "0x1F", "true", "false", "null", "''", "[]", "[null, 'ab']", "['1', 10]",
            ])
            return (self.random.chance(10) ? field + "|neq" : field, value)
        case 5:
            let comparison = self.random.pick(["gt", "gte", "lt", "lte"])
            return ("n|\(comparison)", self.random.pick(["3", "2.5", "-1", "'10'", "0"]))
        case 6:
            return ("\(field)|exists", self.random.pick(["true", "false"]))
        case 7:
            modifiers = ["re"]
            if self.random.chance(25) { modifiers.append(self.random.pick(["i", "m", "s"])) }
            let shape = self.valueCount()
            let items = (0..<shape.count).map { _ in Self.quote(self.random.pick(Self.regexes)) }
            let values = Self.render(items, list: shape.list)
            let count = shape.count
            if count > 1 && self.random.chance(30) { modifiers.append("all") }
            return (([field] + modifiers).joined(separator: "|"), values)
        case 8:
            let shape = self.valueCount()
            let items = (0..<shape.count).map { _ in Self.quote(self.random.pick(Self.networks)) }
            let values = Self.render(items, list: shape.list)
            let count = shape.count
            return ("ip|cidr" + (count > 1 && self.random.chance(20) ? "|all" : ""), values)
        case 9:
            let part = self.random.pick(["minute", "hour", "day", "week", "month", "year"])
            let comparison = self.random.chance(40) ? "|" + self.random.pick(["gt", "gte", "lt", "lte"]) : ""
            let value = ["minute": "30", "hour": "23", "day": "1", "week": "1", "month": "5", "year": "2024"][part]!
            return ("ts|\(part)\(comparison)", value)
        case 10:
            let encoding = self.random.pick([
                "base64", "base64|contains", "base64offset|contains", "wide|base64offset|contains", "utf16le",
                "utf16be|contains", "utf16|base64", "utf16le|base64|startswith",
            ])
            let shape = self.valueCount()
            let items = (0..<shape.count).map { _ in Self.quote(self.random.pick(Self.literalAtoms)) }
            let values = Self.render(items, list: shape.list)
            return ("\(field)|\(encoding)", values)
        case 11:
            modifiers = ["fieldref"]
            if self.random.chance(40) { modifiers.append(self.random.pick(["contains", "startswith", "endswith"])) }
            if self.random.chance(20) { modifiers.append("cased") }
            if self.random.chance(15) { modifiers.append("neq") }
            return (([field] + modifiers).joined(separator: "|"), self.random.pick(["a", "b", "c.d", "n"]))
        case 12:
            let value = self.random.pick(["'%list_a%'", "'%other%'", "'x%vals%'", "'%missing%'", "'*%list_a%'"])
            let position = self.random.pick(["", "|contains", "|startswith", "|endswith"])
            return ("\(field)\(position)|expand", value)
        case 13:
            return ("ip|cidr|expand", "'%nets%'")
        default:
            let shape = self.valueCount()
            let items = (0..<shape.count).map { _ in Self.quote(self.string()) }
            let values = Self.render(items, list: shape.list)
            return (field, values)
        }
    }

    /// A random condition over `names`.
    private mutating func condition(_ names: [String], depth: Int) -> String {
        if depth == 0 || self.random.chance(30) {
            switch self.random.int(8) {
            case 0: return "1 of sel*"
            case 1: return "all of sel*"
            case 2: return self.random.pick(["1 of them", "all of them", "any of them"])
            case 3:
                if names.contains(where: { $0.hasPrefix("filter") }) { return "1 of filter*" }
                if names.contains(where: { $0.hasPrefix("_") }) { return "all of _*" }
                return self.random.pick(names)
            default: return self.random.pick(names)
            }
        }
        switch self.random.int(4) {
        case 0: return "not " + self.condition(names, depth: depth - 1)
        case 1: return "(\(self.condition(names, depth: depth - 1)) or \(self.condition(names, depth: depth - 1)))"
        case 2: return "\(self.condition(names, depth: depth - 1)) and \(self.condition(names, depth: depth - 1))"
        default: return "\(self.condition(names, depth: depth - 1)) or \(self.condition(names, depth: depth - 1))"
        }
    }

    /// A YAML single-quoted scalar.
    static func quote(_ text: String) -> String {
        "'" + text.replacingOccurrences(of: "'", with: "''") + "'"
    }
}
