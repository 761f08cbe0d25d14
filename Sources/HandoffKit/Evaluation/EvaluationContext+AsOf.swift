/// The one as-of cut: every metric reads a lead through `lead(_:)`, which shows it as it stood at as-of.
extension EvaluationContext {
    /// Lead `index` as it stood at as-of: routing, the export's first touch, the decision (with its reason), SQL,
    /// opportunity and won are blank when they happened after as-of. A decision without a date cannot be placed in
    /// time and is kept. Activities are cut by `touches(for:)`; fields without a time (status, owner, …) are as exported.
    func lead(_ index: Int) -> Lead {
        var lead = ledger.leads[index]
        let asOf = self.asOf
        func cut(_ t: Int64?) -> Int64? { t.flatMap { $0 <= asOf ? $0 : nil } }
        lead.routedAt = cut(lead.routedAt)
        lead.firstTouchAt = cut(lead.firstTouchAt)
        if let at = lead.decisionAt, at > asOf {
            lead.decisionAt = nil
            lead.decision = nil
            lead.rejectionReason = .empty
        }
        lead.sqlAt = cut(lead.sqlAt)
        lead.opportunityAt = cut(lead.opportunityAt)
        lead.wonAt = cut(lead.wonAt)
        return lead
    }

    /// How commitment `c` reads the sales activities: its `attempt_types`, cut at as-of.
    func touches(for c: Commitment) -> SalesTouches {
        SalesTouches(ledger: ledger, asOf: asOf, attemptTypes: c.attemptTypes)
    }
}
