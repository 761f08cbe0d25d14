/// Header names and value mappings of a CRM's export format.
struct ColumnPreset: Sendable {
    /// The preset's name.
    var name: String
    /// Canonical column → accepted headers, first match wins (case-insensitive, spaces trimmed).
    var headers: [String: [String]]
    /// Canonical column → (export value, lowercased → canonical value).
    var values: [String: [String: String]]

    /// Names of the built-in presets.
    static let names = ["canonical", "hubspot", "salesforce"]

    /// The preset with this name.
    static func named(_ name: String) -> ColumnPreset {
        switch name {
        case "hubspot": return hubspot
        case "salesforce": return salesforce
        default: return canonical
        }
    }

    /// Canonical headers: each column under its own name.
    static let canonical = ColumnPreset(
        name: "canonical",
        headers: Dictionary(
            uniqueKeysWithValues: LeadColumn.allNames.map { ($0, [$0]) }
                + ActivityColumn.allCases.map { ($0.rawValue, [$0.canonicalHeader]) }),
        values: [:])

    /// HubSpot contact export. Decision columns are custom properties a portal adds for the SLA.
    static let hubspot = ColumnPreset(
        name: "hubspot",
        headers: [
            "lead_id": ["Record ID", "Contact ID"], "created_at": ["Create Date"], "source": ["Original Source"],
            "owner": ["Contact owner", "HubSpot Owner"], "routed_at": ["Owner Assigned Date"],
            "company": ["Company Name"],
            "industry": ["Industry"], "employees": ["Number of Employees"], "annual_revenue": ["Annual Revenue"],
            "country": ["Country/Region", "Country"], "title": ["Job Title"], "score": ["HubSpot Score"],
            // 2026 exports name lifecycle dates "Date entered "<stage> (Lifecycle Stage Pipeline)"".
            "mql_at": [
                "Became a Marketing Qualified Lead Date",
                "Date entered \"Marketing Qualified Lead (Lifecycle Stage Pipeline)\"",
            ],
            "sql_at": [
                "Became a Sales Qualified Lead Date",
                "Date entered \"Sales Qualified Lead (Lifecycle Stage Pipeline)\"",
            ],
            "opportunity_at": [
                "Became an Opportunity Date", "Date entered \"Opportunity (Lifecycle Stage Pipeline)\"",
            ],
            "won_at": ["Became a Customer Date", "Date entered \"Customer (Lifecycle Stage Pipeline)\""],
            "status": ["Lead Status"], "attempt_count": ["Number of times contacted"],
            "first_touch_at": ["Date of first engagement", "First Contact Date"],
            "decision": ["MQL Decision"], "decision_at": ["MQL Decision Date"],
            "rejection_reason": ["MQL Rejection Reason"],
            "timeline": ["Decision Timeline"], "use_case": ["Primary Challenge"], "budget": ["Budget Range"],
            "content_engaged": ["Recent Conversion"],
            "activity_lead_id": ["Associated Contact ID", "Record ID", "Contact ID"],
            "activity_at": ["Activity date", "Activity Date"],
            "activity_type": ["Activity type", "Activity Type"], "activity_outcome": ["Call outcome", "Outcome"],
            "activity_owner": ["Activity assigned to", "Assigned to"],
            "engagement_lead_id": ["Contact ID", "Record ID"], "engagement_at": ["Event date", "Timestamp"],
            "engagement_action": ["Event type", "Event"],
        ],
        values: [
            "status": [
                "new": "open", "open": "open", "in_progress": "working", "attempted_to_contact": "working",
                "connected": "working", "open_deal": "accepted", "unqualified": "rejected", "bad_timing": "nurture",
                "unresponsive": "unresponsive",
                // The labels a 2026 export writes instead of the internal values.
                "in progress": "working", "attempted to contact": "working", "open deal": "accepted",
                "bad timing": "nurture",
            ],
            "activity_type": [
                "call": "call", "email": "email", "sms": "sms", "meeting": "meeting", "linkedin_message": "social",
                "note": "note", "task": "task",
            ],
        ])

    /// Salesforce lead report export. MQL, routing and decision dates are custom fields the org adds for the SLA.
    static let salesforce = ColumnPreset(
        name: "salesforce",
        headers: [
            "lead_id": ["Lead ID"], "created_at": ["Create Date", "Created Date"], "source": ["Lead Source"],
            "owner": ["Lead Owner"],
            "company": ["Company / Account", "Company"], "industry": ["Industry"], "employees": ["No. of Employees"],
            "annual_revenue": ["Annual Revenue"], "country": ["Country"], "title": ["Title"], "status": ["Lead Status"],
            "sql_at": ["Converted Date"], "score": ["Lead Score"], "mql_at": ["MQL Date"],
            "routed_at": ["Owner Assigned Date"],
            "first_touch_at": ["First Touch Date"], "decision": ["MQL Decision"], "decision_at": ["MQL Decision Date"],
            "rejection_reason": ["Rejection Reason"], "opportunity_at": ["Opportunity Created Date"],
            "won_at": ["Closed Won Date"],
            "timeline": ["Timeline"], "use_case": ["Use Case"], "budget": ["Budget"], "attempt_count": ["Attempts"],
            "content_engaged": ["Last Content"],
            "activity_lead_id": ["Lead ID", "Name ID", "WhoId"], "activity_at": ["Date", "Activity Date"],
            "activity_type": ["Task Subtype", "Type"],
            "activity_outcome": ["Call Result", "Status"], "activity_owner": ["Assigned", "Assigned To"],
            "engagement_lead_id": ["Lead ID"], "engagement_at": ["Date"], "engagement_action": ["Activity", "Action"],
        ],
        values: [
            "status": [
                "open - not contacted": "open", "working - contacted": "working", "closed - converted": "accepted",
                "closed - not converted": "rejected", "nurturing": "nurture", "unresponsive": "unresponsive",
            ],
            "activity_type": [
                "call": "call", "email": "email", "list email": "email", "sms": "sms", "meeting": "meeting",
                "event": "meeting", "task": "task",
            ],
        ])
}
