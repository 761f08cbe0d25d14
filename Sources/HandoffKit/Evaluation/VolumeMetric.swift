/// mql_count: the MQLs delivered in the promise's own period (a week, or the month to date), with pacing.
///
/// A complete period is met or missed. An open period is met once the promise is reached or while
/// delivery keeps pace (target × share of the period's business time elapsed), and at risk when behind.
struct VolumeMetric {
    let context: EvaluationContext

    func evaluate(_ c: Commitment) -> CommitmentResult {
        let evaluator = CommitmentEvaluator(context: context)
        let p = context.period
        var window = p
        var target: Double
        switch c.bound {
        case .atLeast(let n), .atMost(let n): target = n
        default: target = 0
        }
        if c.per == .month {
            // A week belongs to the month of its Thursday (ISO 8601).
            window = Period.month(
                containing: p.kind == .week ? p.firstDay.adding(days: 3) : p.firstDay, zone: context.zone)
        } else if p.kind == .month {
            target *= Double(p.endDay.daysSinceEpoch - p.firstDay.daysSinceEpoch) / 7
        }
        if let first = context.ledger.earliestTimestamp, first > window.start {
            let begins = Dates.long(LocalDate(daysSinceEpoch: Int(context.zone.local(first).floorDiv(86400))))
            return evaluator.result(
                c, .insufficientData, value: nil, valueText: "–", denominator: 0, pending: 0, breaches: [],
                note: "the exports begin on \(begins), after \(window.label) started: its volume cannot be judged")
        }
        // Judged as of the end of the reported period (or as-of, if earlier; an MQL at as-of counts, as in the cohort).
        let cutoff = min(context.asOf + 1, max(p.end, window.start), window.end)
        let count = context.cohort(from: window.start, to: cutoff).count
        let clock = context.businessClock
        let total = clock.elapsed(from: window.start, to: window.end)
        let done = clock.elapsed(from: window.start, to: cutoff)
        let fraction = total == 0 ? 1 : Double(done) / Double(total)
        let complete = cutoff >= window.end
        let pace = target * fraction
        let verdict: Verdict
        var note: String
        let isMinimum: Bool = {
            if case .atMost = c.bound { return false }
            return true
        }()
        if isMinimum {
            if Double(count) >= target {
                verdict = .met
            } else if complete {
                verdict = .missed
            } else {
                verdict = Double(count) + 1e-9 >= pace.rounded(.down) ? .met : .atRisk
            }
        } else {
            verdict = Double(count) <= target ? .met : .missed
        }
        let unit = window.kind == .month ? "month" : "week"
        if complete {
            note = "\(window.label): \(count) MQLs against \(Amount.format(target.rounded()))"
        } else {
            note =
                "\(window.label) to date: \(count) of \(Amount.format(target.rounded())) (\(Percent.format(fraction)) of the \(unit)'s business time elapsed; pace \(Int(pace.rounded(.down))))"
        }
        let weekCount = context.cohort(p).count
        if window != p { note += "; \(weekCount) this \(p.kind.rawValue)" }
        return evaluator.result(
            c, verdict, value: Double(count), valueText: "\(count) MQLs", denominator: count, pending: 0,
            breaches: [], note: note)
    }
}
