import Foundation
import Testing

@testable import HandoffKit

/// The ledger keeps who did each sales activity when the activities export names them (issue 10: "every activity —
/// type, time, owner when present"), and a late first touch says who made it.
@Suite("Who did each activity")
struct ActivityOwnerTests {
    /// The attempt-types agreement: `call-touch` counts calls only, so its ten breaches are the 16:00 calls.
    static let agreementText = AsOfAndAttemptTypesTests.agreementText

    /// Ten leads routed Monday 9 Nov 20:00Z, owned by Ana; each has an email at 20:01 and a call at 21:00. Emails are
    /// Ana's; calls are Sam Reyes's for L0–L4 and an SDR's (quoted, with a comma and markup) for L5–L9; L9's call row
    /// names no one.
    static func sources(header: String = "lead_id,at,type,outcome,owner") throws -> DataSources {
        let dir = try temporaryDirectory()
        var leads = "lead_id,company,source,owner,mql_at,routed_at,status\n"
        var activities = header + "\n"
        for i in 0..<10 {
            leads += "L\(i),Co\(i),Webinar,Ana,2026-11-09T19:55:00Z,2026-11-09T20:00:00Z,working\n"
            let caller = i < 5 ? "Sam Reyes" : i < 9 ? "\"Lee, <b>SDR</b> *1*\"" : ""
            activities +=
                "L\(i),2026-11-09T20:01:00Z,email,sent,Ana\nL\(i),2026-11-09T21:00:00Z,call,connected,\(caller)\n"
        }
        return DataSources(
            leads: try write(leads, "leads.csv", in: dir), activities: try write(activities, "activities.csv", in: dir))
    }

    static func scorecard(_ sources: DataSources) throws -> Scorecard {
        let outcome = load(agreementText)
        let agreement = try #require(outcome.agreement, "\(positions(outcome.diagnostics))")
        return try Handoff.scorecard(
            agreement,
            MeasurementRequest(sources: sources, period: .week("2026-W46"), asOf: "2026-11-20T12:00:00Z"))
    }

    @Test func theLedgerKeepsEachActivitysOwner() throws {
        let outcome = load(Self.agreementText)
        let agreement = try #require(outcome.agreement)
        let ledger = try LeadLoader(agreement: agreement).load(try Self.sources())
        #expect(ledger.activities.count == 20)
        let owners = ledger.activities.map { ledger.owner(of: $0) ?? "-" }
        #expect(owners.filter { $0 == "Ana" }.count == 10)
        #expect(owners.filter { $0 == "Sam Reyes" }.count == 5)
        #expect(owners.filter { $0 == "Lee, <b>SDR</b> *1*" }.count == 4)
        #expect(owners.filter { $0 == "-" }.count == 1)
        // Types are unchanged by owners: ten emails and ten calls.
        #expect(ledger.activities.filter { ledger.activityTypes[Int($0.action)] == "call" }.count == 10)
        // Read in spans of 16 bytes on two cores (each span with its own codes, joined after): the same owners.
        let spans = try LeadLoader(agreement: agreement, cores: 2, minimumSpan: 16, planning: .everyFile).load(
            try Self.sources())
        #expect(spans.activities.map { spans.owner(of: $0) ?? "-" } == owners)
        #expect(
            spans.activities.map { spans.activityTypes[Int($0.action)] }
                == ledger.activities.map {
                    ledger.activityTypes[Int($0.action)]
                })
    }

    @Test func aLateFirstTouchSaysWhoMadeIt() throws {
        let s = try Self.scorecard(try Self.sources())
        let call = try #require(s.commitments.first { $0.commitment.id == "call-touch" })
        let details = call.breaches.map(\.detail).sorted()
        #expect(details.count == 10)
        #expect(details.filter { $0 == "late by 30m (first touch by Sam Reyes)" }.count == 5)
        #expect(details.filter { $0 == "late by 30m (first touch by Lee, <b>SDR</b> *1*)" }.count == 4)
        #expect(details.filter { $0 == "late by 30m" }.count == 1)
        // In the documents the owner is data: escaped, never markup.
        let agreement = try #require(load(Self.agreementText).agreement)
        let renderer = try DocumentRenderer()
        let data = ScorecardDocument.data(s, agreement: agreement)
        let markdown = try renderer.render(.scorecard, data: data, title: "T", format: .markdown)
        let html = try renderer.render(.scorecard, data: data, title: "T", format: .html)
        #expect(markdown.contains(#"| late by 30m (first touch by Lee, \<b>SDR\</b> \*1\*) |"#))
        #expect(html.contains("late by 30m (first touch by Lee, &lt;b&gt;SDR&lt;/b&gt; *1*)</td>"))
        #expect(!html.contains("<b>SDR"))
        #expect(HTMLChecker.problems(html) == [])
        let json = CheckReport.json(s).rendered()
        #expect(json.contains(#""detail": "late by 30m (first touch by Lee, \u003cb\u003eSDR\u003c/b\u003e *1*)""#))
    }

    @Test func withoutAnOwnerColumnNothingChanges() throws {
        let s = try Self.scorecard(try AsOfAndAttemptTypesTests.sources())
        let call = try #require(s.commitments.first { $0.commitment.id == "call-touch" })
        #expect(call.breaches.allSatisfy { $0.detail == "late by 30m" })
    }

    @Test func crmPresetsNameTheActivityOwner() {
        #expect(ColumnPreset.hubspot.headers["activity_owner"]?.first == "Activity assigned to")
        #expect(ColumnPreset.salesforce.headers["activity_owner"]?.first == "Assigned")
        #expect(ColumnPreset.canonical.headers["activity_owner"] == ["owner"])
    }
}
