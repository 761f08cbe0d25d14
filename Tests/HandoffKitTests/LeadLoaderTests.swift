import Foundation
import HandoffIO
import Testing

@testable import HandoffKit

@Suite("Loading exports: messy input, presets, errors")
struct LeadLoaderTests {
    func agreement(data: String = "") throws -> Agreement {
        let outcome = load(minimalAgreement + "\n" + data)
        return try #require(outcome.agreement, "\(positions(outcome.diagnostics))")
    }

    func ledger(_ leads: String, data: String = "") throws -> LeadLedger {
        let dir = try temporaryDirectory()
        let path = try write(leads, "leads.csv", in: dir)
        return try LeadLoader(agreement: try agreement(data: data)).load(DataSources(leads: path))
    }

    @Test func messyButReadableInput() throws {
        let csv =
            "\u{FEFF} Record ID ,Create Date,Company Name,Annual Revenue,Number of Employees,Job Title,Industry\r\n"
            + "1,11/16/2026 2:03 PM,\"Smith, Jones & Co\",\"$22,700.00\",\" 1,200 \",\"Head of\nData\",Select\r\n"
            + "2,2026-11-16T14:03:00-05:00,Acme,342.09K,250,VP,SaaS\r"
            + "3,1763301780000,Beta,,N/A,,\r\n"
        let l = try ledger(csv, data: "data: {preset: hubspot}")
        #expect(l.leads.count == 3)
        #expect(l.quality.issueCount == 0)
        #expect(l.texts[l.leads[0].company] == "Smith, Jones & Co")
        #expect(l.leads[0].annualRevenue == 22_700)
        #expect(l.leads[0].employees == 1200)
        #expect(l.texts[l.leads[0].title] == "Head of\nData")
        #expect(l.leads[0].industry == .empty)
        #expect(l.leads[0].createdAt.map(Dates.iso) == "2026-11-16T19:03:00Z")
        #expect(l.leads[1].annualRevenue == 342_090)
        #expect(l.leads[1].createdAt.map(Dates.iso) == "2026-11-16T19:03:00Z")
        #expect(l.leads[2].createdAt.map(Dates.iso) == "2025-11-16T14:03:00Z")
        #expect(l.leads[2].employees == nil)
    }

    @Test func everyUnreadableCellOrRowIsReported() throws {
        let csv = """
            lead_id,mql_at,employees,status,decision
            L1,31/02/2026,lots,Zombie,maybe
            ,2026-11-16,10,open,
            L1,2026-11-16,10,open,
            L2,2026-11-16,10,open,

            """
        let l = try ledger(csv)
        #expect(l.leads.map(l.id(of:)) == ["L1", "L2"])
        #expect(
            l.quality.issues.map(\.description) == [
                "\(l.sources.leads):2: column mql_at, value '31/02/2026': not a date/time this reader understands (set data.date_formats for ambiguous layouts) — cell treated as blank",
                "\(l.sources.leads):2: column employees, value 'lots': not a number — cell treated as blank",
                "\(l.sources.leads):2: column status, value 'Zombie': unknown status; map it under data.values.status to one of open, working, accepted, rejected, unresponsive, nurture — cell treated as blank",
                "\(l.sources.leads):2: column decision, value 'maybe': unknown decision; expected accepted or rejected (or map it under data.values.decision) — cell treated as blank",
                "\(l.sources.leads):3: column lead_id, value '': no lead_id: the row cannot be tied to a lead — row skipped",
                "\(l.sources.leads):4: column lead_id, value 'L1': duplicate lead_id; the first row with this id is kept — row skipped",
            ])
        #expect(l.quality.rowsSkipped == 2)
        #expect(l.quality.cellsBlanked == 4)
        #expect(l.quality.rowsRead[l.sources.leads] == 4)
    }

    @Test func longCustomPlaceholdersAreBlank() throws {
        let l = try ledger(
            "lead_id,industry\nL1,(Not Specified Yet)\nL2,SaaS\n",
            data: "data: {placeholders: [\"(not specified yet)\"]}")
        #expect(l.leads.map { l.texts[$0.industry] } == ["", "SaaS"])
    }

    @Test func dayFirstExportsNeedTheirFormat() throws {
        let l = try ledger("lead_id,mql_at\nL1,03/04/2026 10:00\n", data: "data: {date_formats: [D/M/YYYY]}")
        #expect(l.leads[0].mqlAt.map(Dates.iso) == "2026-04-03T14:00:00Z")
    }

    @Test func salesforceTitleRowsAreSkippedAndCounted() throws {
        let csv =
            "Leads report\nAs of today\n\nLead ID,Lead Status,MQL Date\n00Q1,Closed - Not Converted,11/16/2026 9:00 AM\n"
        let l = try ledger(csv, data: "data: {preset: salesforce}")
        #expect(l.leads.count == 1)
        #expect(l.leads[0].status == .rejected)
        #expect(l.leads[0].decision == .rejected)
        #expect(l.quality.preambleRows[l.sources.leads] == 2)
    }

    @Test func columnOverridesWorkBelowTitleRows() throws {
        let csv = "Leads report\nAs of today\n\nOpportunity,Stage\nO1,Closed - Converted\n"
        let l = try ledger(csv, data: "data:\n  preset: salesforce\n  columns: {lead_id: Opportunity, status: Stage}")
        #expect(l.leads.map(l.id(of:)) == ["O1"])
        #expect(l.leads[0].status == .accepted)
        #expect(l.quality.preambleRows[l.sources.leads] == 2)
    }

    @Test func missingRequiredColumnIsAClearError() throws {
        do {
            _ = try ledger("Id,Name\n1,x\n", data: "data: {preset: hubspot}")
            Issue.record("expected an error")
        } catch let error as HandoffError {
            #expect(error.kind == .badInput)
            #expect(
                error.diagnostics[0].message
                    == "the leads export is missing the required column lead_id (looked for 'Record ID' or 'Contact ID') with preset 'hubspot'; its headers are 'Id', 'Name'. Set data.preset or map the column under data.columns."
            )
        }
    }

    @Test func anotherCRMsExportIsRecognised() throws {
        do {
            _ = try ledger("Report title\n\nLead ID,Lead Status\n00Q1,Open - Not Contacted\n")
            Issue.record("expected an error")
        } catch let error as HandoffError {
            #expect(
                error.diagnostics[0].message
                    == "the leads export is missing the required column lead_id (looked for 'lead_id') with preset 'canonical'; its headers are 'Lead ID', 'Lead Status'. These headers look like a salesforce export: pass --preset salesforce or set data.preset: salesforce."
            )
        }
    }

    @Test func columnOverrideNamingAnAbsentHeader() throws {
        do {
            _ = try ledger("Id,Name\n1,x\n", data: "data:\n  columns: {lead_id: Identifier}")
            Issue.record("expected an error")
        } catch let error as HandoffError {
            #expect(error.diagnostics[0].message.hasPrefix("data.columns.lead_id names the header 'Identifier', which"))
        }
    }

    /// The same leads exported three ways give the same verdicts.
    @Test func canonicalHubSpotAndSalesforceAgree() throws {
        let a = try acme()
        func verdicts(_ dir: String, preset: String?) throws -> [String] {
            let request = MeasurementRequest(
                sources: try DataSources(directory: projectPath(dir)), preset: preset, period: .week("2026-W45"))
            let s = try Handoff.scorecard(a, request)
            return s.commitments.map {
                "\($0.commitment.id) \($0.verdict.rawValue) \($0.valueText) n=\($0.denominator) p=\($0.pending) \($0.breaches.map(\.leadID))"
            }
                + s.targets.map { "\($0.id) \($0.verdict.rawValue) \($0.value ?? -1)" }
        }
        let canonical = try verdicts("examples/acme", preset: nil)
        #expect(try verdicts("examples/acme-hubspot", preset: "hubspot") == canonical)
        #expect(try verdicts("examples/acme-salesforce", preset: "salesforce") == canonical)
        #expect(canonical.count == 11)
    }
}

@Suite("Column ordinals")
struct ColumnOrdinalTests {
    @Test func ordinalsFollowAllCases() {
        #expect(LeadColumn.allCases.map(\.caseOrdinal) == Array(0..<LeadColumn.allCases.count))
    }
}
