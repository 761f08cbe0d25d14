/// Escaping for text that lands in Markdown: it renders as the same text and can add no structure.
enum Markdown {
    /// Characters that are markup anywhere in a line (emphasis, code, links, HTML, entities, tables, math, strikethrough).
    private static let inline: Set<Unicode.Scalar> = ["\\", "`", "*", "[", "]", "<", "|", "&", "$", "~"]
    /// Characters that are markup at the start of a line (headings, quotes, lists, setext underlines).
    private static let blockStart: Set<Unicode.Scalar> = ["#", ">", "-", "+", "=", "!"]

    /// Backslash-escapes every character that could be read as markup, turns line breaks and tabs into
    /// spaces (a newline could end a table row or start a block), and escapes `<` and `&` so no HTML tag
    /// or entity can form. An underscore is escaped only where it could open or close emphasis.
    /// Spaces around the text are dropped: leading ones could indent it into a code block (and a table cell or a
    /// list item trims them anyway, which would bring a `#` or `-` to the start of the line).
    /// The text is read as Unicode scalars, as CommonMark reads it: a `*` followed by a combining mark is one
    /// Swift `Character` but still an emphasis delimiter.
    static func escape(_ text: String) -> String {
        var trimmed = Array(text.trimmingSpaces().unicodeScalars)[...]
        // A leading combining mark has nothing to attach to but the space the template puts before the text: the two
        // make one Character, which trimming a table cell drops, bringing what follows to the start of the line.
        while let first = trimmed.first,
            first.properties.isWhitespace || String(String.UnicodeScalarView([" ", first])).count == 1
        {
            trimmed.removeFirst()
        }
        let scalars = Array(trimmed)
        // Where the text's closing run of `#`s and spaces starts.
        var trailing = scalars.count
        while trailing > 0, scalars[trailing - 1] == "#" || scalars[trailing - 1] == " " { trailing -= 1 }
        var out = String.UnicodeScalarView()
        for (i, ch) in scalars.enumerated() {
            if ch == "\n" || ch == "\r" || ch == "\t" {
                if !(ch == "\n" && i > 0 && scalars[i - 1] == "\r") { out.append(" ") }
                continue
            }
            var escape = inline.contains(ch) || (out.isEmpty && blockStart.contains(ch))
            // `#`s that end the text would be read as a heading's closing sequence (`# {{title}}`) and dropped.
            if ch == "#", i >= trailing { escape = true }
            if ch == "_" {
                let before: Unicode.Scalar = i > 0 ? scalars[i - 1] : " "
                let after: Unicode.Scalar = i + 1 < scalars.count ? scalars[i + 1] : " "
                escape = !(isWordCharacter(before) && isWordCharacter(after))
            }
            if escape { out.append("\\") }
            out.append(ch)
        }
        return escapeOrderedListStart(String(out))
    }

    private static func isWordCharacter(_ c: Unicode.Scalar) -> Bool {
        c.properties.isAlphabetic || c.properties.numericType != nil
    }

    /// `2026. Great year` or `1) x` at the start would open an ordered list: escape the delimiter.
    private static func escapeOrderedListStart(_ s: String) -> String {
        let scalars = s.unicodeScalars
        let digits = scalars.prefix { ("0"..."9").contains($0) }
        guard !digits.isEmpty, digits.count <= 9 else { return s }
        let rest = scalars.dropFirst(digits.count)
        guard let next = rest.first, next == "." || next == ")" else { return s }
        let after = rest.dropFirst().first
        guard after == nil || after == " " else { return s }
        return String(String.UnicodeScalarView(digits)) + "\\" + String(String.UnicodeScalarView(rest))
    }
}
