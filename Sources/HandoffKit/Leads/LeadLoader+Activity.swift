extension LeadLoader {
    func readActivities(_ path: String, _ s: inout LoadState) throws {
        let wanted = ["activity_lead_id", "activity_at", "activity_type", "activity_outcome"]
        var rows = 0
        /// Activity types seen so far, as raw bytes, with whether they count as a touch and as an attempt.
        var types: [(raw: [UInt8], touch: Bool, attempt: Bool)] = []
        let preamble = try withHeader(path, wanted: wanted, required: ["activity_lead_id", "activity_at"], what: "the activities export") { map, r in
            rows += 1
            guard let lead = leadIndex(r, map["activity_lead_id"], file: path, &s) else { return }
            guard let at = instant(r, map["activity_at"], column: "at", file: path, &s) else { return }
            var kind = (touch: true, attempt: true)
            if let i = map["activity_type"] {
                let raw = r.trimmedBytes(i)
                if let known = types.first(where: { Bytes.equal($0.raw, raw) }) {
                    kind = (known.touch, known.attempt)
                } else {
                    let type = blank(raw) ? "" : mapped("activity_type", r.string(i) ?? "").lowercased()
                    kind = (touchTypes.isEmpty ? !["note", "task"].contains(type) : touchTypes.contains(type),
                            attemptTypes.isEmpty ? !["note", "task"].contains(type) : attemptTypes.contains(type))
                    if types.count < 256 { types.append((Array(raw), kind.touch, kind.attempt)) }
                }
            }
            if kind.touch, at >= s.leads[lead].handoffAt ?? Int64.min, at < s.leads[lead].firstActivityAt ?? .max {
                s.leads[lead].firstActivityAt = at
            }
            if kind.attempt { s.leads[lead].attempts += 1 }
        }
        if preamble > 0 { s.quality.preambleRows[path] = preamble }
        s.quality.rowsRead[path] = rows
        s.columns.insert(.firstTouchAt)
        s.columns.insert(.attemptCount)
    }

    func readEngagement(_ path: String, _ s: inout LoadState) throws {
        let wanted = ["engagement_lead_id", "engagement_at", "engagement_action"]
        var rows = 0
        /// Actions seen so far, as raw bytes, with their code in the ledger's action list.
        var seen: [(raw: [UInt8], code: UInt16)] = []
        let preamble = try withHeader(path, wanted: wanted, required: ["engagement_lead_id", "engagement_at", "engagement_action"], what: "the engagement export") { map, r in
            rows += 1
            guard let lead = leadIndex(r, map["engagement_lead_id"], file: path, &s) else { return }
            guard let at = instant(r, map["engagement_at"], column: "at", file: path, &s) else { return }
            guard let i = map["engagement_action"] else { return }
            let raw = r.trimmedBytes(i)
            let code: UInt16
            if let known = seen.first(where: { Bytes.equal($0.raw, raw) }) {
                code = known.code
            } else {
                guard !blank(raw), let text = r.string(i) else {
                    s.quality.record(DataIssue(file: path, line: r.line, column: "action", value: r.string(i) ?? "", reason: "no action", rowSkipped: true))
                    return
                }
                let action = mapped("action", text).lowercased()
                if let existing = s.actionIndex[action] {
                    code = existing
                } else {
                    code = UInt16(truncatingIfNeeded: s.actions.count)
                    s.actions.append(action)
                    s.actionIndex[action] = code
                }
                if seen.count < 1024 { seen.append((Array(raw), code)) }
            }
            s.leads[lead].events.append(EngagementEvent(action: code, at: at))
        }
        if preamble > 0 { s.quality.preambleRows[path] = preamble }
        s.quality.rowsRead[path] = rows
    }

    /// The lead a row belongs to; consecutive rows of the same lead (exports are usually grouped) skip the lookup.
    private func leadIndex(_ r: CSVReader.Record, _ column: Int?, file: String, _ s: inout LoadState) -> Int? {
        guard let column else { return nil }
        let raw = r.trimmedBytes(column)
        if let last = s.lastIndex, Bytes.equal(s.lastID, raw) { return last }
        guard !blank(raw), let id = r.string(column) else {
            s.quality.record(DataIssue(file: file, line: r.line, column: "lead_id", value: "", reason: "no lead_id: the row cannot be tied to a lead", rowSkipped: true))
            return nil
        }
        guard let index = s.index[id] else {
            s.quality.record(DataIssue(file: file, line: r.line, column: "lead_id", value: id, reason: "no lead with this id in the leads export", rowSkipped: true))
            return nil
        }
        s.lastID = Array(raw)
        s.lastIndex = index
        return index
    }

    private func instant(_ r: CSVReader.Record, _ column: Int?, column name: String, file: String, _ s: inout LoadState) -> Int64? {
        guard let column, !r.isBlank(column) else {
            s.quality.record(DataIssue(file: file, line: r.line, column: name, value: "", reason: "no timestamp", rowSkipped: true))
            return nil
        }
        if let t = timestamps.parse(r.trimmedBytes(column)) {
            s.saw(t)
            return t
        }
        s.quality.record(DataIssue(file: file, line: r.line, column: name, value: r.string(column) ?? "", reason: "not a date/time this reader understands", rowSkipped: true))
        return nil
    }
}
