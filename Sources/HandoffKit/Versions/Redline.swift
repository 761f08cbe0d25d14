/// A sentence-by-sentence comparison of two rendered SLA documents (Markdown, as Handoff renders it).
///
/// Each line of a document (a heading, a paragraph, a list item, a table row) is split into sentences (a table
/// row into its cells' sentences). Lines are matched by longest common subsequence; a changed line is compared
/// sentence by sentence with its counterpart, so a reader sees exactly which sentences went and which came.
struct Redline: Sendable, Equatable {
    /// One piece of a changed line.
    struct Piece: Sendable, Equatable {
        /// Kept, deleted or inserted.
        enum Kind: String, Sendable { case same, deleted, inserted }
        /// Whether the sentence stayed, went or came.
        var kind: Kind
        /// The sentence, as Markdown (user text in it is already escaped).
        var text: String
        /// What separates it from the previous piece: a space, or ` · ` between table cells.
        var lead: String
    }

    /// One changed line of the document, with the section heading it belongs to.
    struct Line: Sendable, Equatable {
        /// The heading above the line (`5. Sales' commitments`), as Markdown.
        var section: String
        /// Its sentences, marked.
        var pieces: [Piece]
    }

    /// Every changed line, in document order.
    var lines: [Line]

    /// Compares two Markdown documents.
    init(old: String, new: String) {
        let a = Self.units(old), b = Self.units(new)
        var lines: [Line] = []
        let script = LCS.script(a.map(\.key), b.map(\.key))
        var deleted: [DocLine] = [], inserted: [DocLine] = []
        func flush() {
            // Pair a run of deleted lines with a run of inserted lines in order; the rest stand alone.
            var pairs = min(deleted.count, inserted.count)
            if deleted.count != inserted.count {
                pairs = 0
                var j = 0
                var paired: [(DocLine?, DocLine?)] = []
                for d in deleted {
                    if let k = inserted[j...].firstIndex(where: { $0.kind == d.kind && $0.similar(d) }) {
                        for extra in inserted[j..<k] { paired.append((nil, extra)) }
                        paired.append((d, inserted[k]))
                        j = k + 1
                    } else {
                        paired.append((d, nil))
                    }
                }
                for extra in inserted[j...] { paired.append((nil, extra)) }
                for (d, i) in paired { lines.append(Self.line(d, i)) }
            } else {
                for k in 0..<pairs { lines.append(Self.line(deleted[k], inserted[k])) }
            }
            deleted = []
            inserted = []
        }
        for step in script {
            switch step {
            case .same: flush()
            case .deleted(let i): deleted.append(a[i])
            case .inserted(let j): inserted.append(b[j])
            }
        }
        flush()
        self.lines = lines
    }

    /// True when the documents have the same sentences.
    var isEmpty: Bool { lines.isEmpty }

    static func line(_ old: DocLine?, _ new: DocLine?) -> Line {
        switch (old, new) {
        case (let o?, let n?):
            // Table rows with the same cells are compared cell by cell, so a changed cell's sentences stay in it.
            let oldCells = cells(o.sentences), newCells = cells(n.sentences)
            let pairs = oldCells.count == newCells.count ? Array(zip(oldCells, newCells)) : [(o.sentences, n.sentences)]
            var pieces: [Piece] = []
            for (x, y) in pairs {
                for step in LCS.script(x.map(\.text), y.map(\.text)) {
                    switch step {
                    case .same(let i, _): pieces.append(Piece(kind: .same, text: x[i].text, lead: x[i].lead))
                    case .deleted(let i): pieces.append(Piece(kind: .deleted, text: x[i].text, lead: x[i].lead))
                    case .inserted(let j): pieces.append(Piece(kind: .inserted, text: y[j].text, lead: y[j].lead))
                    }
                }
            }
            return Line(section: n.section, pieces: pieces)
        case (let o?, nil):
            return Line(
                section: o.section, pieces: o.sentences.map { Piece(kind: .deleted, text: $0.text, lead: $0.lead) })
        case (nil, let n?):
            return Line(
                section: n.section, pieces: n.sentences.map { Piece(kind: .inserted, text: $0.text, lead: $0.lead) })
        default:
            return Line(section: "", pieces: [])
        }
    }

    /// Sentences grouped by table cell (a new cell starts with the ` · ` lead).
    static func cells(_ sentences: [Sentence]) -> [[Sentence]] {
        var out: [[Sentence]] = []
        for s in sentences {
            if s.lead == " · " || out.isEmpty { out.append([s]) } else { out[out.count - 1].append(s) }
        }
        return out
    }

    // MARK: splitting a document

    struct Sentence: Equatable {
        var text: String
        var lead: String
    }

    struct DocLine {
        enum Kind: Equatable { case heading, row, item, paragraph }
        var kind: Kind
        var section: String
        var sentences: [Sentence]
        var key: String { sentences.map { $0.lead + $0.text }.joined() }

        /// Lines that share a sentence (a table row's id cell, a list item's label) are two versions of one line.
        func similar(_ other: DocLine) -> Bool {
            kind == .heading || !Set(sentences.map(\.text)).isDisjoint(with: other.sentences.map(\.text))
        }
    }

    static func units(_ markdown: String) -> [DocLine] {
        var out: [DocLine] = []
        var section = ""
        for raw in markdown.split(separator: "\n", omittingEmptySubsequences: true) {
            let line = raw.trimmingSpaces()
            if line.isEmpty || line.hasPrefix("<!--") || line.hasPrefix("{{") { continue }
            if MarkdownBlocks.isRow(Substring(line)) {
                if MarkdownBlocks.isDelimiter(Substring(line)) { continue }
                var sentences: [Sentence] = []
                for (n, cell) in MarkdownBlocks.cells(Substring(line)).enumerated() {
                    for (k, s) in split(cell).enumerated() {
                        sentences.append(Sentence(text: s, lead: k == 0 ? (n == 0 ? "" : " · ") : " "))
                    }
                }
                if !sentences.isEmpty { out.append(DocLine(kind: .row, section: section, sentences: sentences)) }
                continue
            }
            if line.hasPrefix("#") {
                let title = String(line.drop { $0 == "#" }).trimmingSpaces()
                section = clean(title)
                out.append(DocLine(kind: .heading, section: section, sentences: [Sentence(text: section, lead: "")]))
                continue
            }
            let (kind, body) = listItem(line)
            let sentences = split(body).enumerated().map { Sentence(text: $0.element, lead: $0.offset == 0 ? "" : " ") }
            if !sentences.isEmpty { out.append(DocLine(kind: kind, section: section, sentences: sentences)) }
        }
        return out
    }

    /// `- x`, `1. x`, `> x` → the item's text.
    static func listItem(_ line: String) -> (DocLine.Kind, String) {
        for marker in ["- ", "* ", "> "] where line.hasPrefix(marker) {
            return (.item, String(line.dropFirst(marker.count)).trimmingSpaces())
        }
        let digits = line.prefix { $0.isASCII && $0.isNumber }
        if !digits.isEmpty, line.dropFirst(digits.count).hasPrefix(". ") {
            return (.item, String(line.dropFirst(digits.count + 2)).trimmingSpaces())
        }
        return (.paragraph, line)
    }

    /// Sentences of a Markdown text: split after `.`, `!`, `?` or `;` followed by a space and a capital, digit or `(`.
    /// Handoff's own bold markers (`**`, never in escaped user text) are dropped so marks can wrap any sentence.
    static func split(_ text: String) -> [String] {
        let chars = Array(clean(text))
        var out: [String] = []
        var current = ""
        var i = 0
        while i < chars.count {
            let ch = chars[i]
            current.append(ch)
            let escaped = i > 0 && chars[i - 1] == "\\"
            if !escaped, ".!?;".contains(ch), i + 2 < chars.count, chars[i + 1] == " ",
                chars[i + 2].isUppercase || chars[i + 2].isNumber || chars[i + 2] == "("
            {
                out.append(current.trimmingSpaces())
                current = ""
            }
            i += 1
        }
        let last = current.trimmingSpaces()
        if !last.isEmpty { out.append(last) }
        return out.filter { !$0.isEmpty }
    }

    /// Removes unescaped `**` (Handoff's bold) from Markdown text.
    static func clean(_ text: String) -> String {
        var out = ""
        let chars = Array(text)
        var i = 0
        while i < chars.count {
            if chars[i] == "\\", i + 1 < chars.count {
                out.append(chars[i])
                out.append(chars[i + 1])
                i += 2
                continue
            }
            if chars[i] == "*", i + 1 < chars.count, chars[i + 1] == "*" {
                i += 2
                continue
            }
            out.append(chars[i])
            i += 1
        }
        return out.trimmingSpaces()
    }
}

/// The longest common subsequence of two sequences, as an edit script.
enum LCS {
    enum Step: Equatable {
        case same(Int, Int)
        case deleted(Int)
        case inserted(Int)
    }

    static func script(_ a: [String], _ b: [String]) -> [Step] {
        let n = a.count, m = b.count
        // Trim the common head and tail first: documents differ in a few lines.
        var head = 0
        while head < n, head < m, a[head] == b[head] { head += 1 }
        var tail = 0
        while tail < n - head, tail < m - head, a[n - 1 - tail] == b[m - 1 - tail] { tail += 1 }
        let x = Array(a[head..<(n - tail)]), y = Array(b[head..<(m - tail)])
        var table = Array(repeating: Array(repeating: 0, count: y.count + 1), count: x.count + 1)
        if !x.isEmpty, !y.isEmpty {
            for i in stride(from: x.count - 1, through: 0, by: -1) {
                for j in stride(from: y.count - 1, through: 0, by: -1) {
                    table[i][j] = x[i] == y[j] ? table[i + 1][j + 1] + 1 : max(table[i + 1][j], table[i][j + 1])
                }
            }
        }
        var out: [Step] = (0..<head).map { .same($0, $0) }
        var i = 0, j = 0
        while i < x.count || j < y.count {
            if i < x.count, j < y.count, x[i] == y[j] {
                out.append(.same(head + i, head + j))
                i += 1
                j += 1
            } else if j < y.count, i == x.count || table[i][j + 1] >= table[i + 1][j] {
                // Deletions before insertions keep a replaced sentence's old text first.
                if i < x.count, table[i + 1][j] == table[i][j + 1] {
                    out.append(.deleted(head + i))
                    i += 1
                } else {
                    out.append(.inserted(head + j))
                    j += 1
                }
            } else {
                out.append(.deleted(head + i))
                i += 1
            }
        }
        out += (0..<tail).map { .same(n - tail + $0, m - tail + $0) }
        return out
    }
}
