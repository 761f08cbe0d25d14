internal import HandoffIO

/// Long stretches of literal text full of punctuation, handed to libcmark as one character and put back in its HTML.
///
/// libcmark 0.30's inline parser makes one node for every backslash escape and for every `-`, `.`, `'`, `"` or `!` it
/// stops on: a megabyte of `-` or of `\_` in a lead's name became a million nodes, seconds and hundreds of megabytes
/// (docs/fuzzing.md, "Inputs of 1 MB"). A stretch of a line that holds no markup renders as its own text, so its
/// inside can be replaced by one Unicode punctuation character the document does not hold, rendered, and put back
/// (unescaped, then escaped for HTML as libcmark escapes text). A stretch is folded only where it cannot be markup:
/// - in a paragraph (lines up to a blank line) with no unescaped `<`, `[`, `]`, backtick or `&`: no link, image,
///   autolink, raw HTML, code span or entity can hold it;
/// - after the line's first text (not only spaces and block markers: `>`, list bullets and numbers, `#`, `=`, `_`,
///   `~`), so no thematic break, list, setext underline or fence changes;
/// - not in a document with a code fence, nor on a line indented like code (verbatim text keeps its backslashes);
/// - between emphasis markers (`*`, `_`), never across one (a `_` between letters or digits is text, not a marker); its first and last characters and any spaces before the
///   last stay, so emphasis, line breaks and a heading's closing `#`s read the same neighbours.
/// When the HTML does not hold the sentinel exactly once per stretch, the text is rendered as it is.
struct FoldedLiterals {
    /// Fewer escapes or punctuation characters than this cost libcmark little.
    static let minimumCost = 16
    /// Punctuation to libcmark 0.30.2 (checked by `foldedTextRendersAsLibcmarkRendersTheOriginal`), rare in documents.
    static let sentinels: [Unicode.Scalar] = ["\u{2E3A}", "\u{2E3B}", "\u{2E1A}", "\u{2E40}", "\u{2010}"]

    /// The text for libcmark, with each folded stretch replaced by `sentinel`.
    let text: String
    let sentinel: Unicode.Scalar
    /// Each folded stretch's HTML, in the text's order.
    let literals: [[UInt8]]

    /// The folded form of `markdown`, or nil when nothing in it is worth folding.
    init?(_ markdown: String) {
        // Most text (every table cell) has too little punctuation to fold: asked of the string, before copying it.
        // Code fences: what a fenced block holds is verbatim (escapes stay), and it may span blank lines.
        guard Self.costsNodes(markdown.utf8), !ByteSearch.contains("```", in: markdown),
            !ByteSearch.contains("~~~", in: markdown),
            let sentinel = Self.sentinels.first(where: { !ByteSearch.contains(String($0), in: markdown) })
        else { return nil }
        let bytes = Array(markdown.utf8)
        var folder = Folder(sentinel: Array(String(sentinel).utf8))
        folder.out.reserveCapacity(bytes.count)
        var start = 0
        while start < bytes.count {
            let (end, markup) = Self.paragraph(bytes, from: start)
            if markup {
                folder.out.append(contentsOf: bytes[start..<end])
            } else {
                folder.fold(bytes, start..<end)
            }
            start = end
        }
        guard !folder.literals.isEmpty else { return nil }
        self.text = String(decoding: folder.out, as: UTF8.self)
        self.sentinel = sentinel
        self.literals = folder.literals
    }

    /// `html` (libcmark's rendering of `text`) with the stretches back; nil when the sentinels are not exactly the
    /// stretches.
    func unfold(_ html: String) -> String? {
        let mark = String(sentinel), bytes = Array(html.utf8)
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count + literals.reduce(0) { $0 + $1.count })
        var from = 0
        for literal in literals {
            guard let at = ByteSearch.offset(of: mark, in: html, from: from) else { return nil }
            out.append(contentsOf: bytes[from..<at])
            out.append(contentsOf: literal)
            from = at + mark.utf8.count
        }
        guard ByteSearch.offset(of: mark, in: html, from: from) == nil else { return nil }
        out.append(contentsOf: bytes[from...])
        return String(decoding: out, as: UTF8.self)
    }

    /// Per byte: 1 costs libcmark a node (an escape, an `_`, or a character its parser stops on), 2 a block marker (may
    /// stand before a stretch on its line without making it text), 4 a markup opener (links, images, autolinks,
    /// HTML, code spans, entities), 8 a line end, 16 an emphasis marker (ends a stretch).
    private static let classes: [UInt8] = {
        var table = [UInt8](repeating: 0, count: 256)
        for byte in "\\-.'\"!_".utf8 { table[Int(byte)] |= 1 }
        for byte in " \t>-+*.)#=_~0123456789".utf8 { table[Int(byte)] |= 2 }
        for byte in "<[]`&".utf8 { table[Int(byte)] |= 4 }
        for byte in "\n\r".utf8 { table[Int(byte)] |= 8 }
        for byte in "*_".utf8 { table[Int(byte)] |= 16 }
        return table
    }()

    /// True when the text has enough node-costly bytes to be worth folding.
    private static func costsNodes(_ bytes: String.UTF8View) -> Bool {
        var cost = 0
        for byte in bytes where classes[Int(byte)] & 1 != 0 {
            cost += 1
            if cost == minimumCost { return true }
        }
        return false
    }

    /// The end of the paragraph starting at `from` (just after the next blank line — spaces and tabs only — or the
    /// end of the text), and whether it holds an unescaped markup opener.
    private static func paragraph(_ bytes: [UInt8], from: Int) -> (end: Int, markup: Bool) {
        var markup = false, backslashes = 0, lineIsBlank = true
        var i = from
        while i < bytes.count {
            let byte = bytes[i]
            i += 1
            if byte == 0x0A {
                if lineIsBlank, i - 1 > from { return (i, markup) }
                lineIsBlank = true
                backslashes = 0
                continue
            }
            if byte != 0x20, byte != 0x09, byte != 0x0D { lineIsBlank = false }
            if byte == UInt8(ascii: "\\") {
                backslashes += 1
                continue
            }
            if classes[Int(byte)] & 4 != 0, backslashes % 2 == 0 { markup = true }
            backslashes = 0
        }
        return (bytes.count, markup)
    }

    /// Writes a paragraph with its long stretches folded.
    private struct Folder {
        let sentinel: [UInt8]
        var out: [UInt8] = []
        var literals: [[UInt8]] = []

        mutating func fold(_ bytes: [UInt8], _ paragraph: Range<Int>) {
            var i = paragraph.lowerBound
            // Spaces in a row before the line's text: four (or a tab) may make the line indented code, kept as it is.
            var lineHasText = false, spaces = 0, code = false
            while i < paragraph.upperBound {
                let byte = bytes[i]
                let kind = FoldedLiterals.classes[Int(byte)]
                if kind & 8 != 0 {
                    lineHasText = false
                    spaces = 0
                    code = false
                } else if !lineHasText {
                    spaces = byte == 0x20 ? spaces + 1 : 0
                    if spaces == 4 || byte == 0x09 { code = true }
                    if kind & 2 == 0, !code { lineHasText = true }
                } else if kind & 16 == 0 {
                    i = stretch(bytes, from: i, to: paragraph.upperBound)
                    continue
                }
                let next = Self.tokenEnd(bytes, i, paragraph.upperBound)
                out.append(contentsOf: bytes[i..<next])
                i = next
            }
        }

        /// Copies the stretch of text from `start` (up to an emphasis marker or a line end), folding its inside when it
        /// costs nodes; returns where it ends.
        private mutating func stretch(_ bytes: [UInt8], from start: Int, to limit: Int) -> Int {
            let classes = FoldedLiterals.classes
            var i = start, cost = 0, tokens = 0
            var second = start, last = start
            // The run of whitespace and `#`s just before the last token (a heading's closing `#`s, a hard break, and
            // the space, tab, vertical tab or form feed libcmark drops before a line end): it stays outside with the
            // last token.
            var run: Int? = nil, runBeforeLast: Int? = nil
            while i < limit {
                let byte = bytes[i]
                var next: Int
                if classes[Int(byte)] & (8 | 16) == 0 {
                    next = Self.tokenEnd(bytes, i, limit)
                } else {
                    // `_`s between letters or digits can neither open nor close emphasis: text (a `*` can).
                    guard byte == UInt8(ascii: "_"), i > start, Self.isASCIIAlphanumeric(bytes[i - 1]) else { break }
                    next = i
                    while next < limit, bytes[next] == byte { next += 1 }
                    guard next < limit, Self.isASCIIAlphanumeric(bytes[next]) else { break }
                }
                if classes[Int(byte)] & 1 != 0 { cost += 1 }
                tokens += 1
                if tokens == 2 { second = i }
                last = i
                runBeforeLast = run
                let tail = byte == 0x20 || byte == 0x09 || byte == 0x0B || byte == 0x0C || byte == UInt8(ascii: "#")
                run = tail ? (run ?? i) : nil
                i = next
            }
            let end = i
            let tailStart = runBeforeLast ?? last
            guard cost >= FoldedLiterals.minimumCost, tokens >= 3, tailStart > second else {
                out.append(contentsOf: bytes[start..<end])
                return end
            }
            out.append(contentsOf: bytes[start..<second])
            out.append(contentsOf: sentinel)
            out.append(contentsOf: bytes[tailStart..<end])
            literals.append(Self.html(bytes, second..<tailStart))
            return end
        }

        /// Where the token at `i` ends: an escape is a backslash and the ASCII punctuation after it; else one scalar.
        private static func tokenEnd(_ bytes: [UInt8], _ i: Int, _ limit: Int) -> Int {
            let byte = bytes[i]
            if byte == UInt8(ascii: "\\") { return i + 1 < limit && isASCIIPunctuation(bytes[i + 1]) ? i + 2 : i + 1 }
            return min(i + (byte < 0x80 ? 1 : byte < 0xE0 ? 2 : byte < 0xF0 ? 3 : 4), limit)
        }

        /// The HTML libcmark writes for literal text: escapes undone, `&`, `<`, `>`, `"` escaped, NUL as U+FFFD.
        private static func html(_ bytes: [UInt8], _ range: Range<Int>) -> [UInt8] {
            var out: [UInt8] = []
            out.reserveCapacity(range.count)
            var i = range.lowerBound
            while i < range.upperBound {
                var byte = bytes[i]
                if byte == UInt8(ascii: "\\"), i + 1 < range.upperBound, isASCIIPunctuation(bytes[i + 1]) {
                    i += 1
                    byte = bytes[i]
                }
                switch byte {
                case UInt8(ascii: "&"): out.append(contentsOf: "&amp;".utf8)
                case UInt8(ascii: "<"): out.append(contentsOf: "&lt;".utf8)
                case UInt8(ascii: ">"): out.append(contentsOf: "&gt;".utf8)
                case UInt8(ascii: "\""): out.append(contentsOf: "&quot;".utf8)
                case 0: out.append(contentsOf: [0xEF, 0xBF, 0xBD])
                default: out.append(byte)
                }
                i += 1
            }
            return out
        }

        private static func isASCIIAlphanumeric(_ byte: UInt8) -> Bool {
            (0x30...0x39).contains(byte) || (0x41...0x5A).contains(byte) || (0x61...0x7A).contains(byte)
        }

        static func isASCIIPunctuation(_ byte: UInt8) -> Bool {
            (0x21...0x2F).contains(byte) || (0x3A...0x40).contains(byte) || (0x5B...0x60).contains(byte)
                || (0x7B...0x7E).contains(byte)
        }
    }
}
