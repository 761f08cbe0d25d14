extension LeadLoader {
    func readActivities(_ path: String, _ s: inout LoadState) throws {
        let wanted = ["activity_lead_id", "activity_at", "activity_type", "activity_outcome"]
        var state = s
        var rows = 0
        let preamble = try withHeader(path, wanted: wanted, required: ["activity_lead_id", "activity_at"], what: "the activities export") { map, r in
            rows += 1
            guard let lead = leadIndex(r, map["activity_lead_id"], file: path, &state) else { return }
            guard let at = instant(r, map["activity_at"], column: "at", file: path, &state) else { return }
            var type = ""
            if let i = map["activity_type"], let raw = r.string(i), !blank(raw) { type = mapped("activity_type", raw).lowercased() }
            let start = state.leads[lead].handoffAt ?? Int64.min
            if at >= start, touchTypes.isEmpty ? !["note", "task"].contains(type) : touchTypes.contains(type) {
                if at < state.leads[lead].firstActivityAt ?? .max { state.leads[lead].firstActivityAt = at }
            }
            if attemptTypes.isEmpty ? !["note", "task"].contains(type) : attemptTypes.contains(type) {
                state.leads[lead].attempts += 1
            }
        }
        if preamble > 0 { state.quality.preambleRows[path] = preamble }
        state.quality.rowsRead[path] = rows
        state.columns.insert(.firstTouchAt)
        state.columns.insert(.attemptCount)
        s = state
    }

    func readEngagement(_ path: String, _ s: inout LoadState) throws {
        let wanted = ["engagement_lead_id", "engagement_at", "engagement_action"]
        var state = s
        var rows = 0
        let preamble = try withHeader(path, wanted: wanted, required: ["engagement_lead_id", "engagement_at", "engagement_action"], what: "the engagement export") { map, r in
            rows += 1
            guard let lead = leadIndex(r, map["engagement_lead_id"], file: path, &state) else { return }
            guard let at = instant(r, map["engagement_at"], column: "at", file: path, &state) else { return }
            guard let i = map["engagement_action"], let raw = r.string(i), !blank(raw) else {
                state.quality.record(DataIssue(file: path, line: r.line, column: "action", value: "", reason: "no action", rowSkipped: true))
                return
            }
            let action = mapped("action", raw).lowercased()
            let code: UInt16
            if let known = state.actionIndex[action] {
                code = known
            } else {
                code = UInt16(truncatingIfNeeded: state.actions.count)
                state.actions.append(action)
                state.actionIndex[action] = code
            }
            state.leads[lead].events.append(EngagementEvent(action: code, at: at))
        }
        if preamble > 0 { state.quality.preambleRows[path] = preamble }
        state.quality.rowsRead[path] = rows
        s = state
    }

    private func leadIndex(_ r: CSVReader.Record, _ column: Int?, file: String, _ s: inout LoadState) -> Int? {
        guard let column, let id = r.string(column), !blank(id) else {
            s.quality.record(DataIssue(file: file, line: r.line, column: "lead_id", value: "", reason: "no lead_id: the row cannot be tied to a lead", rowSkipped: true))
            return nil
        }
        guard let index = s.index[id] else {
            s.quality.record(DataIssue(file: file, line: r.line, column: "lead_id", value: id, reason: "no lead with this id in the leads export", rowSkipped: true))
            return nil
        }
        return index
    }

    private func instant(_ r: CSVReader.Record, _ column: Int?, column name: String, file: String, _ s: inout LoadState) -> Int64? {
        guard let column, !r.isBlank(column) else {
            s.quality.record(DataIssue(file: file, line: r.line, column: name, value: "", reason: "no timestamp", rowSkipped: true))
            return nil
        }
        if let t = timestamps.parse(UnsafeBufferPointer(rebasing: r.trimmed(r.bytes(column)))) {
            s.saw(t)
            return t
        }
        s.quality.record(DataIssue(file: file, line: r.line, column: name, value: r.string(column) ?? "", reason: "not a date/time this reader understands", rowSkipped: true))
        return nil
    }
}
