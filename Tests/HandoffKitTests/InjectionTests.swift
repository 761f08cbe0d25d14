import Foundation
import Testing

@testable import HandoffKit

/// Strings from the agreement and from CRM exports never reach HTML unescaped and never add Markdown structure.
@Suite("Hostile strings in agreements and exports")
struct InjectionTests {
    static let hostileAgreement =
        minimalAgreement
        .replacingOccurrences(of: "team: Marketing", with: "team: \"<script>alert('m')</script>\"")
        .replacingOccurrences(of: "title: Test SLA", with: "title: \"**Big** | <b>SLA</b> & co\"")
            + """

            rejection_reasons:
              - {id: bad, label: "Wrong | *profile* </td><td>x", points_at: fit, adjustment: "<img src=x onerror=alert(1)>"}
            targets: {minimum_sample: 1}
            """

    static let hostileLeads = """
        lead_id,company,owner,title,industry,mql_at,routed_at,decision,decision_at,rejection_reason
        L<1>,"</td><script>alert(1)</script>",**Bold** | pipe,"line one
        # heading",Fin|Serv,2026-11-10T15:00:00Z,2026-11-10T15:01:00Z,rejected,2026-11-10T16:00:00Z,Wrong | *profile* </td><td>x
        L2,"[click](javascript:alert(1))",<b>Owner</b>,- bullet,`code`,2026-11-10T15:00:00Z,2026-11-10T15:01:00Z,rejected,2026-11-10T16:00:00Z,"<i>unknown</i>"

        """

    func documents() throws -> [String: String] {
        let outcome = load(Self.hostileAgreement)
        let a = try #require(outcome.agreement, "\(positions(outcome.diagnostics))")
        let dir = try temporaryDirectory()
        try write(Self.hostileLeads, "leads.csv", in: dir)
        try write("lead_id,at,type\nL2,2026-11-10T15:20:00Z,call\n", "activities.csv", in: dir)
        let s = try Handoff.scorecard(
            a, MeasurementRequest(sources: try DataSources(directory: dir), period: .week("2026-W46")))
        let r = try DocumentRenderer()
        var docs: [String: String] = [:]
        for format in [OutputFormat.markdown, .html] {
            docs["sla.\(format.rawValue)"] = try r.render(
                .sla, data: SLADocument.data(a), title: a.info.title, format: format)
            docs["scorecard.\(format.rawValue)"] = try r.render(
                .scorecard, data: ScorecardDocument.data(s, agreement: a), title: a.info.title,
                charts: ScorecardDocument.charts(s), format: format)
            docs["agenda.\(format.rawValue)"] = try r.render(
                .agenda, data: AgendaDocument.data(s, agreement: a), title: a.info.title, format: format)
        }
        return docs
    }

    @Test func htmlIsWellFormedAndInert() throws {
        for (name, html) in try documents() where name.hasSuffix(".html") {
            #expect(HTMLChecker.problems(html) == [], "\(name)")
            #expect(!html.contains("<script"), "\(name)")
            #expect(!html.contains("<img"), "\(name)")
            #expect(!html.contains("<b>Owner"), "\(name)")
            #expect(!html.contains("href=\"javascript"), "\(name)")
        }
        let scorecard = try #require(try documents()["scorecard.html"])
        #expect(scorecard.contains("&lt;/td&gt;&lt;script&gt;alert(1)&lt;/script&gt;"))
        #expect(scorecard.contains("**Bold** | pipe"))
    }

    @Test func markdownTablesKeepTheirShape() throws {
        for (name, md) in try documents() where name.hasSuffix(".md") {
            for block in MarkdownBlocks.split(md) {
                guard case .table(let lines) = block else { continue }
                let width = MarkdownBlocks.cells(lines[0]).count
                for line in lines { #expect(MarkdownBlocks.cells(line).count == width, "\(name): \(line)") }
            }
            #expect(!md.contains("\n# heading"), "\(name)")
            let scalars = Array(md.unicodeScalars)
            let raw = scalars.indices.filter { scalars[$0] == "<" && ($0 == 0 || scalars[$0 - 1] != "\\") }
            #expect(raw.isEmpty, "\(name) has an unescaped '<'")
            #expect(md.contains("\\<script>"), "\(name) keeps the text, escaped")
        }
    }
}
