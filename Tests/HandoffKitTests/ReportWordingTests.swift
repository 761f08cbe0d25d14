import Foundation
import Testing

@testable import HandoffKit

/// Issue 10: durations in their clock's units, a month report that says so, the weekly target a weekly promise sets.
@Suite("Report wording: clock units, month reports, weekly targets")
struct ReportWordingTests {
    static let hours = BusinessHours(
        timeZone: "America/New_York", days: [.monday, .tuesday, .wednesday, .thursday, .friday],
        open: TimeOfDay(minutes: 9 * 60), close: TimeOfDay(minutes: 18 * 60), holidays: [])

    @Test func businessDurationsAreWrittenInBusinessUnits() {
        let business = ClockSpan(.business, hours: Self.hours)
        // 54 business days of 9 open hours: never "17d 23h" of 24-hour days.
        #expect(business.text(54 * 9 * 3600) == "54 business days")
        #expect(business.text(9 * 3600 + 2 * 3600) == "1 business day 2h")
        #expect(business.text(2 * 3600 + 10 * 60) == "2h 10m")
        #expect(ClockSpan(.calendar, hours: Self.hours).text(54 * 9 * 3600) == "20d 6h")
        #expect(business.axisUnit(hours: true) == "business hours")
    }

    static func scorecard(_ text: String, _ period: EvaluationContext.PeriodChoice) throws -> (Agreement, Scorecard) {
        let outcome = load(text)
        let agreement = try #require(outcome.agreement, "\(positions(outcome.diagnostics))")
        let dir = projectPath("Tests/HandoffKitTests/Fixtures/week46")
        return (
            agreement,
            try Handoff.scorecard(
                agreement,
                MeasurementRequest(
                    sources: try DataSources(directory: dir), period: period,
                    asOf: "2026-12-02T14:15:00Z"))
        )
    }

    @Test func aMonthReportIsTitledAndLabelledAsOne() throws {
        let (a, s) = try Self.scorecard(MetricTests.agreementText, .month("2026-11"))
        let md = try DocumentRenderer().render(
            .scorecard, data: ScorecardDocument.data(s, agreement: a), title: "t", format: .markdown)
        #expect(md.hasPrefix("# Monthly alignment scorecard — 2026-11\n"))
        #expect(md.contains("## Lead-source effectiveness, this month\n"))
        #expect(!md.contains("last 8 weeks\n\n| Source"))
    }

    @Test func anExplicitWeeklyPromiseIsTheTrendTarget() throws {
        // The monthly promise is listed first; the weekly one (5) is still the weekly target, not 40 × 12 / 52.
        let text = MetricTests.agreementText
            .replacingOccurrences(
                of:
                    "    - {id: volume, metric: mql_count, at_least: 5, per: week}\n    - {id: monthly, metric: mql_count, at_least: 40, per: month}",
                with:
                    "    - {id: monthly, metric: mql_count, at_least: 40, per: month}\n    - {id: volume, metric: mql_count, at_least: 5, per: week}"
            )
        #expect(text != MetricTests.agreementText)
        let (_, s) = try Self.scorecard(text, .week("2026-W46"))
        #expect(s.trend.last?.volumeTarget == 5)
    }
}
