import Foundation
import HandoffIO
import Testing

@testable import HandoffKit

/// Inputs the fuzzers (Fuzz/, docs/fuzzing.md) found that trapped, overflowed the stack or broke an escaping
/// promise; each now ends in a clear error or the right text.
@Suite("Fuzzer findings: errors, not traps")
struct FuzzFindingsTests {
    @Test func hugeNumberInAgreementIsAnErrorNotATrap() {
        let yaml = minimalAgreement.replacingOccurrences(of: "points: 50}", with: "points: 1e300}")
        let outcome = load(yaml)
        #expect(outcome.agreement == nil)
        #expect(
            positions(outcome.diagnostics).contains(
                "21:44: error: points is too large: '1e300'; amounts are below 1,000,000,000,000,000 (1e15)"))
    }

    @Test func formattingAnyNumberNeverTraps() {
        #expect(Amount.format(1e300) == "1e+300")
        #expect(Amount.format(-.infinity) == "-inf")
        #expect(Amount.format(.nan) == "nan")
        #expect(Amount.format(2.5e12) == "2500B")
        #expect(Amount.grouped(1e300) == "1e+300")
        #expect(Percent.format(1e300) == "1e+302%")
        #expect(Percent.format(.nan) == "nan%")
        #expect(Percent.format(0.905) == "90.5%")
    }

    @Test func hugeNumberInACSVCellIsADataIssueNotATrap() throws {
        let outcome = load(minimalAgreement)
        let agreement = try #require(outcome.agreement)
        let dir = try temporaryDirectory()
        let path = try write(
            "lead_id,created_at,employees,annual_revenue\nL-1,2026-11-16,1e300,-1e300\nL-2,2026-11-16,250,10M\n",
            "leads.csv", in: dir)
        let ledger = try LeadLoader(agreement: agreement).load(DataSources(leads: path))
        #expect(ledger.leads.count == 2)
        #expect(ledger.leads[0].employees == nil)
        #expect(ledger.leads[0].annualRevenue == nil)
        #expect(ledger.leads[1].annualRevenue == 10_000_000)
        #expect(
            ledger.quality.issues.map { "\($0.line) \($0.column) \($0.value): \($0.reason)" }
                == ["2 employees 1e300: not a number", "2 annual_revenue -1e300: not a number"])
    }

    @Test func hugeNumberInAConditionIsAnError() {
        let nines = String(repeating: "9", count: 400)
        let origin = HandoffKit.SourceLocation(file: "a.yaml", line: 4, column: 10)
        #expect(
            conditionError("employees > \(nines)", origin)
                == "4:22: invalid condition: the number \(nines) is too large; numbers are below 1,000,000,000,000,000")
        #expect(
            conditionError("count(demo_request, 99999999999999999w) >= 1", origin)
                == "4:30: invalid condition: the number 99999999999999999 is too large; numbers are below 1,000,000,000,000,000"
        )
    }

    @Test func deeplyNestedConditionIsAnErrorNotAStackOverflow() {
        let origin = HandoffKit.SourceLocation(file: "a.yaml", line: 1, column: 1)
        #expect(
            conditionError(String(repeating: "(", count: 10_000) + "fit", origin)
                == "1:33: invalid condition: the condition nests more than 32 levels of parentheses or 'not'; simplify it"
        )
        #expect(
            conditionError(String(repeating: "not ", count: 10_000) + "fit", origin)
                == "1:129: invalid condition: the condition nests more than 32 levels of parentheses or 'not'; simplify it"
        )
        // Chains nest too: `a or a or …` is a tree as deep as it is long.
        #expect(
            conditionError(Array(repeating: "fit > 1", count: 3_000).joined(separator: " or "), origin)?
                .hasSuffix("invalid condition: the condition has more than 256 operators; split it into several rules")
                == true)
        #expect(
            conditionError(Array(repeating: "1", count: 3_000).joined(separator: " + ") + " > 0", origin)?
                .hasSuffix("invalid condition: the condition has more than 256 operators; split it into several rules")
                == true)
        // A long list is not deep: it stays a condition.
        let list = (0..<2000).map { "\"c\($0)\"" }.joined(separator: ", ")
        #expect(conditionError("country in [\(list)]", origin) == nil)
    }

    /// A megabyte of `(` took 1.5 s in the fuzz build, lexed whole before the parser saw the nesting
    /// (found by `scripts/fuzz-large`).
    @Test func megabyteConditionIsAnErrorNotAHang() {
        let origin = HandoffKit.SourceLocation(file: "a.yaml", line: 1, column: 1)
        #expect(
            conditionError(String(repeating: "(", count: 1 << 20), origin)
                == "1:50001: invalid condition: the condition is longer than 50,000 characters; split it into several rules"
        )
        let justFits = "title contains \"" + String(repeating: "é", count: 50_000 - 17) + "\""
        #expect(conditionError(justFits, origin) == nil)
        #expect(
            conditionError(justFits + " ", origin)?.hasPrefix("1:50001: invalid condition: the condition is longer")
                == true)
    }

    @Test func deeplyNestedTemplateSectionsAreAnError() {
        let text = String(repeating: "{{#a}}", count: 5_000) + String(repeating: "{{/a}}", count: 5_000)
        #expect(throws: HandoffError.self) { try Template(text: text, file: "deep.md") }
        do {
            _ = try Template(text: text, file: "deep.md")
        } catch let error as HandoffError {
            #expect(
                positions(error.diagnostics) == [
                    "1:193: error: sections nest more than 32 levels deep; close some before opening '{{#a}}'"
                ])
        } catch {
            Issue.record("unexpected \(error)")
        }
        let shallow = String(repeating: "{{#a}}", count: 32) + "x" + String(repeating: "{{/a}}", count: 32)
        #expect((try? Template(text: shallow, file: "ok.md")) != nil)
    }

    @Test func durationLongerThanACenturyIsAnError() {
        #expect(TimeSpan(parsing: "100000w") == nil)
        #expect(TimeSpan(parsing: "1000000w1000000w") == nil)
        #expect(TimeSpan(parsing: "5200w")?.seconds == Int64(5200 * 604_800))
    }

    @Test func leadingSpacesCannotTurnDataIntoMarkdownStructure() {
        #expect(Markdown.escape("  # Heading") == "\\# Heading")
        #expect(Markdown.escape("\u{00A0}- item") == "\\- item")
        #expect(Markdown.escape("    code") == "code")
        #expect(Markdown.escape(" 1. first") == "1\\. first")
        let html = HTMLPage.render(markdown: "| A |\n|---|\n| \(Markdown.escape("\u{3000}# x")) |\n", title: "t")
        #expect(html.contains("<td># x</td>"))
    }

    @Test func hashesEndingDataStayInAHeading() {
        #expect(Markdown.escape("Plan B #") == "Plan B \\#")
        #expect(Markdown.escape("Plan ## ") == "Plan \\#\\#")
        #expect(Markdown.escape("Ticket #5") == "Ticket #5")
        #expect(
            HTMLPage.render(markdown: "# \(Markdown.escape("Plan B #"))\n", title: "t").contains("<h1>Plan B #</h1>"))
    }

    @Test func combiningMarkCannotHideMarkupFromTheEscaper() {
        // `*` + U+0301 is one Swift Character but CommonMark reads the `*` alone: still an emphasis delimiter.
        #expect(Markdown.escape("*\u{301}bold*") == "\\*\u{301}bold\\*")
        #expect(Markdown.escape(">\u{301}quote") == "\\>\u{301}quote")
        #expect(Markdown.escape("a |\u{301} b") == "a \\|\u{301} b")
        #expect(Markdown.escape("1. \u{301}x") == "1\\. \u{301}x")
        #expect(Markdown.escape("line\r\nbreak") == "line break")
        let html = HTMLPage.render(
            markdown: "| A |\n|---|\n| \(Markdown.escape("*\u{301}bold* [x](y)"))) |\n", title: "t")
        #expect(!html.contains("<em>") && !html.contains("<a "))
    }

    @Test(arguments: ["activities", "engagement"])
    func fileReadAgainWholeIsAnErrorNotAnAllocationFailure(_ kind: String) throws {
        // Cut into spans, a file whose later span fails is read again in one piece (span ..<Int.max); the room
        // reserved for its rows was sized from that span, not from the file.
        let agreement = try #require(load(minimalAgreement).agreement)
        let dir = try temporaryDirectory()
        let leads = try write("lead_id,created_at\nL-1,2026-11-16T10:00:00Z\n", "leads.csv", in: dir)
        let rows = (0..<40).map { "L-1,2026-11-16T10:\(10 + $0):00Z,\(kind == "activities" ? "call" : "demo_request")" }
        let header = kind == "activities" ? "lead_id,at,type" : "lead_id,at,action"
        let path = try write(([header] + rows).joined(separator: "\n") + "\nL-1,\"2026-11-16\n", "\(kind).csv", in: dir)
        let sources =
            kind == "activities"
            ? DataSources(leads: leads, activities: path) : DataSources(leads: leads, engagement: path)
        #expect(throws: HandoffError.self) {
            try LeadLoader(agreement: agreement, cores: 2, minimumSpan: 64, planning: .everyFile).load(sources)
        }
        do {
            _ = try LeadLoader(agreement: agreement, cores: 2, minimumSpan: 64, planning: .everyFile).load(sources)
        } catch let error as HandoffError {
            #expect(
                positions(error.diagnostics) == [
                    "-: error: a quoted field is never closed; check for a stray \" in this row"
                ])
            #expect(error.diagnostics.first?.file == "\(path):42")
        }
    }

    @Test func longRunOfHashesIsEscapedInOnePass() {
        // Each `#` used to look at everything after it for the closing run: quadratic, minutes for a long cell.
        let escaped = Markdown.escape(String(repeating: "#", count: 200_000) + "x ##")
        #expect(escaped.hasPrefix("\\##"))
        #expect(escaped.hasSuffix("#x \\#\\#"))
        #expect(escaped.utf8.count == 200_000 + 4 + 3)
    }

    @Test func megabyteFieldNameGetsAnErrorWithoutASuggestion() throws {
        // The suggestion compared the whole name with every field: seconds for a name of a megabyte.
        let name = String(repeating: "titel", count: 20_000)
        let template = try Template(text: "{{\(name)}}", file: "big.md")
        let problems = template.check(against: SLADocument.shape)
        #expect(problems.count == 1)
        #expect(problems.first?.message.hasPrefix("unknown field 'titeltitel") == true)
        #expect(problems.first?.message.contains("did you mean") == false)
        #expect(Suggestion.hint(for: "titel", in: ["title", "version"]) == "; did you mean 'title'?")
    }

    @Test func duplicateKeyAfterCarriageReturnLinesIsAnErrorNotATrap() {
        // The parser counts a lone \r as a line break; the search for the second key counted only \n, and its line
        // range ran backwards.
        let outcome = load("x: 1\ry: 2\rz: 3\ra: 1\ra: 2\n")
        #expect(outcome.agreement == nil)
        #expect(positions(outcome.diagnostics) == ["5:1: error: duplicate key 'a'; it is already set at line 4"])
    }

    @Test func windowsLineEndsAreLinesNotOneLongLine() {
        // `\r\n` is one Swift Character, never equal to "\n": a CRLF agreement was one line to the nesting guard,
        // which then counted every list item of the file as one more level.
        let holidays = (1...150).map {
            "    - {date: \(LocalDate(year: 2026, month: 1, day: 1).adding(days: $0)), name: H\($0)}"
        }
        let yaml = minimalAgreement.replacingOccurrences(
            of: "  close: \"18:00\"\n",
            with: "  close: \"18:00\"\n  holidays:\n"
                + holidays.joined(separator: "\n") + "\n")
        let crlf = load(yaml.replacingOccurrences(of: "\n", with: "\r\n"))
        #expect(positions(crlf.diagnostics) == [])
        #expect(crlf.agreement?.businessHours.holidays.count == 150)
        let broken = load("agreement:\r\n  title: [unclosed\r\n  version: 1\r\n")
        #expect(
            DiagnosticPrinter(source: broken.source).render(broken.diagnostics[0]).split(separator: "\n").count == 3)
    }

    @Test func leadingCombiningMarkCannotUnescapeAListMarker() {
        // " " + U+07EB is one Character: the cell's trimming dropped it with the template's space, and "+ x" became a list.
        #expect(Markdown.escape("\u{7EB}+ \"x\"") == "\\+ \"x\"")
        let html = HTMLPage.render(markdown: "| A |\n|---|\n| \(Markdown.escape("\u{301}- item")) |\n", title: "t")
        #expect(html.contains("<td>- item</td>"))
    }

    @Test func headerRowOfTooManyFieldsIsAnError() throws {
        // Every row before the header is matched against each preset: a million-field row cost seconds each time.
        let agreement = try #require(load(minimalAgreement).agreement)
        let dir = try temporaryDirectory()
        let path = try write(
            String(repeating: ",", count: 20_000) + "\nlead_id,created_at\nL-1,2026-11-16\n", "leads.csv", in: dir)
        do {
            _ = try LeadLoader(agreement: agreement).load(DataSources(leads: path))
            Issue.record("a 20001-field row loaded")
        } catch let error as HandoffError {
            #expect(
                error.diagnostics.map(\.message) == [
                    "line 1 has 20001 fields before any header was found; an export has at most 10000 columns — is this the right file?"
                ])
        }
    }

    /// Found by `scripts/fuzz-large` (1 MB inputs): a header cell of half a million combining marks was hashed and
    /// compared as a header name, normalised each time (seconds), and the error quoted all of it.
    @Test func megabyteHeaderCellIsShortenedNotNormalised() throws {
        let agreement = try #require(load(minimalAgreement).agreement)
        let dir = try temporaryDirectory()
        let marks = String(repeating: "\u{301}", count: 500_000)
        let path = try write("x\(marks),y\n1,2\n", "leads.csv", in: dir)
        do {
            _ = try LeadLoader(agreement: agreement).load(DataSources(leads: path))
            Issue.record("a leads export without lead_id loaded")
        } catch let error as HandoffError {
            let message = try #require(error.diagnostics.first?.message)
            #expect(
                message.contains("its headers are 'x\(String(repeating: "\u{301}", count: 59))…', 'y'"), "\(message)")
            #expect(message.utf8.count < 1_000)
        }
        #expect(
            HeaderMap(headers: ["x" + marks, "lead_id"], wanted: ["lead_id"], preset: .canonical, overrides: [:])[
                "lead_id"] == 1)
    }

    /// Found by `scripts/fuzz-large`: a record longer than the read chunk was scanned again from its start after
    /// every chunk — a megabyte field in 4 KB chunks was quadratic. Reads now at least double.
    @Test(.timeLimit(.minutes(1))) func recordLongerThanManyChunksIsReadInLinearTime() throws {
        let dir = try temporaryDirectory()
        let long = String(repeating: "ab\"\"", count: 1 << 18)
        let path = try write("id,note\nL-1,\"\(long)\"\nL-2,short\n", "x.csv", in: dir)
        var rows: [[String]] = []
        try CSVReader(path: path, chunkSize: 3).forEachRecord { record in
            rows.append((0..<record.count).map { record.string($0) ?? "<bad>" })
        }
        #expect(rows.count == 3)
        #expect(rows[1][1] == String(repeating: "ab\"", count: 1 << 18))
        #expect(rows[2] == ["L-2", "short"])
    }

    /// Doubled quotes are undone byte by byte, left to right (Foundation's `replacingOccurrences` took seconds on a
    /// megabyte of quotes, found by `scripts/fuzz-large`).
    @Test func doubledQuotesAreUndoneLeftToRight() throws {
        let dir = try temporaryDirectory()
        let path = try write(#""a""b","""""","x""\#u{301}","é"""""\#n"#, "q.csv", in: dir)
        var fields: [String] = []
        try CSVReader(path: path).forEachRecord { record in
            fields = (0..<record.count).map { record.string($0) ?? "<bad>" }
        }
        #expect(fields == ["a\"b", "\"\"", "x\"\u{301}", "é\"\""])
    }

    /// Found by `scripts/fuzz-large`: a megabyte agreement took a second to parse in the fuzz build; a template
    /// of a megabyte of sections a second to parse and render.
    @Test func agreementsAndTemplatesHaveASizeLimit() throws {
        // Sizes are rounded up: one byte over the bound reads as over it.
        let justOver = [UInt8](repeating: UInt8(ascii: "#"), count: (256 << 10) + 1)
        #expect(
            positions(AgreementLoader.load(bytes: justOver, file: "a.yaml").diagnostics) == [
                "-: error: the file is 257 KB; an agreement is at most 256 KB — is this the right file?"
            ])
        let fits = Array("agreement: 1\n".utf8) + [UInt8](repeating: UInt8(ascii: "#"), count: (256 << 10) - 13)
        #expect(
            !AgreementLoader.load(bytes: fits, file: "a.yaml").diagnostics.map(\.message).contains {
                $0.contains("at most 256 KB")
            })
        #expect(throws: HandoffError.self) {
            try Template(text: String(repeating: "x", count: (128 << 10) + 1), file: "t.md")
        }
        do {
            _ = try Template(text: String(repeating: "x", count: (128 << 10) + 1), file: "t.md")
        } catch let error as HandoffError {
            #expect(
                error.description.contains(
                    "the template t.md is 129 KB; a template is at most 128 KB — is this the right file?"))
        }
        _ = try Template(text: String(repeating: "x", count: 128 << 10), file: "t.md")
    }

    /// Found by `scripts/fuzz-large`: each of thousands of different unknown names got an edit distance against
    /// every field. Every name is still reported; the first 200 different ones get a suggestion.
    @Test func suggestionsStopAfterTwoHundredDifferentUnknownNames() throws {
        // "titleaa", "titleab", …: each two edits from 'title', so each would get a suggestion.
        let letters = Array("abcdefghijklmnopqrstuvwxyz")
        let names = (0..<300).map { "title\(letters[$0 / 26])\(letters[$0 % 26])" }
        let text = (names + [names[0]]).map { "{{\($0)}}" }.joined(separator: " ")
        let messages = try Template(text: text, file: "t.md").check(against: SLADocument.shape).map(\.message)
        #expect(messages.count == 301)
        #expect(messages[0].hasPrefix("unknown field 'titleaa'; did you mean 'title'?"))
        #expect(messages[199].hasPrefix("unknown field '\(names[199])'; did you mean 'title'?"))
        #expect(messages[200].hasPrefix("unknown field '\(names[200])'; docs/templates.md"))
        #expect(messages[300] == messages[0])
        #expect(messages.filter { $0.contains("did you mean") }.count == 201)
    }

    @Test func manyUnknownTemplateFieldsAreEachReported() throws {
        // The names offered as suggestions were sorted again for every unknown field.
        let template = try Template(text: String(repeating: "{{titel}} ", count: 2_000), file: "t.md")
        let problems = template.check(against: SLADocument.shape)
        #expect(problems.count == 2_000)
        #expect(problems.last?.message.hasPrefix("unknown field 'titel'; did you mean 'title'?") == true)
    }

    @Test func combiningMarkThenSpaceCannotUnescapeAQuote() {
        #expect(Markdown.escape("\u{7EB} >") == "\\>")
    }

    @Test func nestedSectionsOverListsAreAnErrorNotAHang() throws {
        // Six sections over the same list inside each other multiply the document by the list's length six times.
        let items = TemplateValue.list(
            (0..<10).map { .record(["name": .text(String(repeating: "stage \($0) ", count: 100))]) })
        let nested =
            String(repeating: "{{#stages}}", count: 6) + "{{name}} " + String(repeating: "{{/stages}}", count: 6)
        let template = try Template(text: nested, file: "t.md")
        #expect(throws: HandoffError.self) { try template.render(["stages": items]) }
        // Bodies that write nothing still cost the work.
        let empty = try Template(
            text: String(repeating: "{{#stages}}", count: 8) + String(repeating: "{{/stages}}", count: 8), file: "t.md")
        #expect(throws: HandoffError.self) { try empty.render(["stages": items]) }
        let two = try Template(text: "{{#stages}}{{#stages}}x{{/stages}}{{/stages}}", file: "t.md")
        #expect(try two.render(["stages": items]).count == 100)
    }

    @Test func prependedMarkKeepsTheCellUnwrapped() {
        // U+0600 prepends to the next character: with the paragraph's `<` it made one Character, so "<p>" went unseen.
        let html = HTMLPage.render(markdown: "| A |\n|---|\n| \(Markdown.escape("\u{600}")) |\n", title: "t")
        #expect(html.contains("<td>\u{600}</td>"))
    }

    @Test func prependedMarkCannotTurnAnEscapedPipeIntoACell() {
        // U+0601 prepends to the next character: with the backslash that escapes a `|` from data it made one
        // Character, so the row was split at that `|` — an extra cell, the data's text cut in two.
        let cell = Markdown.escape("\u{601}|x")
        #expect(MarkdownBlocks.cells(Substring("| \(cell) | b |")) == ["\u{601}\\|x", "b"])
        let html = HTMLPage.render(markdown: "| A | B |\n|---|---|\n| \(cell) | b |\n", title: "t")
        #expect(html.contains(">\u{601}|x</td>"))
        #expect(html.contains(">b</td>"))
    }

    @Test func nulInAContainsNeedleIsNoMatchNotATrap() throws {
        // Foundation's `contains` trapped ("String index is out of bounds") when a needle with a NUL byte matched up
        // to the end of the text: `"école".contains("e\0")`. Found by the condition fuzzer.
        struct Titled: ConditionInput {
            var title: String
            func number(_ field: String) -> Double? { nil }
            func text(_ field: String) -> String? { field == "title" ? title : nil }
            func count(_ action: String, within window: Double?) -> Int { 0 }
        }
        let origin = HandoffKit.SourceLocation(file: "a.yaml", line: 1, column: 1)
        let nul = try Condition.parse("title contains any [\"E\0\0\0\", \"le\0\"]", at: origin).get()
        #expect(!nul.holds(for: Titled(title: "ÉCOLE")))
        let plain = try Condition.parse("title contains any [\"cole\", \"x\"]", at: origin).get()
        #expect(plain.holds(for: Titled(title: "ÉCOLE")))
        #expect(textContains("école", "e\0") == false)
        #expect(textContains("e\u{301}cole", "école"))
    }

    private func conditionError(_ text: String, _ origin: HandoffKit.SourceLocation) -> String? {
        switch Condition.parse(text, at: origin) {
        case .success: return nil
        case .failure(let d): return "\(d.location.map { "\($0.line):\($0.column)" } ?? "-"): \(d.message)"
        }
    }
}
