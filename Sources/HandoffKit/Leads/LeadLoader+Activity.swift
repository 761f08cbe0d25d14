internal import HandoffIO

extension LeadLoader {
    /// Parses one span of the activities export, each run's lead found in `leads`: each row's time and kind, a code into the
    /// span's type names (as mapped by `data.values.activity_type` and lowercased; blank is "") and, when the file has
    /// an owner column, the owners beside them (a code stands for one type and owner).
    func detachActivities(_ file: ReadFile, span: Range<Int>, firstLine: Int, leads: LeadIndex) throws -> DetachedRows {
        var out = DetachedRows()
        var finder = LeadFinder(leads)
        out.reserve(rows: file.reservedBytes(span) / 40)
        var types: [(raw: [UInt8], code: UInt16)] = []
        var owners = TextTable(), kinds: [Kind: UInt16] = [:]
        let columns = file.header.positions
        let ownerColumn = columns[4]
        let fixedType = file.settings?.type
        let times = file.timestamps[1] ?? timestamps
        let path = file.path
        out.end = try forEachRow(file, span: span, firstLine: firstLine) { r in
            out.rows += 1
            guard let idColumn = columns[0],
                let at = instant(r, columns[1], column: "at", file: path, parser: times, &out)
            else { return }
            let idBytes = r.trimmedBytes(idColumn)
            let plain = !r.isEscaped(idColumn) && idBytes.isASCII
            guard !blank(idBytes), plain || r.string(idColumn) != nil else {
                out.issues.append(
                    DataIssue(
                        file: path, line: r.line, column: "lead_id", value: "",
                        reason: "no lead_id: the row cannot be tied to a lead", rowSkipped: true))
                return
            }
            // A file of one type (`data.files: [{path: calls.csv, type: call}]`) needs no type column.
            let raw = fixedType == nil ? columns[2].map { r.trimmedBytes($0) } ?? .empty : .empty
            var code: UInt16
            if let known = types.first(where: { raw.equals($0.raw) }) {
                code = known.code
            } else {
                let text = blank(raw) ? "" : columns[2].flatMap { r.string($0) } ?? ""
                if fixedType == nil, !text.isEmpty { out.rawValues.insert(text.lowercased()) }
                let type =
                    fixedType ?? (text.isEmpty ? "" : mapped("activity_type", text, file: file.settings).lowercased())
                if let existing = out.actions.firstIndex(of: type) {
                    code = UInt16(truncatingIfNeeded: existing)
                } else {
                    code = UInt16(truncatingIfNeeded: out.actions.count)
                    out.actions.append(type)
                }
                if types.count < 256 { types.append((Array(raw), code)) }
            }
            if let ownerColumn {
                code = ownedKind(code, r, ownerColumn, &owners, &kinds, &out)
            }
            appendRow(&out, r, idColumn: idColumn, idBytes: idBytes, plain: plain, at: at, code: code, &finder, path)
        }
        return out
    }

    /// A type code and an owner, as one kind of activity.
    private struct Kind: Hashable {
        var type: UInt16
        var owner: Int32
    }

    /// The code of the row's type (`typeCode`, a code among the types) done by the row's owner: codes stand for a type
    /// and an owner once the file has an owner column (`DetachedRows.code(action:owner:)`).
    private func ownedKind(
        _ typeCode: UInt16, _ r: CSVReader.Record, _ column: Int, _ owners: inout TextTable,
        _ kinds: inout [Kind: UInt16],
        _ out: inout DetachedRows
    ) -> UInt16 {
        let raw = r.trimmedBytes(column)
        var owner = TextRef.empty
        if !blank(raw) {
            if !r.isEscaped(column), raw.isASCII {
                owner = owners.intern(raw)
            } else if let text = r.string(column) {
                owner = owners.intern(text)
            }
        }
        let key = Kind(type: typeCode, owner: owner.raw)
        if let known = kinds[key] { return known }
        let code = out.code(action: out.actions[Int(typeCode)], owner: owner.isEmpty ? "" : owners[owner])
        kinds[key] = code
        return code
    }

    /// Parses one span of the engagement export, each run's lead found in `leads`.
    func detachEngagement(_ file: ReadFile, span: Range<Int>, firstLine: Int, leads: LeadIndex) throws -> DetachedRows {
        var out = DetachedRows()
        var finder = LeadFinder(leads)
        out.reserve(rows: file.reservedBytes(span) / 36)
        var seen: [(raw: [UInt8], code: UInt16)] = []
        var actionIndex: [String: UInt16] = [:]
        let columns = file.header.positions
        let times = file.timestamps[1] ?? timestamps
        let path = file.path
        out.end = try forEachRow(file, span: span, firstLine: firstLine) { r in
            out.rows += 1
            guard let idColumn = columns[0], let actionColumn = columns[2] else { return }
            let idBytes = r.trimmedBytes(idColumn)
            let plain = !r.isEscaped(idColumn) && idBytes.isASCII
            guard !blank(idBytes), plain || r.string(idColumn) != nil else {
                out.issues.append(
                    DataIssue(
                        file: path, line: r.line, column: "lead_id", value: "",
                        reason: "no lead_id: the row cannot be tied to a lead", rowSkipped: true))
                return
            }
            guard let at = instant(r, columns[1], column: "at", file: path, parser: times, &out) else { return }
            let raw = r.trimmedBytes(actionColumn)
            let code: UInt16
            if let known = seen.first(where: { raw.equals($0.raw) }) {
                code = known.code
            } else {
                guard !blank(raw), let text = r.string(actionColumn) else {
                    out.issues.append(
                        DataIssue(
                            file: path, line: r.line, column: "action", value: r.string(actionColumn) ?? "",
                            reason: "no action", rowSkipped: true))
                    return
                }
                out.rawValues.insert(text.lowercased())
                let action = mapped("action", text, file: file.settings).lowercased()
                if let existing = actionIndex[action] {
                    code = existing
                } else {
                    code = UInt16(truncatingIfNeeded: out.actions.count)
                    out.actions.append(action)
                    actionIndex[action] = code
                }
                if seen.count < 1024 { seen.append((Array(raw), code)) }
            }
            appendRow(&out, r, idColumn: idColumn, idBytes: idBytes, plain: plain, at: at, code: code, &finder, path)
        }
        return out
    }

    /// Adds a parsed row; an id that is not plain ASCII bytes (escaped quotes, other scripts) is looked up as its text.
    /// A row whose id no lead has is reported here, in line order with the parse issues.
    private func appendRow(
        _ out: inout DetachedRows, _ r: CSVReader.Record, idColumn: Int, idBytes: ByteView,
        plain: Bool, at: Int64, code: UInt16, _ finder: inout LeadFinder, _ path: String
    ) {
        let known =
            plain
            ? out.append(id: idBytes, at: at, code: code, finder: &finder)
            : ByteView.with(r.string(idColumn) ?? "") { out.append(id: $0, at: at, code: code, finder: &finder) }
        guard !known else { return }
        let id = plain ? String(decoding: idBytes, as: UTF8.self) : r.string(idColumn) ?? ""
        out.issues.append(
            DataIssue(
                file: path, line: r.line, column: "lead_id", value: id,
                reason: "no lead with this id in the leads export", rowSkipped: true))
    }

    /// One file's rows and its path.
    typealias FileRows = (rows: DetachedRows, path: String)

    /// Ties detached activity rows (of every activities file) to their leads: every activity (type and time), grouped
    /// by lead. Which of them count as a touch or an attempt, and up to when, is the evaluation's business.
    func attachActivities(_ files: inout [FileRows], _ s: inout LeadPart) {
        (s.activities, s.activityTypes, s.activityOwners) = group(&files, &s, activities: true)
        s.columns.insert(.firstTouchAt)
        s.columns.insert(.attemptCount)
    }

    /// Ties detached engagement rows (of every engagement file) to their leads.
    func attachEngagement(_ files: inout [FileRows], _ s: inout LeadPart) {
        (s.events, s.actions, _) = group(&files, &s, activities: false)
    }

    /// One flat array of the rows of every file grouped by lead (a counting sort, so exports in any row order work),
    /// time-ordered within each lead; each lead's slice is recorded in its `activityStart` and `activityCount`
    /// (`activities`) or `eventStart` and `eventCount`. Also the action names the events' codes index (each file's
    /// codes are translated into one list).
    private func group(_ files: inout [FileRows], _ s: inout LeadPart, activities: Bool)
        -> ([EngagementEvent], [String], [String])
    {
        let column = activities ? "activity_type" : "action"
        // Rows per lead, counted in a plain array (a key-path write into a lead per run costs more than the count).
        var counts = [Int32](repeating: 0, count: s.leads.count)
        for file in files {
            s.quality.valuesSeen[column, default: []].formUnion(file.rows.rawValues)
            attach(file.rows, path: file.path, &s) { lead, range in counts[lead] += Int32(range.count) }
        }
        // Several files of a role are grouped as one: the later files' rows appended, their codes translated.
        var rows = moveOut(&files[0].rows, leaving: DetachedRows())
        for f in files.indices.dropFirst() {
            var next = moveOut(&files[f].rows, leaving: DetachedRows())
            next.issues = [] // reported above, with their own file
            rows.absorb(next, lineOffset: 0)
        }
        let runLeads = rows.runLeads
        // Usually the export lists leads in the leads file's order, each lead's rows together: its rows (less those of
        // unknown leads) are then the events as they are. Otherwise a counting sort groups them by lead.
        var inOrder = true, allKnown = true
        var previous: Int32 = -1
        for lead in runLeads {
            if lead < 0 {
                allKnown = false
                continue
            }
            if lead <= previous {
                inOrder = false
                break
            }
            previous = lead
        }
        var next: Int32 = 0
        var starts = [Int32](repeating: 0, count: s.leads.count)
        for i in s.leads.indices {
            starts[i] = next
            if activities {
                s.leads[i].activityStart = next
                s.leads[i].activityCount = counts[i]
            } else {
                s.leads[i].eventStart = next
                s.leads[i].eventCount = counts[i]
            }
            next += counts[i]
        }
        var events = [EngagementEvent]()
        if inOrder && allKnown {
            events = moveOut(&rows.events, leaving: [])
        } else if inOrder {
            events.reserveCapacity(Int(next))
            for k in 0..<rows.runCount where runLeads[k] >= 0 {
                events.append(contentsOf: rows.events[rows.range(ofRun: k)])
            }
        } else {
            events = Grouping.scatter(
                rows.events, runOwners: runLeads, runStarts: rows.runStarts, starts: starts, total: Int(next),
                cores: cores, blank: EngagementEvent(action: 0, at: 0))
        }
        // Time order within each lead (exports are usually in order already: only checked then). Leads' events do
        // not overlap, so parts of the leads are sorted on all cores.
        let (first, length) = (starts, counts)
        Grouping.sortSegments(
            &events, count: first.count, cores: cores,
            segment: { Int(first[$0])..<Int(first[$0] + length[$0]) }, key: \.at)
        return (events, rows.actions, rows.owners)
    }

    /// Counts each known run of `rows` (`applyRun` with its lead and rows) and records the file's issues: its parse
    /// issues and its rows of unknown leads, in line order.
    private func attach(
        _ rows: DetachedRows, path: String, _ s: inout LeadPart, _ applyRun: (Int, Range<Int>) -> Void
    ) {
        for k in 0..<rows.runCount where rows.runLeads[k] >= 0 {
            applyRun(Int(rows.runLeads[k]), rows.range(ofRun: k))
        }
        for issue in rows.issues { s.quality.record(issue) }
        s.quality.rowsRead[path] = rows.rows
        if !rows.localTimes.isEmpty {
            s.quality.localTimes[path, default: [:]]["at", default: LocalTimeCounts()].add(rows.localTimes)
        }
    }

    private func instant(
        _ r: CSVReader.Record, _ column: Int?, column name: String, file: String, parser: TimestampParser,
        _ out: inout DetachedRows
    ) -> Int64? {
        guard let column, !r.isBlank(column) else {
            out.issues.append(
                DataIssue(file: file, line: r.line, column: name, value: "", reason: "no timestamp", rowSkipped: true))
            return nil
        }
        if parser.patterns.isEmpty {
            if let t = parser.parse(r.trimmedBytes(column)) { return t }
        } else if let (t, local) = parser.parseNoting(r.trimmedBytes(column)) {
            if local != .normal { out.localTimes.note(local) }
            return t
        }
        out.issues.append(
            DataIssue(
                file: file, line: r.line, column: name, value: r.string(column) ?? "",
                reason: parser.patterns.isEmpty
                    ? "not a date/time this reader understands"
                    : "not a date/time in the column's layout (\(parser.layoutDescription))", rowSkipped: true))
        return nil
    }
}
