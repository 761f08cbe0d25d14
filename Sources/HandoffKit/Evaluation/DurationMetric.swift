/// routing_time, first_touch_time, feedback_time and untouched_leads: a per-lead clock with a deadline.
///
/// For each lead in scope: the clock starts at `start`; the lead meets the bound when `event` happens
/// (no later than as-of) within the allowed time on the commitment's clock. With no event, the lead
/// is *pending* while its deadline is after as-of, and a breach once the deadline has passed.
struct DurationMetric {
    let context: EvaluationContext

    func evaluate(_ c: Commitment, cohort: ArraySlice<Int>) -> CommitmentResult {
        let evaluator = CommitmentEvaluator(context: context)
        guard case .within(let limit) = c.bound else {
            return evaluator.result(
                c, .notMeasurable, value: nil, valueText: "–", denominator: 0, pending: 0, breaches: [],
                note: "needs within")
        }
        let units = ClockSpan(c.clock, hours: context.agreement.businessHours)
        let asOf = context.asOf
        var met = 0, pending = 0
        var breaches: [Breach] = []
        // Every judged lead's elapsed time on the commitment's clock (time so far at as-of for a breach with no event,
        // a lower bound): the one population of the median, p90 and the distribution's bands.
        var samples: [DurationSample] = []
        let touches = context.touches(for: c)
        for i in context.scoped(cohort, c.scope) {
            let lead = context.lead(i)
            guard let (start, eventAt) = span(c, lead, touches) else { continue }
            let clock = context.clock(c, for: lead)
            let event = eventAt.flatMap { $0 <= asOf ? $0 : nil }
            let deadline = clock.deadline(from: start, after: limit.seconds)
            if c.metric == .feedbackTime, c.requireReason, let event, lead.decision == .rejected,
                lead.rejectionReason.isEmpty
            {
                breaches.append(context.breach(lead, "rejected without a reason", severity: 0))
                samples.append(
                    DurationSample(
                        elapsed: clock.elapsed(from: start, to: event), owner: lead.owner, source: lead.source))
                continue
            }
            if let event {
                let elapsed = clock.elapsed(from: start, to: event)
                samples.append(DurationSample(elapsed: elapsed, owner: lead.owner, source: lead.source))
                if elapsed <= limit.seconds {
                    met += 1
                } else {
                    let late = elapsed - limit.seconds
                    let by = touchedBy(c, lead, start, touches).map { " (first touch by \($0))" } ?? ""
                    breaches.append(
                        context.breach(lead, "late by \(units.text(late))\(by)", severity: late)
                            .timed(started: start, due: deadline, happened: event, lateBy: late))
                }
            } else if deadline > asOf {
                pending += 1
            } else if c.metric == .feedbackTime, lead.decision != nil {
                breaches.append(context.breach(lead, "decided, but no decision date was recorded", severity: 0))
            } else {
                let late = clock.elapsed(from: deadline, to: asOf)
                samples.append(
                    DurationSample(
                        elapsed: clock.elapsed(from: start, to: asOf), owner: lead.owner, source: lead.source))
                breaches.append(
                    context.breach(lead, "\(noEvent(c)) \(units.text(late)) past the deadline", severity: late)
                        .timed(started: start, due: deadline, happened: nil, lateBy: late))
            }
        }
        let judged = met + breaches.count
        let share = judged == 0 ? nil : Double(met) / Double(judged)
        let verdict = evaluator.shareVerdict(
            met: met, judged: judged, goal: c.goal.fraction, minimum: evaluator.minimum(c))
        let elapsedTimes = samples.map(\.elapsed).sorted()
        let median = Percentile.nearestRank(50, ofSorted: elapsedTimes),
            p90 = Percentile.nearestRank(90, ofSorted: elapsedTimes)
        var note = ""
        if let median, let p90 {
            note = "median \(units.text(median)), p90 \(units.text(p90)) on the \(c.clock.rawValue) clock"
        }
        if c.metric == .untouchedLeads, !breaches.isEmpty {
            note += (note.isEmpty ? "" : "; ") + "\(breaches.count) to reassign"
        }
        var result = evaluator.result(
            c, verdict, value: share, valueText: share.map { Percent.format($0) } ?? "–",
            denominator: judged, pending: pending, breaches: breaches, note: note, median: median, p90: p90)
        result.samples = samples
        return result
    }

    /// When the clock starts and when the awaited event happened, or nil when the lead is out of scope.
    func span(_ c: Commitment, _ lead: Lead, _ touches: SalesTouches) -> (Int64, Int64?)? {
        switch c.metric {
        case .routingTime:
            guard let mql = lead.mqlAt else { return nil }
            return (mql, lead.routedAt)
        case .firstTouchTime:
            guard let start = lead.handoffAt else { return nil }
            return (start, touches.firstTouch(lead, from: start))
        case .untouchedLeads:
            guard let routed = lead.routedAt else { return nil }
            return (routed, touches.firstTouch(lead, from: routed))
        case .feedbackTime:
            guard let start = lead.handoffAt else { return nil }
            return (start, lead.decision == nil ? nil : lead.decisionAt)
        default:
            return nil
        }
    }

    /// Who made a touch-measuring commitment's first touch, when the activities export names them.
    private func touchedBy(_ c: Commitment, _ lead: Lead, _ start: Int64, _ touches: SalesTouches) -> String? {
        c.metric == .firstTouchTime || c.metric == .untouchedLeads ? touches.firstTouchOwner(lead, from: start) : nil
    }

    private func noEvent(_ c: Commitment) -> String {
        switch c.metric {
        case .routingTime: return "not routed,"
        case .feedbackTime: return "no decision,"
        default: return "no touch,"
        }
    }
}
