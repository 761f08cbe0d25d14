/// Turns one commitment into a verdict for the context's period.
struct CommitmentEvaluator {
    let context: EvaluationContext

    func evaluate(_ c: Commitment) -> CommitmentResult {
        evaluate(c, cohort: context.cohort(context.period))
    }

    func evaluate(_ c: Commitment, cohort: ArraySlice<Int>) -> CommitmentResult {
        if let missing = missingInput(c) {
            return result(
                c, .notMeasurable, value: nil, valueText: "–", denominator: 0, pending: 0, breaches: [], note: missing)
        }
        switch c.metric {
        case .mqlCount: return VolumeMetric(context: context).evaluate(c)
        case .routingTime, .firstTouchTime, .feedbackTime, .untouchedLeads:
            return DurationMetric(context: context).evaluate(c, cohort: cohort)
        case .attemptsBeforeUnresponsive: return attempts(c, cohort: cohort)
        case .contextCompleteRate: return contextComplete(c, cohort: cohort)
        case .criteriaMetRate: return criteriaMet(c, cohort: cohort)
        case .acceptanceRate, .mqlToSQLRate:
            let target = FunnelTargets(context: context)
            let reading = c.metric == .acceptanceRate ? target.acceptance(cohort: cohort) : target.conversion()
            var band = reading.band
            if case .between(let low, let high) = c.bound {
                band.low = low
                band.high = high
            }
            let (verdict, _) = FunnelTargets.judge(
                reading.value, denominator: reading.denominator, band: band, bound: c.bound, minimum: minimum(c))
            return result(
                c, verdict, value: reading.value, valueText: reading.value.map { Percent.format($0) } ?? "–",
                denominator: reading.denominator, pending: reading.pending, breaches: [], note: reading.note)
        case .rejectionReasons, .funnel, .sourceEffectiveness, .ownerBreakdown:
            return result(
                c, .notMeasurable, value: nil, valueText: "–", denominator: 0, pending: 0, breaches: [],
                note: "a report, not a commitment")
        }
    }

    /// The first input a commitment needs that the export lacks, in words.
    func missingInput(_ c: Commitment) -> String? {
        let l = context.ledger
        func need(_ column: LeadColumn) -> String? { l.has(column) ? nil : "needs column \(column.rawValue)" }
        // Every commitment is judged on a cohort of MQLs; without any timestamp, the cohort is every lead, and only what
        // needs no time is judged.
        if context.period.kind == .all, c.metric == .contextCompleteRate || c.metric == .acceptanceRate {
        } else if let m = need(.mqlAt) {
            return context.period.kind == .all ? m + " (the exports have no timestamps)" : m
        }
        switch c.metric {
        case .mqlCount: return need(.mqlAt)
        case .routingTime: return need(.mqlAt) ?? need(.routedAt)
        case .firstTouchTime, .untouchedLeads:
            if c.metric == .untouchedLeads, let m = need(.routedAt) { return m }
            return l.hasActivities || l.has(.firstTouchAt)
                ? nil : "needs the activities export or column first_touch_at"
        case .attemptsBeforeUnresponsive:
            if let m = need(.status) { return m }
            return l.hasActivities || l.has(.attemptCount) ? nil : "needs the activities export or column attempt_count"
        case .feedbackTime:
            return need(.decisionAt) ?? (l.has(.decision) || l.has(.status) ? nil : "needs column decision")
        case .contextCompleteRate:
            return c.requiredFields.first { LeadColumn(rawValue: $0).map { !l.has($0) } ?? true }.map {
                "needs column \($0)"
            }
        case .criteriaMetRate:
            return l.hasEngagement ? nil : "needs the engagement export to re-score leads with the agreement's model"
        case .acceptanceRate: return l.has(.decision) || l.has(.status) ? nil : "needs column decision"
        case .mqlToSQLRate: return need(.sqlAt)
        default: break
        }
        if c.scope == .fastTrack || c.scope == .standard, !l.hasEngagement {
            return "needs the engagement export to tell fast-track MQLs apart"
        }
        return nil
    }

    func result(
        _ c: Commitment, _ v: Verdict, value: Double?, valueText: String, denominator: Int, pending: Int,
        breaches: [Breach], note: String, median: Int64? = nil, p90: Int64? = nil
    ) -> CommitmentResult {
        let sorted = breaches.sorted { ($0.severity, $1.leadID) > ($1.severity, $0.leadID) }
        return CommitmentResult(
            commitment: c, verdict: v, value: value, valueText: valueText, goalText: CommitmentText.goal(c),
            denominator: denominator, pending: pending, breaches: sorted, note: note, median: median, p90: p90)
    }

    /// The smallest sample a verdict on `c` needs.
    func minimum(_ c: Commitment) -> Int { c.minimumSample ?? context.agreement.targets.minimumSample }

    /// Met when the share meeting the bound reaches the goal; insufficient below the minimum sample.
    func shareVerdict(met: Int, judged: Int, goal: Double, minimum: Int) -> Verdict {
        if judged == 0 || judged < minimum { return .insufficientData }
        return Double(met) / Double(judged) + 1e-9 >= goal ? .met : .missed
    }

    func attempts(_ c: Commitment, cohort: ArraySlice<Int>) -> CommitmentResult {
        guard case .atLeast(let n) = c.bound else {
            return result(
                c, .notMeasurable, value: nil, valueText: "–", denominator: 0, pending: 0, breaches: [],
                note: "needs at_least")
        }
        let needed = Int(n)
        var met = 0, judged = 0
        var breaches: [Breach] = []
        let touches = context.touches(for: c)
        for i in context.scoped(cohort, c.scope) {
            let lead = context.lead(i)
            guard lead.status == .unresponsive else { continue }
            judged += 1
            let made = touches.attempts(lead) ?? 0
            if made >= needed {
                met += 1
            } else {
                breaches.append(
                    context.breach(
                        lead, "\(made) of \(needed) attempts before unresponsive", severity: Int64(needed - made)))
            }
        }
        let share = judged == 0 ? nil : Double(met) / Double(judged)
        return result(
            c, shareVerdict(met: met, judged: judged, goal: c.goal.fraction, minimum: minimum(c)), value: share,
            valueText: share.map { Percent.format($0) } ?? "–", denominator: judged, pending: 0, breaches: breaches,
            note: "\(judged) MQLs marked unresponsive")
    }

    func contextComplete(_ c: Commitment, cohort: ArraySlice<Int>) -> CommitmentResult {
        let touches = context.touches(for: c)
        return cohortShare(c, cohort, note: "") { lead in
            let missing = c.requiredFields.filter { !LeadValues.filled(lead, $0, touches) }
            return missing.isEmpty ? nil : ("missing " + missing.joined(separator: ", "), Int64(missing.count))
        }
    }

    func criteriaMet(_ c: Commitment, cohort: ArraySlice<Int>) -> CommitmentResult {
        cohortShare(c, cohort, note: "re-scored at the moment each lead became an MQL") { lead in
            let check = context.scorer.check(lead, at: lead.mqlAt ?? context.asOf)
            return check.meets ? nil : (check.reason, 1)
        }
    }

    /// The share of the scoped cohort that passes `breach` (which returns nil for a lead that meets the bound,
    /// else what is wrong and how badly), judged as a rate.
    func cohortShare(
        _ c: Commitment, _ cohort: ArraySlice<Int>, note: String,
        breach: (Lead) -> (detail: String, severity: Int64)?
    ) -> CommitmentResult {
        let leads = context.scoped(cohort, c.scope)
        var breaches: [Breach] = []
        for i in leads {
            let lead = context.lead(i)
            if let (detail, severity) = breach(lead) {
                breaches.append(context.breach(lead, detail, severity: severity))
            }
        }
        return rate(c, met: leads.count - breaches.count, judged: leads.count, breaches: breaches, note: note)
    }

    /// A cohort share judged against an at_least / at_most / between bound.
    func rate(_ c: Commitment, met: Int, judged: Int, breaches: [Breach], note: String) -> CommitmentResult {
        let share = judged == 0 ? nil : Double(met) / Double(judged)
        var verdict: Verdict = .insufficientData
        if let share, judged >= minimum(c) {
            switch c.bound {
            case .atLeast(let x): verdict = share + 1e-9 >= x ? .met : .missed
            case .atMost(let x): verdict = share <= x + 1e-9 ? .met : .missed
            case .between(let lo, let hi): verdict = share + 1e-9 >= lo && share <= hi + 1e-9 ? .met : .missed
            case .within: verdict = .notMeasurable
            }
        }
        return result(
            c, verdict, value: share, valueText: share.map { Percent.format($0) } ?? "–", denominator: judged,
            pending: 0, breaches: breaches, note: note)
    }
}

/// Reads a canonical column's value off a lead, for completeness checks.
enum LeadValues {
    static func filled(_ lead: Lead, _ column: String, _ touches: SalesTouches) -> Bool {
        switch LeadColumn(rawValue: column) {
        case .leadID?: return !lead.id.isEmpty
        case .createdAt?: return lead.createdAt != nil
        case .source?: return !lead.source.isEmpty
        case .owner?: return !lead.owner.isEmpty
        case .company?: return !lead.company.isEmpty
        case .industry?: return !lead.industry.isEmpty
        case .employees?: return lead.employees != nil
        case .annualRevenue?: return lead.annualRevenue != nil
        case .country?: return !lead.country.isEmpty
        case .title?: return !lead.title.isEmpty
        case .score?: return lead.score != nil
        case .mqlAt?: return lead.mqlAt != nil
        case .routedAt?: return lead.routedAt != nil
        case .firstTouchAt?: return lead.handoffAt.flatMap { touches.firstTouch(lead, from: $0) } != nil
        case .status?: return lead.status != nil
        case .decision?: return lead.decision != nil
        case .decisionAt?: return lead.decisionAt != nil
        case .rejectionReason?: return !lead.rejectionReason.isEmpty
        case .sqlAt?: return lead.sqlAt != nil
        case .opportunityAt?: return lead.opportunityAt != nil
        case .wonAt?: return lead.wonAt != nil
        case .timeline?: return !lead.timeline.isEmpty
        case .useCase?: return !lead.useCase.isEmpty
        case .budget?: return !lead.budget.isEmpty
        case .attemptCount?: return touches.attempts(lead) != nil
        case .contentEngaged?: return !lead.contentEngaged.isEmpty
        case nil: return false
        }
    }
}
