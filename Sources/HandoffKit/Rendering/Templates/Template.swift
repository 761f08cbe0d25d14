/// A parsed template: `{{name}}` (escaped text), `{{{name}}}` (Handoff's own Markdown), `{{#name}}…{{/name}}`
/// (a list, a flag or a record), `{{^name}}…{{/name}}` (when empty or false), `{{! comment}}`. Dotted names reach into records.
/// A tag alone on its line takes the line with it.
public struct Template: Sendable {
    indirect enum Node: Sendable {
        case literal(String)
        case value(path: [String], raw: Bool, at: SourceLocation)
        case section(path: [String], inverted: Bool, body: [Node], at: SourceLocation)
    }

    let nodes: [Node]
    /// The file the template came from.
    let file: String

    /// The largest template text: the shipped ones are 2–5 KB; a megabyte of sections took a second to parse and
    /// render in the fuzz build.
    static let maximumSize = 128 << 10

    /// Parses template text; errors carry the template's file:line:col.
    init(text: String, file: String) throws {
        self.file = file
        guard text.utf8.count <= Self.maximumSize else {
            throw HandoffError(
                .usage,
                "the template \(file) is \(FileSize.describe(text.utf8.count)); a template is at most 128 KB — is this the right file?",
                file: file)
        }
        nodes = try TemplateParser(text: text, file: file).parse()
    }

    /// Reports every field the template uses that `shape` does not offer.
    func check(against shape: [String: TemplateShape]) -> [Diagnostic] {
        var problems: [Diagnostic] = []
        var suggestions = Self.maximumSuggestions
        check(nodes, scopes: [shape], problems: &problems, suggestions: &suggestions)
        return problems
    }

    /// Distinct unknown names that get a "did you mean" (each costs an edit distance against every field): a
    /// megabyte of different unknown names took over a second. Every unknown name is still reported.
    static let maximumSuggestions = 200

    private func check(
        _ nodes: [Node], scopes: [[String: TemplateShape]], problems: inout [Diagnostic], suggestions: inout Int
    ) {
        // The names for suggestions, sorted once per section (not once per unknown field: a template of a hundred
        // thousand unknown fields took seconds), and each name's hint worked out once.
        var sortedNames: [String]?
        var hints: [String: String] = [:]
        func unknown(_ path: [String], _ at: SourceLocation) -> Diagnostic {
            let name = path.joined(separator: ".")
            let hint: String
            if let known = hints[name] {
                hint = known
            } else if suggestions > 0 {
                suggestions -= 1
                let names = sortedNames ?? scopes.flatMap(\.keys).sorted()
                sortedNames = names
                hint = Suggestion.hint(for: name, in: names)
            } else {
                hint = ""
            }
            hints[name] = hint
            return .error(
                "unknown field '\(name)'\(hint); docs/templates.md lists the fields of each document", at: at)
        }
        for node in nodes {
            switch node {
            case .literal: continue
            case .value(let path, let raw, let at):
                guard let found = resolve(path, in: scopes) else {
                    problems.append(unknown(path, at))
                    continue
                }
                switch found {
                case .text where raw:
                    problems.append(
                        .error(
                            "'\(path.joined(separator: "."))' is text from the agreement or the CRM; write {{\(path.joined(separator: "."))}} so it is escaped",
                            at: at))
                case .list, .record:
                    problems.append(
                        .error(
                            "'\(path.joined(separator: "."))' is a \(found.kind); open it as a section: {{#\(path.joined(separator: "."))}}…{{/\(path.joined(separator: "."))}}",
                            at: at))
                default: break
                }
            case .section(let path, _, let body, let at):
                guard let found = resolve(path, in: scopes) else {
                    problems.append(unknown(path, at))
                    continue
                }
                check(
                    body, scopes: found.members.map { scopes + [$0] } ?? scopes, problems: &problems,
                    suggestions: &suggestions)
            }
        }
    }

    private func resolve(_ path: [String], in scopes: [[String: TemplateShape]]) -> TemplateShape? {
        guard let head = path.first else { return nil }
        for scope in scopes.reversed() {
            guard var current = scope[head] else { continue }
            for part in path.dropFirst() {
                guard let next = current.members?[part] else { return nil }
                current = next
            }
            return current
        }
        return nil
    }

    /// The largest document a template may produce, and the most tags it may render. Sections over lists nest, so a
    /// few lines that open a list inside itself six times multiply the work by the list's length six times.
    static let maximumOutput = 4 << 20
    static let maximumSteps = 500_000

    /// Renders with `data`; `{{name}}` is escaped for Markdown. Throws when the document would exceed `maximumOutput`
    /// or its rendering `maximumSteps` tags.
    func render(_ data: [String: TemplateValue]) throws -> String {
        var out = ""
        var steps = Self.maximumSteps
        var escaped: [String: String] = [:]
        render(nodes, scopes: [.record(data)], into: &out, steps: &steps, escaped: &escaped)
        guard out.utf8.count <= Self.maximumOutput, steps >= 0 else {
            throw HandoffError(
                .usage,
                "the template \(file) makes a document of more than \(Self.maximumOutput >> 20) MB or \(Self.maximumSteps) tags; are sections over lists nested inside each other?",
                file: file)
        }
        return out
    }

    /// `escaped` remembers each value's Markdown escape: sections over lists write the same values many times.
    private func render(
        _ nodes: [Node], scopes: [TemplateValue], into out: inout String, steps: inout Int,
        escaped: inout [String: String]
    ) {
        for node in nodes {
            steps -= 1
            if steps < 0 || out.utf8.count > Self.maximumOutput { return }
            switch node {
            case .literal(let text): out += text
            case .value(let path, _, _):
                switch lookup(path, scopes) {
                case .text(let s)?:
                    if let known = escaped[s] {
                        out += known
                    } else {
                        let text = Markdown.escape(s)
                        escaped[s] = text
                        out += text
                    }
                case .markdown(let s)?: out += s
                case .bool(let b)?: out += b ? "yes" : "no"
                default: break
                }
            case .section(let path, let inverted, let body, _):
                let value = lookup(path, scopes)
                let truthy = value?.isTruthy ?? false
                if inverted {
                    if !truthy { render(body, scopes: scopes, into: &out, steps: &steps, escaped: &escaped) }
                    continue
                }
                guard truthy, let value else { continue }
                switch value {
                case .list(let items):
                    for item in items where steps >= 0 {
                        steps -= 1
                        render(body, scopes: scopes + [item], into: &out, steps: &steps, escaped: &escaped)
                    }
                case .record: render(body, scopes: scopes + [value], into: &out, steps: &steps, escaped: &escaped)
                default: render(body, scopes: scopes, into: &out, steps: &steps, escaped: &escaped)
                }
            }
        }
    }

    private func lookup(_ path: [String], _ scopes: [TemplateValue]) -> TemplateValue? {
        guard let head = path.first else { return nil }
        for scope in scopes.reversed() {
            guard case .record(let fields) = scope, var current = fields[head] else { continue }
            for part in path.dropFirst() {
                guard case .record(let inner) = current, let next = inner[part] else { return nil }
                current = next
            }
            return current
        }
        return nil
    }
}
