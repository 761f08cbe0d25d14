/// Parses condition text into a `ConditionExpression`.
///
/// Grammar: `or := and ("or" and)*`, `and := unary ("and" unary)*`, `unary := "not" unary | test`,
/// `test := sum [(op sum) | ["not"] "in" (list | sum ".." sum) | "contains" ["any"] (sum | list)]`,
/// `sum := atom (("+" | "-") atom)*`, `atom := number | text | field | count(action[, span]) | "(" or ")"`.
struct ConditionParser {
    private var tokens: [ConditionToken]
    private var position = 0
    /// Operators and parentheses parsed so far. Both bound the depth of the expression tree, which is walked
    /// recursively (checks, evaluation, compiling, freeing), so no condition can exhaust the stack.
    private var operators = 0
    private var nesting = 0
    static let maximumOperators = 256
    static let maximumNesting = 32
    /// Unicode scalars in one condition: a long list of titles fits; a megabyte would take seconds to lex.
    static let maximumLength = 50_000

    static func parse(_ text: String) throws -> ConditionExpression {
        guard text.unicodeScalars.count <= maximumLength else {
            throw ConditionSyntaxError(
                message: "the condition is longer than 50,000 characters; split it into several rules",
                offset: maximumLength)
        }
        var parser = ConditionParser(tokens: try ConditionLexer.tokens(text))
        if case .end = parser.peek.kind {
            throw ConditionSyntaxError(message: "empty condition", offset: 0)
        }
        let expression = try parser.parseOr()
        guard case .end = parser.peek.kind else {
            throw ConditionSyntaxError(
                message: "unexpected \(parser.describe(parser.peek)); join conditions with 'and' or 'or'",
                offset: parser.peek.offset)
        }
        return expression
    }

    private init(tokens: [ConditionToken]) { self.tokens = tokens }

    private var peek: ConditionToken { tokens[position] }

    private mutating func advance() -> ConditionToken {
        let token = tokens[position]
        if position < tokens.count - 1 { position += 1 }
        return token
    }

    private func isWord(_ word: String) -> Bool {
        if case .word(let w) = peek.kind { return w.lowercased() == word }
        return false
    }

    private func isSymbol(_ symbol: String) -> Bool {
        if case .symbol(let s) = peek.kind { return s == symbol }
        return false
    }

    private mutating func expect(_ symbol: String, _ why: String) throws {
        guard isSymbol(symbol) else {
            throw ConditionSyntaxError(
                message: "expected '\(symbol)' \(why), found \(describe(peek))", offset: peek.offset)
        }
        _ = advance()
    }

    private func describe(_ token: ConditionToken) -> String {
        switch token.kind {
        case .end: return "the end of the condition"
        case .word(let w): return "'\(w)'"
        case .symbol(let s): return "'\(s)'"
        case .text(let t): return "\"\(t)\""
        case .number(let n, _): return "number \(Amount.format(n))"
        }
    }

    private mutating func parseOr() throws -> ConditionExpression {
        var left = try parseAnd()
        while isWord("or") {
            try countOperator()
            _ = advance()
            left = .or(left, try parseAnd())
        }
        return left
    }

    private mutating func parseAnd() throws -> ConditionExpression {
        var left = try parseUnary()
        while isWord("and") {
            try countOperator()
            _ = advance()
            left = .and(left, try parseUnary())
        }
        return left
    }

    private mutating func parseUnary() throws -> ConditionExpression {
        if isWord("not") {
            try countOperator()
            try enter(at: advance().offset)
            defer { nesting -= 1 }
            return .not(try parseUnary())
        }
        return try parseTest()
    }

    /// Counts one operator; throws past `maximumOperators`.
    private mutating func countOperator() throws {
        operators += 1
        guard operators <= Self.maximumOperators else {
            throw ConditionSyntaxError(
                message: "the condition has more than \(Self.maximumOperators) operators; split it into several rules",
                offset: peek.offset)
        }
    }

    /// Enters one level of parentheses or `not`; throws past `maximumNesting`.
    private mutating func enter(at offset: Int) throws {
        nesting += 1
        guard nesting <= Self.maximumNesting else {
            throw ConditionSyntaxError(
                message:
                    "the condition nests more than \(Self.maximumNesting) levels of parentheses or 'not'; simplify it",
                offset: offset)
        }
    }

    private mutating func parseTest() throws -> ConditionExpression {
        let left = try parseSum()
        if case .symbol(let s) = peek.kind, let op = ConditionExpression.Comparison(rawValue: s) {
            try countOperator()
            _ = advance()
            return .compare(left, op, try parseSum())
        }
        var negated = false
        if isWord("not") {
            _ = advance()
            guard isWord("in") else {
                throw ConditionSyntaxError(
                    message: "expected 'in' after 'not', found \(describe(peek))", offset: peek.offset)
            }
            negated = true
        }
        if isWord("in") {
            try countOperator()
            _ = advance()
            if isSymbol("[") { return .member(left, of: try parseList(), negated: negated) }
            let low = try parseSum()
            try expect("..", "between the ends of a range such as 250..5000")
            return .between(left, low: low, high: try parseSum(), negated: negated)
        }
        if isWord("contains") {
            try countOperator()
            _ = advance()
            if isWord("any") {
                _ = advance()
                return .contains(left, anyOf: try parseList())
            }
            return .contains(left, anyOf: [try parseSum()])
        }
        return left
    }

    private mutating func parseList() throws -> [ConditionExpression] {
        try expect("[", "to open a list")
        var items: [ConditionExpression] = []
        while !isSymbol("]") {
            items.append(try parseSum())
            if isSymbol(",") { _ = advance() } else { break }
        }
        try expect("]", "to close the list")
        return items
    }

    private mutating func parseSum() throws -> ConditionExpression {
        var left = try parseAtom()
        while isSymbol("+") || isSymbol("-") {
            let negate = isSymbol("-")
            try countOperator()
            _ = advance()
            left = .sum(left, try parseAtom(), negate: negate)
        }
        return left
    }

    private mutating func parseAtom() throws -> ConditionExpression {
        let token = advance()
        switch token.kind {
        case .number(let value, let unit): return .literal(.number(value, unit), offset: token.offset)
        case .text(let text): return .literal(.text(text), offset: token.offset)
        case .word(let word):
            if word == "count", isSymbol("(") { return try parseCount(at: token.offset) }
            if ["and", "or", "not", "in", "contains"].contains(word.lowercased()) {
                throw ConditionSyntaxError(message: "expected a value before '\(word)'", offset: token.offset)
            }
            return .field(word, offset: token.offset)
        case .symbol("("):
            try enter(at: token.offset)
            defer { nesting -= 1 }
            let inner = try parseOr()
            try expect(")", "to close the parenthesis")
            return inner
        default:
            throw ConditionSyntaxError(
                message: "expected a number, a field or text, found \(describe(token))", offset: token.offset)
        }
    }

    private mutating func parseCount(at offset: Int) throws -> ConditionExpression {
        try expect("(", "after count")
        let actionToken = advance()
        guard case .word(let action) = actionToken.kind else {
            throw ConditionSyntaxError(
                message: "expected an engagement action such as demo_request inside count(...)",
                offset: actionToken.offset)
        }
        var window: Double?
        if isSymbol(",") {
            _ = advance()
            let spanToken = advance()
            guard case .number(let value, .duration) = spanToken.kind else {
                throw ConditionSyntaxError(
                    message: "expected a time window such as 24h after the action", offset: spanToken.offset)
            }
            window = value
        }
        try expect(")", "to close count(...)")
        return .count(action: action, window: window, offset: offset)
    }
}
