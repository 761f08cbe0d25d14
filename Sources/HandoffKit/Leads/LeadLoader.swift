import Foundation
internal import HandoffIO

/// Reads the leads, activities and engagement exports into a `LeadLedger`.
final class LeadLoader: Sendable {
    let settings: DataSettings
    let preset: ColumnPreset
    let timestamps: TimestampParser
    /// Values that mean blank (`Select`, `N/A`, …), as lowercase bytes, checked without building strings.
    let placeholderBytes: [[UInt8]]
    let placeholderMaxLength: Int
    /// Bit n set when some placeholder is n bytes long (most cells are ruled out by their length alone).
    let placeholderLengths: UInt64
    let reasonIDs: [String: String]
    /// How files are cut for reading on several cores: at most one span per core, none smaller than `minimumSpan` bytes.
    let cores: Int
    let minimumSpan: Int
    /// How several files share the cores (`.balanced`; tests cut every file).
    let planning: SpanPlanning

    /// The most columns a header row may have (CRMs export a few hundred at most).
    static let maximumColumns = 10_000

    static let builtInPlaceholders = [
        "select", "n/a", "na", "null", "none", "-", "--", "#n/a", "unknown", "(blank)", "not provided",
    ]

    /// A loader for an agreement's data settings. `cores` and `minimumSpan` decide how files are cut into spans read
    /// at once (the machine's cores, 8 MB) and `planning` how several files share them; tests cut small files, every
    /// one of them, to check that the spans join exactly.
    convenience init(
        agreement: Agreement, cores: Int? = nil, minimumSpan: Int = 8 << 20, planning: SpanPlanning = .balanced
    ) throws {
        try self.init(
            data: agreement.data, timeZone: agreement.businessHours.timeZone, reasons: agreement.rejectionReasons,
            cores: cores, minimumSpan: minimumSpan, planning: planning)
    }

    /// A loader for data settings only: `timeZone` reads timestamps without an offset when `data.time_zone` is not
    /// set, and `reasons` names the agreed rejection reasons an export's text maps to. No commitment is consulted.
    init(
        data: DataSettings, timeZone: String, reasons agreed: [RejectionReason], cores: Int? = nil,
        minimumSpan: Int = 8 << 20, planning: SpanPlanning = .balanced
    ) throws {
        self.cores = max(1, cores ?? ProcessInfo.processInfo.activeProcessorCount)
        self.minimumSpan = max(1, minimumSpan)
        self.planning = planning
        settings = data
        preset = ColumnPreset.named(settings.preset)
        let zoneName = settings.timeZone ?? timeZone
        guard let zone = ZoneRules(identifier: zoneName) else {
            throw HandoffError(.usage, "unknown time zone '\(zoneName)'")
        }
        timestamps = TimestampParser(
            zone: zone, preferred: settings.dateFormats.compactMap(TimestampParser.Layout.init(pattern:)))
        // A value the agreement maps explicitly (data.values: {unknown: open}) is a value, not a placeholder for blank.
        let mappedValues = Set(settings.values.values.flatMap(\.keys))
        placeholderBytes = Set(LeadLoader.builtInPlaceholders + settings.placeholders.map { $0.lowercased() })
            .subtracting(mappedValues)
            .sorted().map { Array($0.utf8) }
        placeholderMaxLength = placeholderBytes.map(\.count).max() ?? 0
        placeholderLengths = placeholderBytes.reduce(0) { $1.count < 64 ? $0 | 1 << UInt64($1.count) : $0 }
        var reasons: [String: String] = [:]
        for reason in agreed {
            reasons[reason.id.lowercased()] = reason.id
            reasons[reason.label.lowercased()] = reason.id
        }
        for (raw, id) in settings.values["rejection_reason"] ?? [:] { reasons[raw] = id }
        reasonIDs = reasons
    }

    /// Loads every file of `sources`. Throws `HandoffError(.badInput)` for a file that cannot be read at all.
    /// The ledger holds what the files say: no as-of cut and no commitment's policy (the evaluation applies both).
    ///
    /// The leads export is read first, then the activities and engagement (each row's lead found as it is read, so no
    /// id is kept): each file is cut into spans read at once on the machine's cores, then joined in file order, so every number, issue and line is what one front-to-back read gives. A cut that
    /// turns out not to be a record boundary (a quoted line break) has the span after it read again from the true
    /// boundary; a lead id repeated across spans, or an error in a span, has that file read again front to back.
    func load(_ sources: DataSources) throws -> LeadLedger {
        let clock = PhaseClock()
        let sources = try sources.resolved(with: settings)
        var files: [ReadFile] = []
        defer { files.forEach(Spool.remove) }
        files.append(try ReadFile(.leads, sources.leads, self, settings: sources.leadsSettings))
        for file in sources.activityFiles {
            files.append(try ReadFile(.activities, file.path, self, settings: file.settings))
        }
        for file in sources.engagementFiles {
            files.append(try ReadFile(.engagement, file.path, self, settings: file.settings))
        }
        // The leads first, on all cores; then the activities and engagement, each row's lead found as it is read.
        var leadsFile = [files[0]], sideFiles = Array(files.dropFirst())
        if planning == .balanced {
            try SpanPlan.balance(&leadsFile, cores: cores, minimumSpan: minimumSpan)
            try SpanPlan.balance(&sideFiles, cores: cores, minimumSpan: minimumSpan)
        }
        files = leadsFile + sideFiles
        clock.mark("open every file (dialect, header, UTF-8 check, spans)")
        var joined = try readAll(leadsFile, leads: nil)
        clock.mark("read the leads export (spans on all cores)")
        guard case .leads(var state) = moveOut(&joined[0], leaving: .rows(DetachedRows())) else {
            preconditionFailure("the leads file is read first")
        }
        var side = try readAll(sideFiles, leads: LeadIndex(state.ids))
        clock.mark("read the activities and engagement (spans on all cores)")
        state.quality.rowsRead[sources.leads] = state.rows
        for file in files where file.header.preamble > 0 {
            state.quality.preambleRows[file.path] = file.header.preamble
        }
        for file in files { state.quality.note(file) }
        let leadsLatest = state.latest == .min ? nil : state.latest
        tie(sideFiles, &side, to: &state)
        clock.mark("group activities and engagement by lead")
        if let deals = settings.deals, let path = sources.deals {
            try joinDeals(deals, path: path, leadsFile: files[0], &state)
            clock.mark("join the deals export")
        }
        var values = settings.values
        for file in sources.activityFiles + sources.engagementFiles {
            for (column, map) in file.settings?.values ?? [:] {
                values[column, default: [:]].merge(map) { old, _ in old }
            }
        }
        state.quality.mappingNotes = ValueMappingCheck.notes(
            state.quality, values: values,
            understood: ["rejection_reason": Set(reasonIDs.keys.map { $0.lowercased() })],
            counts: state.valueCounts(Set(values.keys)))
        state.texts.materialize()
        return LeadLedger(
            leads: state.leads, texts: state.texts, ids: state.ids, actions: state.actions, events: state.events,
            activityTypes: state.activityTypes, activityOwners: state.activityOwners, activities: state.activities,
            quality: state.quality,
            columns: state.columns,
            hasActivities: !sources.activityFiles.isEmpty, hasEngagement: !sources.engagementFiles.isEmpty,
            latestTimestamp: state.latest == .min ? nil : state.latest,
            earliestTimestamp: state.earliest == .max ? nil : state.earliest, leadsLatestTimestamp: leadsLatest,
            sources: sources)
    }

    /// Reads every span of every file on all cores (largest first), then joins each file's spans, the files at once.
    /// Parts are moved, never copied: each holds the only reference to its arrays, so joining appends in place.
    private func readAll(_ files: [ReadFile], leads: LeadIndex?) throws -> [ReadPart] {
        var jobs: [ReadJob] = []
        for (f, file) in files.enumerated() {
            for (k, span) in file.spans.enumerated() { jobs.append(ReadJob(file: f, part: k, span: span)) }
        }
        // Longest first, by estimated cost: the cores then finish together.
        jobs.sort {
            Double($0.span.count) * SpanPlan.weight(files[$0.file].kind)
                > Double($1.span.count) * SpanPlan.weight(files[$1.file].kind)
        }
        let queue = jobs
        let clock = PhaseClock()
        var results = Concurrently.map(queue.count) { [self] j in
            Result { try read(files[queue[j].file], span: queue[j].span, first: queue[j].part == 0, leads: leads) }
        }
        let what = files.first?.kind == .leads ? "leads" : "side files"
        clock.mark("  \(what): \(queue.count) spans read")
        defer { clock.mark("  \(what): spans joined") }
        var parts = files.map { _ in [Result<ReadPart, Error>]() }
        for j in jobs.indices.sorted(by: { jobs[$0].part < jobs[$1].part }) {
            parts[jobs[j].file].append(moveOut(&results[j], leaving: ReadPart.taken))
        }
        return try Concurrently.consume(&parts, leaving: []) { [self] f, mine in
            Result { try join(files[f], &mine, leads: leads) }
        }.map { try $0.get() }
    }

    /// Groups the activities and engagement rows (`side`, read from `files`) by lead, in file order.
    private func tie(_ files: [ReadFile], _ side: inout [ReadPart], to state: inout LeadPart) {
        for kind in [ExportKind.activities, .engagement] {
            var parts: [FileRows] = []
            for (f, file) in files.enumerated() where file.kind == kind {
                if case .rows(let rows) = moveOut(&side[f], leaving: .rows(DetachedRows())) {
                    parts.append((rows, file.path))
                }
            }
            guard !parts.isEmpty else { continue }
            for part in parts where part.rows.earliest <= part.rows.latest {
                state.saw(part.rows.earliest)
                state.saw(part.rows.latest)
            }
            if kind == .activities { attachActivities(&parts, &state) } else { attachEngagement(&parts, &state) }
        }
    }

    /// Reads one span of a file; the activities and engagement find their rows' leads in `leads`.
    private func read(_ file: ReadFile, span: Range<Int>, first: Bool, leads: LeadIndex?) throws -> ReadPart {
        let firstLine = first ? file.header.firstLine : 1
        switch (file.kind, leads) {
        case (.leads, _): return .leads(try readLeads(file, span: span, firstLine: firstLine))
        case (.activities, let leads?):
            return .rows(try detachActivities(file, span: span, firstLine: firstLine, leads: leads))
        case (.engagement, let leads?):
            return .rows(try detachEngagement(file, span: span, firstLine: firstLine, leads: leads))
        case (.activities, nil), (.engagement, nil): preconditionFailure("the leads are read before the other exports")
        case (.deals, _): return .rows(DetachedRows()) // read by joinDeals, never in spans
        }
    }

    /// Joins a file's spans in order. A lead id repeated across spans, or an error in any span, makes the file be read
    /// again in one piece (the first row of an id must win; an error must name its line).
    private func join(_ file: ReadFile, _ parts: inout [Result<ReadPart, Error>], leads: LeadIndex?) throws -> ReadPart
    {
        let whole = { [self] in try read(file, span: file.header.bodyStart..<file.bodyEnd, first: true, leads: leads) }
        switch try? moveOut(&parts[0], leaving: ReadPart.taken).get() {
        case .leads(var state)?:
            // Room for every span's leads at once: growing span by span would hold the old and the new copy together.
            state.leads.reserveCapacity(
                parts.dropFirst().reduce(state.leads.count) {
                    if case .success(.leads(let part)) = $1 { return $0 + part.leads.count }
                    return $0
                })
            let joined = laterSpans(file, &parts, after: state.end, leads: leads) { next, lineOffset in
                guard case .leads(let part) = next else { return false }
                return state.absorb(part, lineOffset: lineOffset)
            }
            return joined ? .leads(state) : try whole()
        case .rows(var rows)?:
            rows.reserve(
                adding: parts.dropFirst().compactMap { if case .success(.rows(let r)) = $0 { r } else { nil } })
            let joined = laterSpans(file, &parts, after: rows.end, leads: leads) { next, lineOffset in
                guard case .rows(let part) = next else { return false }
                rows.absorb(part, lineOffset: lineOffset)
                return true
            }
            return joined ? .rows(rows) : try whole()
        case nil:
            return try whole()
        }
    }

    /// Hands each span after the first to `absorb`, in order, with the offset its lines need (each span counted its
    /// lines from 1). A span must begin where the one before it really ended; when a cut fell inside a quoted line
    /// break the one before ran past it, and the span is read again from there (or skipped, when one quoted field
    /// covered it whole). False when a span cannot be read or absorbed.
    private func laterSpans(
        _ file: ReadFile, _ parts: inout [Result<ReadPart, Error>], after first: CSVReader.SpanEnd, leads: LeadIndex?,
        _ absorb: (ReadPart, Int) -> Bool
    ) -> Bool {
        var end = first.offset
        var nextLine = file.header.firstLine + first.lines
        for k in 1..<parts.count {
            let span = file.spans[k]
            let part: ReadPart?
            if end == span.lowerBound {
                part = try? moveOut(&parts[k], leaving: ReadPart.taken).get()
            } else if end > span.lowerBound, end < span.upperBound {
                part = try? read(file, span: end..<span.upperBound, first: false, leads: leads)
            } else if end >= span.upperBound {
                continue
            } else {
                return false
            }
            guard let part, absorb(part, nextLine - 1) else { return false }
            end = part.end.offset
            nextLine += part.end.lines
        }
        return true
    }

    /// Finds the header record (skipping report title rows), resolves the columns and says where the rows begin.
    func header(
        _ path: String, source: String, wanted: [String], required: [String], what: String,
        columns: [String: String] = [:], delimiter: UInt8 = 0x2C
    ) throws -> FileHeader {
        let overrides = overrides(for: wanted, file: columns)
        var found: FileHeader?
        var preamble: [[String]] = []
        var failure: Error?
        do {
            // A header and a few title rows: read a small first chunk (it grows for a longer record).
            try CSVReader(path: source, chunkSize: 64 << 10, delimiter: delimiter).readUntil { record in
                // Each candidate row is matched against every preset: a row of a million fields would take seconds.
                guard record.count <= LeadLoader.maximumColumns else {
                    failure = HandoffError(
                        .badInput,
                        "line \(record.line) has \(record.count) fields before any header was found; an export has at most \(LeadLoader.maximumColumns) columns — is this the right file?",
                        file: path)
                    return false
                }
                let headers = (0..<record.count).map { record.string($0) ?? "" }
                let candidate = HeaderMap(headers: headers, wanted: wanted, preset: preset, overrides: overrides)
                if required.allSatisfy({ candidate[$0] != nil }) {
                    if let error = candidate.overrideError(file: path) {
                        failure = error
                        return false
                    }
                    found = FileHeader(
                        positions: wanted.map { candidate[$0] }, preamble: preamble.count, bodyStart: record.end,
                        firstLine: record.nextLine,
                        names: headers)
                    return false
                }
                if preamble.count < 20 {
                    preamble.append(headers)
                    return true
                }
                failure = missing(required, rows: preamble, path: path, what: what, columns: columns)
                return false
            }
        } catch let failure as CSVReader.Failure {
            throw HandoffError(.badInput, failure.reason, file: failure.line.map { "\(path):\($0)" } ?? path)
        }
        if let failure { throw failure }
        guard let found else { throw missing(required, rows: preamble, path: path, what: what, columns: columns) }
        return found
    }

    /// Calls `body` for every data record of `span`; a file that stops being CSV is a `HandoffError`.
    func forEachRow(_ file: ReadFile, span: Range<Int>, firstLine: Int, _ body: (CSVReader.Record) throws -> Void)
        throws -> CSVReader.SpanEnd
    {
        let path = file.path
        do {
            return try CSVReader(path: file.source, delimiter: file.dialect.delimiter).forEachRecord(
                in: span, firstLine: firstLine, body)
        } catch let failure as CSVReader.Failure {
            throw HandoffError(.badInput, failure.reason, file: failure.line.map { "\(path):\($0)" } ?? path)
        }
    }

    /// The agreement's column names for `wanted`, a file's own names winning.
    private func overrides(for wanted: [String], file: [String: String] = [:]) -> [String: String] {
        settings.columns.merging(file) { $1 }.filter { wanted.contains($0.key) }
    }

    /// The error for a file whose first rows hold no usable header, recognising another CRM's export when it is one.
    private func missing(_ required: [String], rows: [[String]], path: String, what: String, columns: [String: String])
        -> HandoffError
    {
        let overrides = overrides(for: required, file: columns)
        // The row that looks most like a header: the first with two or more cells filled.
        let headers = rows.first { $0.filter { !$0.isEmpty }.count >= 2 } ?? rows.first ?? []
        let map = HeaderMap(headers: headers, wanted: required, preset: preset, overrides: overrides)
        // A required column mapped to a header the file lacks: say that, naming the override.
        if let error = map.overrideError(file: path) { return error }
        let absent = required.filter { map[$0] == nil }
        let looked = absent.map { column in
            let names = (overrides[column].map { [$0] } ?? preset.headers[column] ?? [column]).map { "'\($0)'" }
            return "\(column) (looked for \(names.joined(separator: " or ")))"
        }
        let empty = headers.allSatisfy { $0.isEmpty }
        let found = empty ? "the file has no header row" : "its headers are \(HeaderMap.list(headers))"
        // Recognise an export of another CRM: the usual first-run mistake is a missing --preset.
        let other = ColumnPreset.names.filter { $0 != preset.name }.first { name in
            rows.contains { row in
                let map = HeaderMap(headers: row, wanted: required, preset: .named(name), overrides: [:])
                return required.allSatisfy { map[$0] != nil }
            }
        }
        let fix =
            other.map { "These headers look like a \($0) export: pass --preset \($0) or set data.preset: \($0)." }
            ?? "Set data.preset or map the column under data.columns."
        return HandoffError(
            .badInput,
            "\(what) is missing the required column \(looked.joined(separator: ", ")) with preset '\(preset.name)'; \(found). \(fix)",
            file: path)
    }

    /// Empty, or a placeholder such as `Select` or `N/A`, straight from the bytes.
    func blank(_ bytes: ByteView) -> Bool {
        if bytes.isEmpty { return true }
        if bytes.count > placeholderMaxLength
            || (bytes.count < 64 && placeholderLengths & 1 << UInt64(bytes.count) == 0)
        {
            return false
        }
        for p in placeholderBytes where p.count == bytes.count && bytes.equalsIgnoringCase(p) { return true }
        return false
    }

    /// True when values of `column` are mapped by the agreement or the preset.
    func hasMapping(_ column: String) -> Bool { settings.values[column] != nil || preset.values[column] != nil }

    func mapped(_ column: String, _ raw: String, file: ExportFileSettings? = nil) -> String {
        let key = raw.lowercased()
        if let v = file?.values[column]?[key] { return v }
        if let v = settings.values[column]?[key] { return v }
        if let v = preset.values[column]?[key] { return v }
        return raw
    }
}
