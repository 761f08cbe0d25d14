/// Escaping for text that lands in Markdown: it renders as the same text and can add no structure.
enum Markdown {
    /// Characters that are markup anywhere in a line (emphasis, code, links, HTML, entities, tables, math, strikethrough).
    private static let inline = asciiTable("\\`*[]<|&$~")
    /// Characters that are markup at the start of a line (headings, quotes, lists, setext underlines).
    private static let blockStart = asciiTable("#>-+=!")

    private static func asciiTable(_ characters: String) -> [Bool] {
        var table = [Bool](repeating: false, count: 128)
        for byte in characters.utf8 { table[Int(byte)] = true }
        return table
    }

    /// Backslash-escapes every character that could be read as markup, turns line breaks and tabs into
    /// spaces (a newline could end a table row or start a block), and escapes `<` and `&` so no HTML tag
    /// or entity can form. An underscore is escaped only where it could open or close emphasis.
    /// Spaces around the text are dropped: leading ones could indent it into a code block (and a table cell or a
    /// list item trims them anyway, which would bring a `#` or `-` to the start of the line).
    /// The text is read as Unicode scalars, as CommonMark reads it: a `*` followed by a combining mark is one
    /// Swift `Character` but still an emphasis delimiter. (Written to UTF-8 bytes: CRM fields can be a megabyte.)
    static func escape(_ text: String) -> String {
        var trimmed = Array(text.trimmingSpaces().unicodeScalars)[...]
        // A leading combining mark has nothing to attach to but the space the template puts before the text: the two
        // make one Character, which trimming a table cell drops, bringing what follows to the start of the line.
        var joins: [Unicode.Scalar: Bool] = [:]
        while let first = trimmed.first, first.properties.isWhitespace || joinsSpace(first, cache: &joins) {
            trimmed.removeFirst()
        }
        let scalars = Array(trimmed)
        // Where the text's closing run of `#`s and spaces starts.
        var trailing = scalars.count
        while trailing > 0, scalars[trailing - 1] == "#" || scalars[trailing - 1] == " " { trailing -= 1 }
        var out: [UInt8] = []
        out.reserveCapacity(scalars.count + scalars.count / 8 + 4)
        for (i, ch) in scalars.enumerated() {
            guard ch.isASCII else {
                out.append(contentsOf: UTF8.encode(ch)!)
                continue
            }
            let byte = UInt8(ch.value)
            if byte == 0x0A || byte == 0x0D || byte == 0x09 {
                if !(byte == 0x0A && i > 0 && scalars[i - 1] == "\r") { out.append(UInt8(ascii: " ")) }
                continue
            }
            var escape = inline[Int(byte)] || (out.isEmpty && blockStart[Int(byte)])
            // `#`s that end the text would be read as a heading's closing sequence (`# {{title}}`) and dropped.
            if byte == UInt8(ascii: "#"), i >= trailing { escape = true }
            if byte == UInt8(ascii: "_") {
                let before: Unicode.Scalar = i > 0 ? scalars[i - 1] : " "
                let after: Unicode.Scalar = i + 1 < scalars.count ? scalars[i + 1] : " "
                escape = !(isWordCharacter(before) && isWordCharacter(after))
            }
            if escape { out.append(UInt8(ascii: "\\")) }
            out.append(byte)
        }
        return escapeOrderedListStart(String(decoding: out, as: UTF8.self))
    }

    private static func isWordCharacter(_ c: Unicode.Scalar) -> Bool {
        if c.isASCII { return ("a"..."z").contains(c) || ("A"..."Z").contains(c) || ("0"..."9").contains(c) }
        return c.properties.isAlphabetic || c.properties.numericType != nil
    }

    /// True when a space and `c` make one `Character` (a combining or spacing mark, a joiner). Asked once per
    /// different scalar: a field can be a megabyte of marks.
    private static func joinsSpace(_ c: Unicode.Scalar, cache: inout [Unicode.Scalar: Bool]) -> Bool {
        if c.isASCII { return false }
        if c.properties.isGraphemeExtend { return true }
        if let known = cache[c] { return known }
        let joins = String(String.UnicodeScalarView([" ", c])).count == 1
        cache[c] = joins
        return joins
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
