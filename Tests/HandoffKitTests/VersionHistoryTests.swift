import Foundation
import Testing

@testable import HandoffKit

/// The history section, the version table and stale sign-offs traced through git.
@Suite("Agreement versions: history and stale sign-offs")
struct VersionHistoryTests {
    @Test func historyIsValidated() {
        let yaml =
            minimalAgreement + """

                history:
                  - {version: "0.9", effective: 2025-10-01, summary: Pilot.}
                  - {version: "0.8", effective: 2025-07-01, summary: Draft.}
                  - {version: "0.9", effective: 2025-11-01, summary: Again.}
                  - {version: "1.1", effective: 2026-02-01, summary: Later than the current one.}
                  - {version: "1", effective: 2026-01-02, summary: The current one with another date.}
                  - {version: "0.7", effective: 2025-01-01, summry: typo}
                """
        let outcome = load(yaml)
        #expect(outcome.agreement == nil)
        #expect(
            positions(outcome.diagnostics) == [
                "31:5: error: history entries go oldest first: version 0.8 (effective 2025-07-01) comes after version 0.9 (effective 2025-10-01)",
                "32:5: error: version '0.9' is already in the history at line 30; each version appears once",
                "33:5: error: version 1.1 in the history takes effect 2026-02-01, not before the current version 1 (effective 2026-01-01); earlier versions take effect earlier",
                "34:5: error: history entries go oldest first: version 1 (effective 2026-01-02) comes after version 1.1 (effective 2026-02-01)",
                "34:5: error: the history entry for the current version 1 says effective 2026-01-02, but 'agreement.effective' is 2026-01-01; make them agree",
                "35:5: error: a history entry is missing the required field 'summary'",
                "35:45: error: unknown key 'summry' in a history entry; did you mean 'summary'?",
            ])
    }

    @Test func historyIsNotContent() throws {
        let plain = try #require(load(minimalAgreement).agreement)
        let withHistory = try #require(
            load(minimalAgreement + "\nhistory:\n  - {version: \"0.9\", effective: 2025-10-01, summary: Pilot.}\n")
                .agreement)
        #expect(plain.digest == withHistory.digest)
        #expect(withHistory.history.map(\.version) == ["0.9"])
    }

    @Test func versionTableFromTheHistorySection() throws {
        let a = try acme()
        let rows = VersionTable.rows(a, file: nil)
        #expect(rows.map(\.version) == ["1.0", "2.0", "2.1"])
        #expect(rows.map { $0.effective.description } == ["2026-01-05", "2026-04-01", "2026-07-01"])
        #expect(rows[1].signedBy == ["Dana Whitfield (2026-03-25)", "Marcus Bell (2026-03-27)"])
        #expect(
            rows[2].summary
                == "220 MQLs a month, sized to seven reps; every rejection within 24 hours with a reason from the agreed list."
        )
        #expect(rows[2].signedBy == [])
    }

    @Test func historyTextIsEscaped() throws {
        let yaml =
            minimalAgreement + """

                history:
                  - version: "0.9"
                    effective: 2025-10-01
                    summary: "<script>alert(1)</script> | **bold** [link](http://x)"
                    signed_by: ["# Heading", "<b>Bo</b>"]
                """
        let a = try #require(load(yaml).agreement)
        let renderer = try DocumentRenderer()
        let md = try renderer.render(.sla, data: SLADocument.data(a), title: "T", format: .markdown)
        #expect(
            md.contains(
                "| 0.9 | 1 Oct 2025 | \\<script>alert(1)\\</script> \\| \\*\\*bold\\*\\* \\[link\\](http://x) | \\# Heading, \\<b>Bo\\</b> |"
            ))
        let html = try renderer.render(.sla, data: SLADocument.data(a), title: "T", format: .html)
        #expect(!html.contains("<script>") && !html.contains("<b>Bo") && !html.contains("<a href"))
        #expect(HTMLChecker.problems(html) == [])
    }

    @Test func versionTableFromGit() throws {
        let fixture = try VersionFixture.make()
        let outcome = try AgreementLoader.load(path: fixture.path)
        let a = try #require(outcome.agreement)
        let rows = VersionTable.rows(a, file: fixture.path)
        #expect(rows.map(\.version) == ["2.0", "2.1", "2.2"])
        #expect(rows.map { $0.effective.description } == ["2026-04-01", "2026-07-01", "2026-11-18"])
        #expect(
            rows.map(\.summary) == [
                "first version",
                "MQL volume: 200 → 220 / month",
                "MQL threshold fit + engagement: 100 → 120; first-touch promise: Sales makes a first contact attempt on every standard MQL within 30 business minutes of routing, counted on the owner's own working hours. → Sales makes a first contact attempt on every standard MQL within 15 business minutes of routing, counted on the owner's own working hours.; time to first contact for standard MQLs: 30 → 15 business minutes",
            ])
        #expect(rows.map(\.signedBy) == [[], ["Dana Whitfield (2026-06-27)", "Marcus Bell (2026-06-28)"], []])
    }

    @Test func staleSignOffsSayWhenAndWhatChanged() throws {
        let fixture = try VersionFixture.make()
        let a = try #require(try AgreementLoader.load(path: fixture.path).agreement)
        let head = String(try VersionFixture.git(["rev-parse", "--short=7", "HEAD"], in: fixture.directory).prefix(7))
        let stale = StaleSignOff.all(a, file: fixture.path)
        #expect(stale.map(\.signOff.name) == ["Dana Whitfield", "Marcus Bell"])
        #expect(stale.map(\.signedVersion) == ["2.1", "2.1"])
        #expect(stale[0].since == "2026-11-17 (commit \(head) “Version 2.2: faster first touch, stricter threshold”)")
        #expect(
            stale[1].changes == [
                "version: 2.1 → 2.2",
                "effective date: 2026-07-01 → 2026-11-18",
                "MQL threshold fit + engagement: 100 → 120",
                "first-touch promise: Sales makes a first contact attempt on every standard MQL within 30 business minutes of routing, counted on the owner's own working hours. → Sales makes a first contact attempt on every standard MQL within 15 business minutes of routing, counted on the owner's own working hours.",
                "time to first contact for standard MQLs: 30 → 15 business minutes",
            ])
        #expect(
            stale[1].sentence.hasPrefix("the sales sign-off by Marcus Bell (signed 2026-06-28, version 2.1, content "))

        let md = try DocumentRenderer().render(
            .sla, data: SLADocument.data(a, file: fixture.path), title: "SLA", format: .markdown)
        #expect(
            md.contains(
                "**The Sales sign-off by Marcus Bell no longer matches the content.** It was signed on 28 Jun 2026 for version 2.1; stale since 2026-11-17 (commit \(head) “Version 2.2: faster first touch, stricter threshold”).\n- Changed since: version: 2.1 → 2.2\n"
            ))
        #expect(md.contains("- Changed since: time to first contact for standard MQLs: 30 → 15 business minutes\n"))
        let html = try DocumentRenderer().render(
            .sla, data: SLADocument.data(a, file: fixture.path), title: "SLA", format: .html)
        #expect(HTMLChecker.problems(html) == [])
        #expect(html.contains("<li>Changed since: MQL threshold fit + engagement: 100 → 120</li>"))
        #expect(
            md.hasSuffix(
                "| 2.2 | 18 Nov 2026 | MQL threshold fit + engagement: 100 → 120; first-touch promise: Sales makes a first contact attempt on every standard MQL within 30 business minutes of routing, counted on the owner's own working hours. → Sales makes a first contact attempt on every standard MQL within 15 business minutes of routing, counted on the owner's own working hours.; time to first contact for standard MQLs: 30 → 15 business minutes | not signed |\n"
            ))

        // An edit not yet committed: stale since the working copy changed, not since a commit.
        let signed = try String(contentsOfFile: fixture.path, encoding: .utf8)
        let digest22 = a.digest
        try Data(
            (signed.replacingOccurrences(of: "digest: \(stale[0].signOff.digest)", with: "digest: \(digest22)")).utf8
        ).write(to: URL(fileURLWithPath: fixture.path))
        try VersionFixture.git(
            ["commit", "-q", "-am", "Sign 2.2"], in: fixture.directory, date: "2026-11-18T12:00:00Z")
        let edited = try String(contentsOfFile: fixture.path, encoding: .utf8).replacingOccurrences(
            of: "      at_least: 220\n", with: "      at_least: 230\n")
        try Data(edited.utf8).write(to: URL(fileURLWithPath: fixture.path))
        let b = try #require(try AgreementLoader.load(path: fixture.path).agreement)
        let uncommitted = StaleSignOff.all(b, file: fixture.path)
        #expect(
            uncommitted.map(\.since)
                == Array(repeating: "uncommitted changes to \(fixture.path) (the last commit still matches)", count: 2))
        #expect(uncommitted.map(\.changes) == Array(repeating: ["MQL volume: 220 → 230 / month"], count: 2))
    }

    @Test func staleWithoutGitSaysWhatItCan() throws {
        let dir = try temporaryDirectory()
        let text = VersionFixture.signed(VersionFixture.acme, digest: String(repeating: "0", count: 64))
        let path = try write(text, "acme.yaml", in: dir)
        let a = try #require(try AgreementLoader.load(path: path).agreement)
        let stale = StaleSignOff.all(a, file: path)
        #expect(
            stale.map(\.since) == [
                "a change made after it was signed on 2026-06-27 (keep the agreement in git to see which change)",
                "a change made after it was signed on 2026-06-28 (keep the agreement in git to see which change)",
            ])
        #expect(stale.allSatisfy { $0.changes.isEmpty && $0.signedVersion == nil })
    }
}
