import Foundation
import Testing

@testable import HandoffKit

/// Issue 10's reproductions of verdicts on data that is not there.
@Suite("Honest verdicts: no data, not measurable, coverage")
struct HonestVerdictTests {
    static func scorecard(
        _ period: EvaluationContext.PeriodChoice, asOf: String? = "2026-11-16T14:15:00Z",
        sources: DataSources? = nil
    ) throws -> Scorecard {
        let outcome = load(MetricTests.agreementText)
        let agreement = try #require(outcome.agreement, "\(positions(outcome.diagnostics))")
        let dir = projectPath("Tests/HandoffKitTests/Fixtures/week46")
        return try Handoff.scorecard(
            agreement,
            MeasurementRequest(sources: try sources ?? DataSources(directory: dir), period: period, asOf: asOf))
    }

    @Test(arguments: ["2026-W40", "2026-W49"])
    func aWeekOutsideTheDataHasNoData(week: String) throws {
        // W40 ends before the first MQL (20 Oct); W49 begins after as-of. Neither may say "met" (0 MQLs ≥ …).
        let s = try Self.scorecard(.week(week))
        // The conversion commitment and target stay not measurable (no sql_at column); everything else has no data.
        #expect(s.commitments.filter { $0.verdict != .noData }.map(\.commitment.id) == ["conversion"])
        #expect(s.targets.map(\.verdict) == [.noData, .notMeasurable])
        #expect(
            s.commitments[0].note
                == "no data for \(week): the exports cover MQLs from 2026-10-20 10:00 to 2026-11-15 18:30; last sales activity 2026-11-16 09:10"
        )
        #expect(s.commitments.allSatisfy { $0.value == nil && $0.denominator == 0 && $0.breaches.isEmpty })
        #expect(CheckReport.exitCode(s) == 3)
        #expect(
            CheckReport.text(s).contains(
                "[  ] marketing volume          no data           -          goal >= 5 / week  (no data for \(week)"))
    }

    @Test func theCoveredWeekIsJudged() throws {
        let s = try Self.scorecard(.week("2026-W46"))
        #expect(
            s.coverage.text(s.zone)
                == "MQLs from 2026-10-20 10:00 to 2026-11-15 18:30; last sales activity 2026-11-16 09:10")
        #expect(CheckReport.exitCode(s) == 1)
        #expect(
            CheckReport.text(s).split(separator: "\n")[1]
                == "data: MQLs from 2026-10-20 10:00 to 2026-11-15 18:30; last sales activity 2026-11-16 09:10")
    }

    @Test func conversionWithoutSQLColumnIsNotMeasurable() throws {
        // The fixture's leads export has no sql_at column: the target is not measurable, never "missed 0%".
        let s = try Self.scorecard(.week("2026-W46"))
        let conversion = try #require(s.targets.first { $0.id == "mql_to_sql_rate" })
        #expect(conversion.verdict == .notMeasurable)
        #expect(conversion.value == nil)
        #expect(conversion.note == "needs column sql_at")
        #expect(try #require(s.commitments.first { $0.commitment.id == "conversion" }).verdict == .notMeasurable)
    }

    @Test func theDefaultWeekIsTheLastCompleteWeekOfTheLeadsExport() throws {
        // An engagement export running two weeks past the leads export must not move the report to a week without
        // leads (W48, before 1 Dec). The leads export ends on Sunday 15 Nov 18:30 UTC (13:30 local), so W46 is not
        // complete in it: the last complete week it covers is W45 (L8 alone).
        let dir = try temporaryDirectory()
        let fixture = projectPath("Tests/HandoffKitTests/Fixtures/week46")
        let engagement = try write(
            "lead_id,at,action\nL1,2026-11-09T14:00:00Z,email_open\nL1,2026-12-01T10:00:00Z,email_open\n",
            "engagement.csv", in: dir)
        let sources = DataSources(
            leads: fixture + "/leads.csv", activities: fixture + "/activities.csv", engagement: engagement)
        let s = try Self.scorecard(.lastCompleteWeek, asOf: nil, sources: sources)
        #expect(s.period.label == "2026-W45")
        #expect(Dates.iso(s.asOf) == "2026-12-01T10:00:00Z")
        #expect(s.cohortSize == 1)
    }
}
