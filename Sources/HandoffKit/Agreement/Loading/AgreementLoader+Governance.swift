internal import Yams

extension AgreementLoader {
    static func defaultTargets(_ file: String) -> Targets {
        let here = SourceLocation(file: file, line: 1, column: 1)
        return Targets(
            acceptance: Band(low: 0.7, high: 0.8, tooLooseBelow: 0.6, tooStrictAbove: 0.9, location: here),
            mqlToSQL: Band(low: 0.25, high: 0.35, tooLooseBelow: nil, tooStrictAbove: nil, location: here),
            conversionWindow: TimeSpan(seconds: 28 * 86400), conversionLagWeeks: 4, minimumSample: 20)
    }

    static let defaultMeeting = Meeting(
        day: .monday, time: TimeOfDay(minutes: 600), length: TimeSpan(seconds: 1800),
        attendees: [], reviewRejectedLeads: 5, standingItems: [])

    static func readTargets(_ node: Node, _ r: NodeReader) -> Targets {
        var targets = defaultTargets(r.file)
        guard let f = r.fields(node, "'targets'", known: ["acceptance_rate", "mql_to_sql_rate", "minimum_sample"])
        else { return targets }
        if let a = f["acceptance_rate"],
            let band = readBand(a, "acceptance_rate", extraKeys: ["too_loose_below", "too_strict_above"], r)
        {
            targets.acceptance = band.band
        }
        if let m = f["mql_to_sql_rate"],
            let band = readBand(m, "mql_to_sql_rate", extraKeys: ["window", "cohort_lag"], r)
        {
            targets.mqlToSQL = band.band
            if let w = band.fields["window"].flatMap({ r.span($0, "the conversion window") }) {
                targets.conversionWindow = w
            }
            if let lag = band.fields["cohort_lag"].flatMap({ r.span($0, "the cohort lag") }) {
                targets.conversionLagWeeks = max(1, Int(lag.seconds / 604_800))
            }
        }
        if let n = f["minimum_sample"].flatMap({ r.int($0, "minimum_sample", range: 1...100_000) }) {
            targets.minimumSample = n
        }
        return targets
    }

    static func readBand(_ node: Node, _ what: String, extraKeys: [String], _ r: NodeReader) -> (
        band: Band, fields: Fields
    )? {
        guard let f = r.fields(node, "'targets.\(what)'", known: ["between"] + extraKeys, required: ["between"]),
            let items = f["between"].flatMap({ r.list($0, "'between'") })
        else { return nil }
        guard items.count == 2 else {
            r.error("'between' takes two percentages, like [70%, 80%]", at: node)
            return nil
        }
        guard let low = r.percent(items[0], "the band's low end"), let high = r.percent(items[1], "the band's high end")
        else { return nil }
        if low > high, let b = f["between"] {
            r.error("the band's minimum \(low) exceeds its maximum \(high)", at: b)
            return nil
        }
        let loose = f["too_loose_below"].flatMap { r.percent($0, "too_loose_below") }
        let strict = f["too_strict_above"].flatMap { r.percent($0, "too_strict_above") }
        return (
            Band(
                low: low.fraction, high: high.fraction, tooLooseBelow: loose?.fraction,
                tooStrictAbove: strict?.fraction, location: r.location(node)), f
        )
    }

    static func readReasons(_ node: Node, _ r: NodeReader) -> [RejectionReason] {
        guard let items = r.list(node, "'rejection_reasons'") else { return [] }
        return items.compactMap { item in
            guard
                let f = r.fields(
                    item, "a rejection reason", known: ["id", "label", "points_at", "adjustment", "dominates_at"],
                    required: ["id", "label", "points_at", "adjustment"]),
                let id = f["id"].flatMap({ r.string($0, "the reason id") }),
                let label = f["label"].flatMap({ r.string($0, "the reason label") }),
                let part = f["points_at"].flatMap({
                    r.choice($0, "definition part", from: RejectionReason.DefinitionPart.allCases.map(\.rawValue))
                })
                .flatMap(RejectionReason.DefinitionPart.init(rawValue:)),
                let adjustment = f["adjustment"].flatMap({ r.string($0, "the adjustment") })
            else { return nil }
            let dominates = f["dominates_at"].flatMap { r.percent($0, "dominates_at") } ?? Percent(fraction: 0.5)
            return RejectionReason(
                id: id, label: label, pointsAt: part, adjustment: adjustment, dominatesAt: dominates,
                location: r.location(item))
        }
    }

    static func readCapacity(_ node: Node, _ r: NodeReader) -> Capacity? {
        guard
            let f = r.fields(
                node, "'capacity'", known: ["reps", "mqls_per_rep_per_week"],
                required: ["reps", "mqls_per_rep_per_week"]),
            let reps = f["reps"].flatMap({ r.int($0, "reps", range: 1...100_000) }),
            let perRep = f["mqls_per_rep_per_week"].flatMap({ r.int($0, "mqls_per_rep_per_week", range: 1...10_000) })
        else { return nil }
        return Capacity(reps: reps, mqlsPerRepPerWeek: perRep, location: r.location(node))
    }

    static func readMeeting(_ node: Node, _ r: NodeReader) -> Meeting? {
        guard
            let f = r.fields(
                node, "'meeting'",
                known: ["day", "time", "length", "attendees", "review_rejected_leads", "standing_items"],
                required: ["day", "time"]),
            let day = f["day"].flatMap({ r.weekday($0, "the meeting day") }),
            let time = f["time"].flatMap({ r.time($0, "the meeting time") })
        else { return nil }
        return Meeting(
            day: day, time: time,
            length: f["length"].flatMap { r.span($0, "the meeting length") } ?? TimeSpan(seconds: 1800),
            attendees: f["attendees"].flatMap { r.strings($0, "attendees") } ?? [],
            reviewRejectedLeads: f["review_rejected_leads"].flatMap {
                r.int($0, "review_rejected_leads", range: 0...50)
            } ?? 5,
            standingItems: f["standing_items"].flatMap { r.strings($0, "standing_items") } ?? [])
    }

    static func readData(_ node: Node, _ r: NodeReader) -> DataSettings? {
        guard
            let f = r.fields(
                node, "'data'",
                known: [
                    "preset", "columns", "values", "date_formats", "two_digit_year_pivot", "time_zone", "placeholders",
                    "encoding", "delimiter", "files", "deals",
                ])
        else { return nil }
        var settings = DataSettings.standard
        if let p = f["preset"].flatMap({ r.choice($0, "preset", from: ColumnPreset.names) }) { settings.preset = p }
        if let columns = f["columns"] { settings.columns = readColumns(columns, r, "data.columns") }
        if let values = f["values"] {
            settings.values = readValues(values, r, "data.values", locations: &settings.valueLocations)
        }
        if let files = f["files"] { settings.files = readFiles(files, r) }
        if let deals = f["deals"] { settings.deals = readDeals(deals, r) }
        if let node = f["date_formats"] { readDateFormats(node, into: &settings, r) }
        if let pivot = f["two_digit_year_pivot"].flatMap({ r.int($0, "two_digit_year_pivot", range: 1900...2100) }) {
            settings.timestampFormats.twoDigitYearPivot = pivot
        }
        if let zoneNode = f["time_zone"], let zone = r.string(zoneNode, "the export time zone") {
            if TimeZoneTable.isIANA(zone) {
                settings.timeZone = zone
            } else {
                r.error("'\(zone)' is not an IANA time zone", at: zoneNode)
            }
        }
        settings.placeholders = f["placeholders"].flatMap { r.strings($0, "placeholders") } ?? []
        settings.encoding = f["encoding"].flatMap { readEncoding($0, r, "data.encoding") }
        settings.delimiter = f["delimiter"].flatMap { readDelimiter($0, r, "data.delimiter") }
        return settings
    }

    /// `data.date_formats`: a list (every timestamp column) or a map from canonical timestamp column to a pattern or
    /// a list of patterns. Each entry is a pattern (`d MMM, yyyy HH:mm:ss`) or an old layout name (`D/M/YYYY`).
    static func readDateFormats(_ node: Node, into settings: inout DataSettings, _ r: NodeReader) {
        func compile(_ item: Node) -> (text: String, patterns: [TimestampPattern])? {
            guard let text = r.string(item, "a date format") else { return nil }
            do {
                return (text, try TimestampFormats.compile(text))
            } catch {
                r.error("bad date format '\(text)': \(error.reason)", at: item)
                return nil
            }
        }
        func entries(_ value: Node, _ what: String) -> [(text: String, patterns: [TimestampPattern])] {
            if value.scalar != nil { return compile(value).map { [$0] } ?? [] }
            return (r.list(value, what) ?? []).compactMap(compile)
        }
        if node.mapping != nil {
            let timestampColumns =
                LeadColumn.allCases.filter(\.isTimestamp).map(\.rawValue) + ["activity_at", "engagement_at"]
            for (key, keyNode, value) in r.pairs(node, "'data.date_formats'") ?? [] {
                guard timestampColumns.contains(key) else {
                    r.error(
                        "date_formats are set for timestamp columns (\(timestampColumns.joined(separator: ", "))), not '\(key)'\(Suggestion.hint(for: key, in: timestampColumns))",
                        at: keyNode)
                    continue
                }
                let items = entries(value, "'data.date_formats.\(key)'")
                if !items.isEmpty { settings.timestampFormats.byColumn[key] = items.flatMap(\.patterns) }
            }
            return
        }
        let items = entries(node, "date_formats")
        settings.dateFormats = items.map(\.text)
        let layouts = items.compactMap { TimestampParser.Layout(pattern: $0.text) }
        if layouts.count == items.count {
            settings.timestampFormats.legacy = layouts
        } else {
            settings.timestampFormats.all = items.flatMap(\.patterns)
        }
    }

    static func readSignoffs(_ node: Node, _ r: NodeReader) -> [SignOff] {
        guard let items = r.list(node, "'signoff'") else { return [] }
        return items.compactMap { item in
            guard
                let f = r.fields(
                    item, "a sign-off", known: ["party", "name", "title", "date", "digest"],
                    required: ["party", "name", "title", "date", "digest"]),
                let party = f["party"].flatMap({ r.choice($0, "party", from: ["marketing", "sales"]) }),
                let name = f["name"].flatMap({ r.string($0, "the signer's name") }),
                let title = f["title"].flatMap({ r.string($0, "the signer's title") }),
                let date = f["date"].flatMap({ r.date($0, "the sign-off date") }),
                let digest = f["digest"].flatMap({ r.string($0, "the digest") })
            else { return nil }
            return SignOff(
                party: party, name: name, title: title, date: date, digest: digest, location: r.location(item))
        }
    }
}
