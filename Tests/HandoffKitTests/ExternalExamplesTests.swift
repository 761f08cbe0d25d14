import Foundation
import Testing

@testable import HandoffKit

/// The example agreements of examples/external/, each on its public dataset under ../shared/data/external/. Each test
/// checks three numbers against values computed independently with Python's csv module (the commands are in the
/// comments), not with Handoff's code.
@Suite("Example agreements on public exports")
struct ExternalExamplesTests {
    static var available: Bool { ExternalDataTests.available }

    func scorecard(_ folder: String, month: String) throws -> Scorecard {
        let (a, _, _) = try Handoff.agreement(at: projectPath("examples/external/\(folder).yaml"))
        let dir = (sharedData as NSString).appendingPathComponent(folder)
        return try Handoff.scorecard(
            a, MeasurementRequest(sources: try DataSources(directory: dir), period: .month(month)))
    }

    func result(_ s: Scorecard, _ id: String) throws -> CommitmentResult {
        try #require(s.commitments.first { $0.commitment.id == id })
    }

    /// Opportunities created in June 2022 (the handoff), the share the AMs accepted and the share decided within 7 days:
    ///   rows = [r for r in csv.DictReader(open('Opportunities.csv')) if created in 2022-06 and r['OpportunityId'] in leads' ConvertedOpportunityId]
    ///   len(rows) = 104; IsAccepted == 'TRUE': 71; (AcceptedDecisionDate − CreatedDate).days ≤ 7: 91
    @Test(.enabled(if: available)) func marketstar() throws {
        let s = try scorecard("marketstar-sdr-case", month: "2022-06")
        #expect(try result(s, "handoff-volume").value == 104)
        #expect(try result(s, "decision-time").value == 91.0 / 104.0)
        let acceptance = try #require(s.targets.first { $0.id == "acceptance_rate" })
        #expect(acceptance.value == 71.0 / 104.0)
        #expect(try result(s, "routing-speed").note == "needs column routed_at")
        #expect(
            s.quality.deals?.summary
                == "1061 deals, 1061 joined to a lead; gave mql_at for 1061 leads, accepted for 697 leads, rejected for 364 leads"
        )
    }

    /// Leads created in June 2021 (month first in both date forms), complete context, and Converted vs Disqualified:
    ///   rows = csv.DictReader(open('Lead.redacted.csv', encoding='cp1252')); June 2021: 1054
    ///   Lead Source, Industry and Country all filled (placeholders blank): 978; Converted 21, Disqualified 16
    @Test(.enabled(if: available)) func salesforce() throws {
        let s = try scorecard("crm-analytics-salesforce", month: "2021-06")
        #expect(try result(s, "lead-volume").value == 1054)
        #expect(try result(s, "lead-context").value == 978.0 / 1054.0)
        let acceptance = try #require(s.targets.first { $0.id == "acceptance_rate" })
        #expect(acceptance.value == 21.0 / 37.0)
        #expect(s.quality.deals?.joined == 375) // 411 leads name 375 distinct opportunities (NOTES.md)
        #expect(s.quality.deals?.unmatchedLeads == 0)
        #expect(s.quality.footers.map(\.line) == [4653])
        #expect(s.quality.dialects.values.map(\.description).sorted().first?.hasPrefix("windows-1252") == true)
    }

    /// Opportunities engaged in June 2017, Won share of Won + Lost, decided within 90 days of all 792:
    ///   engage_date starts with 2017-06: 792; Won 453 of 681 decided; close − engage ≤ 90 days: 563
    @Test(.enabled(if: available)) func maven() throws {
        let s = try scorecard("maven-crm-sales-opportunities", month: "2017-06")
        #expect(try result(s, "volume").value == 792)
        #expect(try result(s, "decision").value == 563.0 / 792.0)
        let acceptance = try #require(s.targets.first { $0.id == "acceptance_rate" })
        #expect(acceptance.value == 453.0 / 681.0)
    }

    /// No timestamps at all: every lead judged at once on lead context; the rest "not measurable".
    ///   rows = csv.DictReader(open('Leads.csv')); 9240 rows; Lead Source, Country, Specialization and
    ///   What is your current occupation all filled ('Select' and the other placeholders blank): 4020
    @Test(.enabled(if: available)) func xEducationOverTheWholeSpan() throws {
        let (a, _, _) = try Handoff.agreement(at: projectPath("examples/external/x-education-leads.yaml"))
        let dir = (sharedData as NSString).appendingPathComponent("x-education-leads")
        let s = try Handoff.scorecard(a, MeasurementRequest(sources: try DataSources(directory: dir)))
        #expect(s.period.kind == .all)
        let context = try result(s, "lead-context")
        #expect(context.denominator == 9240)
        #expect(context.value == 4020.0 / 9240.0)
        #expect(context.verdict == .missed)
        #expect(try result(s, "lead-volume").note == "needs column mql_at (the exports have no timestamps)")
        #expect(
            CheckReport.text(s).hasPrefix(
                "Online-course lead handoff (example on a public leads export) v1.0 - all data (every lead; the exports have no timestamps)\n"
            ))
        #expect {
            try Handoff.scorecard(
                a, MeasurementRequest(sources: try DataSources(directory: dir), period: .week("2024-W01")))
        } throws: { error in
            (error as? HandoffError)?.diagnostics.map(\.message) == [
                "the exports have no timestamps, so no week or month can be chosen; leave out --week and --month to judge every lead at once"
            ]
        }
    }
}
