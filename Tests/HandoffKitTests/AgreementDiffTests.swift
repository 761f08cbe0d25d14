import Foundation
import Testing

@testable import HandoffKit

/// `handoff diff`: changes by meaning, and the golden redline of version 2.1 → 2.2 read from git.
@Suite("Agreement versions: diff and redline")
struct AgreementDiffTests {
    func diff(_ old: String, _ new: String, in fixture: VersionFixture) throws -> AgreementDiff {
        try AgreementDiff(
            old: try AgreementVersion.load(old, in: fixture.directory),
            new: try AgreementVersion.load(new, in: fixture.directory), renderer: try DocumentRenderer())
    }

    @Test func summaryNamesEveryChangeByMeaning() throws {
        let fixture = try VersionFixture.make()
        let d = try diff("HEAD~1:agreements/acme.yaml", "HEAD:agreements/acme.yaml", in: fixture)
        #expect(
            d.changes.map(\.summary) == [
                "version: 2.1 → 2.2",
                "effective date: 2026-07-01 → 2026-11-18",
                "MQL threshold fit + engagement: 100 → 120",
                "first-touch promise: Sales makes a first contact attempt on every standard MQL within 30 business minutes of routing, counted on the owner's own working hours. → Sales makes a first contact attempt on every standard MQL within 15 business minutes of routing, counted on the owner's own working hours.",
                "time to first contact for standard MQLs: 30 → 15 business minutes",
            ])
        #expect(
            d.changes.map(\.path) == [
                "agreement.version", "agreement.effective", "mql_definition.thresholds[0]",
                "commitments.sales[first-touch].promise", "commitments.sales[first-touch].within",
            ])
        let within = try #require(d.changes.last)
        #expect(within.old == "30m" && within.new == "15m")
        #expect(
            within.oldSentences == [
                "Sales makes a first contact attempt on every standard MQL within 30 business minutes of routing, counted on the owner's own working hours."
            ])
        #expect(
            within.newSentences == [
                "Sales makes a first contact attempt on every standard MQL within 15 business minutes of routing, counted on the owner's own working hours."
            ])
        #expect(!d.isEmpty)
    }

    @Test func goldenRedline() throws {
        let fixture = try VersionFixture.make()
        let d = try diff("HEAD~1:agreements/acme.yaml", "agreements/acme.yaml", in: fixture)
        let golden = GoldenTests()
        try golden.compare(d.markdown(), "acme-diff-2.1-2.2.md")
        try golden.compare(d.html(), "acme-diff-2.1-2.2.html")
        try golden.compare(d.json(), "acme-diff-2.1-2.2.json")
        #expect(HTMLChecker.problems(d.html()) == [])
        #expect(
            d.markdown().contains(
                "- first-touch · ~~Sales makes a first contact attempt on every standard MQL within 30 business minutes of routing, counted on the owner's own working hours.~~ **Sales makes a first contact attempt on every standard MQL within 15 business minutes of routing, counted on the owner's own working hours.** · ~~≥ 90% within 30m (owner's hours)~~ **≥ 90% within 15m (owner's hours)** ·"
            ))
        #expect(d.html().contains("<del>fit + engagement &gt;= 100</del> <ins>fit + engagement &gt;= 120</ins>"))
    }

    @Test func signingAloneChangesNothing() throws {
        let fixture = try VersionFixture.make()
        let d = try diff("HEAD~3:agreements/acme.yaml", "HEAD~2:agreements/acme.yaml", in: fixture)
        #expect(!d.isEmpty)
        let signing = try diff("HEAD~2:agreements/acme.yaml", "HEAD~1:agreements/acme.yaml", in: fixture)
        #expect(signing.isEmpty)
        #expect(signing.changes.isEmpty && signing.redline.isEmpty)
        #expect(signing.markdown().hasSuffix("No changes: both versions say the same.\n"))
        // Recording history is not a change of content either.
        let dir = try temporaryDirectory()
        let withHistory = try AgreementVersion.load(projectPath("agreements/acme.yaml"))
        let without = try AgreementVersion.load(try write(VersionFixture.acme, "acme.yaml", in: dir))
        #expect(withHistory.agreement.history.count == 3 && without.agreement.history.isEmpty)
        #expect(try AgreementDiff(old: without, new: withHistory, renderer: try DocumentRenderer()).isEmpty)
        #expect(
            d.changes.map(\.summary) == [
                "version: 2.0 → 2.1", "effective date: 2026-04-01 → 2026-07-01",
                "MQL volume: 200 → 220 / month",
            ])
    }

    @Test func addedAndRemovedItemsAndEscaping() throws {
        let dir = try temporaryDirectory()
        let old = try write(VersionFixture.acme, "old.yaml", in: dir)
        let edited = VersionFixture.acme
            .replacingOccurrences(
                of: "    - id: reassign-untouched",
                with: """
                        - id: call-notes
                          promise: "Sales logs a <b>call note</b> | on *every* touched MQL."
                          metric: untouched_leads
                          within: 8h
                          clock: business
                          goal: 90%
                        - id: reassign-untouched
                    """
            )
            .replacingOccurrences(of: "    - {date: 2026-11-27, name: Day after Thanksgiving}\n", with: "")
            .replacingOccurrences(
                of:
                    "  - id: cant-reach\n    label: Couldn't reach\n    points_at: data_quality\n    adjustment: Improve email verification and contact data quality at capture.\n",
                with: ""
            )
            .replacingOccurrences(of: "      couldn't reach: cant-reach\n", with: "")
            .replacingOccurrences(of: "  days: [mon, tue, wed, thu, fri]", with: "  days: [mon, tue, wed, thu]")
            .replacingOccurrences(
                of: "industries: [Financial Services, Healthcare, SaaS]",
                with: "industries: [Financial Services, Healthcare, SaaS, Retail]")
        let new = try write(edited, "new.yaml", in: dir)
        let d = try AgreementDiff(
            old: try AgreementVersion.load(old), new: try AgreementVersion.load(new), renderer: try DocumentRenderer())
        #expect(
            d.changes.map(\.summary) == [
                "removed business days: fri",
                "removed holiday: 2026-11-27 — Day after Thanksgiving",
                "added fit: industry: Retail",
                "new sales commitment 'call-notes': Sales logs a <b>call note</b> | on *every* touched MQL.",
                "removed rejection reason: Couldn't reach",
                "removed data › values › rejection reason › couldn't reach: cant-reach",
            ])
        let md = d.markdown()
        #expect(
            md.contains(
                "- new sales commitment 'call-notes': Sales logs a \\<b>call note\\</b> \\| on \\*every\\* touched MQL.\n"
            ))
        #expect(
            md.contains("- **call-notes** · **Sales logs a \\<b>call note\\</b> \\| on \\*every\\* touched MQL.** ·"))
        #expect(md.contains("- ~~27 Nov 2026 — Day after Thanksgiving~~\n"))
        let holiday = try #require(d.changes.first { $0.path == "business_hours.holidays[2026-11-27]" })
        #expect(holiday.oldSentences == ["27 Nov 2026 — Day after Thanksgiving"] && holiday.newSentences == [])
        let added = try #require(d.changes.first { $0.path == "commitments.sales[call-notes]" })
        #expect(added.old == nil && added.oldSentences == [])
        #expect(added.newSentences == ["Sales logs a <b>call note</b> | on *every* touched MQL."])
        #expect(d.json().contains("\"old\": null,"))
        let html = d.html()
        #expect(!html.contains("<b>call note</b>"))
        #expect(html.contains("<ins>Sales logs a &lt;b&gt;call note&lt;/b&gt; | on *every* touched MQL.</ins>"))
        #expect(HTMLChecker.problems(html) == [])
    }

    @Test func badInputIsNamed() throws {
        let fixture = try VersionFixture.make()
        #expect(throws: HandoffError.self) {
            try AgreementVersion.load("v9:agreements/acme.yaml", in: fixture.directory)
        }
        do {
            _ = try AgreementVersion.load("v9:agreements/acme.yaml", in: fixture.directory)
        } catch let e as HandoffError {
            #expect(e.kind == .badInput)
            #expect(
                e.diagnostics.map(\.message) == [
                    "cannot read 'v9:agreements/acme.yaml' from git: invalid object name 'v9'; give a file, or REVISION:PATH such as HEAD~1:agreements/acme.yaml"
                ])
        }
        let outside = try temporaryDirectory()
        do {
            _ = try AgreementVersion.load("HEAD:acme.yaml", in: outside)
            Issue.record("read from outside a repository")
        } catch let e as HandoffError {
            #expect(
                e.diagnostics.map(\.message) == [
                    "'HEAD:acme.yaml' is neither a file nor readable from git: \(outside) is not in a git repository"
                ])
        }
    }
}
