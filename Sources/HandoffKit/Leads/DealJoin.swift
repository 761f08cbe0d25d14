import Foundation
internal import HandoffIO

/// How a related deals export joined the leads: what was matched, what was not (with examples), what was derived.
struct DealJoin: Sendable {
    /// The deals export.
    var file: String
    /// Its data rows.
    var rows = 0
    /// Deals tied to a lead.
    var joined = 0
    /// Deals whose key no lead has, and the first few such keys.
    var unmatchedDeals = 0
    var unmatchedDealExamples: [String] = []
    /// Deals without a key.
    var dealsWithoutKey = 0
    /// Leads whose key (`lead_key`) no deal has, and the first few such keys.
    var unmatchedLeads = 0
    var unmatchedLeadExamples: [String] = []
    /// Leads given each fact (`sql_at`, `accepted`, …) by a deal, in the agreement's order.
    var factsSet: [(fact: String, leads: Int)] = []

    /// How many examples are kept.
    static let exampleLimit = 3

    /// One line for reports: `Opportunities.csv: 1,061 deals, 1,061 joined; …`.
    var summary: String {
        var parts = ["\(rows) deals, \(joined) joined to a lead"]
        if unmatchedDeals > 0 {
            parts.append(
                "\(unmatchedDeals) with a key no lead has (e.g. \(unmatchedDealExamples.joined(separator: ", ")))")
        }
        if dealsWithoutKey > 0 { parts.append("\(dealsWithoutKey) without a key") }
        if unmatchedLeads > 0 {
            parts.append(
                "\(unmatchedLeads) leads name a deal the export lacks (e.g. \(unmatchedLeadExamples.joined(separator: ", ")))"
            )
        }
        let facts = factsSet.map { "\($0.fact) for \($0.leads) leads" }
        if !facts.isEmpty { parts.append("gave " + facts.joined(separator: ", ")) }
        return parts.joined(separator: "; ")
    }
}

extension LeadLoader {
    /// Reads the deals export and gives each lead the facts of its related deals: for each fact, the time of the
    /// earliest related deal matching its `when`. A lead's own column wins over a derived fact; a derived decision is
    /// the earliest accepted or rejected one.
    func joinDeals(_ deals: DealsSettings, path: String, leadsFile: ReadFile, _ s: inout LeadPart) throws {
        var join = DealJoin(file: path)
        let leadOfKey = try leadKeys(deals, leadsFile: leadsFile, s)
        let header = try dealHeader(deals, path: path)
        defer { Spool.remove(header.file) }
        var earliest = [[Int64?]](repeating: [], count: deals.facts.count)
        for f in earliest.indices { earliest[f] = [Int64?](repeating: nil, count: s.leads.count) }
        var matchedKeys = Set<String>()
        _ = try forEachRow(
            header.file, span: header.file.header.bodyStart..<header.file.bodyEnd,
            firstLine: header.file.header.firstLine
        ) { r in
            join.rows += 1
            guard let key = r.string(header.key), !key.isEmpty else {
                join.dealsWithoutKey += 1
                return
            }
            guard let lead = leadOfKey[key] else {
                join.unmatchedDeals += 1
                if join.unmatchedDealExamples.count < DealJoin.exampleLimit { join.unmatchedDealExamples.append(key) }
                return
            }
            join.joined += 1
            matchedKeys.insert(key)
            for (f, fact) in deals.facts.enumerated() {
                let matches = header.when[f].allSatisfy { column, allowed in
                    let value = (r.string(column) ?? "").lowercased()
                    return allowed.contains(value)
                }
                guard matches else { continue }
                let column = header.at[f]
                guard !r.isBlank(column) else { continue }
                guard let t = header.parsers[f].parse(r.trimmedBytes(column)) else {
                    s.quality.record(
                        DataIssue(
                            file: path, line: r.line, column: fact.at, value: r.string(column) ?? "",
                            reason: "not a date/time this reader understands", rowSkipped: false))
                    continue
                }
                for l in lead where earliest[f][l].map({ t < $0 }) ?? true { earliest[f][l] = t }
            }
        }
        if deals.leadKey != nil {
            let missing = leadOfKey.keys.filter { !matchedKeys.contains($0) }.sorted()
            join.unmatchedLeads = missing.count
            join.unmatchedLeadExamples = Array(missing.prefix(DealJoin.exampleLimit))
        }
        apply(deals.facts, earliest, &s, &join)
        s.quality.rowsRead[path] = join.rows
        s.quality.note(header.file)
        s.quality.deals = join
    }

    /// Sets the derived facts on leads that do not have them from their own columns.
    private func apply(_ facts: [DealFact], _ earliest: [[Int64?]], _ s: inout LeadPart, _ join: inout DealJoin) {
        var decisionAt = [Int64?](repeating: nil, count: s.leads.count)
        var counts = [Int](repeating: 0, count: facts.count)
        for (f, fact) in facts.enumerated() {
            for l in s.leads.indices {
                guard let t = earliest[f][l] else { continue }
                switch fact.kind {
                case .mqlAt where s.leads[l].mqlAt == nil: s.leads[l].mqlAt = t
                case .routedAt where s.leads[l].routedAt == nil: s.leads[l].routedAt = t
                case .sqlAt where s.leads[l].sqlAt == nil: s.leads[l].sqlAt = t
                case .opportunityAt where s.leads[l].opportunityAt == nil: s.leads[l].opportunityAt = t
                case .wonAt where s.leads[l].wonAt == nil: s.leads[l].wonAt = t
                case .accepted, .rejected:
                    // The lead's own decision wins; between deals, the earliest decision.
                    guard s.leads[l].decision == nil || decisionAt[l] != nil, decisionAt[l].map({ t < $0 }) ?? true
                    else { continue }
                    s.leads[l].decision = fact.kind == .accepted ? .accepted : .rejected
                    s.leads[l].decisionAt = t
                    decisionAt[l] = t
                default: continue
                }
                counts[f] += 1
                s.saw(t)
            }
            switch fact.kind {
            case .mqlAt: s.columns.insert(.mqlAt)
            case .routedAt: s.columns.insert(.routedAt)
            case .sqlAt: s.columns.insert(.sqlAt)
            case .opportunityAt: s.columns.insert(.opportunityAt)
            case .wonAt: s.columns.insert(.wonAt)
            case .accepted, .rejected:
                s.columns.insert(.decision)
                s.columns.insert(.decisionAt)
            }
        }
        join.factsSet = zip(facts, counts).map { ($0.kind.rawValue, $1) }
    }

    /// The parser of each fact's date column: `data.date_formats` when it is a list for every column, else the layout
    /// detected from a sample of the column (an ambiguous one stops with the candidates, as for the leads export).
    private func dealTimeParsers(_ deals: DealsSettings, file: ReadFile, positions: [Int]) throws -> [TimestampParser] {
        let formats = settings.timestampFormats
        if let declared = formats.declaredParser("deals", zone: timestamps.zone) {
            return positions.map { _ in declared }
        }
        let distinct = Array(Set(positions)).sorted()
        let samples = sample(file.source, header: file.header, positions: distinct, delimiter: file.dialect.delimiter)
        var parsers: [Int: TimestampParser] = [:]
        var problems: [Diagnostic] = []
        for (j, position) in distinct.enumerated() {
            let name = file.header.names[position]
            switch TimestampDetection.detect(column: name, sample: samples[j], pivot: formats.twoDigitYearPivot) {
            case .builtIn: parsers[position] = timestamps
            case .patterns(let patterns):
                parsers[position] = TimestampParser(
                    zone: timestamps.zone, patterns: patterns, twoDigitYearPivot: formats.twoDigitYearPivot,
                    fallback: .unambiguous)
            case .problem(let message, let line):
                problems.append(Diagnostic(.error, message, at: nil, file: "\(file.path):\(line)"))
            }
        }
        if !problems.isEmpty { throw HandoffError(.badInput, diagnostics: problems) }
        return positions.map { parsers[$0] ?? timestamps }
    }

    /// Key → the leads holding it: the lead id itself, or the leads export's `lead_key` column read again.
    private func leadKeys(_ deals: DealsSettings, leadsFile: ReadFile, _ s: LeadPart) throws -> [String: [Int]] {
        var keys: [String: [Int]] = [:]
        guard let leadKey = deals.leadKey else {
            for l in s.leads.indices { keys[s.ids[s.leads[l].id], default: []].append(l) }
            return keys
        }
        let names = leadsFile.header.names
        guard let keyColumn = names.firstIndex(where: { HeaderMap.same($0, leadKey) }),
            let idColumn = leadsFile.header.positions[0]
        else {
            throw HandoffError(
                .badInput,
                "data.deals.lead_key names the column '\(leadKey)', which the leads export does not have; its headers are \(HeaderMap.list(names))",
                file: leadsFile.path)
        }
        var lead = 0
        _ = try forEachRow(
            leadsFile, span: leadsFile.header.bodyStart..<leadsFile.bodyEnd, firstLine: leadsFile.header.firstLine
        ) { r in
            guard let id = r.string(idColumn), !id.isEmpty, let key = r.string(keyColumn), !key.isEmpty,
                !blank(r.trimmedBytes(keyColumn))
            else { return }
            // Leads are kept in file order, first row of an id winning: find the lead by its id.
            guard let ref = ByteView.with(id, { s.ids.find($0) }), !ref.isEmpty else { return }
            lead = Int(ref.raw) - 1
            if keys[key]?.contains(lead) != true { keys[key, default: []].append(lead) }
        }
        return keys
    }

    /// The deals export's header: the key column, each fact's date column and condition columns.
    private func dealHeader(_ deals: DealsSettings, path: String) throws
        -> (file: ReadFile, key: Int, at: [Int], when: [[(Int, [String])]], parsers: [TimestampParser])
    {
        let wanted = [deals.key] + deals.facts.map(\.at) + deals.facts.flatMap { $0.when.keys.sorted() }
        let file = try ReadFile(deals: path, key: deals.key, self)
        let names = file.header.names
        func column(_ name: String) -> Int? { names.firstIndex { HeaderMap.same($0, name) } }
        let missing = Array(Set(wanted.filter { column($0) == nil })).sorted()
        guard missing.isEmpty, let key = column(deals.key) else {
            throw HandoffError(
                .badInput,
                "the deals export has no column \(missing.map { "'\($0)'" }.joined(separator: ", ")) named in data.deals; its headers are \(HeaderMap.list(names))",
                file: path)
        }
        let at = deals.facts.map { column($0.at) ?? 0 }
        let when = deals.facts.map { fact in
            fact.when.keys.sorted().map { (column($0) ?? 0, (fact.when[$0] ?? []).map { $0.lowercased() }) }
        }
        return (file, key, at, when, try dealTimeParsers(deals, file: file, positions: at))
    }
}

extension ReadFile {
    /// The deals export: its header is the first of its first 20 rows that has the key column.
    init(deals path: String, key: String, _ loader: LeadLoader) throws {
        kind = .deals
        self.path = path
        settings = nil
        (source, dialect) = try ReadFile.readable(path, loader, given: nil)
        size = 0
        spans = []
        timestamps = []
        var found: FileHeader?
        var rows = 0
        do {
            try CSVReader(path: source, chunkSize: 64 << 10, delimiter: dialect.delimiter).readUntil { record in
                rows += 1
                guard record.count <= LeadLoader.maximumColumns else { return false }
                let names = (0..<record.count).map { record.string($0) ?? "" }
                if names.contains(where: { HeaderMap.same($0, key) }) {
                    found = FileHeader(
                        positions: [], preamble: rows - 1, bodyStart: record.end, firstLine: record.nextLine,
                        names: names)
                    return false
                }
                return rows < 20
            }
            guard let found else {
                throw HandoffError(
                    .badInput,
                    "the deals export has no header row with the key column '\(key)' (data.deals.key) in its first 20 rows",
                    file: path)
            }
            header = found
            (bodyEnd, footers) = try FooterScan.find(
                source, file: path, dialect: dialect, bodyStart: found.bodyStart,
                idColumn: found.names.firstIndex { HeaderMap.same($0, key) })
        } catch {
            if source != path { try? FileManager.default.removeItem(atPath: source) }
            if let failure = error as? CSVReader.Failure {
                throw HandoffError(.badInput, failure.reason, file: failure.line.map { "\(path):\($0)" } ?? path)
            }
            throw error
        }
    }
}
