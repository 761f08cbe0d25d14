import Foundation
import Testing

@testable import HandoffKit

/// `handoff inspect`: each export's dialect, rows, footer and columns, the role and mapping it proposes, and a
/// `data:` section that loads.
@Suite("Inspecting exports")
struct InspectTests {
    static let leadsCSV = """
        Lead Report
        Generated today

        Lead ID,Created Date,Lead Source,Status,Employees,Converted,Notes,Empty
        L1,25/03/2026 09:15,Web,Open,"1,200",TRUE,hello,
        L2,26/03/2026 10:00,Event,Working,50,FALSE,,
        L3,27/03/2026 11:30,Web,Open,N/A,TRUE,x|y,
        L4,,Web,Open,300,FALSE,*bold*,
        Total,4

        """
    static let activitiesCSV =
        "lead_id,at,type\nL1,2026-03-25T10:00:00Z,call\nL1,2026-03-25T11:00:00Z,email\nL2,2026-03-26T12:00:00Z,call\n"

    static func smallFolder() throws -> String {
        let dir = try temporaryDirectory()
        try write(leadsCSV, "leads.csv", in: dir)
        try write(activitiesCSV, "activities.csv", in: dir)
        try write("not an export", "notes.md", in: dir)
        return dir
    }

    /// `header | type | blanks | samples | proposed` for each column, as a user reads them.
    static func rows(_ p: ExportProfile) -> [String] {
        p.columns.map { c in
            "\(c.header) | \(c.type.name) | \(c.blanks) | \(c.samples.joined(separator: ", ")) | \(p.mapping.first { $0.header == c.header }?.canonical ?? "")"
        }
    }

    @Test func smallExportsAreProfiledExactly() throws {
        let dir = try Self.smallFolder()
        let files = try ExportInspector.files(in: dir)
        #expect(files.map { ($0 as NSString).lastPathComponent } == ["activities.csv", "leads.csv"])
        let report = try ExportInspector.inspect(files)
        let leads = try #require(report.files.first { $0.name == "leads.csv" })
        #expect(leads.dialect.description == "utf-8, comma-delimited, LF line ends")
        #expect(leads.headerLine == 4)
        #expect(leads.titleRows == 2)
        #expect(leads.rows == 4)
        #expect(leads.footers.map(\.line) == [9])
        #expect(leads.footers.map(\.text) == ["Total,4"])
        #expect(leads.role == .leads)
        #expect(
            Self.rows(leads) == [
                "Lead ID | id | 0 | L1, L2, L3 | lead_id",
                "Created Date | date/time d/M/yyyy H:mm | 1 | 25/03/2026 09:15, 26/03/2026 10:00, 27/03/2026 11:30 | created_at",
                "Lead Source | category | 0 | Web, Event | source",
                "Status | category | 0 | Open, Working | status",
                "Employees | number | 1 | 1,200, 50, 300 | employees",
                "Converted | boolean | 0 | TRUE, FALSE | ",
                "Notes | text | 1 | hello, x|y, *bold* | ",
                "Empty | empty | 4 |  | ",
            ])
        #expect(leads.column("Status")?.topValues.map { "\($0.value) \($0.count)" } == ["Open 3", "Working 1"])
        #expect(leads.column("Converted")?.topValues.map { "\($0.value) \($0.count)" } == ["FALSE 2", "TRUE 2"])
        let activities = try #require(report.files.first { $0.name == "activities.csv" })
        #expect(activities.role == .activities)
        #expect(
            activities.mapping.map { "\($0.canonical)=\($0.header)" } == [
                "activity_lead_id=lead_id", "activity_at=at", "activity_type=type",
            ])
        #expect(activities.column("at")?.type == .dateTime(.iso))
        #expect(report.undecided.isEmpty)
        #expect(
            report.dataSection == """
                data:
                  files:   # paths are relative to the --data folder
                    - {role: leads, path: "leads.csv"}
                    - {role: activities, path: "activities.csv", columns: {activity_lead_id: "lead_id", activity_at: "at", activity_type: "type"}}
                  columns:
                    lead_id: "Lead ID"
                    created_at: "Created Date"
                    source: "Lead Source"
                    status: "Status"
                    employees: "Employees"
                  date_formats:
                    created_at: "d/M/yyyy H:mm"

                """)
    }

    /// The proposed section, pasted into an agreement, loads without errors and reads the very exports it describes.
    @Test func theDataSectionLoadsAndReadsTheExports() throws {
        let dir = try Self.smallFolder()
        let report = try ExportInspector.inspect(try ExportInspector.files(in: dir))
        let outcome = load(minimalAgreement + "\n" + report.dataSection)
        #expect(positions(outcome.diagnostics.filter { $0.severity == .error }) == [])
        let agreement = try #require(outcome.agreement)
        let ledger = try LeadLoader(agreement: agreement).load(try DataSources(directory: dir))
        #expect(ledger.leads.map(ledger.id(of:)) == ["L1", "L2", "L3", "L4"])
        #expect(ledger.quality.issueCount == 0)
        #expect(ledger.activities.count == 3)
    }

    /// Every string from the data is escaped in Markdown; headers are quoted in YAML so they load as written.
    @Test func dataStringsAreEscapedAndQuoted() throws {
        let dir = try temporaryDirectory()
        let path = try write(
            "Lead ID,# <b>Owner</b> | `x`\nL1,<script>alert(1)</script>\nL2,[link](http://x)\n", "hostile.csv", in: dir)
        let md = try ExportInspector.inspect([path]).markdown()
        #expect(md.contains("| 2 | \\# \\<b>Owner\\</b> \\| \\`x\\` | "))
        #expect(md.contains("\\<script>alert(1)\\</script> · \\[link\\](http://x)"))
        for header in ["Lead \"ID\"", "C:\\leads\\id", "tab\there", "ünïcödé: #1 {x}"] {
            let yaml = "data:\n  columns:\n    lead_id: \(DataSectionDraft.quote(header))\n"
            let outcome = load(minimalAgreement + "\n" + yaml)
            #expect(outcome.agreement?.data.columns["lead_id"] == header)
        }
    }

    /// Two headers that both name created_at: neither is proposed, the item says why, and the section still loads.
    @Test func twoCandidateColumnsAreNotGuessed() throws {
        let dir = try temporaryDirectory()
        let path = try write(
            "Lead ID,Create Date,Created Date\nL1,2026-03-01,2026-03-02\nL2,2026-03-03,2026-03-04\n", "leads.csv",
            in: dir)
        let report = try ExportInspector.inspect([path])
        #expect(report.files[0].mapping.map(\.canonical) == ["lead_id"])
        #expect(
            report.undecided == [
                InspectUndecided(
                    file: "leads.csv", what: "created_at",
                    why: "2 candidate columns: 'Create Date', 'Created Date'; map the right one (none is proposed)",
                    fix: "columns: {created_at: \"Create Date\"} or columns: {created_at: \"Created Date\"}")
            ])
        #expect(
            report.dataSection.hasSuffix(
                """
                  # could not decide:
                  #   leads.csv: created_at: 2 candidate columns: 'Create Date', 'Created Date'; map the right one (none is proposed)

                """))
        #expect(report.files[0].column("Create Date")?.type == .dateTime(.iso))
        #expect(
            report.markdown().contains(
                "- leads.csv: created_at: 2 candidate columns: 'Create Date', 'Created Date'; map the right one (none is proposed) Add: columns: {created_at: \"Create Date\"} or columns: {created_at: \"Created Date\"}\n"
            ))
        #expect(
            positions(load(minimalAgreement + "\n" + report.dataSection).diagnostics.filter { $0.severity == .error })
                == [])
    }

    /// A UTF-16 export saved without a byte-order mark is read as UTF-16 (the section then says so); binary data and
    /// an empty file give an error or an empty profile, never a trap.
    @Test func bomlessUTF16BinaryAndEmptyFiles() throws {
        let dir = try temporaryDirectory()
        let text = "Lead ID\tCreated Date\nL1\t2026-03-01\nL2\t2026-03-02\n"
        let path = (dir as NSString).appendingPathComponent("leads.csv")
        try Data(text.utf16.flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] }).write(to: URL(fileURLWithPath: path))
        let report = try ExportInspector.inspect([path])
        #expect(report.files[0].dialect.description == "utf-16le, tab-delimited, LF line ends")
        #expect(report.files[0].rows == 2)
        #expect(report.dataSection.contains("\n  encoding: utf-16le\n  delimiter: \"\\t\"\n"))
        #expect(
            positions(load(minimalAgreement + "\n" + report.dataSection).diagnostics.filter { $0.severity == .error })
                == [])
        let binary = (dir as NSString).appendingPathComponent("blob.csv")
        try Data([0x50, 0x4B, 0x03, 0x04, 0x00, 0x00, 0x08, 0x00, 0xFF, 0x00, 0x41]).write(
            to: URL(fileURLWithPath: binary))
        #expect(throws: HandoffError.self) { try ExportInspector.inspect([binary]) }
        let empty = try write("", "empty.csv", in: dir)
        let nothing = try ExportInspector.inspect([empty])
        #expect(nothing.files[0].rows == 0)
        #expect(nothing.files[0].columns.isEmpty)
        #expect(nothing.markdown().contains("No columns."))
    }

    // MARK: real exports

    static var available: Bool { ExternalDataTests.available }
    static func external(_ path: String) -> String { (sharedData as NSString).appendingPathComponent(path) }

    @Test(.enabled(if: available)) func marketstarFolder() throws {
        let report = try ExportInspector.inspect(try ExportInspector.files(in: Self.external("marketstar-sdr-case")))
        #expect(
            report.files.map(\.name) == [
                "Employees.csv", "Leads.csv", "Opportunities.csv", "Quotas.csv", "experience-map.csv",
                "experience_map_final.csv",
            ])
        #expect(
            report.files.map(\.role.rawValue) == ["not used", "leads", "deals", "not used", "not used", "not used"])
        let leads = try #require(report.files.first { $0.name == "Leads.csv" })
        #expect(leads.rows == 43_033)
        #expect(leads.footers.isEmpty)
        #expect(leads.dialect.description == "utf-8, comma-delimited, CRLF line ends")
        #expect(leads.column("LeadId")?.type == .id)
        #expect(leads.column("CreatedDate")?.type == .dateTime(.patterns(["yyyyMMdd"])))
        #expect(leads.column("OwnerEmployeeId")?.blanks == 10_466)
        #expect(leads.column("Stage")?.topValues.first.map { "\($0.value) \($0.count)" } == "Disqualified 29673")
        #expect(
            leads.mapping.map { "\($0.canonical)=\($0.header)" } == [
                "lead_id=LeadId", "created_at=CreatedDate", "owner=OwnerEmployeeId", "source=LeadSource",
                "status=Stage",
                "rejection_reason=DisqualifiedReason", "industry=Industry", "title=Title", "employees=Employees",
            ])
        let deals = try #require(report.files.first { $0.name == "Opportunities.csv" })
        #expect(deals.rows == 1061)
        #expect(deals.column("CreatedDate")?.type == .dateTime(.patterns(["M/d/yyyy"])))
        #expect(deals.column("AcceptedDecisionDate")?.type == .dateTime(.patterns(["M/d/yyyy", "M/d/yyyy H:mm"])))
        #expect(deals.column("IsAccepted")?.topValues.map { "\($0.value) \($0.count)" } == ["TRUE 697", "FALSE 364"])
        // The unnamed 8th column is reported: amounts in 740 rows.
        let unnamed = try #require(deals.columns.last)
        #expect(unnamed.position == 7)
        #expect(unnamed.header == "")
        #expect(unnamed.type == .number)
        #expect(unnamed.blanks == 321)
        #expect(deals.dealKey?.key == "OpportunityId")
        #expect(deals.dealKey?.leadKey == "ConvertedOpportunityId")
        let map = try #require(report.files.first { $0.name == "experience-map.csv" })
        #expect(map.dialect.description == "utf-16le, tab-delimited, LF line ends")
        #expect(map.rows == 2554)
        #expect(
            map.columns.map(\.header) == [
                "LeadId (Activities.csv)", "Activity Type", "Calculation1", "Distinct count of Activity Date",
            ])
        #expect(map.roleReason == "looks like activities, but no column was recognised as activity_at")
        #expect(report.files.first { $0.name == "Quotas.csv" }?.footers.isEmpty == true)
        #expect(report.undecided.map(\.what) == ["role"])
        #expect(
            report.dataSection.contains(
                """
                  date_formats:
                    created_at: "yyyyMMdd"
                  deals:
                    path: "Opportunities.csv"
                    key: "OpportunityId"
                    lead_key: "ConvertedOpportunityId"
                    facts: []   # what a related deal says about its lead, e.g.:
                    #  - {fact: opportunity_at, at: "CreatedDate"}
                    #  - {fact: accepted, at: "AcceptedDecisionDate", when: {"IsAccepted": "TRUE"}}
                    #  - {fact: rejected, at: "AcceptedDecisionDate", when: {"IsAccepted": "FALSE"}}
                """))
        #expect(leads.roleReason == "9 columns mapped")
        let md = report.markdown()
        #expect(md.contains("| 8 | (unnamed) | number | 30.3% | 3765.98 · 4624.73 · 6583.15 |  |\n"))
        #expect(
            md.contains(
                "| 7 | CreatedDate | date/time yyyyMMdd | 0.0% | 20210105 · 20210101 · 20210102 | created_at |\n"))
        let outcome = load(minimalAgreement + "\n" + report.dataSection)
        #expect(positions(outcome.diagnostics.filter { $0.severity == .error }) == [])
    }

    /// The Maven pipeline has no leads export: that is said, with the deals-like file named, and the section still loads.
    @Test(.enabled(if: available)) func mavenFolderHasNoLeadsExport() throws {
        let report = try ExportInspector.inspect(
            try ExportInspector.files(in: Self.external("maven-crm-sales-opportunities")))
        #expect(report.files.map(\.role) == [.notUsed, .notUsed, .notUsed, .notUsed, .notUsed])
        let pipeline = try #require(report.files.first { $0.name == "sales_pipeline.csv" })
        #expect(pipeline.rows == 8800)
        #expect(pipeline.column("opportunity_id")?.type == .id)
        #expect(pipeline.column("engage_date")?.type == .dateTime(.iso))
        #expect(pipeline.column("deal_stage")?.topValues.map(\.value) == ["Won", "Lost", "Engaging", "Prospecting"])
        #expect(pipeline.roleReason == "looks like deals, but no leads export was found to join it to")
        #expect(report.undecided.map(\.what) == ["leads export"])
        #expect(report.undecided.first?.why.contains("'sales_pipeline.csv' looks like deals") == true)
        #expect(
            report.dataSection.hasPrefix(
                "data:\n  # no file was recognised as a leads, activities or engagement export"))
        #expect(
            positions(load(minimalAgreement + "\n" + report.dataSection).diagnostics.filter { $0.severity == .error })
                == [])
    }

    @Test(.enabled(if: available)) func salesforceLeadCreatedDateIsNotGuessed() throws {
        let report = try ExportInspector.inspect([Self.external("crm-analytics-salesforce/Lead.redacted.csv")])
        let leads = try #require(report.files.first)
        #expect(leads.dialect.description == "windows-1252, comma-delimited, CRLF line ends")
        #expect(leads.rows == 10_000)
        #expect(leads.columns.count == 64)
        #expect(leads.role == .leads)
        let created = try #require(leads.column("Created Date"))
        guard case .dateTime(.undecided(let message, let options)) = created.type else {
            Issue.record("Created Date is \(created.type.name)")
            return
        }
        #expect(options == [["M/d/yyyy H:mm", "M-d-yyyy H:mm"], ["M/d/yyyy H:mm", "d-M-yyyy H:mm"]])
        #expect(message.hasPrefix("column Created Date: the day and the month cannot be told apart"))
        let item = try #require(report.undecided.first { $0.what == "date layout of 'Created Date' (created_at)" })
        #expect(
            item.fix
                == #"data: {date_formats: {created_at: ["M/d/yyyy H:mm", "M-d-yyyy H:mm"]}} or data: {date_formats: {created_at: ["M/d/yyyy H:mm", "d-M-yyyy H:mm"]}}"#
        )
        #expect(leads.column("Location Text")?.type == .empty)
        #expect(leads.column("Lead ID")?.type == .id)
        #expect(
            report.dataSection.contains(
                """
                  date_formats: {}
                    # created_at ("Created Date"): the sample does not decide the layout; declare one of: ["M/d/yyyy H:mm", "M-d-yyyy H:mm"] or ["M/d/yyyy H:mm", "d-M-yyyy H:mm"]
                  encoding: windows-1252
                """))
        #expect(!report.dataSection.contains("created_at: \"M"))
        let outcome = load(minimalAgreement + "\n" + report.dataSection)
        #expect(positions(outcome.diagnostics.filter { $0.severity == .error }) == [])
    }
}
