import Foundation
import Testing

@testable import HandoffKit

/// Issue 10's validation gaps: each mistake is reported where it is written, before any export is read.
@Suite("Validation of attempt types, value mappings and promise sentences")
struct ValidationGapTests {
    static let commitmentLine =
        "    - {id: first-touch, metric: first_touch_time, within: 30m, clock: business, goal: 90%, minimum_sample: 1}"

    func text(commitment: String = commitmentLine, data: String = "") -> String {
        minimalAgreement.replacingOccurrences(of: Self.commitmentLine, with: commitment) + "\n" + data
    }

    func diagnostics(commitment: String = commitmentLine, data: String = "") -> [String] {
        positions(load(text(commitment: commitment, data: data)).diagnostics)
    }

    /// `line:col` of the first `needle` in `text`.
    func at(_ needle: String, in text: String) -> String {
        for (n, line) in text.components(separatedBy: "\n").enumerated() {
            if let r = line.range(of: needle) {
                return "\(n + 1):\(line.distance(from: line.startIndex, to: r.lowerBound) + 1)"
            }
        }
        return "?"
    }

    @Test func attemptTypeTypoIsAnErrorWithASuggestion() {
        let line =
            "    - {id: first-touch, metric: first_touch_time, within: 30m, clock: business, attempt_types: [cal, email]}"
        #expect(
            diagnostics(commitment: line) == [
                "\(at("cal,", in: text(commitment: line))): error: unknown activity type 'cal' in attempt_types; did you mean 'call'?"
            ])
    }

    @Test func anUnmappedActivityTypeIsAWarning() {
        let line =
            "    - {id: first-touch, metric: first_touch_time, within: 30m, clock: business, attempt_types: [whatsapp]}"
        #expect(
            diagnostics(commitment: line) == [
                "\(at("whatsapp", in: text(commitment: line))): warning: activity type 'whatsapp' is not one the exports are known to carry (call, email, meeting, note, sms, social, task); map your CRM's type to it under data.values.activity_type, or no activity will count"
            ])
        // Mapped under data.values.activity_type, it is known.
        #expect(
            diagnostics(commitment: line, data: "data:\n  values:\n    activity_type: {WhatsApp message: whatsapp}\n")
                == [])
    }

    @Test func valueMappingsMustNameKnownValues() {
        let data = """
            data:
              values:
                status: {Contacted: workin, Closed: rejected}
                decision: {yes: acepted}
                rejection_reason: {bad fit: wrong-profil}
            rejection_reasons:
              - {id: wrong-profile, label: Wrong company profile, points_at: fit, adjustment: Tighten.}

            """
        let t = text(data: data)
        #expect(
            diagnostics(data: data) == [
                "\(at("workin", in: t)): error: data.values.status maps 'Contacted' to 'workin', which is not a status Handoff knows (open, working, accepted, rejected, unresponsive, nurture); did you mean 'working'?",
                "\(at("acepted", in: t)): error: data.values.decision maps 'yes' to 'acepted', which is not a decision Handoff knows (accepted, rejected); did you mean 'accepted'?",
                "\(at("wrong-profil}", in: t)): error: data.values.rejection_reason maps 'bad fit' to 'wrong-profil', which is not a rejection reason id; did you mean 'wrong-profile'?",
            ])
    }

    @Test func keysDifferingOnlyInCaseAreAnError() {
        let data = "data:\n  values:\n    status: {Open: open, OPEN: working}\n"
        #expect(
            diagnostics(data: data) == [
                "\(at("OPEN", in: text(data: data))): error: data.values.status maps both 'Open' and 'OPEN', which differ only in case; export values are matched case-insensitively, so keep one"
            ])
    }

    @Test func aPromiseThatContradictsItsFieldsIsWarned() {
        let line =
            "    - {id: first-touch, metric: first_touch_time, within: 15m, clock: business, goal: 90%, promise: Sales calls every MQL within 30 business minutes.}"
        #expect(
            diagnostics(commitment: line) == [
                "\(at("Sales calls", in: text(commitment: line))): warning: the promise sentence says 30 minutes, but within is 15m; update the sentence or the field so the signed text says what is measured"
            ])
        let share =
            "    - {id: first-touch, metric: first_touch_time, within: 30m, clock: business, goal: 90%, promise: Sales calls 95% of MQLs within 30 minutes.}"
        #expect(
            diagnostics(commitment: share) == [
                "\(at("Sales calls", in: text(commitment: share))): warning: the promise sentence says 95%, but the goal is 90%; update the sentence or the field so the signed text says what is measured"
            ])
        let fine =
            "    - {id: first-touch, metric: first_touch_time, within: 30m, clock: business, goal: 90%, promise: Sales calls 90% of MQLs within 30 business minutes.}"
        #expect(diagnostics(commitment: fine) == [])
    }

    @Test func aPromiseOfMoreSecondsThanInt64HoldsIsWarnedNotATrap() {
        // Found by the agreement fuzz target: the sentence's number times the unit's seconds converted to Int64 trapped.
        let line =
            "    - {id: first-touch, metric: first_touch_time, within: 15m, clock: business, goal: 90%, promise: Sales calls every MQL within 9223372036854775808 minutes.}"
        #expect(
            diagnostics(commitment: line) == [
                "\(at("Sales calls", in: text(commitment: line))): warning: the promise sentence says 9223372036854775808 minutes, but within is 15m; update the sentence or the field so the signed text says what is measured"
            ])
    }
}

@Suite("A mapped placeholder is a value")
struct MappedPlaceholderTests {
    @Test func unknownMappedUnderValuesIsNotBlank() throws {
        // 'unknown' is one of the values read as blank, but an explicit mapping says what it means in this CRM.
        let outcome = load(minimalAgreement + "\ndata:\n  values:\n    status: {unknown: nurture}\n")
        let agreement = try #require(outcome.agreement, "\(positions(outcome.diagnostics))")
        let dir = try temporaryDirectory()
        let path = try write("lead_id,status,industry\nL1,Unknown,unknown\nL2,open,SaaS\n", "leads.csv", in: dir)
        let ledger = try LeadLoader(agreement: agreement).load(DataSources(leads: path))
        #expect(ledger.leads.map(\.status) == [.nurture, .open])
        #expect(ledger.quality.issueCount == 0)
    }
}
