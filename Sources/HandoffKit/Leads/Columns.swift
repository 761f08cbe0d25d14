/// Canonical lead columns (DATA.md), plus the optional BANT answers and an attempt count.
enum LeadColumn: String, CaseIterable, Sendable {
    case leadID = "lead_id"
    case createdAt = "created_at"
    case source, owner, company, industry, employees
    case annualRevenue = "annual_revenue"
    case country, title, score
    case mqlAt = "mql_at"
    case routedAt = "routed_at"
    case firstTouchAt = "first_touch_at"
    case status, decision
    case decisionAt = "decision_at"
    case rejectionReason = "rejection_reason"
    case sqlAt = "sql_at"
    case opportunityAt = "opportunity_at"
    case wonAt = "won_at"
    case timeline
    case useCase = "use_case"
    case budget
    case attemptCount = "attempt_count"
    case contentEngaged = "content_engaged"

    /// Every canonical name.
    static let allNames = allCases.map(\.rawValue)

    /// Columns holding instants.
    var isTimestamp: Bool {
        [.createdAt, .mqlAt, .routedAt, .firstTouchAt, .decisionAt, .sqlAt, .opportunityAt, .wonAt].contains(self)
    }
}

/// Canonical columns of the activities and engagement files, as named in `data.columns`.
enum ActivityColumn: String, CaseIterable, Sendable {
    case activityLeadID = "activity_lead_id"
    case activityAt = "activity_at"
    case activityType = "activity_type"
    case activityOutcome = "activity_outcome"
    case activityOwner = "activity_owner"
    case engagementLeadID = "engagement_lead_id"
    case engagementAt = "engagement_at"
    case engagementAction = "engagement_action"

    /// Every canonical name.
    static let allNames = allCases.map(\.rawValue)

    /// The header the canonical file uses.
    var canonicalHeader: String {
        switch self {
        case .activityLeadID, .engagementLeadID: return "lead_id"
        case .activityAt, .engagementAt: return "at"
        case .activityType: return "type"
        case .activityOutcome: return "outcome"
        case .activityOwner: return "owner"
        case .engagementAction: return "action"
        }
    }
}

/// Lead status, normalised.
enum LeadStatus: String, CaseIterable, Sendable {
    case open, working, accepted, rejected, unresponsive, nurture
}

/// Sales' decision on an MQL.
enum Decision: String, Sendable {
    case accepted, rejected
}
