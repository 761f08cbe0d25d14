/// The field reference of every document, as Markdown: the source of `docs/templates.md`.
enum TemplateReference {
    /// The whole reference.
    static func markdown() -> String {
        var out = """
            # Template fields

            Documents are rendered from Mustache-style templates in `templates/` (`sla.md`, `scorecard.md`,
            `agenda.md`). Put a file with the same name in a folder and pass `--templates DIR` to replace any of them.

            Syntax: `{{field}}` inserts text escaped for Markdown; `{{#list}}…{{/list}}` repeats for each item (inside,
            the item's fields are visible); `{{#flag}}…{{/flag}}` and `{{^flag}}…{{/flag}}` show a block when a flag, text or
            list is (not) set; `{{record.field}}` reaches into a record; `{{! comment }}`. A tag alone on its line takes
            the line with it. A line `<!-- chart:NAME -->` becomes an inline SVG chart in HTML and disappears in Markdown
            (scorecard charts: `volume`, `acceptance`, `speed`, `funnel`, `reasons`).

            Templates are checked before rendering: a field the document does not offer is an error at the template's
            `file:line:col`, never a silently blank number. `{{{field}}}` (unescaped) is refused for text.

            This file is generated from the code (`TemplateReference`); a test fails when it is out of date.

            """
        for kind in DocumentKind.allCases {
            out += "\n## \(kind.fileName)\n\n| Field | Kind | Meaning |\n|---|---|---|\n"
            out += rows(kind.shape, prefix: "")
        }
        return out
    }

    private static func rows(_ shape: [String: TemplateShape], prefix: String) -> String {
        var out = ""
        for key in shape.keys.sorted() {
            guard let field = shape[key] else { continue }
            out += "| `\(prefix)\(key)` | \(field.kind) | \(field.help) |\n"
            if let members = field.members {
                out += rows(
                    members, prefix: "\(prefix)\(key)[].".replacingAll("[].", with: field.kind == "list" ? "[]." : "."))
            }
        }
        return out
    }
}
