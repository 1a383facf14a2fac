public import DetectCore

/// Parses Sigma condition strings into ``ConditionExpression`` trees, with located diagnostics.
///
/// A hand-written recursive-descent parser over this grammar (EBNF; keywords are lowercase and case-sensitive,
/// as in pySigma; whitespace separates tokens):
///
/// ```
/// condition   = or-expr ;
/// or-expr     = and-expr , { "or" , and-expr } ;
/// and-expr    = not-expr , { "and" , not-expr } ;
/// not-expr    = "not" , not-expr
///             | primary ;
/// primary     = "(" , or-expr , ")"
///             | selector
///             | identifier ;
/// selector    = quantifier , "of" , ( "them" | pattern | identifier ) ;
/// quantifier  = "1" | "any" | "all" ;
/// identifier  = word-char , { word-char } ;              (* not a keyword, no "*" *)
/// pattern     = { word-char } , "*" , { word-char | "*" } ;
/// word-char   = "A".."Z" | "a".."z" | "0".."9" | "_" | "-" ;
/// ```
///
/// Precedence, loosest to tightest: `or`, `and`, `not`, `x of`, parentheses (Sigma 2.1). A list-form
/// `condition` is parsed item by item and ORed by ``Detection/condition``.
///
/// After parsing, every identifier must name a search identifier (`rule.condition.undefined` otherwise) and
/// every selector must match at least one; `them` and patterns not starting with `_` leave out identifiers
/// starting with `_`. The legacy aggregation syntax (`| count() > 5`) and `near` are reported as
/// `rule.condition.unsupported`. Nesting of parentheses and `not` is capped at ``maxDepth``
/// (`rule.condition.depth`), so a hostile condition cannot exhaust the stack.
public struct ConditionParser: Sendable {
    /// The deepest nesting of `(` and `not` accepted.
    public var maxDepth: Int

    /// Memberwise initializer (the loader builds these; compilers and tests may too).
    public init(maxDepth: Int = 64) {
        self.maxDepth = maxDepth
    }

    /// Parses a single-line condition that starts at `location`.
    ///
    /// - Parameters:
    ///   - condition: the condition string.
    ///   - identifiers: the names of the detection's search identifiers, in document order.
    ///   - location: position of the condition's first character; token positions are offsets from it.
    /// - Returns: the expression (`nil` when there was an error) and the diagnostics.
    public func parse(
        _ condition: String, identifiers: [String], at location: SourceLocation
    ) -> (ConditionExpression?, [Diagnostic]) {
        let bytes = Array(condition.utf8)
        return self.parse(condition, identifiers: identifiers, ruleID: nil) { offset in
            // Columns count Unicode scalars, as libyaml does.
            let scalars = bytes[..<min(offset, bytes.count)].reduce(0) { $0 + ($1 & 0xC0 == 0x80 ? 0 : 1) }
            return SourceLocation(file: location.file, line: location.line, column: location.column + scalars)
        }
    }

    /// Parses a condition whose byte offsets are mapped to file positions by `locate`.
    func parse(
        _ condition: String, identifiers: [String], ruleID: String?, locate: @escaping (Int) -> SourceLocation
    ) -> (ConditionExpression?, [Diagnostic]) {
        var run = Run(
            tokens: ConditionLexer.tokenize(condition), maxDepth: self.maxDepth, ruleID: ruleID, locate: locate)
        guard let expression = run.parseCondition() else { return (nil, run.diagnostics) }
        guard let resolved = run.resolve(expression, identifiers: identifiers) else { return (nil, run.diagnostics) }
        return (resolved, run.diagnostics)
    }
}

/// The state of one parse.
private struct Run {
    let tokens: [ConditionToken]
    let maxDepth: Int
    let ruleID: String?
    let locate: (Int) -> SourceLocation
    var position = 0
    var depth = 0
    var diagnostics: [Diagnostic] = []
    var failed = false

    init(tokens: [ConditionToken], maxDepth: Int, ruleID: String?, locate: @escaping (Int) -> SourceLocation) {
        self.tokens = tokens
        self.maxDepth = maxDepth
        self.ruleID = ruleID
        self.locate = locate
    }

    var current: ConditionToken { self.tokens[self.position] }

    mutating func advance() {
        if self.position < self.tokens.count - 1 { self.position += 1 }
    }

    mutating func fail(_ code: SigmaDiagnosticCode, _ message: String, at token: ConditionToken) {
        guard !self.failed else { return }
        self.failed = true
        self.diagnostics.append(Diagnostic(code, message, at: self.locate(token.start), ruleID: self.ruleID))
    }

    // MARK: Grammar

    mutating func parseCondition() -> ConditionExpression? {
        if case .end = self.current.kind {
            self.fail(.ruleConditionSyntax, "the condition is empty", at: self.current)
            return nil
        }
        guard let expression = self.parseOr() else { return nil }
        switch self.current.kind {
        case .end:
            return expression
        case .rightParen:
            self.fail(.ruleConditionSyntax, "unbalanced `)`: there is no `(` to close", at: self.current)
        case .pipe:
            self.failPipe(at: self.current)
        case .near:
            self.failNear(at: self.current)
        case .identifier(let name) where ["and", "or", "not", "of"].contains(name.lowercased()):
            self.fail(
                .ruleConditionSyntax, "unexpected `\(name)`; operators are lowercase: write `\(name.lowercased())`",
                at: self.current)
        default:
            self.fail(
                .ruleConditionSyntax,
                "unexpected \(self.current.display) after a complete expression; combine with `and` or `or`",
                at: self.current)
        }
        return nil
    }

    mutating func parseOr() -> ConditionExpression? {
        guard let first = self.parseAnd() else { return nil }
        var operands = [first]
        while case .or = self.current.kind {
            self.advance()
            guard let next = self.parseAnd() else { return nil }
            operands.append(next)
        }
        return operands.count == 1 ? first : .or(operands)
    }

    mutating func parseAnd() -> ConditionExpression? {
        guard let first = self.parseNot() else { return nil }
        var operands = [first]
        while case .and = self.current.kind {
            self.advance()
            guard let next = self.parseNot() else { return nil }
            operands.append(next)
        }
        return operands.count == 1 ? first : .and(operands)
    }

    mutating func parseNot() -> ConditionExpression? {
        guard case .not = self.current.kind else { return self.parsePrimary() }
        guard self.enter(self.current) else { return nil }
        defer { self.depth -= 1 }
        self.advance()
        guard let operand = self.parseNot() else { return nil }
        return .not(operand)
    }

    mutating func enter(_ token: ConditionToken) -> Bool {
        self.depth += 1
        if self.depth > self.maxDepth {
            self.fail(
                .ruleConditionDepth, "the condition nests `(` and `not` deeper than \(self.maxDepth) levels",
                at: token)
            return false
        }
        return true
    }

    mutating func parsePrimary() -> ConditionExpression? {
        let token = self.current
        switch token.kind {
        case .leftParen:
            guard self.enter(token) else { return nil }
            defer { self.depth -= 1 }
            self.advance()
            guard let inner = self.parseOr() else { return nil }
            guard case .rightParen = self.current.kind else {
                let column = self.locate(token.start).column
                self.fail(
                    .ruleConditionSyntax,
                    "expected `)` to close the `(` at column \(column), found \(self.current.display)",
                    at: self.current)
                return nil
            }
            self.advance()
            return inner
        case .quantifier(let quantifier):
            self.advance()
            guard case .of = self.current.kind else {
                self.fail(
                    .ruleConditionSyntax, "expected `of` after \(token.display), found \(self.current.display)",
                    at: self.current)
                return nil
            }
            self.advance()
            let targetToken = self.current
            let target: ConditionSelector.Target
            switch targetToken.kind {
            case .them: target = .them
            case .identifier(let name): target = .pattern(name)
            case .pattern(let pattern): target = .pattern(pattern)
            default:
                self.fail(
                    .ruleConditionSyntax,
                    "expected `them` or an identifier pattern after `of`, found \(targetToken.display)",
                    at: targetToken)
                return nil
            }
            self.advance()
            return .selector(
                ConditionSelector(
                    quantifier: quantifier, target: target, identifiers: [], location: self.locate(token.start)))
        case .identifier(let name):
            self.advance()
            return .identifier(name, location: self.locate(token.start))
        case .number(let number):
            let next = self.tokens[min(self.position + 1, self.tokens.count - 1)]
            if case .of = next.kind {
                self.fail(
                    .ruleConditionUnsupported,
                    "unsupported feature: `\(number) of`; Sigma defines only `1 of` (or `any of`) and `all of`",
                    at: token)
            } else {
                self.fail(.ruleConditionSyntax, "unexpected number `\(number)`", at: token)
            }
            return nil
        case .pattern(let pattern):
            self.fail(
                .ruleConditionSyntax,
                "the wildcard pattern `\(pattern)` is only allowed after `1 of`, `any of` or `all of`", at: token)
            return nil
        case .them:
            self.fail(.ruleConditionSyntax, "`them` is only allowed after `1 of`, `any of` or `all of`", at: token)
            return nil
        case .pipe:
            self.failPipe(at: token)
            return nil
        case .near:
            self.failNear(at: token)
            return nil
        case .invalid(let text):
            self.fail(.ruleConditionSyntax, "unexpected character `\(text)`", at: token)
            return nil
        case .end:
            self.fail(
                .ruleConditionSyntax,
                "the condition ends where an identifier, `not`, `(` or `1 of`/`all of` was expected", at: token)
            return nil
        case .rightParen, .and, .or, .of, .not:
            self.fail(
                .ruleConditionSyntax,
                "expected an identifier, `not`, `(` or `1 of`/`all of`, found \(token.display)", at: token)
            return nil
        }
    }

    mutating func failPipe(at token: ConditionToken) {
        self.fail(
            .ruleConditionUnsupported,
            "unsupported feature: the legacy aggregation syntax (`| count() ...`); write a correlation rule instead",
            at: token)
    }

    mutating func failNear(at token: ConditionToken) {
        self.fail(
            .ruleConditionUnsupported,
            "unsupported feature: the legacy `near` operator; write a temporal correlation rule instead", at: token)
    }

    // MARK: Resolution

    /// Checks identifiers and fills selector matches; `nil` when something is undefined.
    mutating func resolve(_ expression: ConditionExpression, identifiers: [String]) -> ConditionExpression? {
        let known = Set(identifiers)
        var ok = true
        func visit(_ expression: ConditionExpression) -> ConditionExpression {
            switch expression {
            case .identifier(let name, let location):
                if !known.contains(name) {
                    ok = false
                    var message = "undefined search identifier `\(name)`"
                    let lowered = name.lowercased()
                    if ["and", "or", "not", "of", "them", "all", "any"].contains(lowered) {
                        message += "; operators are lowercase: write `\(lowered)`"
                    } else if let suggestion = Suggestion.closest(to: name, in: identifiers) {
                        message += "; did you mean `\(suggestion)`?"
                    }
                    self.diagnostics.append(
                        Diagnostic(.ruleConditionUndefined, message, at: location, ruleID: self.ruleID))
                }
                return expression
            case .selector(var selector):
                selector.identifiers = ConditionSelector.resolve(selector.target, in: identifiers)
                if selector.identifiers.isEmpty {
                    ok = false
                    self.diagnostics.append(
                        Diagnostic(
                            .ruleConditionUndefined, "`\(selector)` matches no search identifier",
                            at: selector.location, ruleID: self.ruleID))
                }
                return .selector(selector)
            case .not(let operand):
                return .not(visit(operand))
            case .and(let operands):
                return .and(operands.map(visit))
            case .or(let operands):
                return .or(operands.map(visit))
            }
        }
        let resolved = visit(expression)
        return ok ? resolved : nil
    }
}
