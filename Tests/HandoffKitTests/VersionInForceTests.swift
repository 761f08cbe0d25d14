import Foundation
import Testing

@testable import HandoffKit

/// The scorecard measures each lead against the version in force at its handoff.
@Suite("Agreement versions: the version in force")
struct VersionInForceTests {
    static func request(_ week: String, asOf: String = "2026-11-16T10:00") throws -> MeasurementRequest {
        MeasurementRequest(
            sources: try DataSources(directory: projectPath("examples/acme")), period: .week(week), asOf: asOf)
    }

    /// acme 2.1 and a 2.2 that takes effect on Thursday 12 Nov 2026 (inside 2026-W46) with a 15-minute first touch.
    static func versions(_ edit: (String) -> String = { $0 }) throws -> (AgreementVersions, Agreement) {
        let a = try acme()
        let text = VersionFixture.acme.replacingOccurrences(of: "version: \"2.1\"", with: "version: \"2.2\"")
            .replacingOccurrences(of: "effective: 2026-07-01", with: "effective: 2026-11-12")
            .replacingOccurrences(
                of: "      scope: standard\n      within: 30m\n", with: "      scope: standard\n      within: 15m\n")
        let dir = try temporaryDirectory()
        try write(edit(text), "acme-2.2.yaml", in: dir)
        return (try AgreementVersions.folder(dir, current: a, label: projectPath("agreements/acme.yaml")), a)
    }

    @Test func aPeriodThatSpansAChangeSaysSoAndSplitsLeads() throws {
        let (versions, a) = try Self.versions()
        #expect(versions.agreements.map(\.info.version) == ["2.1", "2.2"])
        let plain = try Handoff.scorecard(a, try Self.request("2026-W46"))
        let card = try Handoff.scorecard(versions, try Self.request("2026-W46"))
        #expect(
            card.version
                == "2.1 → 2.2 (2.2 in force from 12 Nov 2026; each lead measured against the version in force at its handoff)"
        )
        let firstTouch = card.commitments.filter { $0.commitment.id == "first-touch" }
        #expect(
            firstTouch.map(\.goalText) == [
                "≥ 90% within 30m (owner's hours) under v2.1 (handoffs before 12 Nov 2026)",
                "≥ 90% within 15m (owner's hours) under v2.2 (handoffs from 12 Nov 2026)",
            ])
        #expect(firstTouch.map(\.denominator) == [21, 20])
        #expect(firstTouch.map(\.valueText) == ["66.7%", "25%"])
        let whole = try #require(plain.commitments.first { $0.commitment.id == "first-touch" })
        #expect(whole.denominator == 41)
        // Commitments both versions measure the same way stay one row over all the period's leads.
        #expect(card.commitments.count == plain.commitments.count + 1)
        let quality = card.commitments.filter { $0.commitment.id == "mql-quality" }
        #expect(quality.map(\.goalText) == ["≥ 90%"] && quality.map(\.denominator) == [51])
        #expect(CheckReport.text(card).contains("\n\n10 commitments: 3 met, 6 missed, 1 insufficient data\n"))
        // Volume counts the whole period once, against the version in force at its end.
        let volume = card.commitments.filter { $0.commitment.id == "mql-volume" }
        #expect(
            volume.map(\.valueText) == plain.commitments.filter { $0.commitment.id == "mql-volume" }.map(\.valueText))
        try GoldenTests().compare(CheckReport.text(card), "acme-check-2026-W46-versions.txt")
        let html = try DocumentRenderer().render(
            .scorecard, data: ScorecardDocument.data(card, agreement: a), title: "Scorecard",
            charts: ScorecardDocument.charts(card), format: .html)
        #expect(
            html.contains(
                "v2.1 → 2.2 (2.2 in force from 12 Nov 2026; each lead measured against the version in force at its handoff)"
            ))
        #expect(HTMLChecker.problems(html) == [])
        #expect(
            CheckReport.text(card).hasPrefix(
                "Acme Analytics Sales & Marketing SLA v2.1 -> 2.2 (2.2 in force from 12 Nov 2026; each lead measured against the version in force at its handoff) - 2026-W46"
            ))
    }

    @Test func aChangedDefinitionSplitsEveryPerLeadCommitment() throws {
        let (versions, _) = try Self.versions {
            $0.replacingOccurrences(of: "fit + engagement >= 100", with: "fit + engagement >= 120")
        }
        let card = try Handoff.scorecard(versions, try Self.request("2026-W46"))
        let ids = card.commitments.map(\.commitment.id)
        #expect(
            ids == [
                "mql-volume", "mql-quality", "mql-quality", "routing-speed", "routing-speed", "lead-context",
                "lead-context",
                "first-touch", "first-touch", "first-touch-hot", "first-touch-hot", "attempts", "attempts",
                "feedback", "feedback", "reassign-untouched", "reassign-untouched",
            ])
        #expect(card.commitments.filter { $0.commitment.id == "mql-quality" }.map(\.denominator).reduce(0, +) == 51)
    }

    @Test func aPeriodBeforeTheChangeIsMeasuredByTheOldVersionAlone() throws {
        let (versions, a) = try Self.versions()
        let plain = try Handoff.scorecard(a, try Self.request("2026-W45"))
        let card = try Handoff.scorecard(versions, try Self.request("2026-W45"))
        #expect(card.version == "2.1")
        #expect(CheckReport.text(card) == CheckReport.text(plain))
    }

    @Test func aPeriodAfterTheChangeIsMeasuredByTheNewVersionEvenFromTheOldFile() throws {
        let (versions, _) = try Self.versions()
        let card = try Handoff.scorecard(versions, try Self.request("2026-W47", asOf: "2026-11-30T10:00"))
        #expect(card.version == "2.2")
        #expect(
            card.commitments.first { $0.commitment.id == "first-touch" }?.goalText == "≥ 90% within 15m (owner's hours)"
        )
    }

    @Test func twoVersionsOnOneDayAreBadInput() throws {
        let a = try acme()
        var b = a
        b.digest = "other"
        b.info.version = "2.1b"
        #expect(throws: HandoffError.self) { try AgreementVersions([(a, "a.yaml"), (b, "b.yaml")]) }
        do {
            _ = try AgreementVersions([(a, "a.yaml"), (b, "b.yaml")])
        } catch let e as HandoffError {
            #expect(
                e.diagnostics.map(\.message) == [
                    "a.yaml and b.yaml both take effect on 2026-07-01; give each version its own effective date"
                ])
        }
    }

    @Test func versionsFromGit() throws {
        let fixture = try VersionFixture.make()
        let current = try #require(try AgreementLoader.load(path: fixture.path).agreement)
        let versions = try AgreementVersions.git(fixture.path, current: current)
        #expect(versions.agreements.map(\.info.version) == ["2.0", "2.1", "2.2"])
        #expect(
            versions.agreements.map { $0.info.effective.description } == ["2026-04-01", "2026-07-01", "2026-11-18"])
        // The signed 2.1 stands for version 2.1: its last commit.
        #expect(versions.agreements[1].signoffs.count == 2)
        let card = try Handoff.scorecard(versions, try Self.request("2026-W46"))
        #expect(card.version == "2.1")
        let outside = try temporaryDirectory()
        let path = try write(VersionFixture.acme, "acme.yaml", in: outside)
        #expect(throws: HandoffError.self) { try AgreementVersions.git(path, current: current) }
    }
}
