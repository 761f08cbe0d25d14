import Foundation
import Testing

@testable import HandoffKit

/// `data.values` checked against the data: what the data holds that no mapping covers, with counts, and mapping keys
/// that never occur, with a "did you mean".
@Suite("Value mappings checked against the data")
struct ValueMappingTests {
    static let leads = """
        lead_id,mql_at,status,source,decision
        L1,2026-11-16T14:50:00Z,Won,Web,
        L2,2026-11-16T14:50:00Z,Lost,Partner,
        L3,2026-11-16T14:50:00Z,Zombie,Web,
        L4,2026-11-16T14:50:00Z,Engaging,Web,
        L5,2026-11-16T14:50:00Z,zombie,Web,

        """

    static let mapping = """
        data:
          values:
            status: {won: accepted, lost: rejected, engagin: working, prospecting: open}
            source: {web: Inbound, webinar: Events}
        """

    @Test func unmappedValuesAreCountedAndUnusedKeysGetADidYouMean() throws {
        let dir = try temporaryDirectory()
        try write(Self.leads, "leads.csv", in: dir)
        let a = try #require(load(minimalAgreement + "\n" + Self.mapping).agreement)
        let ledger = try LeadLoader(agreement: a).load(try DataSources(directory: dir))
        #expect(
            ledger.quality.mappingNotes == [
                "status values that map to nothing: 'zombie' ×2, 'engaging' ×1; map them under data.values.status",
                "data.values.source maps 'webinar', which never occurs in the data",
                "source values not in data.values.source, kept as written: 'partner' ×1",
                "data.values.status maps 'engagin', which never occurs in the data; did you mean 'engaging'?",
                "data.values.status maps 'prospecting', which never occurs in the data",
            ])
        // Every unmapped cell is still reported where it is, and left blank, not guessed.
        #expect(ledger.quality.issues.filter { $0.column == "status" }.map(\.line) == [4, 5, 6])
    }

    @Test func checkPrintsTheNotesAndJSONListsThem() throws {
        let dir = try temporaryDirectory()
        try write(Self.leads, "leads.csv", in: dir)
        let a = try #require(load(minimalAgreement + "\n" + Self.mapping).agreement)
        let s = try Handoff.scorecard(
            a, MeasurementRequest(sources: try DataSources(directory: dir), period: .week("2026-W47")))
        #expect(
            CheckReport.text(s).contains(
                "\nvalues: data.values.status maps 'engagin', which never occurs in the data; did you mean 'engaging'?\n"
            ))
        #expect(CheckReport.json(s).rendered().contains("\"value_mapping\": ["))
    }

    @Test func keysDifferingOnlyInCaseAreAnError() {
        let outcome = load(minimalAgreement + "\ndata:\n  values:\n    status: {Won: accepted, won: rejected}\n")
        #expect(outcome.agreement == nil)
        #expect(
            positions(outcome.diagnostics).contains(
                "31:29: error: data.values.status maps both 'Won' and 'won', which differ only in case; export values are matched case-insensitively, so keep one"
            ))
    }
}
