/// Parses template text into nodes, with positions for every tag.
struct TemplateParser {
    let text: String
    let file: String
    /// The deepest sections may nest (the shipped templates use three levels).
    static let maximumNesting = 32

    func parse() throws -> [Template.Node] {
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        var stack: [(path: [String], inverted: Bool, at: SourceLocation, nodes: [Template.Node])] = [
            ([], false, SourceLocation(file: file, line: 1, column: 1), [])
        ]
        for (number, lineText) in lines.enumerated() {
            let isLast = number == lines.count - 1
            let line = String(lineText)
            let tokens = try tokenize(line, lineNumber: number + 1)
            // A line holding only one section/comment tag (and spaces) vanishes with its newline.
            let tags = tokens.filter {
                if case .tag = $0 { return true }
                return false
            }
            let literalsBlank = tokens.allSatisfy {
                if case .literal(let s) = $0 { return s.allSatisfy { $0 == " " } }
                return true
            }
            var standalone = false
            if tags.count == 1, literalsBlank, case .tag(let kind, _, _) = tags[0],
                kind != "" && kind != "{" && kind != "&"
            {
                standalone = true
            }
            for token in tokens {
                switch token {
                case .literal(let s):
                    if !standalone { stack[stack.count - 1].nodes.append(.literal(s)) }
                case .tag(let kind, let name, let at):
                    let path = name.split(separator: ".").map(String.init)
                    switch kind {
                    case "!": continue
                    case "#", "^":
                        // Sections are rendered and checked recursively: their depth is bounded.
                        guard stack.count <= Self.maximumNesting else {
                            throw HandoffError(
                                .usage,
                                diagnostics: [
                                    .error(
                                        "sections nest more than \(Self.maximumNesting) levels deep; close some before opening '{{\(kind)\(name)}}'",
                                        at: at)
                                ])
                        }
                        stack.append((path, kind == "^", at, []))
                    case "/":
                        guard stack.count > 1, let open = stack.last else {
                            throw HandoffError(
                                .usage,
                                diagnostics: [.error("'{{/\(name)}}' closes a section that was never opened", at: at)])
                        }
                        guard open.path == path else {
                            throw HandoffError(
                                .usage,
                                diagnostics: [
                                    .error(
                                        "'{{/\(name)}}' closes '\(open.path.joined(separator: "."))', opened at line \(open.at.line); close that first",
                                        at: at)
                                ])
                        }
                        stack.removeLast()
                        stack[stack.count - 1].nodes.append(
                            .section(path: path, inverted: open.inverted, body: open.nodes, at: open.at))
                    default:
                        stack[stack.count - 1].nodes.append(.value(path: path, raw: kind == "{" || kind == "&", at: at))
                    }
                }
            }
            if !standalone && !isLast { stack[stack.count - 1].nodes.append(.literal("\n")) }
        }
        if stack.count > 1, let open = stack.last {
            throw HandoffError(
                .usage,
                diagnostics: [
                    .error(
                        "section '\(open.path.joined(separator: "."))' is never closed; add {{/\(open.path.joined(separator: "."))}}",
                        at: open.at)
                ])
        }
        return stack[0].nodes
    }

    enum Token {
        case literal(String)
        case tag(kind: String, name: String, at: SourceLocation)
    }

    private func tokenize(_ line: String, lineNumber: Int) throws -> [Token] {
        var tokens: [Token] = []
        let scalars = Array(line.unicodeScalars)
        var literal = ""
        var i = 0
        while i < scalars.count {
            if scalars[i] == "{", i + 1 < scalars.count, scalars[i + 1] == "{" {
                let at = SourceLocation(file: file, line: lineNumber, column: i + 1)
                let triple = i + 2 < scalars.count && scalars[i + 2] == "{"
                let open = triple ? 3 : 2
                let close = triple ? "}}}" : "}}"
                var j = i + open
                var inner = ""
                // The closing braces, compared scalar by scalar (a string per position made long tags cost seconds).
                while j < scalars.count,
                    !(j + open <= scalars.count && scalars[j..<(j + open)].allSatisfy({ $0 == "}" }))
                {
                    inner.unicodeScalars.append(scalars[j])
                    j += 1
                }
                guard j < scalars.count else {
                    throw HandoffError(
                        .usage, diagnostics: [.error("tag is not closed with '\(close)' on this line", at: at)])
                }
                if !literal.isEmpty {
                    tokens.append(.literal(literal))
                    literal = ""
                }
                var name = inner.trimmingSpaces()
                var kind = triple ? "{" : ""
                if !triple, let first = name.first, "#^/!&".contains(first) {
                    kind = String(first)
                    name = String(name.dropFirst()).trimmingSpaces()
                }
                if kind != "!"
                    && (name.isEmpty || !name.allSatisfy({ $0.isLetter || $0.isNumber || $0 == "_" || $0 == "." }))
                {
                    throw HandoffError(
                        .usage,
                        diagnostics: [
                            .error("'\(name)' is not a field name; names are letters, digits, _ and dots", at: at)
                        ])
                }
                tokens.append(.tag(kind: kind, name: name, at: at))
                i = j + close.count
            } else {
                literal.unicodeScalars.append(scalars[i])
                i += 1
            }
        }
        if !literal.isEmpty { tokens.append(.literal(literal)) }
        return tokens
    }
}
