internal import Yams

/// The parts of `data` that name files: `files` (several per role, each with its own mapping) and `deals`.
extension AgreementLoader {
    /// Canonical columns that may be mapped to headers.
    static let mappableColumns = LeadColumn.allNames + ActivityColumn.allNames

    /// Columns whose values may be mapped.
    static let mappableValues = ["status", "decision", "rejection_reason", "source", "activity_type", "action"]

    /// `columns: {canonical: header}` — the header for each canonical column named.
    static func readColumns(_ node: Node, _ r: NodeReader, _ what: String) -> [String: String] {
        var columns: [String: String] = [:]
        for (key, keyNode, value) in r.pairs(node, "'\(what)'") ?? [] {
            guard mappableColumns.contains(key) else {
                r.error(
                    "unknown canonical column '\(key)' in \(what)\(Suggestion.hint(for: key, in: mappableColumns))",
                    at: keyNode)
                continue
            }
            if let header = r.string(value, "the export header for \(key)") { columns[key] = header }
        }
        return columns
    }

    /// `values: {column: {export value: canonical value}}`, keys lowercased; `locations` records each target's place.
    static func readValues(
        _ node: Node, _ r: NodeReader, _ what: String,
        locations: inout [String: [String: SourceLocation]]
    ) -> [String: [String: String]] {
        var values: [String: [String: String]] = [:]
        for (key, keyNode, value) in r.pairs(node, "'\(what)'") ?? [] {
            guard mappableValues.contains(key) else {
                r.error(
                    "values can be mapped for status, decision, rejection_reason, source, activity_type or action, not '\(key)'",
                    at: keyNode)
                continue
            }
            var map: [String: String] = [:]
            for (raw, _, canonical) in r.pairs(value, "'\(what).\(key)'") ?? [] {
                if let c = r.string(canonical, "the canonical value", allowEmpty: true) {
                    map[raw.lowercased()] = c
                    locations[key, default: [:]][raw.lowercased()] = r.location(canonical)
                }
            }
            values[key] = map
        }
        return values
    }

    /// An encoding name (`windows-1252`, `latin1`, …); `what` names the key in the message.
    static func readEncoding(_ node: Node, _ r: NodeReader, _ what: String) -> Dialect.Encoding? {
        guard let name = r.string(node, "the \(what)") else { return nil }
        if let encoding = Dialect.Encoding(name: name) { return encoding }
        r.error(
            "unknown \(what) '\(name)'; use one of \(Dialect.encodingChoices) (or leave it out to detect it from the file)",
            at: node)
        return nil
    }

    /// A delimiter (`,` `;` tab `|`, or its name); `what` names the key in the message.
    static func readDelimiter(_ node: Node, _ r: NodeReader, _ what: String) -> UInt8? {
        guard let text = r.string(node, "the \(what)") else { return nil }
        if let byte = Dialect.delimiter(named: text) { return byte }
        r.error(
            "unknown \(what) '\(text)'; use \(Dialect.delimiterChoices) (or leave it out to detect it from the file)",
            at: node)
        return nil
    }

    /// `files:` — a list of `{role, path, columns, values, type}`; a bare path is not enough (the role is needed).
    static func readFiles(_ node: Node, _ r: NodeReader) -> [ExportFileSettings] {
        var files: [ExportFileSettings] = []
        var seen: [String: Int] = [:]
        for item in r.list(node, "'data.files'") ?? [] {
            guard
                let f = r.fields(
                    item, "an entry of data.files",
                    known: ["role", "path", "columns", "values", "type", "encoding", "delimiter", "date_formats"],
                    required: ["role", "path"]),
                let role = f["role"].flatMap({
                    r.choice($0, "file role", from: ExportFileSettings.Role.allCases.map(\.rawValue))
                })
                .flatMap(ExportFileSettings.Role.init(rawValue:)),
                let pathNode = f["path"], let path = r.string(pathNode, "the file's path")
            else { continue }
            if let line = seen[path] {
                r.error("'\(path)' is already listed in data.files at line \(line)", at: pathNode)
                continue
            }
            seen[path] = r.location(item).line
            var file = ExportFileSettings(role: role, path: path)
            file.location = r.location(item)
            if let columns = f["columns"] { file.columns = readColumns(columns, r, "data.files[\(path)].columns") }
            var ignored: [String: [String: SourceLocation]] = [:]
            if let values = f["values"] {
                file.values = readValues(values, r, "data.files[\(path)].values", locations: &ignored)
            }
            if let typeNode = f["type"] {
                if role == .activities {
                    file.type = r.string(typeNode, "the activity type of every row")?.lowercased()
                } else {
                    r.error(
                        "type applies to activities files only ('\(path)' is a \(role.rawValue) file)", at: typeNode)
                }
            }
            file.encoding = f["encoding"].flatMap { readEncoding($0, r, "encoding of '\(path)'") }
            file.delimiter = f["delimiter"].flatMap { readDelimiter($0, r, "delimiter of '\(path)'") }
            if let node = f["date_formats"] {
                var own = DataSettings.standard
                readDateFormats(node, into: &own, r)
                file.timestampFormats = own.timestampFormats
            }
            files.append(file)
        }
        if files.filter({ $0.role == .leads }).count > 1 {
            r.error(
                "data.files lists more than one leads export; leads come from one file (activities and engagement may be several)",
                at: node)
        }
        return files
    }

    /// `deals:` — a related export joined to the leads by key, and the facts it gives.
    static func readDeals(_ node: Node, _ r: NodeReader) -> DealsSettings? {
        guard
            let f = r.fields(
                node, "'data.deals'", known: ["path", "key", "lead_key", "facts"], required: ["path", "key", "facts"]),
            let path = f["path"].flatMap({ r.string($0, "the deals export's path") }),
            let key = f["key"].flatMap({ r.string($0, "the deals export's key column") })
        else { return nil }
        let leadKey = f["lead_key"].flatMap { r.string($0, "the leads export's column holding the deal key") }
        var facts: [DealFact] = []
        for item in f["facts"].flatMap({ r.list($0, "'data.deals.facts'") }) ?? [] {
            guard let g = r.fields(item, "a deal fact", known: ["fact", "at", "when"], required: ["fact", "at"]),
                let kind = g["fact"].flatMap({ r.choice($0, "deal fact", from: DealFact.Kind.allCases.map(\.rawValue)) }
                )
                .flatMap(DealFact.Kind.init(rawValue:)),
                let at = g["at"].flatMap({ r.string($0, "the deals export's date column") })
            else { continue }
            var when: [String: [String]] = [:]
            for (column, _, value) in g["when"].flatMap({ r.pairs($0, "'when' of a deal fact") }) ?? [] {
                if value.sequence != nil {
                    when[column] = r.strings(value, "the values of \(column)") ?? []
                } else if let one = r.string(value, "the value of \(column)", allowEmpty: true) {
                    when[column] = [one]
                }
            }
            facts.append(DealFact(kind: kind, at: at, when: when))
        }
        var deals = DealsSettings(path: path, key: key, leadKey: leadKey, facts: facts)
        deals.location = r.location(node)
        return deals
    }
}
