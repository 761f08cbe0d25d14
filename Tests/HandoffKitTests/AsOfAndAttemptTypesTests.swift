import Foundation
import Testing

@testable import HandoffKit

/// The reproductions of issue 10: each commitment reads the activities with its own `attempt_types`, and as-of cuts
/// every event (decisions included) in one place.
@Suite("Attempt types per commitment and the as-of cut")
struct AsOfAndAttemptTypesTests {
    static let agreementText = minimalAgreement.replacingOccurrences(
        of:
            "    - {id: first-touch, metric: first_touch_time, within: 30m, clock: business, goal: 90%, minimum_sample: 1}",
        with: """
                - {id: any-touch, metric: first_touch_time, within: 30m, clock: business, goal: 90%, minimum_sample: 1}
                - {id: call-touch, metric: first_touch_time, within: 30m, clock: business, goal: 90%, minimum_sample: 1, attempt_types: [call]}
            targets:
              acceptance_rate: {between: [10%, 90%]}
              minimum_sample: 1
            """)

    /// Ten leads of 2026-W46, routed Monday 9 Nov 15:00 New York (20:00Z); an email at 15:01 and a call at 16:00.
    /// L0–L4 were accepted on Tuesday 10 Nov 15:00Z, L5–L9 rejected on Thursday 12 Nov 15:00Z.
    static func sources() throws -> DataSources {
        let dir = try temporaryDirectory()
        var leads = "lead_id,company,source,owner,mql_at,routed_at,status,decision,decision_at,rejection_reason\n"
        var activities = "lead_id,at,type,outcome\n"
        for i in 0..<10 {
            let decided = i < 5 ? "accepted,2026-11-10T15:00:00Z," : "rejected,2026-11-12T15:00:00Z,wrong-profile"
            leads += "L\(i),Co\(i),Webinar,Ana,2026-11-09T19:55:00Z,2026-11-09T20:00:00Z,working,\(decided)\n"
            activities += "L\(i),2026-11-09T20:01:00Z,email,sent\nL\(i),2026-11-09T21:00:00Z,call,connected\n"
        }
        return DataSources(
            leads: try write(leads, "leads.csv", in: dir), activities: try write(activities, "activities.csv", in: dir))
    }

    static func scorecard(asOf: String) throws -> Scorecard {
        let outcome = load(agreementText)
        let agreement = try #require(outcome.agreement, "\(positions(outcome.diagnostics))")
        return try Handoff.scorecard(
            agreement, MeasurementRequest(sources: try sources(), period: .week("2026-W46"), asOf: asOf))
    }

    @Test func eachCommitmentCountsItsOwnAttemptTypes() throws {
        let s = try Self.scorecard(asOf: "2026-11-20T12:00:00Z")
        let any = try #require(s.commitments.first { $0.commitment.id == "any-touch" })
        let call = try #require(s.commitments.first { $0.commitment.id == "call-touch" })
        // Every type counts: the email a minute after routing is the first touch.
        #expect(any.verdict == .met)
        #expect(any.valueText == "100%")
        // Only calls count: the call an hour after routing is 30 minutes late for all ten.
        #expect(call.verdict == .missed)
        #expect(call.valueText == "0%")
        #expect(call.breaches.count == 10)
        #expect(call.breaches.first?.detail == "late by 30m")
    }

    @Test func decisionsAfterAsOfAreNotCounted() throws {
        // As of Wednesday 11 Nov: the five acceptances happened, the five rejections had not.
        let wednesday = try Self.scorecard(asOf: "2026-11-11T12:00:00Z")
        let acceptance = try #require(wednesday.targets.first { $0.id == "acceptance_rate" })
        #expect(acceptance.value == 1.0)
        #expect(acceptance.denominator == 5)
        #expect(acceptance.pending == 5)
        #expect(wednesday.reasons.rejected == 0)
        // A week later every decision is in.
        let later = try #require(
            try Self.scorecard(asOf: "2026-11-20T12:00:00Z").targets.first { $0.id == "acceptance_rate" })
        #expect(later.value == 0.5)
        #expect(later.denominator == 10)
    }

    @Test func activitiesAfterAsOfAreNotCounted() throws {
        // As of 15:20 New York on Monday the call had not happened: the call commitment's leads are still pending.
        let s = try Self.scorecard(asOf: "2026-11-09T20:20:00Z")
        let call = try #require(s.commitments.first { $0.commitment.id == "call-touch" })
        #expect(call.pending == 10)
        #expect(call.denominator == 0)
    }
}
