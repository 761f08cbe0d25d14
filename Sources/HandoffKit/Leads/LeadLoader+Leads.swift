import Foundation

extension LeadLoader {
    /// Reads the leads of one span of the leads export.
    func readLeads(_ file: ReadFile, span: Range<Int>, firstLine: Int) throws -> LeadPart {
        var part = LeadPart()
        let map = LeadPositions(positions: file.header.positions)
        let expected = max(16, min(span.count, file.size) / 100)
        part.leads.reserveHuge(expected)
        part.ids.reserve(expected, bytesEach: 12)
        part.columns = Set(LeadColumn.allCases.filter { map[$0] != nil })
        let mapsSource = hasMapping("source")
        part.end = try forEachRow(file, span: span, firstLine: firstLine) { record in
            part.rows += 1
            readLead(record, map: map, file: file.path, mapsSource: mapsSource, &part)
        }
        return part
    }

    private func readLead(_ r: CSVReader.Record, map: LeadPositions, file: String, mapsSource: Bool, _ s: inout LeadPart) {
        func text(_ column: LeadColumn) -> TextRef {
            guard let i = map[column] else { return .empty }
            let raw = r.trimmedBytes(i)
            if raw.isEmpty { return .empty }
            if !r.isEscaped(i), Bytes.isASCII(raw) { return s.text(raw, self) }
            if blank(raw) { return .empty }
            guard let value = r.string(i) else {
                s.quality.record(DataIssue(file: file, line: r.line, column: column.rawValue, value: "(bytes)", reason: "not valid UTF-8 text", rowSkipped: false))
                return .empty
            }
            return s.text(value, self)
        }
        /// A text of a column whose values are nearly all distinct and that no rule groups by (company names):
        /// kept as its bytes, not interned.
        func unpooled(_ column: LeadColumn) -> TextRef {
            guard let i = map[column] else { return .empty }
            let raw = r.trimmedBytes(i)
            if raw.isEmpty || blank(raw) { return .empty }
            if !r.isEscaped(i), Bytes.isASCII(raw) { return s.unpooledText(raw, self) }
            guard let value = r.string(i) else {
                s.quality.record(DataIssue(file: file, line: r.line, column: column.rawValue, value: "(bytes)", reason: "not valid UTF-8 text", rowSkipped: false))
                return .empty
            }
            return s.unpooledText(value, self)
        }
        /// The cell as a string, for values that are not pooled (ids, numbers in words); nil when blank.
        func plain(_ column: LeadColumn) -> String? {
            guard let i = map[column] else { return nil }
            if blank(r.trimmedBytes(i)) { return nil }
            guard let value = r.string(i) else {
                s.quality.record(DataIssue(file: file, line: r.line, column: column.rawValue, value: "(bytes)", reason: "not valid UTF-8 text", rowSkipped: false))
                return nil
            }
            return value
        }
        let added: TextRef?
        if let i = map[.leadID], !r.isEscaped(i), case let raw = r.trimmedBytes(i), Bytes.isASCII(raw), !blank(raw) {
            added = s.ids.add(raw)
        } else if let value = plain(.leadID) {
            added = s.ids.add(value)
        } else {
            s.quality.record(DataIssue(file: file, line: r.line, column: "lead_id", value: "", reason: "no lead_id: the row cannot be tied to a lead", rowSkipped: true))
            return
        }
        guard let id = added else {
            s.quality.record(DataIssue(file: file, line: r.line, column: "lead_id", value: r.string(map[.leadID]!) ?? "", reason: "duplicate lead_id; the first row with this id is kept", rowSkipped: true))
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
            guard let raw = plain(column) else { return nil }
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
        let source = text(.source)
        lead.source = mapsSource && !source.isEmpty ? s.mapped(source, reason: false, { mapped("source", $0) }, self) : source
        lead.owner = text(.owner)
        lead.company = unpooled(.company)
        lead.industry = text(.industry)
        lead.country = text(.country)
        lead.title = text(.title)
        lead.timeline = text(.timeline)
        lead.useCase = text(.useCase)
        lead.budget = text(.budget)
        lead.contentEngaged = text(.contentEngaged)
        lead.employees = number(.employees)
        lead.annualRevenue = number(.annualRevenue)
        lead.score = number(.score)
        if let raw = plain(.attemptCount) {
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
        let reason = text(.rejectionReason)
        if !reason.isEmpty {
            lead.rejectionReason = s.mapped(reason, reason: true, { reasonIDs[$0.lowercased()] ?? $0 }, self)
        }
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
