/// Canonical lead columns (DATA.md), plus the optional BANT answers and an attempt count.
public enum LeadColumn: String, CaseIterable, Sendable {
    case leadID = "lead_id", createdAt = "created_at", source, owner, company, industry, employees
    case annualRevenue = "annual_revenue", country, title, score
    case mqlAt = "mql_at", routedAt = "routed_at", firstTouchAt = "first_touch_at"
    case status, decision, decisionAt = "decision_at", rejectionReason = "rejection_reason"
    case sqlAt = "sql_at", opportunityAt = "opportunity_at", wonAt = "won_at"
    case timeline, useCase = "use_case", budget
    case attemptCount = "attempt_count"
    case contentEngaged = "content_engaged"

    /// Every canonical name.
    public static let allNames = allCases.map(\.rawValue)

    /// Columns holding instants.
    public var isTimestamp: Bool {
        [.createdAt, .mqlAt, .routedAt, .firstTouchAt, .decisionAt, .sqlAt, .opportunityAt, .wonAt].contains(self)
    }
}

/// Canonical columns of the activities and engagement files, as named in `data.columns`.
public enum ActivityColumn: String, CaseIterable, Sendable {
    case activityLeadID = "activity_lead_id", activityAt = "activity_at", activityType = "activity_type", activityOutcome = "activity_outcome"
    case engagementLeadID = "engagement_lead_id", engagementAt = "engagement_at", engagementAction = "engagement_action"

    /// Every canonical name.
    public static let allNames = allCases.map(\.rawValue)

    /// The header the canonical file uses.
    public var canonicalHeader: String {
        switch self {
        case .activityLeadID, .engagementLeadID: return "lead_id"
        case .activityAt, .engagementAt: return "at"
        case .activityType: return "type"
        case .activityOutcome: return "outcome"
        case .engagementAction: return "action"
        }
    }
}

/// Lead status, normalised.
public enum LeadStatus: String, CaseIterable, Sendable {
    case open, working, accepted, rejected, unresponsive, nurture
}

/// Sales' decision on an MQL.
public enum Decision: String, Sendable {
    case accepted, rejected
}
