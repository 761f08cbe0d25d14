/// The metric catalogue: every measurable quantity a commitment or target can name.
enum Metric: String, CaseIterable, Sendable {
    case mqlCount = "mql_count"
    case routingTime = "routing_time"
    case firstTouchTime = "first_touch_time"
    case attemptsBeforeUnresponsive = "attempts_before_unresponsive"
    case feedbackTime = "feedback_time"
    case untouchedLeads = "untouched_leads"
    case contextCompleteRate = "context_complete_rate"
    case criteriaMetRate = "criteria_met_rate"
    case acceptanceRate = "acceptance_rate"
    case rejectionReasons = "rejection_reasons"
    case mqlToSQLRate = "mql_to_sql_rate"
    case funnel
    case sourceEffectiveness = "source_effectiveness"
    case ownerBreakdown = "owner_breakdown"

    /// How a commitment on this metric is bounded.
    enum Shape: Sendable {
        /// `within: 30m` — a per-lead duration, `goal` share of leads must meet it.
        case duration
        /// `at_least: 120` with `per: week|month`.
        case volume
        /// `at_least: 6` per lead, `goal` share of leads must meet it.
        case perLeadCount
        /// `at_least: 90%` or `between: [70%, 80%]` — a share of the cohort.
        case rate
        /// A report section, not a promise.
        case report
    }

    /// How commitments on this metric are bounded.
    var shape: Shape {
        switch self {
        case .routingTime, .firstTouchTime, .feedbackTime, .untouchedLeads: return .duration
        case .mqlCount: return .volume
        case .attemptsBeforeUnresponsive: return .perLeadCount
        case .contextCompleteRate, .criteriaMetRate, .acceptanceRate, .mqlToSQLRate: return .rate
        case .rejectionReasons, .funnel, .sourceEffectiveness, .ownerBreakdown: return .report
        }
    }

    /// Options, beyond the common ones, that a commitment on this metric takes.
    var options: Set<String> {
        switch self {
        case .firstTouchTime: return ["attempt_types", "bands"]
        case .attemptsBeforeUnresponsive: return ["attempt_types"]
        case .feedbackTime: return ["require_reason", "bands"]
        case .untouchedLeads: return ["attempt_types", "bands"]
        case .routingTime: return ["bands"]
        case .contextCompleteRate: return ["required_fields"]
        default: return []
        }
    }

    /// Plain words for reports: "time to first contact".
    var noun: String {
        switch self {
        case .mqlCount: return "MQL volume"
        case .routingTime: return "routing time"
        case .firstTouchTime: return "time to first contact"
        case .attemptsBeforeUnresponsive: return "attempts before unresponsive"
        case .feedbackTime: return "accept/reject feedback time"
        case .untouchedLeads: return "untouched leads"
        case .contextCompleteRate: return "lead context completeness"
        case .criteriaMetRate: return "MQLs meeting the definition"
        case .acceptanceRate: return "acceptance rate"
        case .rejectionReasons: return "rejection reasons"
        case .mqlToSQLRate: return "MQL→SQL conversion"
        case .funnel: return "funnel"
        case .sourceEffectiveness: return "lead-source effectiveness"
        case .ownerBreakdown: return "breaches by owner"
        }
    }
}
