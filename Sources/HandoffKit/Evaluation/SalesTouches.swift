/// A commitment's reading of the sales activities: which types count (its `attempt_types`, default every type but
/// `note` and `task`) and only what happened no later than as-of.
struct SalesTouches {
    let ledger: LeadLedger
    let asOf: Int64
    /// Per activity type of the ledger: does it count for this commitment?
    let counts: [Bool]

    static let notAttempts: Set<String> = ["note", "task"]

    init(ledger: LeadLedger, asOf: Int64, attemptTypes: [String]) {
        self.ledger = ledger
        self.asOf = asOf
        let wanted = Set(attemptTypes.map { $0.lowercased() })
        counts = ledger.activityTypes.map {
            wanted.isEmpty ? !SalesTouches.notAttempts.contains($0) : wanted.contains($0)
        }
    }

    /// The first counted activity at or after `handoff` and no later than as-of; without one, the export's
    /// `first_touch_at` when it is no later than as-of.
    func firstTouch(_ lead: Lead, from handoff: Int64) -> Int64? {
        firstActivity(lead, from: handoff)?.at ?? lead.firstTouchAt.flatMap { $0 <= asOf ? $0 : nil }
    }

    /// The first counted activity at or after `handoff` and no later than as-of.
    func firstActivity(_ lead: Lead, from handoff: Int64) -> EngagementEvent? {
        // A lead's activities are time-ordered: the first that counts is the first touch.
        ledger.activities[lead.activityRange].first { $0.at >= handoff && $0.at <= asOf && counts[Int($0.action)] }
    }

    /// Who made the first touch at or after `handoff`, when the activities export names them.
    func firstTouchOwner(_ lead: Lead, from handoff: Int64) -> String? {
        firstActivity(lead, from: handoff).flatMap { ledger.owner(of: $0) }
    }

    /// Counted activities no later than as-of; when there are none, the export's `attempt_count`.
    func attempts(_ lead: Lead) -> Int? {
        var n = 0
        for a in ledger.activities[lead.activityRange] where a.at <= asOf && counts[Int(a.action)] { n += 1 }
        return n > 0 ? n : lead.attemptCountColumn
    }
}
