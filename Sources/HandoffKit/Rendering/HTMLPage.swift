/// Turns a Handoff Markdown document into one self-contained HTML page.
///
/// Prose goes through libcmark. GFM pipe tables (which libcmark cannot read) are found here and written as
/// `<table>` elements, each cell's Markdown rendered by libcmark so escapes hold. Chart markers
/// (`<!-- chart:NAME -->` alone on a line) are replaced by the inline SVG the caller supplies.
enum HTMLPage {
    /// The page for `markdown`, titled `title`, with `charts` by name.
    static func render(markdown: String, title: String, charts: [String: String] = [:]) -> String {
        var body = ""
        for block in MarkdownBlocks.split(markdown) {
            switch block {
            case .prose(let text): body += taskList(CommonMark.html(text))
            case .table(let lines): body += table(lines)
            case .chart(let name): body += charts[name].map { "<figure class=\"chart\">\($0)</figure>\n" } ?? ""
            }
        }
        return """
            <!DOCTYPE html>
            <html lang="en">
            <head>
            <meta charset="utf-8">
            <meta name="viewport" content="width=device-width, initial-scale=1">
            <meta name="generator" content="Handoff (libcmark)">
            <title>\(escape(title))</title>
            <style>
            \(PageStyle.css)
            </style>
            </head>
            <body>
            <main>
            \(body)</main>
            </body>
            </html>

            """
    }

    /// libcmark has no task-list extension: `- [ ] item` arrives as a list item starting with "[ ] ".
    static func taskList(_ html: String) -> String {
        html.replacingAll("<li>[ ] ", with: "<li class=\"task\">☐ ")
    }

    /// Markdown without chart markers, for the Markdown output.
    static func markdownWithoutMarkers(_ markdown: String) -> String {
        var out: [Substring] = []
        var previousBlank = false
        for line in markdown.split(separator: "\n", omittingEmptySubsequences: false) {
            if MarkdownBlocks.chartName(line) != nil { continue }
            let blank = line.trimmingSpaces().isEmpty
            if blank && previousBlank { continue }
            out.append(line)
            previousBlank = blank
        }
        return out.joined(separator: "\n")
    }

    static func table(_ lines: [Substring]) -> String {
        guard lines.count >= 2 else { return "" }
        let header = MarkdownBlocks.cells(lines[0])
        let alignments = MarkdownBlocks.cells(lines[1]).map { spec -> String in
            let s = spec.trimmingSpaces()
            if s.hasPrefix(":") && s.hasSuffix(":") { return " class=\"c\"" }
            if s.hasSuffix(":") { return " class=\"r\"" }
            return ""
        }
        // A list of records (five or more text columns, no numbers; or six or more columns of any kind, too wide
        // for 375 px) is shown as one card per row on a phone; each cell carries its column's name for that.
        let records = header.count >= 6 || (header.count >= 5 && !alignments.contains(" class=\"r\""))
        let labels = header.map { " data-label=\"\(escape($0.trimmingSpaces()))\"" }
        var html = records ? "<table class=\"records\">\n<thead>\n<tr>" : "<table>\n<thead>\n<tr>"
        for (i, cell) in header.enumerated() {
            html += "<th\(i < alignments.count ? alignments[i] : "")>\(CommonMark.inlineHTML(cell))</th>"
        }
        html += "</tr>\n</thead>\n<tbody>\n"
        for line in lines.dropFirst(2) {
            html += "<tr>"
            let cells = MarkdownBlocks.cells(line)
            for i in 0..<header.count {
                let cell = i < cells.count ? cells[i] : ""
                var classes: [String] = []
                if i < alignments.count, !alignments[i].isEmpty {
                    classes.append(alignments[i] == " class=\"r\"" ? "r" : "c")
                }
                if let verdict = verdictClass(cell) { classes.append(verdict) }
                // Ids, numbers and dates (one short word) never wrap mid-value.
                if !cell.isEmpty, cell.count <= 24, !cell.contains(" ") { classes.append("nw") }
                let attr = classes.isEmpty ? "" : " class=\"\(classes.joined(separator: " "))\""
                html += "<td\(attr)\(records ? labels[i] : "")>\(CommonMark.inlineHTML(cell))</td>"
            }
            html += "</tr>\n"
        }
        return html + "</tbody>\n</table>\n"
    }

    /// A verdict cell (`✓ met`, `✗ missed`, …) gets a colour class; the words stay for readers without colour.
    static func verdictClass(_ cell: String) -> String? {
        let t = cell.trimmingSpaces()
        for v in Verdict.allCases where t.hasPrefix(v.symbol + " ") || t.hasPrefix("**" + v.symbol + " ") {
            return "v-" + v.rawValue.replacingAll("_", with: "-")
        }
        return nil
    }

    /// Escapes text for HTML element content and attribute values, byte by byte (as a browser reads code points:
    /// a `<` with a combining mark after it is still escaped).
    static func escape(_ s: String) -> String {
        var out: [UInt8] = []
        out.reserveCapacity(s.utf8.count)
        for byte in s.utf8 {
            switch byte {
            case UInt8(ascii: "&"): out.append(contentsOf: "&amp;".utf8)
            case UInt8(ascii: "<"): out.append(contentsOf: "&lt;".utf8)
            case UInt8(ascii: ">"): out.append(contentsOf: "&gt;".utf8)
            case UInt8(ascii: "\""): out.append(contentsOf: "&quot;".utf8)
            case UInt8(ascii: "'"): out.append(contentsOf: "&#39;".utf8)
            default: out.append(byte)
            }
        }
        return String(decoding: out, as: UTF8.self)
    }
}

/// Splits Handoff Markdown into prose, pipe tables and chart markers.
enum MarkdownBlocks {
    enum Block {
        case prose(String)
        case table([Substring])
        case chart(String)
    }

    static func split(_ markdown: String) -> [Block] {
        let lines = Self.lines(markdown)
        var blocks: [Block] = []
        var prose: [Substring] = []
        var i = 0
        func flush() {
            if !prose.isEmpty {
                blocks.append(.prose(prose.joined(separator: "\n") + "\n"))
                prose = []
            }
        }
        while i < lines.count {
            let line = lines[i]
            if let name = chartName(line) {
                flush()
                blocks.append(.chart(name))
                i += 1
                continue
            }
            if isRow(line), i + 1 < lines.count, isDelimiter(lines[i + 1]) {
                flush()
                var rows = [line, lines[i + 1]]
                i += 2
                while i < lines.count, isRow(lines[i]) {
                    rows.append(lines[i])
                    i += 1
                }
                blocks.append(.table(rows))
                continue
            }
            prose.append(line)
            i += 1
        }
        flush()
        return blocks
    }

    /// The lines of `markdown`, split where a `Character` is a line feed (a CR LF is one `Character`, not split),
    /// found byte by byte.
    static func lines(_ markdown: String) -> [Substring] {
        var lines: [Substring] = []
        let utf8 = markdown.utf8
        var start = utf8.startIndex, previous: UInt8 = 0
        for i in utf8.indices {
            let byte = utf8[i]
            if byte == 0x0A, previous != 0x0D {
                lines.append(markdown[start..<i])
                start = utf8.index(after: i)
            }
            previous = byte
        }
        lines.append(markdown[start...])
        return lines
    }

    static func chartName(_ line: Substring) -> String? {
        let t = line.trimmingSpaces()
        guard t.hasPrefix("<!-- chart:"), t.hasSuffix("-->") else { return nil }
        return String(t.dropFirst(11).dropLast(3)).trimmingSpaces()
    }

    static func isRow(_ line: Substring) -> Bool { line.trimmingSpaces().hasPrefix("|") }

    static func isDelimiter(_ line: Substring) -> Bool {
        let cells = Self.cells(line)
        return !cells.isEmpty
            && cells.allSatisfy { cell in
                let t = cell.trimmingSpaces()
                return t.count >= 3 && t.allSatisfy { $0 == "-" || $0 == ":" } && t.contains("-")
            }
    }

    /// Cells of a pipe-table row, split on pipes not escaped by a backslash. Read as Unicode scalars, as a GFM reader
    /// reads it: a prepended mark (U+0600…) and the escaping backslash after it are one Swift `Character`.
    static func cells(_ line: Substring) -> [String] {
        var t = Substring(line.trimmingSpaces())
        if t.hasPrefix("|") { t = t.dropFirst() }
        if t.hasSuffix("|"), !t.hasSuffix("\\|") { t = t.dropLast() }
        var cells: [String] = []
        var current = String.UnicodeScalarView()
        var escaped = false
        for ch in t.unicodeScalars {
            if escaped {
                current.append(ch)
                escaped = false
                continue
            }
            if ch == "\\" {
                current.append(ch)
                escaped = true
                continue
            }
            if ch == "|" {
                cells.append(String(current).trimmingSpaces())
                current = String.UnicodeScalarView()
                continue
            }
            current.append(ch)
        }
        cells.append(String(current).trimmingSpaces())
        return cells
    }
}
