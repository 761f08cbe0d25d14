internal import HandoffIO

/// One lead with everything the metrics need, compact enough for a million of them: plain memory (texts are
/// references into the ledger's `texts`, the id into its `ids`), so copying one retains nothing.
struct Lead: Sendable {
    /// The CRM's id: `ledger.ids[lead.id]`.
    var id: TextRef
    /// When the lead was created.
    @CompactInstant var createdAt: Int64?
    @CompactInstant var mqlAt: Int64?
    @CompactInstant var routedAt: Int64?
    /// The export's own first-touch column.
    @CompactInstant var firstTouchAt: Int64?
    @CompactInstant var decisionAt: Int64?
    @CompactInstant var sqlAt: Int64?
    @CompactInstant var opportunityAt: Int64?
    @CompactInstant var wonAt: Int64?
    /// Lead source (after `data.values.source` mapping).
    var source: TextRef = .empty
    /// Sales owner.
    var owner: TextRef = .empty
    /// Company name.
    var company: TextRef = .empty
    /// Industry.
    var industry: TextRef = .empty
    /// Country or region.
    var country: TextRef = .empty
    /// Job title.
    var title: TextRef = .empty
    /// BANT: the buying timeline given.
    var timeline: TextRef = .empty
    /// BANT: the use case given.
    var useCase: TextRef = .empty
    /// BANT: the budget given.
    var budget: TextRef = .empty
    /// The content the lead engaged with (lead context).
    var contentEngaged: TextRef = .empty
    /// A rejection reason id when it maps to one, else the text as exported.
    var rejectionReason: TextRef = .empty
    /// Company size.
    @CompactNumber var employees: Double?
    @CompactNumber var annualRevenue: Double?
    @CompactNumber var score: Double?
    var status: LeadStatus?
    /// Sales' decision.
    var decision: Decision?
    /// The export's own attempt counter.
    var attemptCountColumn: Int? {
        get { attemptCountRaw < 0 ? nil : Int(attemptCountRaw) }
        set { attemptCountRaw = Int32(clamping: newValue ?? -1) }
    }
    private var attemptCountRaw: Int32 = -1
    /// Where this lead's sales activities are in the ledger's flat `activities` array (time-ordered).
    var activityStart: Int32 = 0
    /// How many sales activities the lead has (every one the export lists, whatever its type or time).
    var activityCount: Int32 = 0
    /// Where this lead's engagement events are in the ledger's flat `events` array (time-ordered).
    var eventStart: Int32 = 0
    /// How many engagement events the lead has.
    var eventCount: Int32 = 0

    /// This lead's slice of the ledger's `events`.
    var eventRange: Range<Int> { Int(eventStart)..<Int(eventStart) + Int(eventCount) }

    /// This lead's slice of the ledger's `activities`.
    var activityRange: Range<Int> { Int(activityStart)..<Int(activityStart) + Int(activityCount) }

    /// Creates a lead with only an id.
    init(id: TextRef) {
        self.id = id
        createdAt = nil
        mqlAt = nil
        routedAt = nil
        firstTouchAt = nil
        decisionAt = nil
        sqlAt = nil
        opportunityAt = nil
        wonAt = nil
        employees = nil
        annualRevenue = nil
        score = nil
    }

    /// Points every text at its entry in another table (`remap[old entry]`), when tables are joined.
    mutating func remapTexts(_ remap: [TextRef]) {
        func m(_ t: TextRef) -> TextRef { remap[Int(t.raw)] }
        source = m(source)
        owner = m(owner)
        company = m(company)
        industry = m(industry)
        country = m(country)
        title = m(title)
        timeline = m(timeline)
        useCase = m(useCase)
        budget = m(budget)
        contentEngaged = m(contentEngaged)
        rejectionReason = m(rejectionReason)
    }

    /// When the handoff clock starts: routing, else becoming an MQL.
    var handoffAt: Int64? { routedAt ?? mqlAt }
}

/// One marketing interaction (engagement export) or one sales activity (activities export), in eight bytes: the instant in the high 48 bits (seconds, ±4 million years), the action
/// code in the low 16 (a million leads have five million of these, and sales activities share the layout).
struct EngagementEvent: Sendable {
    private var packed: Int64

    /// An event of `action` at `at` (clamped to ±2^47 seconds).
    init(action: UInt16, at: Int64) {
        packed = min(max(at, -(1 << 47)), (1 << 47) - 1) << 16 | Int64(action)
    }

    /// Index into the ledger's action names (engagement) or activity types (activities).
    var action: UInt16 {
        get { UInt16(truncatingIfNeeded: packed) }
        set { packed = packed & ~0xFFFF | Int64(newValue) }
    }

    /// When it happened.
    var at: Int64 {
        get { packed >> 16 }
        set { self = EngagementEvent(action: action, at: newValue) }
    }
}

/// A row or cell that could not be read, and what happened to it.
struct DataIssue: Sendable, Hashable {
    /// The file.
    var file: String
    /// The 1-based line.
    var line: Int
    /// The canonical column.
    var column: String
    /// The value as exported.
    var value: String
    /// Why it could not be read.
    var reason: String
    /// True when the whole row was left out; false when only the cell was treated as blank.
    var rowSkipped: Bool

    /// `leads.csv:12: column mql_at, value '31/02/2026': not a date — cell treated as blank`.
    var description: String {
        let shown = value.count > 40 ? String(value.prefix(40)) + "…" : value
        let column = self.column.isEmpty ? "" : " column \(self.column),"
        return
            "\(file):\(line):\(column) value '\(shown)': \(reason) — \(rowSkipped ? "row skipped" : "cell treated as blank")"
    }
}

/// What was read and what could not be.
struct DataQuality: Sendable {
    /// Data rows read per file.
    var rowsRead: [String: Int] = [:]
    /// Rows left out (no id, duplicate id, unknown lead, no timestamp).
    var rowsSkipped = 0
    /// Cells that could not be read and were treated as blank.
    var cellsBlanked = 0
    /// Title rows above the header (report exports), per file.
    var preambleRows: [String: Int] = [:]
    /// Report footer rows after the data (totals, "Generated by", copyright), per file in line order: never counted.
    var footers: [ReportFooter] = []
    /// How each file was written (encoding, delimiter, line ends), detected or as set.
    var dialects: [String: Dialect] = [:]
    /// Issues in file order; the first `detailLimit` are kept in full, all are counted.
    var issues: [DataIssue] = []
    /// Every issue, including those past the detail limit.
    var issueCount = 0
    /// How many issues are kept in full.
    static let detailLimit = 1000
    /// How the related deals export joined the leads, when one was read.
    var deals: DealJoin?
    /// Raw values (lowercased) seen in each column the agreement maps values of, for checking `data.values`.
    var valuesSeen: [String: Set<String>] = [:]
    /// Status and decision values that map to nothing known, with how many cells hold each.
    var unmapped: [String: [String: Int]] = [:]
    /// `data.values` checked against the data: keys that never occur (with a "did you mean"), values left unmapped.
    var mappingNotes: [String] = []
    /// Local times (no offset in the value) that a DST change makes nonexistent or ambiguous, per file and column.
    /// Counted for columns read by a pattern (declared or detected); a nonexistent time is read with the offset after
    /// the change, an ambiguous one as its first occurrence.
    var localTimes: [String: [String: LocalTimeCounts]] = [:]

    /// Counts a local time in a DST gap or overlap.
    mutating func noteLocalTime(_ kind: ZoneRules.LocalTimeKind, file: String, column: String) {
        localTimes[file, default: [:]][column, default: LocalTimeCounts()].note(kind)
    }

    /// Takes in the issues of the next span of the same file, whose lines were counted from 1.
    mutating func absorb(_ other: DataQuality, lineOffset: Int) {
        for (column, values) in other.valuesSeen { valuesSeen[column, default: []].formUnion(values) }
        for (column, counts) in other.unmapped { unmapped[column, default: [:]].merge(counts, uniquingKeysWith: +) }
        for (file, columns) in other.localTimes {
            for (column, counts) in columns {
                localTimes[file, default: [:]][column, default: LocalTimeCounts()].add(counts)
            }
        }
        issueCount += other.issueCount
        rowsSkipped += other.rowsSkipped
        cellsBlanked += other.cellsBlanked
        for var issue in other.issues where issues.count < DataQuality.detailLimit {
            issue.line += lineOffset
            issues.append(issue)
        }
    }

    /// Notes what a file's reading found before its rows: its dialect and its report footer.
    mutating func note(_ file: ReadFile) {
        dialects[file.path] = file.dialect
        footers.append(contentsOf: file.footers)
    }

    mutating func record(_ issue: DataIssue) {
        issueCount += 1
        if issue.rowSkipped { rowsSkipped += 1 } else { cellsBlanked += 1 }
        if issues.count < DataQuality.detailLimit { issues.append(issue) }
    }
}

/// Local times a DST change affects: in a spring-forward gap (they never happened) or a fall-back overlap (twice).
struct LocalTimeCounts: Sendable, Equatable {
    var nonexistent = 0
    var ambiguous = 0

    init(nonexistent: Int = 0, ambiguous: Int = 0) {
        self.nonexistent = nonexistent
        self.ambiguous = ambiguous
    }

    mutating func note(_ kind: ZoneRules.LocalTimeKind) {
        switch kind {
        case .normal: break
        case .nonexistent: nonexistent += 1
        case .ambiguous: ambiguous += 1
        }
    }

    mutating func add(_ other: LocalTimeCounts) {
        nonexistent += other.nonexistent
        ambiguous += other.ambiguous
    }

    var isEmpty: Bool { nonexistent == 0 && ambiguous == 0 }
}
