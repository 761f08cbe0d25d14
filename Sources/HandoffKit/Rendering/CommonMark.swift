internal import HandoffIO

/// CommonMark to HTML (libcmark, through `HandoffIO.CMark`), and the escaping that keeps a table cell inline.
enum CommonMark {
    /// HTML for a CommonMark text, in libcmark's safe mode: raw HTML and dangerous URLs are never passed through.
    /// Long runs of punctuation go to libcmark folded (`FoldedLiterals`); the HTML is the same.
    static func html(_ markdown: String) -> String {
        if let folded = FoldedLiterals(markdown), let html = folded.unfold(CMark.html(folded.text)) { return html }
        return CMark.html(markdown)
    }

    /// libcmark's HTML for the text as it is, without folding: what `html` must equal (tests and fuzzing compare).
    static func unfoldedHTML(_ markdown: String) -> String { CMark.html(markdown) }

    /// HTML for one line of inline Markdown (a table cell), without the paragraph wrapper.
    static func inlineHTML(_ markdown: String) -> String {
        let html = self.html(inline(markdown.trimmingSpaces())).trimmingSpaces()
        // Compared as bytes: a prepended mark (U+0600) joins the `<` after it into one Character, hiding the wrapper.
        let bytes = Array(html.utf8)
        if bytes.count >= 7, bytes.starts(with: Array("<p>".utf8)), bytes.suffix(4).elementsEqual("</p>".utf8) {
            return String(decoding: bytes[3..<(bytes.count - 4)], as: UTF8.self)
        }
        return html
    }

    /// `text` with a backslash before a leading marker that would make the line a block (a `#` heading,
    /// a `>` quote, a `-`/`+`/`*` or `1.` list item, a `---` rule, a code fence), so a cell stays inline text.
    static func inline(_ text: String) -> String {
        guard let first = text.first else { return text }
        let rest = text.dropFirst()
        if first == "#" || first == ">" { return "\\" + text }
        if "-+*".contains(first), rest.first == " " || rest.isEmpty { return "\\" + text }
        if "-*_".contains(first), text.count >= 3, text.allSatisfy({ $0 == first || $0 == " " }) { return "\\" + text }
        if text.hasPrefix("```") || text.hasPrefix("~~~") { return "\\" + text }
        let digits = text.prefix { $0.isASCII && $0.isNumber }
        if !digits.isEmpty, digits.count <= 9, let marker = text.dropFirst(digits.count).first,
            marker == "." || marker == ")"
        {
            return digits + "\\" + text.dropFirst(digits.count)
        }
        return text
    }

}
