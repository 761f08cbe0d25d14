import Foundation

extension LeadLoader {
    func readLeads(_ path: String, _ s: inout LoadState) throws {
        let wanted = LeadColumn.allNames
        var rows = 0
        var positions: [Int?] = []
        let expected = Int((try? FileManager.default.attributesOfItem(atPath: path)[.size] as? NSNumber)??.intValue ?? 0) / 160
        s.leads.reserveCapacity(expected)
        s.index.reserveCapacity(expected)
        let mapsSource = hasMapping("source")
        let preamble = try withHeader(path, wanted: wanted, required: ["lead_id"], what: "the leads export") { map, record in
            if positions.isEmpty { positions = LeadColumn.allCases.map { map[$0.rawValue] } }
            rows += 1
            readLead(record, map: LeadPositions(positions: positions), file: path, mapsSource: mapsSource, &s)
        }
        if preamble > 0 { s.quality.preambleRows[path] = preamble }
        s.quality.rowsRead[path] = rows
    }

    private func readLead(_ r: CSVReader.Record, map: LeadPositions, file: String, mapsSource: Bool, _ s: inout LoadState) {
        if s.columns.isEmpty {
            s.columns = Set(LeadColumn.allCases.filter { map[$0] != nil })
        }
        func text(_ column: LeadColumn, pooled: Bool = false) -> String? {
            guard let i = map[column] else { return nil }
            let raw = r.trimmedBytes(i)
            if blank(raw) { return nil }
            if pooled, !r.isEscaped(i), Bytes.isASCII(raw) {
                return s.pool.intern(raw) { String(decoding: raw, as: UTF8.self) }
            }
            guard let value = r.string(i) else {
                s.quality.record(DataIssue(file: file, line: r.line, column: column.rawValue, value: "(bytes)", reason: "not valid UTF-8 text", rowSkipped: false))
                return nil
            }
            return value
        }
        guard let id = text(.leadID) else {
            s.quality.record(DataIssue(file: file, line: r.line, column: "lead_id", value: "", reason: "no lead_id: the row cannot be tied to a lead", rowSkipped: true))
            return
        }
        if s.index[id] != nil {
            s.quality.record(DataIssue(file: file, line: r.line, column: "lead_id", value: id, reason: "duplicate lead_id; the first row with this id is kept", rowSkipped: true))
            return
        }
        var lead = Lead(id: id)
        func time(_ column: LeadColumn) -> Int64? {
            guard let i = map[column] else { return nil }
            let raw = r.trimmedBytes(i)
            if raw.isEmpty { return nil }
            if let t = timestamps.parse(raw) {
                s.saw(t)
                return t
            }
            if blank(raw) { return nil }
            s.quality.record(DataIssue(file: file, line: r.line, column: column.rawValue, value: r.string(i) ?? "", reason: "not a date/time this reader understands (set data.date_formats for ambiguous layouts)", rowSkipped: false))
            return nil
        }
        func number(_ column: LeadColumn) -> Double? {
            if let i = map[column], let v = Bytes.plainNumber(r.trimmedBytes(i)) { return v }
            guard let raw = text(column) else { return nil }
            if let v = Amount.parse(raw) { return v }
            s.quality.record(DataIssue(file: file, line: r.line, column: column.rawValue, value: raw, reason: "not a number", rowSkipped: false))
            return nil
        }
        lead.createdAt = time(.createdAt)
        lead.mqlAt = time(.mqlAt)
        lead.routedAt = time(.routedAt)
        lead.firstTouchAt = time(.firstTouchAt)
        lead.decisionAt = time(.decisionAt)
        lead.sqlAt = time(.sqlAt)
        lead.opportunityAt = time(.opportunityAt)
        lead.wonAt = time(.wonAt)
        lead.source = text(.source, pooled: true).map { mapsSource ? mapped("source", $0) : $0 } ?? ""
        lead.owner = text(.owner, pooled: true) ?? ""
        lead.company = text(.company, pooled: true) ?? ""
        lead.industry = text(.industry, pooled: true) ?? ""
        lead.country = text(.country, pooled: true) ?? ""
        lead.title = text(.title, pooled: true) ?? ""
        lead.timeline = text(.timeline, pooled: true) ?? ""
        lead.useCase = text(.useCase, pooled: true) ?? ""
        lead.budget = text(.budget, pooled: true) ?? ""
        lead.contentEngaged = text(.contentEngaged, pooled: true) ?? ""
        lead.employees = number(.employees)
        lead.annualRevenue = number(.annualRevenue)
        lead.score = number(.score)
        if let raw = text(.attemptCount) {
            if let n = Int(raw) { lead.attemptCountColumn = n } else {
                s.quality.record(DataIssue(file: file, line: r.line, column: "attempt_count", value: raw, reason: "not a whole number", rowSkipped: false))
            }
        }
        /// A status or decision through the mapping; the raw text when it maps to nothing known.
        func choice<T: RawRepresentable>(_ column: LeadColumn, _ cache: inout ValueCache<T>) -> (value: T?, unknown: String?) where T.RawValue == String {
            guard let i = map[column] else { return (nil, nil) }
            let bytes = r.trimmedBytes(i)
            if blank(bytes) { return (nil, nil) }
            let value = cache.value(for: bytes, make: { T(rawValue: mapped(column.rawValue, r.string(i) ?? "").lowercased()) })
            return (value, value == nil ? r.string(i) ?? "" : nil)
        }
        let status = choice(.status, &s.statuses)
        lead.status = status.value
        if let raw = status.unknown {
            s.quality.record(DataIssue(file: file, line: r.line, column: "status", value: raw, reason: "unknown status; map it under data.values.status to one of \(LeadStatus.allCases.map(\.rawValue).joined(separator: ", "))", rowSkipped: false))
        }
        let decision = choice(.decision, &s.decisions)
        lead.decision = decision.value
        if let raw = decision.unknown {
            s.quality.record(DataIssue(file: file, line: r.line, column: "decision", value: raw, reason: "unknown decision; expected accepted or rejected (or map it under data.values.decision)", rowSkipped: false))
        }
        if map[.decision] == nil {
            if lead.status == .accepted { lead.decision = .accepted }
            if lead.status == .rejected { lead.decision = .rejected }
        }
        if let raw = text(.rejectionReason, pooled: true) {
            lead.rejectionReason = reasonIDs[raw.lowercased()] ?? raw
        }
        s.index[id] = s.leads.count
        s.leads.append(lead)
    }
}

/// Field positions of the canonical lead columns, resolved once per file (`nil` when absent).
struct LeadPositions {
    let positions: [Int?]

    subscript(column: LeadColumn) -> Int? { positions[column.ordinal] }
}

extension LeadColumn {
    /// The column's place in `allCases` (a jump table, no hashing: this runs for every cell).
    var ordinal: Int {
        switch self {
        case .leadID: return 0
        case .createdAt: return 1
        case .source: return 2
        case .owner: return 3
        case .company: return 4
        case .industry: return 5
        case .employees: return 6
        case .annualRevenue: return 7
        case .country: return 8
        case .title: return 9
        case .score: return 10
        case .mqlAt: return 11
        case .routedAt: return 12
        case .firstTouchAt: return 13
        case .status: return 14
        case .decision: return 15
        case .decisionAt: return 16
        case .rejectionReason: return 17
        case .sqlAt: return 18
        case .opportunityAt: return 19
        case .wonAt: return 20
        case .timeline: return 21
        case .useCase: return 22
        case .budget: return 23
        case .attemptCount: return 24
        case .contentEngaged: return 25
        }
    }
}
