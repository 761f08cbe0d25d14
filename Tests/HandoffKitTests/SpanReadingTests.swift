import Foundation
import HandoffIO
import Testing

@testable import HandoffKit

/// Large exports are cut into spans read on several cores. Whatever the cuts, the ledger must be exactly what one
/// front-to-back read gives: every lead, text, event, issue and line number.
@Suite("Reading exports in spans on several cores")
struct SpanReadingTests {
    /// Leads, activities and engagement with messy rows spread through them.
    func exports(leads n: Int, duplicateAcrossHalves: Bool = false, quotedBreaks: Bool = false) throws -> DataSources {
        let dir = try temporaryDirectory()
        var leads =
            "lead_id,created_at,source,owner,company,industry,employees,mql_at,routed_at,status,decision,rejection_reason\r\n"
        var activities = "lead_id,at,type\n"
        var engagement = "lead_id,at,action\n"
        let sources = ["Webinar", "Paid Search", "N/A", "Partner"]
        for i in 0..<n {
            let id = duplicateAcrossHalves && i == n - 10 ? "L5" : "L\(i)"
            let day = 1 + i % 27
            let company = quotedBreaks ? "\"Firm \(i % 50)\nline two, \"\"quoted\"\"\"" : "Firm \(i % 50)"
            let employees = i % 97 == 0 ? "lots" : "\(50 + i % 900)"
            let mql = i % 89 == 0 ? "31/02/2026" : "2026-10-\(String(format: "%02d", day))T15:00:00Z"
            let decision = ["accepted", "rejected", "", "maybe"][i % 4]
            leads +=
                "\(id),2026-10-01T09:00:00Z,\(sources[i % 4]),Owner \(i % 7),\(company),SaaS,\(employees),\(mql),,open,\(decision),\(i % 4 == 1 ? "Wrong profile" : "")\r\n"
            if i % 3 != 0 {
                activities +=
                    "L\(i),2026-10-\(String(format: "%02d", day))T15:\(String(format: "%02d", i % 60)):00Z,call\n"
            }
            if i % 101 == 0 { activities += "NOPE\(i),2026-10-02T10:00:00Z,call\n" }
            for k in 0..<(i % 4) {
                engagement +=
                    "L\(i),2026-10-\(String(format: "%02d", day))T1\(k):00:00Z,\(["email_open", "demo_request", "webinar_attended"][k % 3])\n"
            }
            if i % 211 == 0 { engagement += "L\(i),yesterday,email_open\n" }
        }
        return DataSources(
            leads: try write(leads, "leads.csv", in: dir), activities: try write(activities, "activities.csv", in: dir),
            engagement: try write(engagement, "engagement.csv", in: dir))
    }

    /// Everything a ledger holds, as text.
    func describe(_ l: LeadLedger) -> [String] {
        let t = l.texts
        var out = l.leads.map { lead in
            [
                l.id(of: lead), t[lead.source], t[lead.owner], t[lead.company], t[lead.industry],
                t[lead.rejectionReason],
                "\(lead.createdAt ?? 0)", "\(lead.mqlAt ?? 0)", "\(lead.employees ?? -1)",
                "\(lead.status?.rawValue ?? "-")",
                "\(lead.decision?.rawValue ?? "-")",
                l.activities[lead.activityRange].map { "\(l.activityTypes[Int($0.action)])@\($0.at)" }.joined(
                    separator: " "),
                l.events[lead.eventRange].map { "\(l.actions[Int($0.action)])@\($0.at)" }.joined(separator: " "),
            ].joined(separator: "|")
        }
        out += l.quality.issues.map(\.description)
        out += [
            "issues \(l.quality.issueCount) skipped \(l.quality.rowsSkipped) blanked \(l.quality.cellsBlanked)",
            "rows \(l.quality.rowsRead.sorted { $0.key < $1.key })",
            "span \(l.earliestTimestamp ?? 0)–\(l.latestTimestamp ?? 0)",
        ]
        return out
    }

    func load(_ sources: DataSources, cores: Int, minimumSpan: Int) throws -> LeadLedger {
        try LeadLoader(agreement: try acme(), cores: cores, minimumSpan: minimumSpan, planning: .everyFile).load(
            sources)
    }

    @Test func spansJoinToExactlyTheFrontToBackRead() throws {
        let sources = try exports(leads: 3000)
        let whole = try load(sources, cores: 1, minimumSpan: 1 << 30)
        let cut = try load(sources, cores: 5, minimumSpan: 4096)
        // The cut really happened: every file is read in several spans.
        for path in [sources.leads, sources.activities!, sources.engagement!] {
            #expect(
                try ReadFile(kind(path), path, LeadLoader(agreement: try acme(), cores: 5, minimumSpan: 4096)).spans
                    .count == 5)
        }
        #expect(whole.leads.count == 3000)
        #expect(whole.quality.issueCount > 100)
        #expect(describe(cut) == describe(whole))
        #expect(cut.index(ofID: "L2999") == 2999 && cut.index(ofID: "L0") == 0 && cut.index(ofID: "NOPE0") == nil)
    }

    /// Side files as most CRMs export them: in time order across all leads, so nearly every row opens a run whose lead
    /// is looked up as it is read; unknown ids and bad timestamps among them, and the issues in line order.
    @Test func sideFilesInTimeOrderJoinToExactlyTheFrontToBackRead() throws {
        let dir = try temporaryDirectory()
        var leads = "lead_id,created_at,source\n", activities = "lead_id,at,type\n", engagement = "lead_id,at,action\n"
        for i in 0..<2000 { leads += "L\(i),2026-10-01T09:00:00Z,Webinar\n" }
        // Row m (ten a minute, in time order): a touch of lead m·7919 mod 2000, an engagement event of m·104729 mod 2000.
        for m in 0..<3000 {
            let (hour, minute) = (String(format: "%02d", 9 + m / 600), String(format: "%02d", m / 10 % 60))
            let at = "2026-10-02T\(hour):\(minute):0\(m % 10)Z"
            let (a, e) = (m * 7919 % 2000, m * 104_729 % 2000)
            activities += m % 97 == 0 ? "GHOST\(m),\(at),call\n" : "L\(a),\(at),call\n"
            engagement += m % 89 == 0 ? "L\(e),soon,email_open\n" : "L\(e),\(at),email_open\n"
        }
        let sources = DataSources(
            leads: try write(leads, "leads.csv", in: dir), activities: try write(activities, "activities.csv", in: dir),
            engagement: try write(engagement, "engagement.csv", in: dir))
        let whole = try load(sources, cores: 1, minimumSpan: 1 << 30)
        #expect(whole.events.count == 3000 - 34 && whole.activities.count == 3000 - 31)
        let ghosts = whole.quality.issues.filter { $0.reason == "no lead with this id in the leads export" }
        #expect(ghosts.map(\.line) == stride(from: 0, to: 3000, by: 97).map { $0 + 2 })
        #expect(ghosts.first?.value == "GHOST0")
        for k in [0, 1, 777, 1999] {
            let expected = (0..<3000).filter { $0 * 104_729 % 2000 == k && $0 % 89 != 0 }.count
            #expect(whole.leads[k].eventRange.count == expected, "lead L\(k)")
        }
        for minimumSpan in [512, 4096, 20_000] {
            #expect(describe(try load(sources, cores: 4, minimumSpan: minimumSpan)) == describe(whole))
        }
    }

    @Test func balancedPlanCutsTheFilesLaidEndToEndIntoOneShareACore() {
        // Leads 1000 bytes at 1.5, activities 400 at 0.65, engagement 1000 at 1.0: 2760 in all.
        let bodies = [(bytes: 1000, weight: 1.5), (bytes: 400, weight: 0.65), (bytes: 1000, weight: 1.0)]
        // Two cores: one cut, at 1380 — inside the leads, 920 bytes in; the other files are not cut.
        #expect(SpanPlan.cuts(bodies, cores: 2, minimumSpan: 1) == [[920], [], []])
        // Four cores: shares of 690 — two cuts in the leads, one in the engagement (690 × 3 − 1760 = 310).
        #expect(SpanPlan.cuts(bodies, cores: 4, minimumSpan: 1) == [[460, 920], [], [310]])
        // A cut leaving a piece under the minimum is not made: 80 bytes would be left after 920, 310 before the cut.
        #expect(SpanPlan.cuts(bodies, cores: 4, minimumSpan: 400) == [[460], [], []])
        #expect(SpanPlan.cuts(bodies, cores: 1, minimumSpan: 1) == [[], [], []])
    }

    @Test func balancedSpansJoinToExactlyTheFrontToBackRead() throws {
        let sources = try exports(leads: 3000, quotedBreaks: true)
        let whole = try load(sources, cores: 1, minimumSpan: 1 << 30)
        for cores in [2, 3, 5, 8] {
            let cut = try LeadLoader(agreement: try acme(), cores: cores, minimumSpan: 1024).load(sources)
            #expect(describe(cut) == describe(whole), "\(cores) cores")
        }
    }

    @Test func aCutInsideAQuotedLineBreakIsReadFromTheTrueBoundary() throws {
        let sources = try exports(leads: 2000, quotedBreaks: true)
        let whole = try load(sources, cores: 1, minimumSpan: 1 << 30)
        let cut = try load(sources, cores: 7, minimumSpan: 1024)
        // At least one cut falls inside a quoted field, not at a record boundary.
        var boundaries: Set<Int> = []
        try CSVReader(path: sources.leads).forEachRecord { boundaries.insert($0.end) }
        let spans = try ReadFile(.leads, sources.leads, LeadLoader(agreement: try acme(), cores: 7, minimumSpan: 1024))
            .spans
        #expect(spans.count == 7)
        #expect(spans.dropFirst().contains { !boundaries.contains($0.lowerBound) })
        #expect(whole.texts[whole.leads[3].company] == "Firm 3\nline two, \"quoted\"")
        #expect(describe(cut) == describe(whole))
    }

    @Test func aQuotedFieldLongerThanASpanIsReadWhole() throws {
        let dir = try temporaryDirectory()
        var csv = "lead_id,company,title\n"
        for i in 0..<400 { csv += "L\(i),Firm \(i),VP\n" }
        csv += "L400,\"" + (0..<800).map { "note line \($0), with a comma" }.joined(separator: "\n") + "\",CEO\n"
        for i in 401..<800 { csv += "L\(i),Firm \(i),VP\n" }
        let path = try write(csv, "leads.csv", in: dir)
        let spans = try ReadFile(.leads, path, LeadLoader(agreement: try acme(), cores: 8, minimumSpan: 1024)).spans
        let quoted = csv.utf8.count / 2
        #expect(spans.contains { $0.lowerBound > quoted - 10_000 && $0.upperBound < quoted + 10_000 })
        let whole = try load(DataSources(leads: path), cores: 1, minimumSpan: 1 << 30)
        let cut = try load(DataSources(leads: path), cores: 8, minimumSpan: 1024)
        #expect(cut.leads.count == 800)
        #expect(cut.texts[cut.leads[400].title] == "CEO")
        #expect(describe(cut) == describe(whole))
    }

    @Test func aLeadIDRepeatedInALaterSpanKeepsTheFirstRow() throws {
        let sources = try exports(leads: 3000, duplicateAcrossHalves: true)
        let whole = try load(sources, cores: 1, minimumSpan: 1 << 30)
        let cut = try load(sources, cores: 2, minimumSpan: 4096)
        #expect(whole.quality.issues.contains { $0.reason.hasPrefix("duplicate lead_id") && $0.line == 2992 })
        #expect(describe(cut) == describe(whole))
    }

    @Test func anErrorInALaterSpanNamesTheFilesLine() throws {
        let dir = try temporaryDirectory()
        var csv = "lead_id,company\n"
        for i in 0..<3000 { csv += "L\(i),Firm \(i)\n" }
        csv += "L3000,\"never closed\nL3001,x\n"
        let path = try write(csv, "leads.csv", in: dir)
        #expect(throws: HandoffError.self) {
            try LeadLoader(agreement: try acme(), cores: 4, minimumSpan: 1024).load(DataSources(leads: path))
        }
        do {
            _ = try LeadLoader(agreement: try acme(), cores: 4, minimumSpan: 1024).load(DataSources(leads: path))
        } catch let error as HandoffError {
            #expect(error.diagnostics.map(\.file) == ["\(path):3002"])
            #expect(
                error.diagnostics.map(\.message) == ["a quoted field is never closed; check for a stray \" in this row"]
            )
        }
    }

    @Test func aPipeIsReadLikeAFile() throws {
        let sources = try exports(leads: 500)
        let fifo = ((sources.leads as NSString).deletingLastPathComponent as NSString).appendingPathComponent(
            "leads-pipe")
        #expect(mkfifo(fifo, 0o600) == 0)
        let bytes = try Data(contentsOf: URL(fileURLWithPath: sources.leads))
        let writer = Thread {
            if let handle = FileHandle(forWritingAtPath: fifo) {
                handle.write(bytes)
                try? handle.close()
            }
        }
        writer.start()
        let piped = try LeadLoader(agreement: try acme()).load(
            DataSources(leads: fifo, activities: sources.activities, engagement: sources.engagement))
        let file = try load(sources, cores: 1, minimumSpan: 1 << 30)
        #expect(piped.leads.count == 500)
        #expect(
            describe(piped).map { $0.replacingOccurrences(of: fifo, with: "leads.csv") }
                == describe(file).map { $0.replacingOccurrences(of: sources.leads, with: "leads.csv") })
    }

    func kind(_ path: String) -> ExportKind {
        path.hasSuffix("leads.csv") ? .leads : path.hasSuffix("activities.csv") ? .activities : .engagement
    }
}
