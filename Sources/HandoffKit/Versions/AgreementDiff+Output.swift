import Foundation

/// The three outputs of `handoff diff`.
extension AgreementDiff {
    /// The change summary and the redline, as Markdown: ~~deleted~~ and **inserted** sentences.
    public func markdown() -> String {
        var out = "# Changes to \(Markdown.escape(newLabel))\n\n"
        out +=
            "From \(Markdown.escape(oldLabel)) (version \(Markdown.escape(oldInfo.version)), `\(oldInfo.digest.prefix(12))`) "
        out +=
            "to \(Markdown.escape(newLabel)) (version \(Markdown.escape(newInfo.version)), `\(newInfo.digest.prefix(12))`).\n\n"
        guard !isEmpty else { return out + "No changes: both versions say the same.\n" }
        out += "## Summary\n\n"
        out += changes.map { "- \(Markdown.escape($0.summary))\n" }.joined()
        out += "\n## Redline\n\nSentences of the SLA document: ~~deleted~~ and **inserted**.\n"
        for (section, lines) in grouped() {
            out += "\n### \(section)\n\n"
            for line in lines {
                out +=
                    "- "
                    + Self.leads(line).map { piece, lead in
                        switch piece.kind {
                        case .same: return lead + piece.text
                        case .deleted: return lead + "~~\(piece.text)~~"
                        case .inserted: return lead + "**\(piece.text)**"
                        }
                    }.joined() + "\n"
            }
        }
        return out
    }

    /// The same as a self-contained HTML page, with `<del>` and `<ins>`.
    public func html() -> String {
        var summary = markdown()
        if let cut = summary.range(of: "\n## Redline") { summary = String(summary[..<cut.lowerBound]) + "\n" }
        var redlineHTML = ""
        if !redline.isEmpty {
            redlineHTML =
                "<h2>Redline</h2>\n<p>Sentences of the SLA document: <del>deleted</del> and <ins>inserted</ins>.</p>\n"
            for (section, lines) in grouped() {
                redlineHTML += CommonMark.html("### \(section)") + "<ul class=\"redline\">\n"
                for line in lines {
                    redlineHTML +=
                        "<li>"
                        + Self.leads(line).map { piece, lead in
                            let html = CommonMark.inlineHTML(piece.text)
                            switch piece.kind {
                            case .same: return lead + html
                            case .deleted: return lead + "<del>\(html)</del>"
                            case .inserted: return lead + "<ins>\(html)</ins>"
                            }
                        }.joined() + "</li>\n"
                }
                redlineHTML += "</ul>\n"
            }
        }
        let page = HTMLPage.render(markdown: summary, title: "Changes to \(newLabel)")
        let style =
            "<style>\ndel { color: #a11; background: #fdecec; }\nins { color: #0a5c2b; background: #e6f6ea; text-decoration: none; font-weight: 600; }\n</style>\n"
        let withStyle = page.replacingAll("</head>", with: style + "</head>")
        guard let end = withStyle.range(of: "</main>", options: .backwards) else { return withStyle + redlineHTML }
        return withStyle.replacingCharacters(in: end, with: redlineHTML + "</main>")
    }

    /// The changes as JSON: `old`, `new`, `changed`, `changes` (path, summary, old, new, and the old and new
    /// sentences as plain text) and `redline` (each changed line's section and pieces, as Markdown).
    public func json() -> String {
        func version(_ label: String, _ info: (version: String, digest: String)) -> JSON {
            .object([("source", .string(label)), ("version", .string(info.version)), ("digest", .string(info.digest))])
        }
        let items: [JSON] = changes.map { c in
            .object([
                ("path", .string(c.path)), ("summary", .string(c.summary)),
                ("old", c.old.map(JSON.string) ?? .null), ("new", c.new.map(JSON.string) ?? .null),
                ("old_sentences", .array(c.oldSentences.map(JSON.string))),
                ("new_sentences", .array(c.newSentences.map(JSON.string))),
            ])
        }
        let lines: [JSON] = redline.lines.map { line in
            .object([
                ("section", .string(line.section)),
                (
                    "pieces",
                    .array(
                        line.pieces.map {
                            .object([("kind", .string($0.kind.rawValue)), ("markdown", .string($0.text))])
                        })
                ),
            ])
        }
        return JSON.object([
            ("old", version(oldLabel, oldInfo)), ("new", version(newLabel, newInfo)),
            ("changed", .bool(!isEmpty)), ("changes", .array(items)), ("redline", .array(lines)),
        ]).rendered()
    }

    /// Each piece with the text before it: an inserted sentence that replaces a deleted one in the same
    /// place follows it after a space (not a second cell separator); a line's first piece has none.
    static func leads(_ line: Redline.Line) -> [(Redline.Piece, String)] {
        line.pieces.enumerated().map { k, piece in
            guard k > 0 else { return (piece, "") }
            let previous = line.pieces[k - 1]
            if piece.kind == .inserted, previous.kind == .deleted, piece.lead == previous.lead || piece.lead.isEmpty {
                return (piece, " ")
            }
            return (piece, piece.lead.isEmpty ? " " : piece.lead)
        }
    }

    /// Redline lines under their section headings, in order.
    func grouped() -> [(String, [Redline.Line])] {
        var out: [(String, [Redline.Line])] = []
        for line in redline.lines {
            let section = line.section.isEmpty ? "Title" : line.section
            if let last = out.last, last.0 == section {
                out[out.count - 1].1.append(line)
            } else {
                out.append((section, [line]))
            }
        }
        return out
    }
}
