import HandoffIO
import Testing

@testable import HandoffKit

/// Long stretches of literal punctuation go to libcmark folded into one character (a megabyte of `-` was a million
/// nodes); the HTML must be exactly libcmark's for the text as it is.
@Suite("Folded literals: fewer nodes for libcmark, the same HTML")
struct FoldedLiteralsTests {
    /// What `R` stands for in the documents: runs, escapes (as `Markdown.escape` writes them), mixed text.
    static let stretches =
        ["-", ".", "'", "\"", "!"].map { String(repeating: $0, count: 40) } + [
            String(repeating: "\\_\\]", count: 20), String(repeating: "a\\*b-", count: 12),
            "x\u{0}\\\u{0}" + String(repeating: "\\&", count: 20),
            String(repeating: "\\<\\>\"'", count: 10), String(repeating: "é\\#-", count: 10) + "\u{301}",
            String(repeating: "\\q!.", count: 10),
            String(repeating: "t_t_a_il_A_", count: 8) + "x", String(repeating: "a__b_", count: 10) + "c",
        ]

    /// Documents where a stretch is plain text (folded) or could be markup (left alone); `R` stands for the stretch.
    static let documents = [
        "## Leads of \\R", "Owner: \\R", "Owner: R", "x*R*y", "*aR*x", "a_R_b", "**\\R**", "_R_", "- a R\n- b",
        "1. xR", "1. R", "- R", "> R", ">R", "> aR", "Title\nR", "Title\n  R", "aR\nR", "R", "   R", "    codeR",
        "~~~R\nR\n~~~", "text\n\nR\n\nmore R", "# x R #", "# xR #", "# xR\\#", "## aR  ##  ", "aR  \nb", "aR\\\nb",
        "a\rR", "a\r\nR", "\\\\R", "\\R\\R", "a\u{2E3A}R", "a\u{2E3A}\u{2E3B}\u{2E1A}\u{2E40}\u{2010}R",
        "[a](http://xR) R", "<http://aR.com> R", "<aR@x.com> bR", "`cR` R", "&quot;R", "[l]: /uR \"tR\"\n\n[l]",
        "<div>\nR\n</div>", "<a\nx=\"R\">", "![aR](u)", "aR[x]", "* * R", "10) R", "=R", "a\n==R", "xR\n\n[R]: /u",
        "a R b", "a*R*", "a R\\", "éR", "a\u{301}R\u{301}", "aR_x_", "a__R__b", "a R *b*", "aR\t\nb", "_aR_", "__aR__",
        "*R*", "a_R", "R_a_", "a_b_R_c", "_a_bR",
    ]

    @Test(arguments: stretches)
    func foldedTextRendersAsLibcmarkRendersTheOriginal(stretch: String) {
        for document in Self.documents {
            let markdown = document.replacingAll("R", with: stretch)
            #expect(CommonMark.html(markdown) == CommonMark.unfoldedHTML(markdown), "\(markdown.debugDescription)")
        }
    }

    /// Random documents from Markdown's building blocks, with long runs so that something is folded: the HTML must be
    /// libcmark's for the text as it is. A failure prints the document (add it to `documents` above to keep it).
    @Test func randomDocumentsRenderAsLibcmarkRendersThem() {
        let pieces = [
            "a", "word ", " ", "  ", "\t", "\n", "\n\n", "*", "**", "_", "__", "\\", "\\*", "\\_", "\\-", "\\#", "-",
            "- ", ".",
            "1. ", "1) ", "'", "\"", "!", "[", "]", "](u)", "(", ")", "<", ">", "> ", "`", "&", "&amp;", "#", "## ",
            "=", "~~~",
            "    ", "é", "\u{301}", "\u{0}", "\r\n", "x_y", "<http://a.b>", "![i](u)", "+ ", "\u{B}", "\u{C}", "\r",
            "\u{C}\u{C}\n",
        ]
        let runs = ["-", ".", "'", "\"", "!", "\\_", "\\]", "a\\*", "_b"]
        var random = SystemRandomNumberGenerator()
        var folded = 0
        for _ in 0..<20_000 {
            var document = ""
            for _ in 0..<Int.random(in: 2...30, using: &random) {
                if Int.random(in: 0..<4, using: &random) == 0 {
                    document += String(
                        repeating: runs.randomElement(using: &random)!, count: Int.random(in: 8...40, using: &random))
                } else {
                    document += pieces.randomElement(using: &random)!
                }
            }
            if FoldedLiterals(document) != nil { folded += 1 }
            let html = CommonMark.html(document), expected = CommonMark.unfoldedHTML(document)
            #expect(html == expected, "\(document.debugDescription)")
            if html != expected { break }
        }
        // About 15 % of the documents hold something to fold (the rest have a link, code or HTML): not idle.
        #expect(folded > 2_000, "\(folded) of 20,000 folded")
    }

    @Test func stretchesOfTextAreFoldedAndWhatMayBeMarkupIsNot() throws {
        let run = String(repeating: "-", count: 40)
        let heading = try #require(FoldedLiterals("## Leads of \\\(run)"))
        #expect(heading.text == "## Le\u{2E3A}-")
        #expect(heading.literals == [Array(("ads of " + run.dropLast()).utf8)])
        let closed = try #require(FoldedLiterals("## a\(run) ## "))
        #expect(closed.text == "## a-\u{2E3A} ## ")
        for markup in [
            "\(run)", "Title\n\(run)", "> \(run)", "1. \(run)", "[a](x\(run))", "a `\(run)`", "a &amp;\(run)",
        ] {
            #expect(FoldedLiterals(markup) == nil, "\(markup.debugDescription)")
        }
        // Fewer than 16 escapes and punctuation characters cost libcmark little: left as they are.
        #expect(FoldedLiterals("a" + String(repeating: "!", count: 15)) == nil)
    }

    /// Found by `scripts/fuzz-large`: a megabyte of `-` (or `.`, `'`, `"`, `!`, or of escaped punctuation) as a lead's
    /// name took the table target 1.5–2.6 s, libcmark making one node per character; folded, a few nodes.
    @Test(arguments: ["-", ".", "'", "\"", "!", "_]", "t_t_a_il_A"])
    func megabyteOfPunctuationIsAFewNodesForLibcmark(unit: String) throws {
        let data = String(repeating: unit, count: (1 << 20) / unit.count)
        let markdown = "## Leads of \(Markdown.escape(data))\n\nOwner: \(Markdown.escape(data))\n"
        let folded = try #require(FoldedLiterals(markdown))
        #expect(folded.text.utf8.count < 100)
        let html = CommonMark.html(markdown)
        let text = HTMLPage.escape(data).replacingAll("&#39;", with: "'")
        #expect(html == "<h2>Leads of \(text)</h2>\n<p>Owner: \(text)</p>\n")
    }

    /// Found by the template fuzz target: libcmark drops form feeds and vertical tabs before a line end, as it drops
    /// spaces; the fold had kept all but the last inside the stretch, so they came back in the HTML.
    @Test(arguments: ["\u{C}", "\u{B}", " \u{C}\t\u{B}", "\u{C}#\u{C}"])
    func whitespaceBeforeALineEndStaysOutsideTheFold(_ tail: String) {
        for document in [
            "{" + String(repeating: ".", count: 18) + "} | x }" + String(repeating: tail, count: 22),
            "a " + String(repeating: "-", count: 30) + " b" + tail + "\nnext line",
            "# Title " + String(repeating: "'", count: 20) + tail + "\n",
        ] {
            #expect(FoldedLiterals(document) != nil, "\(document.debugDescription) is not folded")
            #expect(CommonMark.html(document) == CommonMark.unfoldedHTML(document), "\(document.debugDescription)")
        }
    }

    @Test func tableCellOfAMegabyteOfPunctuationIsItsText() {
        let data = String(repeating: "!", count: 1 << 20)
        let html = HTMLPage.render(markdown: "| A |\n|---|\n| \(Markdown.escape(data)) |\n", title: "t")
        #expect(html.contains("<td>\(data)</td>"))
    }
}

/// The byte-level helpers that keep rendering linear on fields of a megabyte agree with the `Character` APIs they replace.
@Suite("Byte-level text helpers")
struct ByteLevelTextTests {
    @Test func linesAreSplitWhereCharactersAreLineFeeds() {
        for text in ["", "\n", "a\nb", "a\r\nb\n", "\r\n\r\n", "a\rb", "\n\na\u{301}\n", "e\u{301}\n\u{301}x", "x\n"] {
            #expect(MarkdownBlocks.lines(text) == text.split(separator: "\n", omittingEmptySubsequences: false))
        }
    }

    @Test func byteSearchFindsUTF8Offsets() {
        #expect(ByteSearch.offset(of: "b", in: "ébab") == 2)
        #expect(ByteSearch.offset(of: "b", in: "ébab", from: 3) == 4)
        #expect(ByteSearch.offset(of: "ab", in: "ébab", from: 4) == nil)
        #expect(ByteSearch.offset(of: "\u{2E3A}", in: "a-\u{2E3A}") == 2)
        #expect(!ByteSearch.contains("x", in: ""))
        #expect("a<li>[ ] b".replacingAll("<li>[ ] ", with: "!") == "a!b")
    }

    @Test func megabyteOfMarksIsDroppedFromTheStartOfEscapedText() {
        #expect(Markdown.escape(String(repeating: "\u{301}", count: 1 << 20) + "-x") == "\\-x")
        #expect(Markdown.escape("\u{AAEB}\u{AAEB}#") == "\\#")
        #expect(Markdown.escape("a_b _c") == "a_b \\_c")
    }
}
