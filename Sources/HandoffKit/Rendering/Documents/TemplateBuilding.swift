/// Small helpers for building template data.
enum T {
    static func text(_ s: String) -> TemplateValue { .text(s) }
    static func list(_ items: [[String: TemplateValue]]) -> TemplateValue { .list(items.map { .record($0) }) }
    static func texts(_ items: [String]) -> TemplateValue { .list(items.map { .record(["item": .text($0)]) }) }
    static func percent(_ v: Double?) -> TemplateValue { .text(v.map { Percent.format($0) } ?? "–") }
    static func number(_ v: Double) -> TemplateValue { .text(Amount.format(v)) }
    static func int(_ v: Int) -> TemplateValue { .text(String(v)) }
}

/// Shape helpers.
enum S {
    static func text(_ h: String) -> TemplateShape { .text(h) }
    static let items: TemplateShape = .list("plain text items", ["item": .text("the item")])
}
