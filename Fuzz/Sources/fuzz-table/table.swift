// Fuzz target: the Markdown and HTML table writer, with CRM text in the cells.
// Input: up to six data strings separated by 0xFF bytes (each decoded lossily as UTF-8), rendered through a
// template into a pipe table, a heading and a paragraph, then into the HTML page.
// Properties: no data string becomes Markdown structure (the table keeps its rows and its three cells per row, the
// document keeps its blocks), and no `<` from data reaches the HTML unescaped (every cell and the paragraph hold
// exactly the data's text, every tag on the page is one the writer makes); long punctuation runs folded for libcmark
// leave its HTML as it is.
import FuzzSupport

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

/// What the reader sees, as Unicode scalars (CommonMark reads scalars, not Swift `Character`s: a `<` followed by a
/// combining mark is one `Character`): every run of whitespace one space, none at the ends, NUL as U+FFFD.
/// A mark on a space belongs to that space (one `Character`), which trimming may drop with it: a combining mark, and
/// also a spacing mark such as U+AAEB (anything `Markdown.escape` finds to make one `Character` with a space).
private func visible(_ s: String) -> [Unicode.Scalar] {
    var out: [Unicode.Scalar] = []
    var space = false, afterSpace = true
    for c in s.unicodeScalars {
        if c.properties.isWhitespace || (afterSpace && joinsSpace(c)) {
            space = !out.isEmpty
            afterSpace = true
            continue
        }
        afterSpace = false
        if space {
            out.append(" ")
            space = false
        }
        out.append(c == "\u{0}" ? "\u{FFFD}" : c)
    }
    return out
}

/// True when a space and `c` make one `Character` (Unicode's grapheme rules: extending and spacing marks, joiners).
private func joinsSpace(_ c: Unicode.Scalar) -> Bool {
    c.properties.isGraphemeExtend || String(String.UnicodeScalarView([" ", c])).count == 1
}

private func bytes(_ s: String) -> [UInt8] { Array(s.utf8) }

/// The text of an HTML fragment that must hold no tags: entities decoded (byte by byte: entities are ASCII).
private func text(ofHTML fragment: ArraySlice<UInt8>, _ what: String) -> [Unicode.Scalar] {
    require(!fragment.contains(UInt8(ascii: "<")), "\(what) holds markup: \(String(decoding: fragment, as: UTF8.self))")
    let entities: [([UInt8], UInt8)] = [
        (bytes("&lt;"), UInt8(ascii: "<")), (bytes("&gt;"), UInt8(ascii: ">")),
        (bytes("&quot;"), UInt8(ascii: "\"")), (bytes("&#39;"), UInt8(ascii: "'")),
        (bytes("&amp;"), UInt8(ascii: "&")),
    ]
    var out: [UInt8] = []
    var i = fragment.startIndex
    outer: while i < fragment.endIndex {
        if fragment[i] == UInt8(ascii: "&") {
            for (entity, byte) in entities where fragment[i...].starts(with: entity) {
                out.append(byte)
                i += entity.count
                continue outer
            }
        }
        out.append(fragment[i])
        i += 1
    }
    return visible(String(decoding: out, as: UTF8.self))
}

/// The contents of each `<name>` or `<name …>` element up to its `</name>`, in order.
private func elements(_ html: [UInt8], _ name: String) -> [ArraySlice<UInt8>] {
    let open = bytes("<\(name)"), close = bytes("</\(name)>"), gtByte = [UInt8(ascii: ">")]
    var out: [ArraySlice<UInt8>] = []
    var i = 0
    while let at = FuzzBytes.find(open, in: html, from: i), at + open.count < html.count {
        guard html[at + open.count] == UInt8(ascii: ">") || html[at + open.count] == UInt8(ascii: " "),
            let gt = FuzzBytes.find(gtByte, in: html, from: at + open.count)
        else {
            i = at + 1
            continue
        }
        guard let j = FuzzBytes.find(close, in: html, from: gt + 1) else { break }
        out.append(html[(gt + 1)..<j])
        i = j + close.count
    }
    return out
}

private let allowedTags: Set<String> = ["h2", "table", "thead", "tbody", "tr", "th", "td", "p", "main"]

/// Builds the harness's fixed data before the first input, so no input is charged for it (the timeout is 1 s).
func warmUp() { _ = template }

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
        .record([
            "a": .text(cells[k]), "b": .text(k + 1 < cells.count ? cells[k + 1] : ""),
            "c": .text(k + 2 < cells.count ? cells[k + 2] : ""),
        ])
    }
    let markdown: String
    do {
        markdown = try template.render(["title": .text(title), "rows": .list(rows)])
    } catch {
        // The title is written twice and escaping can double a text: from 512 KB of data the page may pass the
        // renderer's 4 MB bound, which is a clear error, not a failure. Below that, the template must render.
        require(size > Template.maximumOutput / 8, "the table template failed to render: \(error)")
        return 0
    }

    if timingOnly {
        _ = HTMLPage.render(markdown: markdown, title: title)
        return 0
    }

    // Markdown: the blocks and the table's shape are the template's, whatever the data.
    let blocks = MarkdownBlocks.split(markdown)
    require(blocks.count == 3, "data changed the document's blocks:\n\(markdown)")
    guard case .table(let lines) = blocks[1] else { fatalError("the table is gone:\n\(markdown)") }
    require(lines.count == 2 + rows.count, "data changed the table's rows:\n\(markdown)")
    for line in lines {
        require(MarkdownBlocks.cells(line).count == 3, "data changed a row's cells: \(line)")
        // As a GFM reader splits the row: scalar by scalar, a backslash taking the next scalar with it.
        var pipes = 0, escaped = false
        for c in line.unicodeScalars {
            if escaped { escaped = false } else if c == "\\" { escaped = true } else if c == "|" { pipes += 1 }
        }
        require(pipes == 4, "data adds a cell delimiter for a GFM reader: \(line)")
    }

    // HTML: every tag is the writer's; every cell, the heading and the paragraph hold exactly the data's text.
    let page = bytes(HTMLPage.render(markdown: markdown, title: title))
    let mainOpen = bytes("<main>"), mainClose = bytes("</main>")
    var last = FuzzBytes.find(mainClose, in: page)
    while let at = last, let next = FuzzBytes.find(mainClose, in: page, from: at + 1) { last = next }
    guard let from = FuzzBytes.find(mainOpen, in: page), let to = last else { fatalError("no <main>") }
    let body = Array(page[from..<(to + mainClose.count)])
    var next = FuzzBytes.find([UInt8(ascii: "<")], in: body)
    while let k = next {
        next = FuzzBytes.find([UInt8(ascii: "<")], in: body, from: k + 1)
        var name = body[(k + 1)...].prefix {
            $0 == UInt8(ascii: "/") || (0x30...0x39).contains($0) || (0x61...0x7A).contains($0)
        }
        if name.first == UInt8(ascii: "/") { name = name.dropFirst() }
        require(
            allowedTags.contains(String(decoding: name, as: UTF8.self)),
            "a tag the writer never makes: <\(String(decoding: name, as: UTF8.self)) in\n\(String(decoding: body, as: UTF8.self))"
        )
    }
    // Long punctuation runs go to libcmark folded (FoldedLiterals): the HTML must be libcmark's for the text as it is.
    var texts: [String] = []
    for block in blocks {
        switch block {
        case .prose(let text): texts.append(text)
        case .table(let lines): texts += lines.flatMap { MarkdownBlocks.cells($0).map(CommonMark.inline) }
        case .chart: break
        }
    }
    for text in texts where FoldedLiterals(text) != nil {
        require(CommonMark.html(text) == CommonMark.unfoldedHTML(text), "folding changed the HTML of:\n\(text)")
    }
    let tds = elements(body, "td")
    require(tds.count == 3 * rows.count, "HTML has \(tds.count) cells for \(rows.count) rows")
    for (k, td) in tds.enumerated() {
        let expected = k < cells.count ? visible(cells[k]) : []
        require(
            text(ofHTML: td, "a cell") == expected,
            "cell \(k) reads '\(String(decoding: td, as: UTF8.self))', not '\(String(String.UnicodeScalarView(expected)))'"
        )
    }
    let paragraphs = elements(body, "p")
    require(paragraphs.count == 1, "data changed the paragraphs: \(paragraphs.count)")
    require(
        text(ofHTML: paragraphs[0], "the paragraph") == visible("Owner: " + title),
        "the paragraph reads '\(String(decoding: paragraphs[0], as: UTF8.self))'")
    let headings = elements(body, "h2")
    require(
        headings.count == 1 && text(ofHTML: headings[0], "the heading") == visible("Leads of " + title),
        "the heading reads '\(headings.map { String(decoding: $0, as: UTF8.self) })'")
    return 0
}
