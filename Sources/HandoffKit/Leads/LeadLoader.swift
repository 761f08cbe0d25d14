/// Reads the leads, activities and engagement exports into a `LeadLedger`.
public final class LeadLoader: Sendable {
    let settings: DataSettings
    let preset: ColumnPreset
    let timestamps: TimestampParser
    /// Values that mean blank (`Select`, `N/A`, …), as lowercase bytes, checked without building strings.
    let placeholderBytes: [[UInt8]]
    let placeholderMaxLength: Int
    /// Activity types that count as a touch / an attempt; empty means every type but notes and tasks.
    let touchTypes: Set<String>
    let attemptTypes: Set<String>
    let reasonIDs: [String: String]

    static let builtInPlaceholders = ["select", "n/a", "na", "null", "none", "-", "--", "#n/a", "unknown", "(blank)", "not provided"]

    /// A loader for an agreement's data settings.
    public init(agreement: Agreement) throws {
        settings = agreement.data
        preset = ColumnPreset.named(settings.preset)
        let zoneName = settings.timeZone ?? agreement.businessHours.timeZone
        guard let zone = ZoneRules(identifier: zoneName) else { throw HandoffError(.usage, "unknown time zone '\(zoneName)'") }
        timestamps = TimestampParser(zone: zone, preferred: settings.dateFormats.compactMap(TimestampParser.Layout.init(pattern:)))
        placeholderBytes = Set(LeadLoader.builtInPlaceholders + settings.placeholders.map { $0.lowercased() }).sorted().map { Array($0.utf8) }
        placeholderMaxLength = placeholderBytes.map(\.count).max() ?? 0
        let touches = agreement.commitments.filter { $0.metric == .firstTouchTime || $0.metric == .untouchedLeads }
        touchTypes = touches.contains { $0.attemptTypes.isEmpty } ? [] : Set(touches.flatMap(\.attemptTypes))
        attemptTypes = Set(agreement.commitments.filter { $0.metric == .attemptsBeforeUnresponsive }.flatMap(\.attemptTypes))
        var reasons: [String: String] = [:]
        for reason in agreement.rejectionReasons {
            reasons[reason.id.lowercased()] = reason.id
            reasons[reason.label.lowercased()] = reason.id
        }
        for (raw, id) in settings.values["rejection_reason"] ?? [:] { reasons[raw] = id }
        reasonIDs = reasons
    }

    /// Loads every file of `sources`. Throws `HandoffError(.badInput)` for a file that cannot be read at all.
    /// With `asOf`, sales activities after that moment are not counted (they had not happened yet).
    public func load(_ sources: DataSources, asOf: Int64? = nil) throws -> LeadLedger {
        let clock = PhaseClock()
        var state = LoadState()
        // The leads file on this core; activities and engagement on the other, tied to leads once both are read.
        let (_, side) = try Concurrently.run({ try readLeads(sources.leads, &state) }, { [self] in
            (try sources.activities.map { try detachActivities($0) }, try sources.engagement.map { try detachEngagement($0) })
        })
        clock.mark("read leads ∥ parse activities and engagement")
        if let path = sources.activities, let rows = side.0 { attachActivities(rows, path: path, until: asOf ?? .max, &state) }
        if let path = sources.engagement, let rows = side.1 { attachEngagement(rows, path: path, &state) }
        for t in [side.0, side.1].flatMap({ [$0?.ats.max(), $0?.ats.min()] }).compactMap({ $0 }) { state.saw(t) }
        clock.mark("tie activities and engagement to leads")
        return LeadLedger(leads: state.leads, actions: state.actions, events: state.events, quality: state.quality, columns: state.columns,
                          hasActivities: sources.activities != nil, hasEngagement: sources.engagement != nil,
                          latestTimestamp: state.latest, earliestTimestamp: state.earliest, sources: sources)
    }

    struct LoadState {
        var leads: [Lead] = []
        var events: [EngagementEvent] = []
        var index: [String: Int] = [:]
        var actions: [String] = []
        var quality = DataQuality()
        var columns: Set<LeadColumn> = []
        var latest: Int64?
        var earliest: Int64?
        var pool = StringPool()
        /// Status and decision values seen so far, by raw bytes (a handful of distinct values in a million rows).
        var statuses = ValueCache<LeadStatus>()
        var decisions = ValueCache<Decision>()

        mutating func saw(_ t: Int64) {
            if t > (latest ?? .min) { latest = t }
            if t < (earliest ?? .max) { earliest = t }
        }
    }

    /// Finds the header record (skipping report title rows) and resolves the columns.
    /// Returns the number of title rows above the header.
    @discardableResult
    func withHeader(_ path: String, wanted: [String], required: [String], what: String,
                    _ body: (HeaderMap, CSVReader.Record) throws -> Void) throws -> Int {
        var map: HeaderMap?
        var preamble: [[String]] = []
        do {
            try CSVReader(path: path).forEachRecord { record in
                if let map { return try body(map, record) }
                let headers = (0..<record.count).map { record.string($0) ?? "" }
                let candidate = HeaderMap(headers: headers, wanted: wanted, preset: preset, overrides: overrides(for: wanted))
                if required.allSatisfy({ candidate[$0] != nil }) {
                    if let error = candidate.overrideError(file: path) { throw error }
                    map = candidate
                } else if preamble.count < 20 {
                    preamble.append(headers)
                } else {
                    throw missing(required, rows: preamble, path: path, what: what)
                }
            }
        } catch let failure as CSVReader.Failure {
            throw HandoffError(.badInput, failure.reason, file: failure.line.map { "\(path):\($0)" } ?? path)
        }
        if map == nil {
            throw missing(required, rows: preamble, path: path, what: what)
        }
        return preamble.count
    }

    private func overrides(for wanted: [String]) -> [String: String] {
        settings.columns.filter { wanted.contains($0.key) }
    }

    /// The error for a file whose first rows hold no usable header, recognising another CRM's export when it is one.
    private func missing(_ required: [String], rows: [[String]], path: String, what: String) -> HandoffError {
        // The row that looks most like a header: the first with two or more cells filled.
        let headers = rows.first { $0.filter { !$0.isEmpty }.count >= 2 } ?? rows.first ?? []
        let map = HeaderMap(headers: headers, wanted: required, preset: preset, overrides: overrides(for: required))
        // A required column mapped to a header the file lacks: say that, naming the override.
        if let error = map.overrideError(file: path) { return error }
        let absent = required.filter { map[$0] == nil }
        let looked = absent.map { column in
            let names = (settings.columns[column].map { [$0] } ?? preset.headers[column] ?? [column]).map { "'\($0)'" }
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
        let fix = other.map { "These headers look like a \($0) export: pass --preset \($0) or set data.preset: \($0)." }
            ?? "Set data.preset or map the column under data.columns."
        return HandoffError(.badInput, "\(what) is missing the required column \(looked.joined(separator: ", ")) with preset '\(preset.name)'; \(found). \(fix)", file: path)
    }

    /// Empty, or a placeholder such as `Select` or `N/A`, straight from the bytes.
    func blank(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        if bytes.isEmpty { return true }
        if bytes.count > placeholderMaxLength { return false }
        for p in placeholderBytes where p.count == bytes.count && Bytes.equalsIgnoringCase(bytes, p) { return true }
        return false
    }

    /// True when values of `column` are mapped by the agreement or the preset.
    func hasMapping(_ column: String) -> Bool { settings.values[column] != nil || preset.values[column] != nil }

    func mapped(_ column: String, _ raw: String) -> String {
        let key = raw.lowercased()
        if let v = settings.values[column]?[key] { return v }
        if let v = preset.values[column]?[key] { return v }
        return raw
    }
}
