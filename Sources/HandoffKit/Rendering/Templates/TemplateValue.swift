/// Data handed to a template: text (escaped for Markdown when rendered), pre-rendered Markdown, flags, lists, records.
public indirect enum TemplateValue: Sendable {
    /// User or CRM text: escaped for Markdown by `{{name}}`.
    case text(String)
    /// Markdown produced by Handoff itself (a table, a chart marker): inserted as is by `{{{name}}}`.
    case markdown(String)
    case bool(Bool)
    case list([TemplateValue])
    case record([String: TemplateValue])

    /// True for non-empty lists, true flags, non-empty text and any record.
    var isTruthy: Bool {
        switch self {
        case .text(let s), .markdown(let s): return !s.isEmpty
        case .bool(let b): return b
        case .list(let items): return !items.isEmpty
        case .record: return true
        }
    }
}

/// The declared shape of a document's template data: what `docs/templates.md` lists and templates are checked against.
indirect enum TemplateShape: Sendable {
    case text(String)
    case markdown(String)
    case bool(String)
    case list(String, [String: TemplateShape])
    case record(String, [String: TemplateShape])

    /// The field's description.
    var help: String {
        switch self {
        case .text(let h), .markdown(let h), .bool(let h), .list(let h, _), .record(let h, _): return h
        }
    }

    /// Fields visible inside a section on this field.
    var members: [String: TemplateShape]? {
        switch self {
        case .list(_, let m), .record(_, let m): return m
        default: return nil
        }
    }

    /// The shape's kind in words, for docs.
    var kind: String {
        switch self {
        case .text: return "text"
        case .markdown: return "markdown"
        case .bool: return "flag"
        case .list: return "list"
        case .record: return "record"
        }
    }
}
