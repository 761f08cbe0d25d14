import Foundation
import Testing

@testable import HandoffKit

@Suite("Rendering: escaping, templates, HTML")
struct RenderingTests {
    @Test func markdownEscapingNeutralisesStructure() {
        #expect(Markdown.escape("a | b") == "a \\| b")
        #expect(Markdown.escape("**bold** and _x_ and snake_case") == "\\*\\*bold\\*\\* and \\_x\\_ and snake_case")
        #expect(Markdown.escape("<script>alert(1)</script>") == "\\<script>alert(1)\\</script>")
        #expect(Markdown.escape("# heading") == "\\# heading")
        #expect(Markdown.escape("- item") == "\\- item")
        #expect(Markdown.escape("2026. A year") == "2026\\. A year")
        #expect(Markdown.escape("2.1") == "2.1")
        #expect(Markdown.escape("line\nbreak\r\nand\ttab") == "line break and tab")
        #expect(Markdown.escape("[link](javascript:x)") == "\\[link\\](javascript:x)")
        #expect(Markdown.escape("AT&T &amp; $5") == "AT\\&T \\&amp; \\$5")
    }

    @Test func escapedTextRendersAsTheSameText() {
        for text in [
            "**not bold**", "a | b", "<b>x</b>", "# no heading", "[x](y)", "AT&T", "`code`", "~~x~~", "1. one",
            "_under_",
        ] {
            let html = CommonMark.inlineHTML(Markdown.escape(text))
            #expect(
                html
                    == HTMLPage.escape(text).replacingOccurrences(of: "&#39;", with: "'").replacingOccurrences(
                        of: "&quot;", with: "\""), "\(text)")
        }
    }

    @Test func unknownTemplateFieldIsAnErrorWithPosition() throws {
        let template = try Template(
            text: "# {{title}}\n\n{{#parties}}\n| {{role}} | {{teem}} |\n{{/parties}}\n", file: "my/sla.md")
        #expect(
            positions(template.check(against: SLADocument.shape)) == [
                "4:14: error: unknown field 'teem'; did you mean 'team'?; docs/templates.md lists the fields of each document"
            ])
    }

    @Test func rawInsertionOfUserTextIsRefused() throws {
        let template = try Template(text: "{{{title}}}", file: "t.md")
        #expect(
            positions(template.check(against: SLADocument.shape)) == [
                "1:1: error: 'title' is text from the agreement or the CRM; write {{title}} so it is escaped"
            ])
    }

    @Test func unbalancedSections() {
        #expect(throws: HandoffError.self) { try Template(text: "{{#parties}}\nx\n", file: "t.md") }
        #expect(throws: HandoffError.self) { try Template(text: "{{#a}}{{/b}}", file: "t.md") }
    }

    @Test func defaultTemplatesMatchTheirShapes() throws {
        let renderer = try DocumentRenderer()
        for kind in DocumentKind.allCases {
            _ = try renderer.template(kind)
        }
    }

    @Test func overrideFolderReplacesOneTemplate() throws {
        let dir = try temporaryDirectory()
        try write("Agreement: {{title}} ({{digest_short}})\n", "sla.md", in: dir)
        let text = try DocumentRenderer(templatesDirectory: dir).render(
            .sla, data: SLADocument.data(try acme()), title: "t", format: .markdown)
        #expect(text == "Agreement: Acme Analytics Sales \\& Marketing SLA (31d9b4473187)\n")
        try write("{{#parties}}{{owner}}{{/parties}}", "sla.md", in: dir)
        do {
            _ = try DocumentRenderer(templatesDirectory: dir).template(.sla)
            Issue.record("expected an error")
        } catch let error as HandoffError {
            #expect(error.diagnostics.first?.location?.description == "\(dir)/sla.md:1:13")
        }
    }

    @Test func pipeTablesBecomeRealTables() {
        let html = HTMLPage.render(markdown: "# T\n\n| A | B |\n|---|--:|\n| x \\| y | **2** |\n", title: "T")
        #expect(
            html.contains(
                "<table>\n<thead>\n<tr><th>A</th><th class=\"r\">B</th></tr>\n</thead>\n<tbody>\n<tr><td>x | y</td><td class=\"r nw\"><strong>2</strong></td></tr>\n</tbody>\n</table>"
            ))
        #expect(HTMLChecker.problems(html) == [])
    }
}

@Suite("Documentation that is generated")
struct GeneratedDocsTests {
    @Test func templatesReferenceIsCurrent() throws {
        let path = projectPath("docs/templates.md")
        let text = TemplateReference.markdown()
        if GoldenTests.record {
            try Data(text.utf8).write(to: URL(fileURLWithPath: path))
            return
        }
        #expect(
            try String(contentsOfFile: path, encoding: .utf8) == text,
            "docs/templates.md is out of date; re-record with HANDOFF_RECORD=1")
    }
}
