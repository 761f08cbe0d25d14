// Fuzz target: the Markdown and HTML table writer, with CRM text in the cells.
// Input: up to six data strings separated by 0xFF bytes (each decoded lossily as UTF-8), rendered through a
// template into a pipe table, a heading and a paragraph, then into the HTML page.
// Properties: no data string becomes Markdown structure (the table keeps its rows and its three cells per row, the
// document keeps its blocks), and no `<` from data reaches the HTML unescaped (every cell and the paragraph hold
// exactly the data's text, every tag on the page is one the writer makes).
@testable import HandoffKit

private let template: Template = {
    let text = """
        ## Leads of {{title}}

        | Lead | Note | Owner |
        |---|:---:|---:|
        {{#rows}}
        | {{a}} | {{b}} | {{c}} |
        {{/rows}}

        Owner: {{title}}
        """
    do { return try Template(text: text, file: "fuzz-table.md") } catch { fatalError("the harness template: \(error)") }
}()

/// What the reader sees: the text with every run of whitespace one space, none at the ends.
private func visible(_ s: String) -> String {
    s.replacingAll("\u{0}", with: "\u{FFFD}").split(whereSeparator: { $0.isWhitespace }).joined(separator: " ")
}

/// The text of an HTML fragment that must hold no tags: entities decoded.
private func text(ofHTML fragment: Substring, _ what: String) -> String {
    precondition(!fragment.contains("<"), "\(what) holds markup: \(fragment)")
    return visible(String(fragment).replacingAll("&lt;", with: "<").replacingAll("&gt;", with: ">")
        .replacingAll("&quot;", with: "\"").replacingAll("&#39;", with: "'").replacingAll("&amp;", with: "&"))
}

/// The contents of each `<open …>…</close>` element, in order.
private func elements(_ html: String, _ name: String) -> [Substring] {
    var out: [Substring] = []
    var rest = Substring(html)
    while let open = rest.range(of: "<\(name)") {
        let afterName = rest[open.upperBound...]
        guard let first = afterName.first, first == ">" || first == " ", let end = afterName.range(of: ">") else {
            rest = afterName; continue
        }
        let body = afterName[end.upperBound...]
        guard let close = body.range(of: "</\(name)>") else { break }
        out.append(body[..<close.lowerBound])
        rest = body[close.upperBound...]
    }
    return out
}

private let allowedTags: Set<String> = ["h2", "table", "thead", "tbody", "tr", "th", "td", "p", "main"]

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzTable(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    guard let data else { return 0 }
    let raw = UnsafeBufferPointer(start: data, count: size)
    var strings = raw.split(separator: 0xFF, maxSplits: 5, omittingEmptySubsequences: false)
        .map { String(decoding: $0, as: UTF8.self) }
    while strings.count < 4 { strings.append("x") }
    let title = strings[0]
    let cells = Array(strings.dropFirst())
    let rows = stride(from: 0, to: cells.count, by: 3).map { k -> TemplateValue in
        .record(["a": .text(cells[k]), "b": .text(k + 1 < cells.count ? cells[k + 1] : ""),
                 "c": .text(k + 2 < cells.count ? cells[k + 2] : "")])
    }
    let markdown = template.render(["title": .text(title), "rows": .list(rows)])

    // Markdown: the blocks and the table's shape are the template's, whatever the data.
    let blocks = MarkdownBlocks.split(markdown)
    precondition(blocks.count == 3, "data changed the document's blocks:\n\(markdown)")
    guard case let .table(lines) = blocks[1] else { preconditionFailure("the table is gone:\n\(markdown)") }
    precondition(lines.count == 2 + rows.count, "data changed the table's rows:\n\(markdown)")
    for line in lines { precondition(MarkdownBlocks.cells(line).count == 3, "data changed a row's cells: \(line)") }

    // HTML: every tag is the writer's; every cell and the paragraph hold exactly the data's text.
    let page = HTMLPage.render(markdown: markdown, title: title)
    guard let main = page.range(of: "<main>"), let mainEnd = page.range(of: "</main>") else { preconditionFailure("no <main>") }
    let body = page[main.lowerBound..<mainEnd.upperBound]
    var rest = body
    while let lt = rest.firstIndex(of: "<") {
        let name = rest[rest.index(after: lt)...].prefix { $0.isLetter || $0.isNumber || $0 == "/" }
        precondition(allowedTags.contains(String(name.drop { $0 == "/" })), "a tag the writer never makes: <\(name) in\n\(body)")
        rest = rest[rest.index(after: lt)...]
    }
    let body2 = String(body)
    let tds = elements(body2, "td")
    precondition(tds.count == 3 * rows.count, "HTML has \(tds.count) cells for \(rows.count) rows")
    for (k, td) in tds.enumerated() {
        let expected = k < cells.count ? visible(cells[k]) : ""
        precondition(text(ofHTML: td, "a cell") == expected, "cell \(k) reads '\(td)', not '\(expected)'")
    }
    let paragraphs = elements(body2, "p")
    precondition(paragraphs.count == 1, "data changed the paragraphs: \(paragraphs)")
    precondition(text(ofHTML: paragraphs[0], "the paragraph") == visible("Owner: " + title), "the paragraph reads '\(paragraphs[0])'")
    let headings = elements(body2, "h2")
    precondition(headings.count == 1 && text(ofHTML: headings[0], "the heading") == visible("Leads of " + title),
                 "the heading reads '\(headings)'")
    return 0
}
