/// One lead with everything the metrics need, compact enough for a million of them.
public struct Lead: Sendable {
    public var id: String
    @CompactInstant public var createdAt: Int64?
    @CompactInstant public var mqlAt: Int64?
    @CompactInstant public var routedAt: Int64?
    /// The export's own first-touch column.
    @CompactInstant public var firstTouchAt: Int64?
    @CompactInstant public var decisionAt: Int64?
    @CompactInstant public var sqlAt: Int64?
    @CompactInstant public var opportunityAt: Int64?
    @CompactInstant public var wonAt: Int64?
    public var source: String = ""
    public var owner: String = ""
    public var company: String = ""
    public var industry: String = ""
    public var country: String = ""
    public var title: String = ""
    public var timeline: String = ""
    public var useCase: String = ""
    public var budget: String = ""
    public var contentEngaged: String = ""
    @CompactNumber public var employees: Double?
    @CompactNumber public var annualRevenue: Double?
    @CompactNumber public var score: Double?
    public var status: LeadStatus?
    public var decision: Decision?
    /// A rejection reason id when it maps to one, else the text as exported.
    public var rejectionReason: String = ""
    /// The export's own attempt counter.
    public var attemptCountColumn: Int? {
        get { attemptCountRaw < 0 ? nil : Int(attemptCountRaw) }
        set { attemptCountRaw = Int32(clamping: newValue ?? -1) }
    }
    private var attemptCountRaw: Int32 = -1
    /// First sales touch at or after the handoff, from the activities file.
    @CompactInstant public var firstActivityAt: Int64?
    /// Attempt-type activities, from the activities file.
    public var attempts: Int32 = 0
    /// Where this lead's engagement events are in the ledger's flat `events` array (time-ordered).
    public var eventStart: Int32 = 0
    public var eventCount: Int32 = 0

    /// This lead's slice of the ledger's `events`.
    public var eventRange: Range<Int> { Int(eventStart)..<Int(eventStart) + Int(eventCount) }

    /// Creates a lead with only an id.
    public init(id: String) {
        self.id = id
        createdAt = nil; mqlAt = nil; routedAt = nil; firstTouchAt = nil; decisionAt = nil
        sqlAt = nil; opportunityAt = nil; wonAt = nil; firstActivityAt = nil
        employees = nil; annualRevenue = nil; score = nil
    }

    /// When the handoff clock starts: routing, else becoming an MQL.
    public var handoffAt: Int64? { routedAt ?? mqlAt }

    /// The first touch: the first activity after the handoff, else the export's own column.
    public var firstTouch: Int64? { firstActivityAt ?? firstTouchAt }

    /// Attempts from activities when there are any, else the export's counter.
    public var attemptTotal: Int? { attempts > 0 ? Int(attempts) : attemptCountColumn }
}

/// One marketing interaction.
public struct EngagementEvent: Sendable {
    /// Index into the ledger's action names.
    public var action: UInt16
    public var at: Int64
}

/// A row or cell that could not be read, and what happened to it.
public struct DataIssue: Sendable, Hashable {
    public var file: String
    public var line: Int
    public var column: String
    public var value: String
    public var reason: String
    /// True when the whole row was left out; false when only the cell was treated as blank.
    public var rowSkipped: Bool

    /// `leads.csv:12: column mql_at, value '31/02/2026': not a date — cell treated as blank`.
    public var description: String {
        let shown = value.count > 40 ? String(value.prefix(40)) + "…" : value
        let column = self.column.isEmpty ? "" : " column \(self.column),"
        return "\(file):\(line):\(column) value '\(shown)': \(reason) — \(rowSkipped ? "row skipped" : "cell treated as blank")"
    }
}

/// What was read and what could not be.
public struct DataQuality: Sendable {
    public var rowsRead: [String: Int] = [:]
    public var rowsSkipped = 0
    public var cellsBlanked = 0
    /// Title rows above the header (report exports), per file.
    public var preambleRows: [String: Int] = [:]
    /// Issues in file order; the first `detailLimit` are kept in full, all are counted.
    public var issues: [DataIssue] = []
    public var issueCount = 0
    /// Issue counts by reason.
    public var reasons: [String: Int] = [:]
    public static let detailLimit = 1000

    mutating func record(_ issue: DataIssue) {
        issueCount += 1
        reasons[issue.reason, default: 0] += 1
        if issue.rowSkipped { rowsSkipped += 1 } else { cellsBlanked += 1 }
        if issues.count < DataQuality.detailLimit { issues.append(issue) }
    }
}
