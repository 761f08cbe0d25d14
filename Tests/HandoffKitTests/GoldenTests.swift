import Foundation
import Testing

@testable import HandoffKit

/// The acme documents, byte for byte. Re-record after an intended change with:
///   HANDOFF_RECORD=1 swift test --filter GoldenTests
/// then run the tests again without it: a recording run always fails, so a recording left on hides nothing.
@Suite("Golden documents")
struct GoldenTests {
    static let record = ProcessInfo.processInfo.environment["HANDOFF_RECORD"] == "1"

    func compare(_ raw: String, _ name: String) throws {
        // File paths in reports are as given; make them independent of where the clone lives.
        let text = raw.replacingOccurrences(of: packageRoot.path + "/", with: "")
        if let failure = try GoldenFile.check(
            text, "Tests/HandoffKitTests/Golden/\(name)", root: packageRoot.path, record: Self.record)
        {
            Issue.record(Comment(rawValue: failure))
        }
    }

    func scorecard() throws -> (Agreement, Scorecard) {
        let a = try acme()
        let request = MeasurementRequest(
            sources: try DataSources(directory: projectPath("examples/acme")), period: .week("2026-W46"),
            asOf: "2026-11-16T10:00")
        return (a, try Handoff.scorecard(a, request))
    }

    @Test func slaDocument() throws {
        let a = try acme()
        let renderer = try DocumentRenderer()
        let md = try renderer.render(.sla, data: SLADocument.data(a), title: "Acme SLA", format: .markdown)
        let html = try renderer.render(.sla, data: SLADocument.data(a), title: "Acme SLA", format: .html)
        try compare(md, "acme-sla.md")
        try compare(html, "acme-sla.html")
        #expect(HTMLChecker.problems(html) == [])
        #expect(try renderer.render(.sla, data: SLADocument.data(try acme()), title: "Acme SLA", format: .html) == html)
    }

    @Test func scorecardDocument() throws {
        let (a, s) = try scorecard()
        let renderer = try DocumentRenderer()
        let data = ScorecardDocument.data(s, agreement: a)
        let md = try renderer.render(.scorecard, data: data, title: "Scorecard", format: .markdown)
        let html = try renderer.render(
            .scorecard, data: data, title: "Scorecard", charts: ScorecardDocument.charts(s), format: .html)
        try compare(md, "acme-scorecard-2026-W46.md")
        try compare(html, "acme-scorecard-2026-W46.html")
        try compare(CheckReport.json(s).rendered(), "acme-check-2026-W46.json")
        try compare(CheckReport.text(s), "acme-check-2026-W46.txt")
        #expect(HTMLChecker.problems(html) == [])
        #expect(html.contains("<svg"))
        let (_, again) = try scorecard()
        #expect(
            try renderer.render(
                .scorecard, data: ScorecardDocument.data(again, agreement: a), title: "Scorecard",
                charts: ScorecardDocument.charts(again), format: .html) == html)
    }

    @Test func agendaDocument() throws {
        let (a, s) = try scorecard()
        let renderer = try DocumentRenderer()
        let data = AgendaDocument.data(s, agreement: a)
        let md = try renderer.render(.agenda, data: data, title: "Agenda", format: .markdown)
        let html = try renderer.render(.agenda, data: data, title: "Agenda", format: .html)
        try compare(md, "acme-agenda-2026-W46.md")
        try compare(html, "acme-agenda-2026-W46.html")
        #expect(HTMLChecker.problems(html) == [])
        #expect(md.split(separator: "\n").count < 80, "the agenda reads in two minutes")
    }
}
