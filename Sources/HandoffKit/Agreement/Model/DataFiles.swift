/// One export named in the agreement's `data.files`: which role it plays and how it differs from the others.
///
/// Teams export calls, e-mails and meetings separately, each with its own headers; every file can carry its own
/// column names and value mappings (on top of `data.columns` / `data.values`), and an activities file without a type
/// column can say what every row of it is.
public struct ExportFileSettings: Sendable, Equatable {
    /// What the file holds.
    public enum Role: String, Sendable, CaseIterable {
        case leads, activities, engagement
    }

    var role: Role
    /// The path, relative to the `--data` folder unless absolute.
    var path: String
    /// Canonical column → header, for this file only.
    var columns: [String: String] = [:]
    /// Canonical column → (export value → canonical value), for this file only (lowercased keys).
    var values: [String: [String: String]] = [:]
    /// Activities: the type of every row, when the file has no type column (`calls.csv` → `call`).
    var type: String?
    /// This file's encoding and delimiter, when they differ from `data.encoding` / `data.delimiter` (else detected).
    var encoding: Dialect.Encoding?
    var delimiter: UInt8?
    /// This file's `date_formats`, replacing `data.date_formats` for it.
    var timestampFormats: TimestampFormats?
    /// Where the entry is written, for messages.
    var location: SourceLocation?

    init(role: Role, path: String) {
        self.role = role
        self.path = path
    }
}

/// A related export (deals, opportunities, potentials) joined to the leads by key, and the lead facts it gives.
///
/// ```yaml
/// deals:
///   path: Opportunities.csv
///   key: OpportunityId                 # the deals export's column
///   lead_key: ConvertedOpportunityId   # the leads export's column holding it (default: the lead id)
///   facts:
///     - {fact: sql_at, at: CreatedDate}
///     - {fact: accepted, at: AcceptedDecisionDate, when: {IsAccepted: "TRUE"}}
///     - {fact: won_at, at: Close Date, when: {Stage: Closed Won}}
/// ```
struct DealsSettings: Sendable, Equatable {
    /// The deals export, relative to the `--data` folder unless absolute.
    var path: String
    /// The deals export's column that joins (an opportunity id, or the lead id it belongs to).
    var key: String
    /// The leads export's column holding the same key; `nil` joins on the lead id.
    var leadKey: String?
    /// What each related deal says about its lead, in order.
    var facts: [DealFact]
    var location: SourceLocation?

    init(path: String, key: String, leadKey: String?, facts: [DealFact]) {
        self.path = path
        self.key = key
        self.leadKey = leadKey
        self.facts = facts
    }
}

/// One lead fact derived from its related deals: the time `at` of the earliest related deal that matches `when`.
struct DealFact: Sendable, Equatable {
    /// The lead fact set.
    enum Kind: String, Sendable, CaseIterable {
        case mqlAt = "mql_at"
        case routedAt = "routed_at"
        case sqlAt = "sql_at"
        case opportunityAt = "opportunity_at"
        case wonAt = "won_at"
        /// Sales' decision, at the decision's time.
        case accepted, rejected
    }

    var kind: Kind
    /// The deals export's date/time column.
    var at: String
    /// Column → the values (any of them, case-insensitive) a deal must have; empty: every related deal.
    var when: [String: [String]]

    init(kind: Kind, at: String, when: [String: [String]] = [:]) {
        self.kind = kind
        self.at = at
        self.when = when
    }
}
