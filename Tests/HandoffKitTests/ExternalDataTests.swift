import Foundation
import Testing

@testable import HandoffKit

/// Real public exports nobody here wrote (../shared/data/external). Skipped with a printed reason when absent.
@Suite("Real exports through a column mapping")
struct ExternalDataTests {
    static var available: Bool {
        let present = FileManager.default.fileExists(atPath: sharedData)
        if !present { print("skipping external-data tests: \(sharedData) is absent (a user's clone has no ../shared)") }
        return present
    }

    /// X Education: 9,240 online-course leads with no timestamps. It loads, placeholders ("Select") become blanks,
    /// and every commitment is honestly "not measurable: needs column mql_at".
    @Test(.enabled(if: available)) func xEducationLeads() throws {
        let mapping = """
            data:
              columns: {lead_id: Prospect ID, source: Lead Source, country: Country, industry: Specialization, title: What is your current occupation}
            """
        let a = try #require(load(minimalAgreement + "\n" + mapping).agreement)
        let path = (sharedData as NSString).appendingPathComponent("x-education-leads/Leads.csv")
        let ledger = try LeadLoader(agreement: a).load(DataSources(leads: path))
        #expect(ledger.leads.count == 9240)
        #expect(ledger.quality.issueCount == 0)
        #expect(ledger.leads.filter { $0.industry.isEmpty }.count == 3380)
        #expect(ledger.leads.filter { !$0.source.isEmpty && !$0.country.isEmpty }.count == 6773)
        #expect(ledger.latestTimestamp == nil)
        let context = try EvaluationContext(agreement: a, ledger: ledger, asOf: 1_700_000_000)
        let s = Evaluator.scorecard(context)
        #expect(s.commitments.map(\.verdict) == [.notMeasurable])
        #expect(s.commitments.map(\.note) == ["needs column mql_at"])
    }

    /// Maven CRM pipeline: 8,800 opportunities. Engage date as the MQL date, close date as the decision date,
    /// Won/Lost as accepted/rejected: volume, acceptance and time-to-decision are measurable; routing and touches are not.
    @Test(.enabled(if: available)) func mavenPipeline() throws {
        let mapping = """
            commitments:
              marketing:
                - {id: volume, metric: mql_count, at_least: 700, per: month}
                - {id: routing, metric: routing_time, within: 5m}
              sales:
                - {id: decision, metric: feedback_time, within: 90d, clock: calendar, goal: 50%}
            data:
              columns: {lead_id: opportunity_id, owner: sales_agent, company: account, mql_at: engage_date, decision_at: close_date, status: deal_stage}
              values:
                status: {won: accepted, lost: rejected, engaging: working, prospecting: open}
            """
        let text = minimalAgreement.components(separatedBy: "commitments:")[0] + mapping
        let outcome = load(text)
        let a = try #require(outcome.agreement, "\(positions(outcome.diagnostics))")
        let dir = (sharedData as NSString).appendingPathComponent("maven-crm-sales-opportunities")
        let request = MeasurementRequest(
            sources: DataSources(leads: (dir as NSString).appendingPathComponent("sales_pipeline.csv")),
            period: .month("2017-06"))
        let s = try Handoff.scorecard(a, request)
        #expect(s.quality.issueCount == 0)
        #expect(s.quality.rowsRead.values.first == 8800)
        #expect(s.cohortSize == 792)
        let volume = try #require(s.commitments.first { $0.commitment.id == "volume" })
        #expect(volume.verdict == .met)
        #expect(volume.value == 792)
        #expect(s.commitments.first { $0.commitment.id == "routing" }?.note == "needs column routed_at")
        let acceptance = try #require(s.targets.first { $0.id == "acceptance_rate" })
        #expect(acceptance.denominator == 681)
        #expect(acceptance.value == 453.0 / 681.0)
        #expect(acceptance.pending == 111)
    }
}
