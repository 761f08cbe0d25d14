import Foundation
internal import HandoffIO

extension LeadLoader {
    /// Reads the leads of one span of the leads export.
    func readLeads(_ file: ReadFile, span: Range<Int>, firstLine: Int) throws -> LeadPart {
        var part = LeadPart()
        let map = LeadPositions(positions: file.header.positions)
        let bytes = min(span.count, file.size)
        part.leads.reserveHuge(max(16, file.reservedBytes(span) / 100))
        // The id table's slots are zeroed when made, so they are sized from the rows' measured length (after the first
        // rows), not from a guess: too many would be memory written for nothing, too few a table rebuilt as it grows.
        // The first span's table takes in the later spans' ids when they are joined, so it is sized for the whole body
        // (else the join would build a larger table and hash every id of this span into it again).
        let sample = 4096
        let idBytes = min(file.reservedBytes(span), file.size)
        part.ids.reserve(min(sample, bytes / 16), bytesEach: 12)
        part.columns = Set(LeadColumn.allCases.filter { map[$0] != nil })
        let mapsSource = hasMapping("source")
        let decimalComma = file.dialect.decimalComma
        part.end = try forEachRow(file, span: span, firstLine: firstLine) { record in
            part.rows += 1
            if part.rows == sample {
                let perRow = max(1, (record.end - span.lowerBound) / sample)
                let rowsLeft = (idBytes - (record.end - span.lowerBound)) / perRow * 11 / 10
                part.ids.reserve(sample + rowsLeft, bytesEach: 12)
                // The texts grow with the rows too (company names are one entry a row): room for what the first rows
                // took, scaled, so the table does not grow by copying.
                part.texts.reserveAppended(
                    part.texts.count + part.texts.count * rowsLeft / sample,
                    bytes: part.texts.byteCount + part.texts.byteCount * rowsLeft / sample)
            }
            readLead(
                record, map: map, file: file.path, times: file.timestamps, decimalComma: decimalComma,
                mapsSource: mapsSource, &part)
        }
        noteValuesSeen(&part)
        return part
    }

    /// The raw values of the mapped columns this span held (each distinct value was looked up once).
    private func noteValuesSeen(_ part: inout LeadPart) {
        if hasMapping("status") { part.quality.valuesSeen["status", default: []].formUnion(part.statuses.rawValues) }
        if hasMapping("decision") {
            part.quality.valuesSeen["decision", default: []].formUnion(part.decisions.rawValues)
        }
        for (column, reason) in [("source", false), ("rejection_reason", true)] where settings.values[column] != nil {
            part.quality.valuesSeen[column, default: []].formUnion(
                part.mappedTexts(reason: reason).map { $0.lowercased() })
        }
    }

    /// One lead from one row: its id (or the row is skipped), then its times, texts, numbers and decision.
    private func readLead(
        _ r: CSVReader.Record, map: LeadPositions, file: String, times: [TimestampParser?], decimalComma: Bool,
        mapsSource: Bool,
        _ s: inout LeadPart
    ) {
        let row = LeadRow(record: r, map: map, file: file, loader: self, times: times, decimalComma: decimalComma)
        guard let id = row.leadID(&s) else { return }
        var lead = Lead(id: id)
        readTimes(row, into: &lead, &s)
        readTexts(row, mapsSource: mapsSource, into: &lead, &s)
        readNumbers(row, into: &lead, &s)
        readDecision(row, into: &lead, &s)
        s.leads.append(lead)
    }

    private func readTimes(_ row: LeadRow, into lead: inout Lead, _ s: inout LeadPart) {
        lead.createdAt = row.time(.createdAt, &s)
        lead.mqlAt = row.time(.mqlAt, &s)
        lead.routedAt = row.time(.routedAt, &s)
        lead.firstTouchAt = row.time(.firstTouchAt, &s)
        lead.decisionAt = row.time(.decisionAt, &s)
        lead.sqlAt = row.time(.sqlAt, &s)
        lead.opportunityAt = row.time(.opportunityAt, &s)
        lead.wonAt = row.time(.wonAt, &s)
    }

    private func readTexts(_ row: LeadRow, mapsSource: Bool, into lead: inout Lead, _ s: inout LeadPart) {
        let source = row.text(.source, &s)
        lead.source =
            mapsSource && !source.isEmpty ? s.mapped(source, reason: false, { mapped("source", $0) }, self) : source
        lead.owner = row.text(.owner, &s)
        lead.company = row.unpooled(.company, &s)
        lead.industry = row.text(.industry, &s)
        lead.country = row.text(.country, &s)
        lead.title = row.text(.title, &s)
        lead.timeline = row.text(.timeline, &s)
        lead.useCase = row.text(.useCase, &s)
        lead.budget = row.text(.budget, &s)
        lead.contentEngaged = row.text(.contentEngaged, &s)
    }

    private func readNumbers(_ row: LeadRow, into lead: inout Lead, _ s: inout LeadPart) {
        lead.employees = row.number(.employees, &s)
        lead.annualRevenue = row.number(.annualRevenue, &s)
        lead.score = row.number(.score, &s)
        if let raw = row.plain(.attemptCount, &s) {
            switch ExportNumber.parse(raw, decimalComma: row.decimalComma) {
            case .success(let v) where v == v.rounded(.towardZero):
                if let n = Int(exactly: v) {
                    lead.attemptCountColumn = n
                } else {
                    row.issue("attempt_count", raw, "not a whole number", &s)
                }
            case .success:
                row.issue("attempt_count", raw, "not a whole number", &s)
            case .failure(let problem):
                row.issue("attempt_count", raw, problem == .notANumber ? "not a whole number" : problem.reason, &s)
            }
        }
    }

    /// Status, decision (from the status when there is no decision column) and rejection reason.
    private func readDecision(_ row: LeadRow, into lead: inout Lead, _ s: inout LeadPart) {
        let status = row.choice(.status, &s.statuses)
        lead.status = status.value
        if let raw = status.unknown {
            s.quality.unmapped["status", default: [:]][raw.lowercased(), default: 0] += 1
            row.issue(
                "status", raw,
                "unknown status; map it under data.values.status to one of \(LeadStatus.allCases.map(\.rawValue).joined(separator: ", "))",
                &s)
        }
        let decision = row.choice(.decision, &s.decisions)
        lead.decision = decision.value
        if let raw = decision.unknown {
            s.quality.unmapped["decision", default: [:]][raw.lowercased(), default: 0] += 1
            row.issue(
                "decision", raw,
                "unknown decision; expected accepted or rejected (or map it under data.values.decision)", &s)
        }
        if row.map[.decision] == nil {
            if lead.status == .accepted { lead.decision = .accepted }
            if lead.status == .rejected { lead.decision = .rejected }
        }
        let reason = row.text(.rejectionReason, &s)
        if !reason.isEmpty {
            lead.rejectionReason = s.mapped(reason, reason: true, { reasonIDs[$0.lowercased()] ?? $0 }, self)
        }
    }
}

/// One row of the leads export, read cell by cell by canonical column; a cell that cannot be read is blank and
/// recorded as a data issue.
private struct LeadRow {
    let record: CSVReader.Record
    let map: LeadPositions
    let file: String
    let loader: LeadLoader
    /// Each column's timestamp parser, by `LeadColumn.caseOrdinal` (the layout declared or detected for this file).
    let times: [TimestampParser?]
    /// True when numbers are written with a decimal comma (the file is delimited by `;`).
    let decimalComma: Bool

    func issue(_ column: String, _ value: String, _ reason: String, skipped: Bool = false, _ s: inout LeadPart) {
        s.quality.record(
            DataIssue(file: file, line: record.line, column: column, value: value, reason: reason, rowSkipped: skipped))
    }

    /// The lead's id, pooled; nil (and the row skipped) when it is missing or a duplicate.
    func leadID(_ s: inout LeadPart) -> TextRef? {
        let added: TextRef?
        if let i = map[.leadID], !record.isEscaped(i), case let raw = record.trimmedBytes(i), raw.isASCII,
            !loader.blank(raw)
        {
            added = s.ids.add(raw)
        } else if let value = plain(.leadID, &s) {
            added = s.ids.add(value)
        } else {
            issue("lead_id", "", "no lead_id: the row cannot be tied to a lead", skipped: true, &s)
            return nil
        }
        guard let id = added else {
            let value = map[.leadID].flatMap { record.string($0) } ?? ""
            issue("lead_id", value, "duplicate lead_id; the first row with this id is kept", skipped: true, &s)
            return nil
        }
        return id
    }

    /// The cell as pooled text; empty when blank.
    func text(_ column: LeadColumn, _ s: inout LeadPart) -> TextRef {
        guard let i = map[column] else { return .empty }
        let raw = record.trimmedBytes(i)
        if raw.isEmpty { return .empty }
        if !record.isEscaped(i), raw.isASCII { return s.text(raw, loader) }
        if loader.blank(raw) { return .empty }
        guard let value = record.string(i) else {
            issue(column.rawValue, "(bytes)", "not valid UTF-8 text", &s)
            return .empty
        }
        return s.text(value, loader)
    }

    /// A text of a column whose values are nearly all distinct and that no rule groups by (company names):
    /// kept as its bytes, not interned.
    func unpooled(_ column: LeadColumn, _ s: inout LeadPart) -> TextRef {
        guard let i = map[column] else { return .empty }
        let raw = record.trimmedBytes(i)
        if raw.isEmpty || loader.blank(raw) { return .empty }
        if !record.isEscaped(i), raw.isASCII { return s.unpooledText(raw, loader) }
        guard let value = record.string(i) else {
            issue(column.rawValue, "(bytes)", "not valid UTF-8 text", &s)
            return .empty
        }
        return s.unpooledText(value, loader)
    }

    /// The cell as a string, for values that are not pooled (ids, numbers in words); nil when blank.
    func plain(_ column: LeadColumn, _ s: inout LeadPart) -> String? {
        guard let i = map[column] else { return nil }
        if loader.blank(record.trimmedBytes(i)) { return nil }
        guard let value = record.string(i) else {
            issue(column.rawValue, "(bytes)", "not valid UTF-8 text", &s)
            return nil
        }
        return value
    }

    func time(_ column: LeadColumn, _ s: inout LeadPart) -> Int64? {
        guard let i = map[column] else { return nil }
        let raw = record.trimmedBytes(i)
        if raw.isEmpty { return nil }
        // The common export layout first, before any column's parser is looked up (the hot path of ISO exports).
        if let t = TimestampParser.isoUTC(raw) {
            s.saw(t)
            return t
        }
        let parser = times[column.caseOrdinal] ?? loader.timestamps
        if parser.patterns.isEmpty {
            if let t = parser.parse(raw) {
                s.saw(t)
                return t
            }
        } else if let (t, local) = parser.parseNoting(raw) {
            if local != .normal { s.quality.noteLocalTime(local, file: file, column: column.rawValue) }
            s.saw(t)
            return t
        }
        if loader.blank(raw) { return nil }
        issue(
            column.rawValue, record.string(i) ?? "",
            parser.patterns.isEmpty
                ? "not a date/time this reader understands (set data.date_formats for ambiguous layouts)"
                : "not a date/time in the column's layout (\(parser.layoutDescription))", &s)
        return nil
    }

    /// A number as exports write it (`ExportNumber`); plain decimals straight from the bytes.
    func number(_ column: LeadColumn, _ s: inout LeadPart) -> Double? {
        if !decimalComma, let i = map[column], let v = record.trimmedBytes(i).plainNumber { return v }
        guard let raw = plain(column, &s) else { return nil }
        switch ExportNumber.parse(raw, decimalComma: decimalComma) {
        case .success(let v): return v
        case .failure(let problem):
            issue(column.rawValue, raw, problem.reason, &s)
            return nil
        }
    }

    /// A status or decision through the mapping; the raw text when it maps to nothing known.
    func choice<T: RawRepresentable>(_ column: LeadColumn, _ cache: inout ValueCache<T>) -> (
        value: T?, unknown: String?
    ) where T.RawValue == String {
        guard let i = map[column] else { return (nil, nil) }
        let bytes = record.trimmedBytes(i)
        if loader.blank(bytes) { return (nil, nil) }
        let value = cache.value(
            for: bytes, make: { T(rawValue: loader.mapped(column.rawValue, record.string(i) ?? "").lowercased()) })
        return (value, value == nil ? record.string(i) ?? "" : nil)
    }
}

/// Field positions of the canonical lead columns, resolved once per file (`nil` when absent).
struct LeadPositions {
    let positions: [Int?]

    subscript(column: LeadColumn) -> Int? { positions[column.caseOrdinal] }
}
