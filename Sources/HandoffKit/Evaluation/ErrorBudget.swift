/// The room left before a per-lead goal is broken: a goal of "90% within 30 minutes" allows 10% misses.
///
/// For a window (the reported week, the month to date): the judged leads are projected over the whole window
/// at the pace so far, counting leads still on the clock — `projected = (judged + pending) ÷ elapsed share` of
/// the window's calendar time. `allowed = ⌊(1 − goal) × projected⌋`, `used` = misses so far, `remaining = allowed − used`.
/// The burn rate is the share of the budget used divided by the share of the window elapsed (1.0 spends it
/// exactly by the window's end). At the current pace of misses per calendar second the budget runs out at
/// `start + allowed ÷ pace`; when that is before the window's end, that day is the projected run-out.
struct ErrorBudget: Sendable {
    /// One window's budget.
    struct Window: Sendable {
        /// `2026-W46`, `2026-11`.
        var label: String
        /// `this week`, `November`.
        var name: String
        /// Leads judged so far.
        var judged: Int
        /// Leads still on the clock.
        var pending: Int
        /// Judged leads expected over the whole window at the pace so far.
        var projected: Int
        /// Misses the goal allows over the window.
        var allowed: Int
        /// Misses so far.
        var used: Int
        /// Misses left (negative when overspent).
        var remaining: Int { allowed - used }
        /// Share of the window's calendar time elapsed at as-of.
        var elapsed: Double
        /// Share of the budget used ÷ share of the window elapsed; nil when no miss is allowed.
        var burnRate: Double?
        /// The projected day the last allowed miss is used, when that falls inside the window.
        var runOut: LocalDate?
        /// True when every allowed miss is used.
        var gone: Bool { used > 0 && used >= allowed }
    }

    /// The share that must meet the bound.
    var goal: Double
    /// The reported week.
    var week: Window
    /// The month to date.
    var month: Window

    /// `first-touch: 7 of 19 misses left for November; at this pace gone on the 24th`.
    func sentence(_ id: String) -> String {
        let m = month
        if m.allowed == 0 {
            return "\(id): no misses allowed (goal \(Percent.format(goal)))"
                + (m.used == 0 ? ", none so far in \(m.name)" : "; \(m.used) in \(m.name) so far")
        }
        if m.gone {
            return
                "\(id): \(m.name)'s \(m.allowed) allowed miss\(m.allowed == 1 ? " is" : "es are") gone (\(m.used) used)"
        }
        var text = "\(id): \(m.remaining) of \(m.allowed) misses left for \(m.name)"
        if m.used == 0 { return text + "; none used yet" }
        if let day = m.runOut {
            text += "; at this pace gone on the \(ErrorBudget.ordinal(day.day))"
        } else {
            text += "; at this pace it lasts the month"
        }
        return text
    }

    /// `1st`, `2nd`, `24th`.
    static func ordinal(_ n: Int) -> String {
        let suffix = (11...13).contains(n % 100) ? "th" : [1: "st", 2: "nd", 3: "rd"][n % 10] ?? "th"
        return "\(n)\(suffix)"
    }

    /// The share a commitment's goal requires per lead, or nil when it has no per-lead goal (volumes, bands).
    static func goal(of c: Commitment) -> Double? {
        switch (c.metric.shape, c.bound) {
        case (.duration, _), (.perLeadCount, _): return c.goal.fraction
        case (.rate, .atLeast(let x)) where c.metric != .acceptanceRate && c.metric != .mqlToSQLRate: return x
        default: return nil
        }
    }

    static let monthNames = [
        "January", "February", "March", "April", "May", "June", "July", "August", "September",
        "October", "November", "December",
    ]

    /// The budget of `result`'s commitment for the reported week and the month to date.
    static func measure(_ result: CommitmentResult, context: EvaluationContext) -> ErrorBudget? {
        let c = result.commitment
        guard let goal = goal(of: c), result.verdict != .notMeasurable, context.period.kind != .all else { return nil }
        let zone = context.zone
        let lastDay = context.period.endDay.adding(days: -1)
        let week = context.period.kind == .week ? context.period : Period.week(containing: lastDay, zone: zone)
        let month = Period.month(containing: lastDay, zone: zone)
        let evaluator = CommitmentEvaluator(context: context)
        let weekResult = week == context.period ? result : evaluator.evaluate(c, cohort: context.cohort(week))
        let monthResult = evaluator.evaluate(c, cohort: context.cohort(month))
        let monthName = monthNames[month.firstDay.month - 1]
        return ErrorBudget(
            goal: goal, week: window(weekResult, week, name: "this week", goal: goal, context: context),
            month: window(monthResult, month, name: monthName, goal: goal, context: context))
    }

    static func window(_ r: CommitmentResult, _ p: Period, name: String, goal: Double, context: EvaluationContext)
        -> Window
    {
        let length = Double(p.end - p.start)
        let sofar = min(max(context.asOf - p.start, 0), p.end - p.start)
        let elapsed = length > 0 ? Double(sofar) / length : 1
        let seen = r.denominator + r.pending
        let projected = elapsed >= 1 || elapsed <= 0 ? seen : Int((Double(seen) / elapsed).rounded())
        let allowed = Int(((1 - goal) * Double(projected) + 1e-9).rounded(.down))
        let used = r.breaches.count
        var w = Window(
            label: p.label, name: name, judged: r.denominator, pending: r.pending, projected: projected,
            allowed: allowed,
            used: used, elapsed: elapsed, burnRate: nil, runOut: nil)
        if allowed > 0, elapsed > 0 { w.burnRate = Double(used) / Double(allowed) / elapsed }
        if used > 0, used < allowed, sofar > 0 {
            let at = p.start + Int64((Double(allowed) * Double(sofar) / Double(used)).rounded(.down))
            if at < p.end { w.runOut = LocalDate(daysSinceEpoch: Int(context.zone.local(at).floorDiv(86400))) }
        }
        return w
    }
}
