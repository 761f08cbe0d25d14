import Foundation
import HandoffKit

/// Writes leads, activities and engagement in one CRM's export format.
final class ExportWriter {
    enum Format: String, CaseIterable { case canonical, hubspot, salesforce }
    /// `compact`: the example data (few distinct texts, each lead's rows together); `realistic`: shaped like a real
    /// CRM export (see `Realistic`), side files in time order across all leads.
    enum Profile: String, CaseIterable { case compact, realistic }

    let format: Format
    let zone: ZoneRules
    /// The folder written into.
    let directory: String
    let profile: Profile
    private var files: [String: FileHandle] = [:]
    private var buffers: [String: [UInt8]] = [:]
    /// Realistic profile: the side files' rows, written in time order on `close()` (`seq` keeps ties in lead order).
    private var pendingActivities: [(at: Int64, seq: Int32, id: String, type: String, outcome: String)] = []
    private var pendingEngagement: [(at: Int64, seq: Int32, id: String, action: String)] = []
    private var rng = SplitMix(seed: 0x5EA1_1571C)

    init(format: Format, directory: String, zone: ZoneRules, asOf: Int64, profile: Profile = .compact) throws {
        self.format = format
        self.zone = zone
        self.directory = directory
        self.profile = profile
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        for name in ["leads", "activities", "engagement"] {
            let path = (directory as NSString).appendingPathComponent("\(name).csv")
            _ = FileManager.default.createFile(atPath: path, contents: nil)
            guard let handle = FileHandle(forWritingAtPath: path) else { throw CocoaError(.fileWriteUnknown) }
            files[name] = handle
            buffers[name] = []
        }
        if format == .salesforce {
            write("leads", ["MQL Leads with SLA Fields"])
            write("leads", ["As of \(Dates.local(asOf, zone))"])
            write("leads", [])
        }
        let realistic = profile == .realistic
        write(
            "leads",
            leadHeaders
                + (realistic ? ["first_name", "last_name", "email", "phone", "website", "city", "description"] : []))
        write("activities", activityHeaders + (realistic ? ["subject", "notes"] : []))
        write("engagement", engagementHeaders + (realistic ? ["campaign"] : []))
    }

    var leadHeaders: [String] {
        switch format {
        case .canonical:
            return [
                "lead_id", "created_at", "source", "owner", "company", "industry", "employees", "annual_revenue",
                "country", "title", "score",
                "mql_at", "routed_at", "status", "decision", "decision_at", "rejection_reason", "sql_at",
                "opportunity_at", "won_at",
                "timeline", "use_case", "budget", "content_engaged",
            ]
        case .hubspot:
            return [
                "Record ID", "Create Date", "Original Source", "Contact owner", "Company Name", "Industry",
                "Number of Employees", "Annual Revenue",
                "Country/Region", "Job Title", "HubSpot Score", "Became a Marketing Qualified Lead Date",
                "Owner Assigned Date", "Lead Status",
                "MQL Decision", "MQL Decision Date", "MQL Rejection Reason", "Became a Sales Qualified Lead Date",
                "Became an Opportunity Date",
                "Became a Customer Date", "Decision Timeline", "Primary Challenge", "Budget Range", "Recent Conversion",
            ]
        case .salesforce:
            return [
                "Lead ID", "Create Date", "Lead Source", "Lead Owner", "Company / Account", "Industry",
                "No. of Employees", "Annual Revenue", "Country",
                "Title", "Lead Score", "MQL Date", "Owner Assigned Date", "Lead Status", "MQL Decision",
                "MQL Decision Date", "Rejection Reason",
                "Converted Date", "Opportunity Created Date", "Closed Won Date", "Timeline", "Use Case", "Budget",
                "Last Content",
            ]
        }
    }

    var activityHeaders: [String] {
        switch format {
        case .canonical: return ["lead_id", "at", "type", "outcome"]
        case .hubspot: return ["Associated Contact ID", "Activity date", "Activity type", "Call outcome"]
        case .salesforce: return ["Lead ID", "Date", "Task Subtype", "Call Result"]
        }
    }

    var engagementHeaders: [String] {
        switch format {
        case .canonical: return ["lead_id", "at", "action"]
        case .hubspot: return ["Contact ID", "Event date", "Event type"]
        case .salesforce: return ["Lead ID", "Date", "Activity"]
        }
    }

    func time(_ t: Int64?) -> String {
        guard let t else { return "" }
        switch format {
        case .canonical: return Dates.iso(t)
        case .hubspot: return Dates.local(t, zone)
        case .salesforce:
            let l = zone.local(t)
            let day = LocalDate(daysSinceEpoch: Int(l / 86400))
            let minutes = Int(l % 86400 / 60)
            let h = minutes / 60, m = minutes % 60
            return
                "\(day.month)/\(day.day)/\(day.year) \(h % 12 == 0 ? 12 : h % 12):\(m < 10 ? "0" : "")\(m) \(h < 12 ? "AM" : "PM")"
        }
    }

    func status(_ s: String) -> String {
        switch format {
        case .canonical: return s
        case .hubspot:
            return [
                "open": "NEW", "working": "IN_PROGRESS", "accepted": "OPEN_DEAL", "rejected": "UNQUALIFIED",
                "nurture": "BAD_TIMING", "unresponsive": "UNRESPONSIVE",
            ][s] ?? s
        case .salesforce:
            return [
                "open": "Open - Not Contacted", "working": "Working - Contacted", "accepted": "Closed - Converted",
                "rejected": "Closed - Not Converted",
                "nurture": "Nurturing", "unresponsive": "Unresponsive",
            ][s] ?? s
        }
    }

    func add(_ s: LeadStory) {
        func v(_ key: String, _ value: String) -> String { s.raw[key] ?? value }
        write(
            "leads",
            [
                v("lead_id", s.id), time(s.createdAt), s.source, s.owner, s.company, s.industry,
                v("employees", s.employees),
                format == .salesforce ? "$" + s.revenue.dropLast(6) + ",000,000.00" : s.revenue, s.country, s.title,
                String(s.score),
                v("mql_at", time(s.mqlAt)), time(s.routedAt), v("status", status(s.status)), s.decision,
                time(s.decisionAt), s.reason,
                time(s.sqlAt), time(s.opportunityAt), time(s.wonAt), s.timeline, s.useCase, s.budget, s.content,
            ]
                + (profile == .realistic ? Realistic.contact(&rng, company: s.company, k: pendingEngagement.count) : [])
        )
        guard profile == .compact else {
            for a in s.activities {
                pendingActivities.append((a.at, Int32(pendingActivities.count), s.id, a.type, a.outcome))
            }
            for e in s.engagement { pendingEngagement.append((e.at, Int32(pendingEngagement.count), s.id, e.action)) }
            return
        }
        for a in s.activities { write("activities", [s.id, time(a.at), a.type, a.outcome]) }
        for e in s.engagement { write("engagement", [s.id, time(e.at), e.action]) }
    }

    /// Realistic profile: the side files in time order across all leads, as a CRM exports them.
    private func writePending() {
        pendingActivities.sort { ($0.at, $0.seq) < ($1.at, $1.seq) }
        for a in pendingActivities {
            write(
                "activities",
                [a.id, time(a.at), a.type, a.outcome] + Realistic.activityText(&rng, type: a.type, outcome: a.outcome))
        }
        pendingActivities = []
        pendingEngagement.sort { ($0.at, $0.seq) < ($1.at, $1.seq) }
        for e in pendingEngagement {
            write("engagement", [e.id, time(e.at), e.action] + Realistic.engagementText(&rng))
        }
        pendingEngagement = []
    }

    func addActivity(leadID: String, at: String, type: String) {
        if profile == .realistic { writePending() }
        write("activities", [leadID, at, type, ""] + (profile == .realistic ? ["", ""] : []))
    }

    func write(_ file: String, _ fields: [String]) {
        var line = fields.map(ExportWriter.escape).joined(separator: ",")
        line += format == .canonical ? "\n" : "\r\n"
        buffers[file, default: []].append(contentsOf: line.utf8)
        if buffers[file, default: []].count > 1 << 20 { flush(file) }
    }

    private func flush(_ file: String) {
        guard let data = buffers[file], !data.isEmpty else { return }
        files[file]?.write(Data(data))
        buffers[file] = []
    }

    func close() {
        if profile == .realistic { writePending() }
        for name in files.keys.sorted() {
            flush(name)
            try? files[name]?.close()
        }
    }

    static func escape(_ field: String) -> String {
        guard field.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) else { return field }
        return "\"" + field.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}
