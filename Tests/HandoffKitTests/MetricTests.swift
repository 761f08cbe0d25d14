import Testing

@testable import HandoffKit

/// A hand-built week (2026-W46, Mon 9 – Sun 15 Nov, New York, 09:00–18:00) with eight MQLs (L1–L7, L10).
/// L8 became an MQL the week before, L11 in October (so the exports cover all of November), and L9 never did. As of Mon 16 Nov 09:15 local (14:15Z).
/// Every expected number below is worked out from the fixture by hand, in the comments.
@Suite("Metrics and verdicts on a hand-built week")
struct MetricTests {
    static let agreementText = minimalAgreement.replacingOccurrences(
        of:
            "commitments:\n  sales:\n    - {id: first-touch, metric: first_touch_time, within: 30m, clock: business, goal: 90%, minimum_sample: 1}",
        with: """
            commitments:
              marketing:
                - {id: volume, metric: mql_count, at_least: 5, per: week}
                - {id: monthly, metric: mql_count, at_least: 40, per: month}
                - {id: routing, metric: routing_time, within: 5m, clock: calendar, goal: 80%, minimum_sample: 1}
                - {id: routing-big, metric: routing_time, within: 5m, clock: calendar, goal: 80%, minimum_sample: 20}
                - {id: routing-webinar, metric: routing_time, within: 5m, clock: calendar, goal: 80%, minimum_sample: 1, scope: {when: "source = 'Webinar'"}}
                - {id: context, metric: context_complete_rate, required_fields: [company, industry], at_least: 80%, minimum_sample: 1}
              sales:
                - {id: touch, metric: first_touch_time, within: 30m, clock: business, goal: 75%, minimum_sample: 1}
                - {id: attempts, metric: attempts_before_unresponsive, at_least: 3, attempt_types: [call, email], minimum_sample: 1}
                - {id: feedback, metric: feedback_time, within: 24h, clock: calendar, require_reason: true, minimum_sample: 1}
                - {id: untouched, metric: untouched_leads, within: 2h, clock: business, minimum_sample: 1}
                - {id: conversion, metric: mql_to_sql_rate, between: [25%, 35%]}
            targets:
              acceptance_rate: {between: [50%, 80%]}
              minimum_sample: 1
            rejection_reasons:
              - {id: wrong-profile, label: Wrong company profile, points_at: fit, adjustment: Tighten the firmographic filters.}
            """)

    static func scorecard() throws -> Scorecard {
        let outcome = load(agreementText)
        let agreement = try #require(outcome.agreement, "\(positions(outcome.diagnostics))")
        let dir = projectPath("Tests/HandoffKitTests/Fixtures/week46")
        let request = MeasurementRequest(
            sources: try DataSources(directory: dir), period: .week("2026-W46"), asOf: "2026-11-16T14:15:00Z")
        return try Handoff.scorecard(agreement, request)
    }

    func result(_ id: String) throws -> CommitmentResult {
        try #require(try Self.scorecard().commitments.first { $0.commitment.id == id })
    }

    @Test func cohortIsTheWeeksMQLs() throws {
        #expect(try Self.scorecard().cohortSize == 8)
    }

    @Test func weeklyVolumeMet() throws {
        let r = try result("volume")
        #expect(r.verdict == .met)
        #expect(r.value == 8)
    }

    @Test func monthlyVolumeBehindPaceIsAtRisk() throws {
        // November to the end of W46: L1–L8 and L10 = 9 MQLs. Business days elapsed: 2–6 and 9–13 Nov = 10 of
        // November's 21, so the pace is floor(40 × 10/21) = 19 and 9 < 19.
        let r = try result("monthly")
        #expect(r.verdict == .atRisk)
        #expect(r.value == 9)
        #expect(r.note == "2026-11 to date: 9 of 40 (47.6% of the month's business time elapsed; pace 19); 8 this week")
    }

    @Test func volumeBeforeTheExportsBeginIsInsufficient() throws {
        let outcome = load(Self.agreementText)
        let agreement = try #require(outcome.agreement)
        let request = MeasurementRequest(
            sources: try DataSources(directory: projectPath("Tests/HandoffKitTests/Fixtures/week46")),
            period: .week("2026-W43"))
        let r = try #require(
            try Handoff.scorecard(agreement, request).commitments.first { $0.commitment.id == "monthly" })
        #expect(r.verdict == .insufficientData)
        #expect(r.note == "the exports begin on 20 Oct 2026, after 2026-10 started: its volume cannot be judged")
    }

    @Test func routingOnTheCalendarClock() throws {
        // Minutes to routing: 3, 10, 2, 1, 1, 2, 1, 4 — only L2 is late (by 5m): 7 of 8.
        let r = try result("routing")
        #expect(r.verdict == .met)
        #expect(r.value == 7.0 / 8.0)
        #expect(r.denominator == 8)
        #expect(r.breaches.map(\.leadID) == ["L2"])
        #expect(r.breaches.map(\.detail) == ["late by 5m"])
    }

    @Test func segmentScope() throws {
        // Webinar MQLs of the week: L1, L3, L6, L10, routed in 3, 2, 2 and 4 minutes.
        let r = try result("routing-webinar")
        #expect(r.verdict == .met)
        #expect(r.denominator == 4)
        #expect(r.value == 1)
        #expect(
            CommitmentText.sentence(r.commitment, team: "Marketing")
                == "Marketing routes every MQL where source = 'Webinar' to sales within 5 minutes of it becoming an MQL, for at least 80% of MQLs."
        )
    }

    @Test func tooFewLeadsIsInsufficientData() throws {
        #expect(try result("routing-big").verdict == .insufficientData)
    }

    @Test func firstTouchOnTheBusinessClockWithPendingLeads() throws {
        // L1 17m, L3 8m Friday + 10m Monday = 18m, L6 8m, L7 4m, L10 26m: met. L2: 50m, late by 20m.
        // L4 (Saturday) and L5 (Sunday evening) are due Monday 09:30, after as-of 09:15: pending.
        let r = try result("touch")
        #expect(r.verdict == .met)
        #expect(r.denominator == 6)
        #expect(r.pending == 2)
        #expect(r.value == 5.0 / 6.0)
        #expect(r.breaches.map(\.leadID) == ["L2"])
        #expect(r.breaches.map(\.detail) == ["late by 20m"])
        // Elapsed 4, 8, 17, 18, 26, 50 minutes: the median is the lower middle (nearest rank 3 of 6), p90 rank 6.
        #expect(r.median == Int64(17 * 60))
        #expect(r.p90 == Int64(50 * 60))
        #expect(r.note == "median 17m, p90 50m on the business clock")
    }

    @Test func attemptsCountOnlyAttemptTypes() throws {
        // L6: call, email, call (the note does not count) = 3. L7: call + sms = 1 attempt of type call/email.
        let r = try result("attempts")
        #expect(r.verdict == .missed)
        #expect(r.value == 0.5)
        #expect(r.breaches.map(\.detail) == ["1 of 3 attempts before unresponsive"])
    }

    @Test func feedbackWithRequiredReason() throws {
        // Met: L1, L6, L7, L10. Breaches: L3 and L4 undecided past their 24h deadline, L2 rejected without a reason.
        // L5 (routed Sunday 23:31Z) is due Monday 23:31Z: pending.
        let r = try result("feedback")
        #expect(r.verdict == .missed)
        #expect(r.denominator == 7)
        #expect(r.pending == 1)
        #expect(r.breaches.map(\.leadID) == ["L3", "L4", "L2"])
        #expect(
            r.breaches.map(\.detail) == [
                "no decision, 1d 15h past the deadline", "no decision, 22h 14m past the deadline",
                "rejected without a reason",
            ])
    }

    @Test func untouchedLeads() throws {
        // All touched within 2 business hours except L4 and L5, whose windows end Monday 11:00, after as-of.
        let r = try result("untouched")
        #expect(r.verdict == .met)
        #expect(r.denominator == 6)
        #expect(r.pending == 2)
        #expect(r.breaches.isEmpty)
    }

    @Test func contextCompleteness() throws {
        // L2 lacks industry, L5 lacks company and industry: 6 of 8 = 75% < 80%.
        let r = try result("context")
        #expect(r.verdict == .missed)
        #expect(r.value == 0.75)
        #expect(r.breaches.map(\.leadID) == ["L5", "L2"])
        #expect(r.breaches.map(\.detail) == ["missing company, industry", "missing industry"])
    }

    @Test func missingColumnIsNotMeasurable() throws {
        let r = try result("conversion")
        #expect(r.verdict == .notMeasurable)
        #expect(r.note == "needs column sql_at")
    }

    @Test func acceptanceTarget() throws {
        // Accepted L1, L6, L7; rejected L2, L10: 3 of 5 = 60%, in the 50–80% band; L3, L4, L5 undecided.
        let t = try #require(try Self.scorecard().targets.first { $0.id == "acceptance_rate" })
        #expect(t.verdict == .met)
        #expect(t.value == 0.6)
        #expect(t.denominator == 5)
        #expect(t.pending == 3)
    }

    @Test func rejectionReasonsMapLabelsToIDs() throws {
        let s = try Self.scorecard()
        #expect(s.reasons.rejected == 2)
        #expect(s.reasons.withoutReason == 1)
        #expect(s.reasons.rows.map(\.count) == [1])
        // One of two rejections is "wrong company profile": 50% reaches the default dominance share.
        #expect(s.reasons.rows[0].adjustment == "Tighten the firmographic filters.")
    }

    @Test func attemptsAfterAsOfDoNotCount() throws {
        // As of Thu 12 Nov 15:30Z, L6 had made 2 attempts (call Wed 14:10, email Thu 15:00) and L7 one (call Thu 14:05).
        let outcome = load(Self.agreementText)
        let agreement = try #require(outcome.agreement)
        let request = MeasurementRequest(
            sources: try DataSources(directory: projectPath("Tests/HandoffKitTests/Fixtures/week46")),
            period: .week("2026-W46"), asOf: "2026-11-12T15:30:00Z")
        let r = try #require(
            try Handoff.scorecard(agreement, request).commitments.first { $0.commitment.id == "attempts" })
        #expect(
            r.breaches.map(\.detail) == ["1 of 3 attempts before unresponsive", "2 of 3 attempts before unresponsive"])
    }

    @Test func checkExitCodeIsOneWhenAnythingIsMissed() throws {
        #expect(CheckReport.exitCode(try Self.scorecard()) == 1)
    }
}
