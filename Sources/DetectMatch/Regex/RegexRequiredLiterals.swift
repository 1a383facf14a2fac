/// The literals every match of a PCRE2 pattern must contain, found conservatively from its syntax: a
/// prefilter for rule indexing and regex sets ("the value cannot match unless it contains one of these").
///
/// The answer is a disjunction: every match contains at least one of the returned literals, folded to ASCII
/// lower case (callers search for them ignoring ASCII case, which only widens the answer). `nil` means no
/// literal is known.
///
/// What is understood: plain characters and escaped punctuation (`\.`, `\/`, `\(`) form literal runs; a
/// quantifier that allows zero repetitions removes the preceding character or group, any other quantifier
/// ends the run after it; classes, `.`, escapes such as `\d`, anchors and assertions end a run; a group is
/// read recursively (an alternation inside a group needs a literal in each branch); lookarounds,
/// conditionals and other special groups contribute nothing. A top-level alternation needs a literal in
/// each branch. Of the candidates found in a sequence the one whose shortest literal is longest is kept.
///
/// Caseless matching in UTF mode is Unicode-aware (`k` also matches U+212A KELVIN SIGN, `s` matches U+017F
/// LONG S), so in caseless parts (the `i` flag anywhere, or `(?i)`) the letters `k` and `s` and every
/// non-ASCII byte end a run. Patterns with extended syntax (`(?x)`), `\Q…\E`, or backtracking verbs after the
/// start-of-pattern options (`(*ACCEPT)` can end a match early) give `nil`.
public enum RegexRequiredLiterals {
    /// The literals one of which every match of `pattern` contains, ASCII-folded; `nil` when none is known.
    ///
    /// - Parameters:
    ///   - pattern: A PCRE2 pattern as compiled by ``PCRE2Regex``.
    ///   - caseless: Whether it is compiled with ``PCRE2Regex/Options/caseless``.
    public static func of(_ pattern: String, caseless: Bool) -> [[UInt8]]? {
        var parser = Parser(bytes: Array(pattern.utf8), caseless: caseless)
        guard parser.skipLeadingOptions(), parser.checkSupported() else { return nil }
        guard let result = parser.alternation(), parser.position == parser.bytes.count, !parser.failed else {
            return nil
        }
        return result
    }

    /// A recursive-descent reader of the pattern's structure; `failed` is set on anything not understood.
    private struct Parser {
        let bytes: [UInt8]
        var caseless: Bool
        var position = 0
        var failed = false

        init(bytes: [UInt8], caseless: Bool) {
            self.bytes = bytes
            self.caseless = caseless
        }

        /// Skips `(*UTF)`, `(*LIMIT_MATCH=n)` and the like at the very start.
        mutating func skipLeadingOptions() -> Bool {
            while self.position + 1 < self.bytes.count, self.bytes[self.position] == UInt8(ascii: "("),
                self.bytes[self.position + 1] == UInt8(ascii: "*")
            {
                guard let close = self.bytes[self.position...].firstIndex(of: UInt8(ascii: ")")) else { return false }
                let name = String(decoding: self.bytes[(self.position + 2)..<close], as: UTF8.self)
                let allowed = ["LIMIT_", "UTF", "UCP", "NO_", "CR", "LF", "ANY", "NUL", "BSR_", "NOTEMPTY"]
                guard allowed.contains(where: { name.hasPrefix($0) }) else { return false }
                self.position = close + 1
            }
            return true
        }

        /// Refuses what this reader does not model: verbs after the start, `\Q`, extended syntax. Any `i` in
        /// an inline option setting makes the whole pattern caseless (conservative).
        mutating func checkSupported() -> Bool {
            var index = self.position
            while index < self.bytes.count {
                let byte = self.bytes[index]
                if byte == UInt8(ascii: "\\") {
                    if index + 1 < self.bytes.count, self.bytes[index + 1] == UInt8(ascii: "Q") { return false }
                    index += 2
                    continue
                }
                if byte == UInt8(ascii: "("), index + 1 < self.bytes.count {
                    let next = self.bytes[index + 1]
                    if next == UInt8(ascii: "*") { return false }
                    if next == UInt8(ascii: "?") {
                        var flag = index + 2
                        while flag < self.bytes.count, Self.isOptionLetter(self.bytes[flag]) {
                            if self.bytes[flag] == UInt8(ascii: "x") { return false }
                            if self.bytes[flag] == UInt8(ascii: "i") { self.caseless = true }
                            flag += 1
                        }
                    }
                }
                index += 1
            }
            return true
        }

        static func isOptionLetter(_ byte: UInt8) -> Bool {
            "imnsxJU-^".utf8.contains(byte)
        }

        var atEnd: Bool { self.position >= self.bytes.count }

        /// Branches separated by `|` up to a `)` or the end: each branch needs a literal, their union is the
        /// answer.
        mutating func alternation() -> [[UInt8]]? {
            var union: [[UInt8]] = []
            var complete = true
            while true {
                if let literals = self.sequence() { union += literals } else { complete = false }
                if self.failed { return nil }
                guard !self.atEnd, self.bytes[self.position] == UInt8(ascii: "|") else { break }
                self.position += 1
            }
            return complete ? union : nil
        }

        /// One branch: literal runs and groups, up to `|`, `)` or the end; the best candidate.
        mutating func sequence() -> [[UInt8]]? {
            var best: [[UInt8]]?
            var run: [UInt8] = []
            func offer(_ candidate: [[UInt8]]) {
                guard !candidate.isEmpty else { return }
                if let current = best, Self.quality(current) >= Self.quality(candidate) { return }
                best = candidate
            }
            func endRun() {
                if !run.isEmpty { offer([run]) }
                run.removeAll()
            }
            // One character and the quantifier after it: optional ones leave the run, quantified ones end it.
            func addCharacter(_ character: [UInt8]) {
                let start = run.count
                let inRun = !self.breaksRun(character)
                if inRun { run += character.map(Self.fold) } else { endRun() }
                switch self.quantifier() {
                case nil:
                    break
                case .optional:
                    if inRun { run.removeSubrange(start...) }
                    endRun()
                case .required:
                    endRun()
                }
            }
            while !self.atEnd && !self.failed {
                let byte = self.bytes[self.position]
                switch byte {
                case UInt8(ascii: "|"), UInt8(ascii: ")"):
                    endRun()
                    return best
                case UInt8(ascii: "("):
                    endRun()
                    let group = self.group()
                    if self.quantifier() == .optional { continue }
                    if let group { offer(group) }
                case UInt8(ascii: "["):
                    endRun()
                    self.skipClass()
                    _ = self.quantifier()
                case UInt8(ascii: "."), UInt8(ascii: "^"), UInt8(ascii: "$"):
                    endRun()
                    self.position += 1
                    _ = self.quantifier()
                case UInt8(ascii: "*"), UInt8(ascii: "+"), UInt8(ascii: "?"), UInt8(ascii: "{"):
                    // A quantifier with nothing quantifiable before it, or a brace that is not one.
                    endRun()
                    if self.quantifier() == nil { self.position += 1 }
                case UInt8(ascii: "\\"):
                    guard let literal = self.escapedLiteral() else {
                        endRun()
                        _ = self.quantifier()
                        continue
                    }
                    addCharacter([literal])
                default:
                    var length = 1
                    if byte >= 0xC0 {
                        length = byte >= 0xF0 ? 4 : byte >= 0xE0 ? 3 : 2
                    }
                    let end = min(self.position + length, self.bytes.count)
                    let character = Array(self.bytes[self.position..<end])
                    self.position = end
                    addCharacter(character)
                }
            }
            endRun()
            return best
        }

        /// Whether a character cannot be part of a literal run: in caseless matching, a letter with a non-ASCII
        /// case partner (`k`, `s`) or a non-ASCII character.
        func breaksRun(_ character: [UInt8]) -> Bool {
            guard self.caseless else { return false }
            let folded = character[0] | 0x20
            return character[0] >= 0x80 || folded == UInt8(ascii: "k") || folded == UInt8(ascii: "s")
        }

        enum Quantifier { case optional, required }

        /// Reads a quantifier (`*`, `+`, `?`, `{n}`, `{n,}`, `{n,m}`, `{,m}`) and its lazy or possessive
        /// suffix, if one follows.
        mutating func quantifier() -> Quantifier? {
            guard !self.atEnd else { return nil }
            let result: Quantifier
            switch self.bytes[self.position] {
            case UInt8(ascii: "*"), UInt8(ascii: "?"):
                result = .optional
                self.position += 1
            case UInt8(ascii: "+"):
                result = .required
                self.position += 1
            case UInt8(ascii: "{"):
                var index = self.position + 1
                var minimum = 0
                var digits = 0
                while index < self.bytes.count, self.bytes[index] >= 0x30, self.bytes[index] <= 0x39 {
                    minimum = min(minimum * 10 + Int(self.bytes[index] - 0x30), 1_000_000)
                    digits += 1
                    index += 1
                }
                var hasComma = false
                if index < self.bytes.count, self.bytes[index] == UInt8(ascii: ",") {
                    hasComma = true
                    index += 1
                    while index < self.bytes.count, self.bytes[index] >= 0x30, self.bytes[index] <= 0x39 { index += 1 }
                }
                guard index < self.bytes.count, self.bytes[index] == UInt8(ascii: "}"), digits > 0 || hasComma else {
                    // Not a quantifier: PCRE2 reads the brace literally; this reader gives up on it.
                    self.failed = true
                    return nil
                }
                self.position = index + 1
                result = minimum == 0 ? .optional : .required
            default:
                return nil
            }
            if !self.atEnd, self.bytes[self.position] == UInt8(ascii: "?") || self.bytes[self.position] == UInt8(ascii: "+")
            {
                self.position += 1
            }
            return result
        }

        /// A group from its `(` to after its `)`: the literals its content needs, or `nil` for lookarounds,
        /// conditionals, comments, option settings and groups without a literal.
        mutating func group() -> [[UInt8]]? {
            self.position += 1
            var contributes = true
            if !self.atEnd, self.bytes[self.position] == UInt8(ascii: "?") {
                self.position += 1
                guard !self.atEnd else {
                    self.failed = true
                    return nil
                }
                let kind = self.bytes[self.position]
                switch kind {
                case UInt8(ascii: ":"), UInt8(ascii: ">"), UInt8(ascii: "|"):
                    self.position += 1
                case UInt8(ascii: "P") where self.position + 1 < self.bytes.count
                    && self.bytes[self.position + 1] == UInt8(ascii: "<"):
                    self.skipName(after: UInt8(ascii: ">"))
                case UInt8(ascii: "<") where self.position + 1 < self.bytes.count
                    && self.bytes[self.position + 1] != UInt8(ascii: "=")
                    && self.bytes[self.position + 1] != UInt8(ascii: "!"):
                    self.skipName(after: UInt8(ascii: ">"))
                case UInt8(ascii: "'"):
                    self.skipName(after: UInt8(ascii: "'"))
                default:
                    if Self.isOptionLetter(kind) {
                        while !self.atEnd, Self.isOptionLetter(self.bytes[self.position]) { self.position += 1 }
                        // `(?i)` sets options for the rest of the enclosing group: no content of its own.
                        if !self.atEnd, self.bytes[self.position] == UInt8(ascii: ")") {
                            self.position += 1
                            return nil
                        }
                        if !self.atEnd, self.bytes[self.position] == UInt8(ascii: ":") { self.position += 1 }
                    } else {
                        // Lookarounds, conditionals, comments, subroutine calls: skipped whole.
                        contributes = false
                    }
                }
            }
            if !contributes {
                self.skipToGroupEnd()
                return nil
            }
            let result = self.alternation()
            guard !self.atEnd, self.bytes[self.position] == UInt8(ascii: ")") else {
                self.failed = true
                return nil
            }
            self.position += 1
            return result
        }

        private mutating func skipName(after terminator: UInt8) {
            while !self.atEnd, self.bytes[self.position] != terminator { self.position += 1 }
            self.position += 1
        }

        /// Skips to after the `)` that closes the current group, minding escapes, classes and nesting.
        private mutating func skipToGroupEnd() {
            var depth = 1
            while !self.atEnd {
                switch self.bytes[self.position] {
                case UInt8(ascii: "\\"):
                    self.position += 2
                    continue
                case UInt8(ascii: "["):
                    self.skipClass()
                    continue
                case UInt8(ascii: "("):
                    depth += 1
                case UInt8(ascii: ")"):
                    depth -= 1
                    if depth == 0 {
                        self.position += 1
                        return
                    }
                default:
                    break
                }
                self.position += 1
            }
            self.failed = true
        }

        /// Skips a character class from its `[` to after its `]`.
        mutating func skipClass() {
            self.position += 1
            if !self.atEnd, self.bytes[self.position] == UInt8(ascii: "^") { self.position += 1 }
            if !self.atEnd, self.bytes[self.position] == UInt8(ascii: "]") { self.position += 1 }
            while !self.atEnd {
                let byte = self.bytes[self.position]
                if byte == UInt8(ascii: "\\") {
                    self.position += 2
                    continue
                }
                if byte == UInt8(ascii: "["), self.position + 1 < self.bytes.count,
                    self.bytes[self.position + 1] == UInt8(ascii: ":")
                {
                    // A POSIX class `[:alpha:]`.
                    var index = self.position + 2
                    while index + 1 < self.bytes.count,
                        !(self.bytes[index] == UInt8(ascii: ":") && self.bytes[index + 1] == UInt8(ascii: "]"))
                    {
                        index += 1
                    }
                    self.position = index + 2
                    continue
                }
                self.position += 1
                if byte == UInt8(ascii: "]") { return }
            }
            self.failed = true
        }

        /// An escape at the current `\`: the literal byte of an escaped ASCII punctuation character, or `nil`
        /// (after skipping it) for classes, assertions, references and other escapes.
        mutating func escapedLiteral() -> UInt8? {
            guard self.position + 1 < self.bytes.count else {
                self.failed = true
                return nil
            }
            let next = self.bytes[self.position + 1]
            self.position += 2
            let isAlphanumeric =
                (next >= 0x30 && next <= 0x39) || (next | 0x20 >= UInt8(ascii: "a") && next | 0x20 <= UInt8(ascii: "z"))
            if next < 0x80, !isAlphanumeric, next >= 0x20 { return next }
            if next >= 0x80 {
                // An escaped non-ASCII character: skipped whole (its continuation bytes too).
                while !self.atEnd, self.bytes[self.position] & 0xC0 == 0x80 { self.position += 1 }
                return nil
            }
            if next >= 0x30 && next <= 0x39 {
                // A back reference or an octal escape: every digit belongs to it.
                while !self.atEnd, self.bytes[self.position] >= 0x30, self.bytes[self.position] <= 0x39 {
                    self.position += 1
                }
                return nil
            }
            // Escapes with a braced or bracketed argument: \p{..}, \x{..}, \o{..}, \g{..}, \k<..>, \N{..}.
            if !self.atEnd, [UInt8(ascii: "{"), UInt8(ascii: "<"), UInt8(ascii: "'")].contains(self.bytes[self.position]),
                [UInt8(ascii: "p"), UInt8(ascii: "P"), UInt8(ascii: "x"), UInt8(ascii: "o"), UInt8(ascii: "g"),
                 UInt8(ascii: "k"), UInt8(ascii: "N")].contains(next)
            {
                let close: UInt8 =
                    self.bytes[self.position] == UInt8(ascii: "{")
                    ? UInt8(ascii: "}") : self.bytes[self.position] == UInt8(ascii: "<") ? UInt8(ascii: ">") : UInt8(ascii: "'")
                self.skipName(after: close)
            } else if next == UInt8(ascii: "x") {
                var count = 0
                while count < 2, !self.atEnd, Self.isHexDigit(self.bytes[self.position]) {
                    self.position += 1
                    count += 1
                }
            } else if next == UInt8(ascii: "c") {
                self.position += 1
            }
            return nil
        }

        static func isHexDigit(_ byte: UInt8) -> Bool {
            (byte >= 0x30 && byte <= 0x39) || (byte | 0x20 >= UInt8(ascii: "a") && byte | 0x20 <= UInt8(ascii: "f"))
        }

        static func fold(_ byte: UInt8) -> UInt8 {
            byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "Z") ? byte | 0x20 : byte
        }

        /// How selective a disjunction is: the length of its shortest literal.
        static func quality(_ literals: [[UInt8]]) -> Int {
            literals.map(\.count).min() ?? 0
        }
    }
}
