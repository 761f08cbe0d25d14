/// What the exports cover, stated in every document next to the as-of: the first and last MQL, the last sales
/// activity, and where the leads export ends. A period wholly outside it has *no data*, never a verdict.
struct Coverage: Sendable {
    /// The earliest `mql_at` in the leads export.
    var firstMQL: Int64?
    /// The latest `mql_at` in the leads export.
    var lastMQL: Int64?
    /// The latest sales activity, when an activities export was read.
    var lastActivity: Int64?
    /// The latest timestamp of any column of the leads export.
    var leadsEnd: Int64?

    /// Nothing known.
    init(firstMQL: Int64? = nil, lastMQL: Int64? = nil, lastActivity: Int64? = nil, leadsEnd: Int64? = nil) {
        self.firstMQL = firstMQL
        self.lastMQL = lastMQL
        self.lastActivity = lastActivity
        self.leadsEnd = leadsEnd
    }

    /// The coverage of a ledger.
    init(_ ledger: LeadLedger, firstMQL: Int64?, lastMQL: Int64?) {
        self.init(
            firstMQL: firstMQL, lastMQL: lastMQL, lastActivity: ledger.activities.lazy.map(\.at).max(),
            leadsEnd: ledger.leadsLatestTimestamp)
    }

    /// True when `period` ends before the first MQL, or begins at or after the end of what the leads export (cut at
    /// as-of) describes: nothing in it can be judged.
    func excludes(_ period: Period, asOf: Int64) -> Bool {
        guard let first = firstMQL else { return true }
        let end = min(asOf, leadsEnd ?? asOf)
        return period.end <= first || period.start > end
    }

    /// `MQLs from 2026-09-01 09:00 to 2026-11-20 17:05; last sales activity 2026-11-20 18:00`.
    func text(_ zone: ZoneRules) -> String {
        guard let first = firstMQL, let last = lastMQL else { return "the leads export has no MQL dates" }
        var out = "MQLs from \(Dates.local(first, zone)) to \(Dates.local(last, zone))"
        if let a = lastActivity { out += "; last sales activity \(Dates.local(a, zone))" }
        return out
    }
}
