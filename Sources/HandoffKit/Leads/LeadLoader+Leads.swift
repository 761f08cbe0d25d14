extension LeadLoader {
    func readLeads(_ path: String, _ s: inout LoadState) throws {
        let wanted = LeadColumn.allNames
        var rows = 0
        let preamble = try withHeader(path, wanted: wanted, required: ["lead_id"], what: "the leads export") { map, record in
            rows += 1
            readLead(record, map: map, file: path, &s)
        }
        if preamble > 0 { s.quality.preambleRows[path] = preamble }
        s.quality.rowsRead[path] = rows
    }

    private func readLead(_ r: CSVReader.Record, map: HeaderMap, file: String, _ s: inout LoadState) {
        if s.columns.isEmpty {
            s.columns = Set(LeadColumn.allCases.filter { map[$0.rawValue] != nil })
        }
        func text(_ column: LeadColumn) -> String? {
            guard let i = map[column.rawValue] else { return nil }
            guard let value = r.string(i) else {
                s.quality.record(DataIssue(file: file, line: r.line, column: column.rawValue, value: "(bytes)", reason: "not valid UTF-8 text", rowSkipped: false))
                return nil
            }
            return blank(value) ? nil : value
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
            guard let i = map[column.rawValue], !r.isBlank(i) else { return nil }
            if let t = timestamps.parse(UnsafeBufferPointer(rebasing: r.trimmed(r.bytes(i)))) {
                s.saw(t)
                return t
            }
            let raw = r.string(i) ?? ""
            if blank(raw) { return nil }
            s.quality.record(DataIssue(file: file, line: r.line, column: column.rawValue, value: raw, reason: "not a date/time this reader understands (set data.date_formats for ambiguous layouts)", rowSkipped: false))
            return nil
        }
        func number(_ column: LeadColumn) -> Double? {
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
        lead.source = text(.source).map { mapped("source", $0) } ?? ""
        lead.owner = text(.owner) ?? ""
        lead.company = text(.company) ?? ""
        lead.industry = text(.industry) ?? ""
        lead.country = text(.country) ?? ""
        lead.title = text(.title) ?? ""
        lead.timeline = text(.timeline) ?? ""
        lead.useCase = text(.useCase) ?? ""
        lead.budget = text(.budget) ?? ""
        lead.contentEngaged = text(.contentEngaged) ?? ""
        lead.employees = number(.employees)
        lead.annualRevenue = number(.annualRevenue)
        lead.score = number(.score)
        if let raw = text(.attemptCount) {
            if let n = Int(raw) { lead.attemptCountColumn = n } else {
                s.quality.record(DataIssue(file: file, line: r.line, column: "attempt_count", value: raw, reason: "not a whole number", rowSkipped: false))
            }
        }
        if let raw = text(.status) {
            if let status = LeadStatus(rawValue: mapped("status", raw).lowercased()) {
                lead.status = status
            } else {
                s.quality.record(DataIssue(file: file, line: r.line, column: "status", value: raw, reason: "unknown status; map it under data.values.status to one of \(LeadStatus.allCases.map(\.rawValue).joined(separator: ", "))", rowSkipped: false))
            }
        }
        if let raw = text(.decision) {
            if let decision = Decision(rawValue: mapped("decision", raw).lowercased()) {
                lead.decision = decision
            } else {
                s.quality.record(DataIssue(file: file, line: r.line, column: "decision", value: raw, reason: "unknown decision; expected accepted or rejected (or map it under data.values.decision)", rowSkipped: false))
            }
        } else if map[LeadColumn.decision.rawValue] == nil {
            if lead.status == .accepted { lead.decision = .accepted }
            if lead.status == .rejected { lead.decision = .rejected }
        }
        if let raw = text(.rejectionReason) {
            lead.rejectionReason = reasonIDs[raw.lowercased()] ?? raw
        }
        s.index[id] = s.leads.count
        s.leads.append(lead)
    }
}
