import Testing

@testable import HandoffKit

@Suite("Loading the acme agreement")
struct AgreementLoadingTests {
    @Test func acmeValidatesWithoutProblems() throws {
        let outcome = try AgreementLoader.load(
            path: projectPath("agreements/acme.yaml"), today: LocalDate(year: 2026, month: 11, day: 22))
        #expect(positions(outcome.diagnostics) == [])
        #expect(outcome.agreement != nil)
    }

    @Test func parsedValues() throws {
        let a = try acme()
        #expect(a.info.title == "Acme Analytics Sales & Marketing SLA")
        #expect(a.info.nextReview == LocalDate(year: 2027, month: 1, day: 1))
        #expect(a.businessHours.timeZone == "America/New_York")
        #expect(a.businessHours.open == TimeOfDay(minutes: 540))
        #expect(a.businessHours.close == TimeOfDay(minutes: 1080))
        #expect(a.businessHours.holidays.count == 6)
        #expect(a.stages.map(\.id) == ["suspect", "prospect", "lead", "mql", "sal", "sql", "opportunity", "customer"])
        #expect(
            a.mqlDefinition.thresholds.map(\.text) == [
                "fit + engagement >= 100", "fit >= 60 and engagement >= 75",
                "bant >= 60 and fit >= 40 and engagement >= 50",
            ])
        #expect(a.mqlDefinition.fit.employees == 250...5000)
        #expect(a.mqlDefinition.fit.annualRevenue == 10_000_000...500_000_000)
        #expect(a.mqlDefinition.decay?.rate == Percent(fraction: 0.1))
        #expect(a.mqlDefinition.decay?.pauseNurtureAfter == TimeSpan(seconds: 90 * 86400))
        #expect(a.mqlDefinition.fastTrack.count == 5)
        #expect(
            a.commitments(of: "marketing").map(\.id) == ["mql-volume", "mql-quality", "routing-speed", "lead-context"])
        #expect(
            a.commitments(of: "sales").map(\.id) == [
                "first-touch", "first-touch-hot", "attempts", "feedback", "reassign-untouched",
            ])
        let touch = try #require(a.commitments.first { $0.id == "first-touch" })
        #expect(touch.bound == .within(TimeSpan(seconds: 1800)))
        #expect(touch.clock == .owner)
        #expect(touch.goal == Percent(fraction: 0.9))
        #expect(touch.scope == .standard)
        let feedback = try #require(a.commitments.first { $0.id == "feedback" })
        #expect(feedback.requireReason)
        #expect(feedback.clock == .calendar)
        #expect(a.targets.acceptance.low == 0.7 && a.targets.acceptance.high == 0.8)
        #expect(a.targets.acceptance.tooLooseBelow == 0.6 && a.targets.acceptance.tooStrictAbove == 0.9)
        #expect(
            a.rejectionReasons.map(\.id) == [
                "wrong-profile", "not-interested", "has-solution", "no-budget", "cant-reach",
            ])
        #expect(a.capacity?.perMonth == 242)
        #expect(a.meeting.day == .monday && a.meeting.reviewRejectedLeads == 5)
    }

    @Test func starterAgreementValidatesCleanly() throws {
        let outcome = load(
            try StarterAgreement.text(), file: "agreement.yaml", today: LocalDate(year: 2027, month: 1, day: 2))
        #expect(positions(outcome.diagnostics) == [])
    }

    @Test func reviewOverdueIsAWarning() throws {
        let outcome = try AgreementLoader.load(
            path: projectPath("agreements/acme.yaml"), today: LocalDate(year: 2027, month: 1, day: 5))
        #expect(
            positions(outcome.diagnostics) == [
                "15:18: warning: the quarterly review was due on 2027-01-01 and is overdue; review the agreement with both teams and update last_review"
            ])
        #expect(outcome.agreement != nil)
    }
}
