import Foundation
import Testing

@testable import HandoffKit

/// Several exports per role (calls, e-mails, meetings apart) and a related deals export joined by key.
@Suite("Several files per role and related deals")
struct SeveralFilesTests {
    static let leads = """
        lead_id,mql_at,routed_at,owner,Opp
        L1,2026-11-16T14:50:00Z,2026-11-16T15:00:00Z,Ann,D1
        L2,2026-11-16T14:50:00Z,2026-11-16T15:00:00Z,Ann,D2
        L3,2026-11-16T14:50:00Z,2026-11-16T15:00:00Z,Bob,D7
        L4,2026-11-16T14:50:00Z,2026-11-16T15:00:00Z,Bob,

        """

    /// One activities export…
    static let combined = """
        lead_id,at,type
        L1,2026-11-16T15:10:00Z,call
        L2,2026-11-16T15:20:00Z,email
        L3,2026-11-16T16:00:00Z,call
        L1,2026-11-16T15:05:00Z,email

        """

    /// …and the same facts as two exports, calls with their own headers and no type column.
    static let calls = """
        Lead,Call Start
        L3,2026-11-16T16:00:00Z
        L1,2026-11-16T15:10:00Z

        """
    static let emails = """
        lead_id,at,type
        L1,2026-11-16T15:05:00Z,email
        L2,2026-11-16T15:20:00Z,email

        """

    static let split = """
        data:
          files:
            - {role: leads, path: leads.csv}
            - {role: activities, path: calls.csv, type: call, columns: {activity_lead_id: Lead, activity_at: Call Start}}
            - {role: activities, path: emails.csv}
        """

    func agreement(_ data: String = "") throws -> Agreement {
        let outcome = load(minimalAgreement + "\n" + data)
        return try #require(outcome.agreement, "\(positions(outcome.diagnostics))")
    }

    /// Each lead's activities as "type@HH:MM", in time order.
    func touches(_ ledger: LeadLedger) -> [String] {
        ledger.leads.map { lead in
            ledger.activities[lead.activityRange].map { e in
                "\(ledger.activityTypes[Int(e.action)])@\(Dates.iso(e.at).dropFirst(11).prefix(5))"
            }.joined(separator: " ")
        }
    }

    @Test func callsAndEmailsApartGiveTheSameLedgerAndVerdicts() throws {
        let one = try temporaryDirectory(), two = try temporaryDirectory()
        try write(Self.leads, "leads.csv", in: one)
        try write(Self.combined, "activities.csv", in: one)
        try write(Self.leads, "leads.csv", in: two)
        try write(Self.calls, "calls.csv", in: two)
        try write(Self.emails, "emails.csv", in: two)

        let a1 = try agreement(), a2 = try agreement(Self.split)
        let l1 = try LeadLoader(agreement: a1).load(try DataSources(directory: one))
        let l2 = try LeadLoader(agreement: a2).load(try DataSources(directory: two))
        #expect(touches(l1) == ["email@15:05 call@15:10", "email@15:20", "call@16:00", ""])
        #expect(touches(l2) == touches(l1))
        #expect(l2.quality.issueCount == 0)
        #expect(l2.quality.rowsRead[(two as NSString).appendingPathComponent("calls.csv")] == 2)
        #expect(l2.quality.rowsRead[(two as NSString).appendingPathComponent("emails.csv")] == 2)

        let request = { (dir: String) in
            MeasurementRequest(
                sources: try DataSources(directory: dir), period: .week("2026-W47"), asOf: "2026-11-20T12:00:00Z")
        }
        let s1 = try Handoff.scorecard(a1, try request(one)), s2 = try Handoff.scorecard(a2, try request(two))
        #expect(s1.commitments.map(\.value) == [0.5])
        #expect(s2.commitments.map(\.value) == s1.commitments.map(\.value))
        #expect(s2.commitments.map(\.verdict) == s1.commitments.map(\.verdict))
    }

    /// A file of its own dialect: `;`-delimited ISO-8859-1 with local `dd.MM.yyyy HH:mm` times, declared on its entry.
    @Test func eachFileMayHaveItsOwnDialectAndDateFormat() throws {
        let dir = try temporaryDirectory()
        try write(Self.leads, "leads.csv", in: dir)
        try write(Self.emails, "emails.csv", in: dir)
        let calls = "Lead;Call Start;Ergebnis\r\nL3;16.11.2026 11:00;R\u{FC}ckruf\r\nL1;16.11.2026 10:10;erreicht\r\n"
        try Data(calls.data(using: .isoLatin1)!).write(
            to: URL(fileURLWithPath: (dir as NSString).appendingPathComponent("calls.csv")))
        let a = try agreement(
            """
            data:
              files:
                - {role: activities, path: calls.csv, type: call, encoding: iso-8859-1, delimiter: ";", date_formats: {activity_at: dd.MM.yyyy HH:mm},
                   columns: {activity_lead_id: Lead, activity_at: Call Start}}
                - {role: activities, path: emails.csv}
            """)
        let ledger = try LeadLoader(agreement: a).load(try DataSources(directory: dir))
        #expect(touches(ledger) == ["email@15:05 call@15:10", "email@15:20", "call@16:00", ""])
        #expect(
            ledger.quality.dialects[(dir as NSString).appendingPathComponent("calls.csv")]?.description
                == "iso-8859-1, semicolon-delimited, CRLF line ends")
    }

    @Test func repeatedActivitiesOnTheCommandLineAreAllRead() throws {
        let dir = try temporaryDirectory()
        let leads = try write(Self.leads, "leads.csv", in: dir)
        let calls = try write(
            Self.calls.replacingOccurrences(of: "Lead,Call Start", with: "lead_id,at"), "calls.csv", in: dir)
        let emails = try write(Self.emails, "emails.csv", in: dir)
        let ledger = try LeadLoader(agreement: try agreement()).load(
            DataSources(leads: leads, activities: [calls, emails], engagement: []))
        #expect(touches(ledger) == ["email@15:05 @15:10", "email@15:20", "@16:00", ""])
    }

    @Test func everyMissingFileIsNamedBeforeAnythingIsRead() throws {
        let dir = try temporaryDirectory()
        try write(Self.leads, "leads.csv", in: dir)
        let a = try agreement(
            """
            data:
              files:
                - {role: activities, path: calls.csv}
                - {role: activities, path: meetings.csv}
              deals: {path: deals.csv, key: Opportunity ID, facts: [{fact: won_at, at: Close Date}]}
            """)
        #expect {
            try LeadLoader(agreement: a).load(try DataSources(directory: dir))
        } throws: { error in
            (error as? HandoffError)?.diagnostics.map(\.message) == [
                """
                cannot read 3 files (paths under data.files and data.deals are relative to '\(dir)'):
                  \(dir)/calls.csv: the activities export does not exist
                  \(dir)/meetings.csv: the activities export does not exist
                  \(dir)/deals.csv: the deals export does not exist
                """
            ]
        }
    }

    static let deals = """
        Opportunity ID,Created,Stage,Close Date,IsAccepted,Decided
        D1,11/17/2026,Closed Won,11/30/2026,TRUE,11/18/2026
        D2,11/18/2026,Closed Lost,12/01/2026,FALSE,11/19/2026
        D9,11/18/2026,Prospecting,,TRUE,11/20/2026
        ,11/18/2026,Prospecting,,,

        """

    static let dealSettings = """
        data:
          deals:
            path: deals.csv
            key: Opportunity ID
            lead_key: Opp
            facts:
              - {fact: sql_at, at: Created}
              - {fact: won_at, at: Close Date, when: {Stage: Closed Won}}
              - {fact: accepted, at: Decided, when: {IsAccepted: "true"}}
              - {fact: rejected, at: Decided, when: {IsAccepted: [false, "no"]}}
        """

    @Test func dealsGiveWonSQLAndTheDecisionAndReportWhatDidNotMatch() throws {
        let dir = try temporaryDirectory()
        try write(Self.leads, "leads.csv", in: dir)
        try write(Self.deals, "deals.csv", in: dir)
        let ledger = try LeadLoader(agreement: try agreement(Self.dealSettings)).load(try DataSources(directory: dir))
        // Dates without a time are local midnight in the agreement's zone (America/New_York, UTC-5 in November).
        #expect(ledger.leads.map(\.sqlAt) == [1_794_891_600, 1_794_978_000, nil, nil])
        #expect(ledger.leads.map(\.wonAt) == [1_796_014_800, nil, nil, nil])
        #expect(ledger.leads.map(\.decision) == [.accepted, .rejected, nil, nil])
        #expect(ledger.leads.map(\.decisionAt) == [1_794_978_000, 1_795_064_400, nil, nil])
        #expect(ledger.has(.wonAt) && ledger.has(.decision) && ledger.has(.sqlAt))
        let join = try #require(ledger.quality.deals)
        #expect(
            join.summary
                == "4 deals, 2 joined to a lead; 1 with a key no lead has (e.g. D9); 1 without a key; 1 leads name a deal the export lacks (e.g. D7); gave sql_at for 2 leads, won_at for 1 leads, accepted for 1 leads, rejected for 1 leads"
        )
    }

    @Test func aDealColumnTheExportLacksIsNamed() throws {
        let dir = try temporaryDirectory()
        try write(Self.leads, "leads.csv", in: dir)
        try write(Self.deals, "deals.csv", in: dir)
        let a = try agreement(Self.dealSettings.replacingOccurrences(of: "at: Close Date", with: "at: Closed On"))
        #expect {
            try LeadLoader(agreement: a).load(try DataSources(directory: dir))
        } throws: { error in
            (error as? HandoffError)?.description
                == "\(dir)/deals.csv: error: the deals export has no column 'Closed On' named in data.deals; its headers are 'Opportunity ID', 'Created', 'Stage', 'Close Date', 'IsAccepted', 'Decided'\n"
        }
    }

    @Test func filesEntriesAreChecked() throws {
        let outcome = load(
            minimalAgreement + """

                data:
                  files:
                    - {role: calls, path: calls.csv}
                    - {role: leads, path: a.csv, type: call}
                    - {role: activities, path: a.csv}
                  deals: {path: d.csv, key: K, facts: [{fact: closed_at, at: X}]}
                """)
        #expect(
            positions(outcome.diagnostics) == [
                "31:14: error: 'calls' is not a valid file role; expected one of leads, activities, engagement",
                "32:40: error: type applies to activities files only ('a.csv' is a leads file)",
                "33:32: error: 'a.csv' is already listed in data.files at line 32",
                "34:47: error: 'closed_at' is not a valid deal fact; expected one of mql_at, routed_at, sql_at, opportunity_at, won_at, accepted, rejected",
            ])
    }
}

/// HubSpot's 2026 contact export as it comes: quotes inside a quoted header, a repeated header name, local
/// `YYYY-MM-DD HH:MM` times in the portal's zone, the UI's status labels.
@Suite("HubSpot 2026 contact export")
struct HubSpot2026Tests {
    static let export = #"""
        "Record ID","First Name","Create Date","Contact owner","Owner assigned date","Lead Status","Lifecycle Stage","Date entered ""Marketing Qualified Lead (Lifecycle Stage Pipeline)""","Date of first engagement","Lead response time (HH:mm:ss)","Lead Status"
        101,Ann,2026-11-16 09:40,Erin Walsh,2026-11-16 10:05,In Progress,Marketing Qualified Lead,2026-11-16 10:00,2026-11-16 10:20,00:15:00,Open
        102,Bo,2026-11-16 11:00,Erin Walsh,,New,Lead,,,,

        """#

    @Test func thePresetReadsItAsItComes() throws {
        let dir = try temporaryDirectory()
        try write(Self.export, "leads.csv", in: dir)
        let a = try #require(load(minimalAgreement + "\ndata: {preset: hubspot}\n").agreement)
        let ledger = try LeadLoader(agreement: a).load(try DataSources(directory: dir))
        #expect(ledger.quality.issueCount == 0)
        // Local times in the agreement's zone (America/New_York, UTC-5): 10:00 is 15:00Z.
        #expect(ledger.leads.map(\.mqlAt) == [1_794_841_200, nil])
        #expect(ledger.leads.map(\.routedAt) == [1_794_841_500, nil])
        #expect(ledger.leads.map(\.firstTouchAt) == [1_794_842_400, nil])
        // The first of two "Lead Status" columns is read; the UI labels map like the internal values.
        #expect(ledger.leads.map(\.status) == [.working, .open])
        #expect(ledger.leads.map { ledger.texts[$0.owner] } == ["Erin Walsh", "Erin Walsh"])
    }
}
