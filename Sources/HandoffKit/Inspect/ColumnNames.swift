/// Header names reduced for matching, and the names each canonical column goes by in exports.
enum ColumnNames {
    /// `Converted Opportunity ID` → `convertedopportunityid`: lowercase letters and digits only.
    static func squeeze(_ header: String) -> String {
        String(
            header.lowercased().unicodeScalars.filter { $0.properties.isAlphabetic || ("0"..."9").contains($0) }.map(
                Character.init))
    }

    /// True for a header that names an id or a record number (`LeadId`, `Lead Number`, `Key`).
    static func hintsID(_ header: String) -> Bool {
        let s = squeeze(header)
        return s.hasSuffix("id") || s.hasSuffix("key") || s.contains("number") || s == "no"
    }

    /// What kind of column a canonical column needs.
    enum Kind { case id, date, number, value }

    /// A canonical column's names: whole names (squeezed) first, then parts a name may contain.
    struct Rule {
        let canonical: String
        let kind: Kind
        let exact: [String]
        let contains: [String]
    }

    static let leadIDNames = ["leadid", "id", "prospectid", "recordid", "contactid"]

    /// Leads columns, in the order they claim headers.
    static let leads: [Rule] = [
        Rule(canonical: "lead_id", kind: .id, exact: leadIDNames, contains: ["leadid"]),
        Rule(
            canonical: "created_at", kind: .date,
            exact: ["createddate", "createdate", "createdat", "created", "createdon", "datecreated"], contains: []),
        Rule(
            canonical: "mql_at", kind: .date, exact: ["mqldate", "mqlat", "mqltimestamp"],
            contains: ["mql", "marketingqualified"]),
        Rule(
            canonical: "routed_at", kind: .date,
            exact: ["routedat", "routeddate", "assigneddate", "ownerassigneddate"], contains: ["routed"]),
        Rule(canonical: "first_touch_at", kind: .date, exact: [], contains: ["firsttouch", "firstcontact"]),
        Rule(
            canonical: "decision_at", kind: .date, exact: ["decisiondate", "decisionat", "decidedat"],
            contains: ["decisiondate"]),
        Rule(
            canonical: "sql_at", kind: .date, exact: ["sqldate", "sqlat", "converteddate"], contains: ["salesqualified"]
        ),
        Rule(
            canonical: "opportunity_at", kind: .date, exact: ["opportunitydate", "opportunityat"],
            contains: ["opportunitycreated", "becameanopportunity"]),
        Rule(
            canonical: "won_at", kind: .date, exact: ["wondate", "wonat", "closedwondate"],
            contains: ["closedwon", "becameacustomer"]),
        Rule(
            canonical: "owner", kind: .value,
            exact: [
                "owner", "leadowner", "ownerid", "ownername", "owneremployeeid", "salesagent", "assignedto", "salesrep",
            ], contains: []),
        Rule(canonical: "source", kind: .value, exact: ["source", "leadsource", "originalsource"], contains: []),
        Rule(canonical: "status", kind: .value, exact: ["status", "leadstatus", "stage", "leadstage"], contains: []),
        Rule(canonical: "decision", kind: .value, exact: ["decision", "mqldecision"], contains: []),
        Rule(
            canonical: "rejection_reason", kind: .value,
            exact: ["rejectionreason", "disqualifiedreason", "disqualificationreason", "deadreason", "lostreason"],
            contains: []),
        Rule(
            canonical: "company", kind: .value,
            exact: ["company", "companyname", "account", "accountname", "companyaccount"], contains: []),
        Rule(canonical: "industry", kind: .value, exact: ["industry"], contains: []),
        Rule(canonical: "title", kind: .value, exact: ["title", "jobtitle"], contains: []),
        Rule(canonical: "country", kind: .value, exact: ["country", "countryregion"], contains: []),
        Rule(
            canonical: "employees", kind: .number,
            exact: ["employees", "numberofemployees", "noofemployees", "employeecount"], contains: []),
        Rule(canonical: "annual_revenue", kind: .number, exact: ["annualrevenue", "revenue"], contains: []),
        Rule(canonical: "score", kind: .number, exact: ["score", "leadscore"], contains: []),
        Rule(
            canonical: "attempt_count", kind: .number, exact: ["attempts", "attemptcount", "numberoftimescontacted"],
            contains: []),
    ]

    static let personIDNames = [
        "leadid", "contactid", "recordid", "prospectid", "whoid", "nameid", "associatedcontactid",
    ]

    static let activities: [Rule] = [
        Rule(canonical: "activity_lead_id", kind: .value, exact: personIDNames, contains: ["leadid", "contactid"]),
        Rule(
            canonical: "activity_at", kind: .date,
            exact: ["activitydate", "date", "at", "timestamp", "activitytime", "createddate"],
            contains: ["date", "time"]),
        Rule(
            canonical: "activity_type", kind: .value, exact: ["type", "activitytype", "tasksubtype", "channel"],
            contains: ["type"]),
        Rule(
            canonical: "activity_outcome", kind: .value,
            exact: ["outcome", "result", "calloutcome", "callresult", "disposition"], contains: []),
    ]

    static let engagement: [Rule] = [
        Rule(canonical: "engagement_lead_id", kind: .value, exact: personIDNames, contains: ["leadid", "contactid"]),
        Rule(
            canonical: "engagement_at", kind: .date, exact: ["eventdate", "date", "at", "timestamp", "occurredat"],
            contains: ["date", "time"]),
        Rule(
            canonical: "engagement_action", kind: .value,
            exact: ["action", "event", "eventtype", "activity", "interaction"], contains: []),
    ]

    static func rules(_ role: InspectRole) -> [Rule] {
        switch role {
        case .leads: return leads
        case .activities: return activities
        case .engagement: return engagement
        case .deals, .notUsed: return []
        }
    }

    /// The headers the built-in presets give `canonical` (canonical, HubSpot, Salesforce), squeezed.
    static func presetNames(_ canonical: String) -> [String] {
        var out: [String] = []
        for name in ColumnPreset.names {
            for header in ColumnPreset.named(name).headers[canonical] ?? [] where !out.contains(squeeze(header)) {
                out.append(squeeze(header))
            }
        }
        return out
    }

    /// True when `type` suits a column of `kind`.
    static func fits(_ type: ColumnType, _ kind: Kind) -> Bool {
        switch kind {
        case .id: return !type.isDateTime && type != .empty
        case .date: return type.isDateTime
        case .number: return type == .integer || type == .number || type == .empty
        case .value: return !type.isDateTime
        }
    }
}
