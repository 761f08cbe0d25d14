/// The words of a commitment, generated from its structured entry so the document and the check cannot drift.
enum CommitmentText {
    /// The promise sentence: the entry's own `promise`, or one generated from metric, bound, clock, scope and goal.
    static func sentence(_ c: Commitment, team: String) -> String {
        if let promise = c.promise { return promise }
        let share = c.goal.fraction < 1 ? ", for at least \(c.goal) of MQLs" : ""
        let who = team
        switch (c.metric, c.bound) {
        case (.mqlCount, .atLeast(let n)):
            return
                "\(who) delivers at least \(Amount.format(n)) MQLs per \(c.per?.rawValue ?? "month"), sized to sales capacity."
        case (.mqlCount, .atMost(let n)):
            return "\(who) delivers at most \(Amount.format(n)) MQLs per \(c.per?.rawValue ?? "month")."
        case (.routingTime, .within(let t)):
            return
                "\(who) routes \(c.scope.phrase) to sales within \(duration(t, c.clock)) of it becoming an MQL\(share)."
        case (.firstTouchTime, .within(let t)):
            return
                "\(who) makes a first contact attempt on \(c.scope.phrase) within \(duration(t, c.clock)) of routing\(share)."
        case (.feedbackTime, .within(let t)):
            let reason = c.requireReason ? ", giving a reason from the agreed list for every rejection" : ""
            return
                "\(who) accepts or rejects \(c.scope.phrase) within \(duration(t, c.clock)) of routing\(reason)\(share)."
        case (.untouchedLeads, .within(let t)):
            return
                "\(who) touches \(c.scope.phrase) within \(duration(t, c.clock)) of routing; an MQL left untouched longer is reassigned\(share)."
        case (.attemptsBeforeUnresponsive, .atLeast(let n)):
            let types = c.attemptTypes.isEmpty ? "" : " (\(list(c.attemptTypes, "or")))"
            let goal = c.goal.fraction < 1 ? ", for at least \(c.goal) of those MQLs" : ""
            return
                "\(who) makes at least \(Amount.format(n)) contact attempts\(types) before marking an MQL unresponsive\(goal)."
        case (.contextCompleteRate, _):
            let fields = list(c.requiredFields.map { $0.replacingAll("_", with: " ") }, "and")
            return "\(who) provides full lead context (\(fields)) on \(rateBound(c.bound)) of MQLs."
        case (.criteriaMetRate, _):
            return
                "\(rateBound(c.bound).capitalizedFirst) of the MQLs \(who.lowercased()) delivers meet the agreed MQL definition."
        case (.acceptanceRate, _):
            return "\(who) accepts \(rateBound(c.bound)) of MQLs."
        case (.mqlToSQLRate, _):
            return "\(rateBound(c.bound).capitalizedFirst) of MQLs become SQLs."
        default:
            return "\(who) keeps \(c.metric.noun) \(goal(c))."
        }
    }

    /// The bound in short: `≥ 90% within 30m (business)`, `≥ 150 / month`, `70%–80%`.
    static func goal(_ c: Commitment) -> String {
        switch c.bound {
        case .within(let t):
            return
                "≥ \(c.goal) within \(t.compact)\(c.clock == .business ? " (business)" : c.clock == .owner ? " (owner's hours)" : "")"
        case .atLeast(let n):
            switch c.metric.shape {
            case .volume: return "≥ \(Amount.format(n)) / \(c.per?.rawValue ?? "month")"
            case .perLeadCount: return "≥ \(Amount.format(n)) attempts" + (c.goal.fraction < 1 ? " for \(c.goal)" : "")
            default: return "≥ \(Percent.format(n))"
            }
        case .atMost(let n):
            return c.metric.shape == .rate ? "≤ \(Percent.format(n))" : "≤ \(Amount.format(n))"
        case .between(let lo, let hi):
            return "\(Percent.format(lo))–\(Percent.format(hi))"
        }
    }

    /// How the commitment is measured, in one sentence for the document.
    static func measurement(_ c: Commitment) -> String {
        let clock =
            c.clock == .business
            ? "the business clock"
            : c.clock == .owner
                ? "the owner's own business clock (their time zone, hours, holidays and time off)"
                : "the calendar clock"
        switch c.metric {
        case .mqlCount:
            return
                "Count of leads whose MQL date falls in the \(c.per?.rawValue ?? "month"); month-to-date pacing is reported weekly."
        case .routingTime: return "From the MQL date to the owner-assigned (routing) date, on \(clock)."
        case .firstTouchTime:
            return "From routing (or the MQL date when not routed) to the first sales activity, on \(clock)."
        case .feedbackTime:
            return "From routing to the accept/reject decision date, on \(clock)"
                + (c.requireReason ? "; a rejection without a reason counts as a breach." : ".")
        case .untouchedLeads: return "Routed MQLs with no sales activity by the end of the window, on \(clock)."
        case .attemptsBeforeUnresponsive: return "Attempt-type activities logged on each MQL marked unresponsive."
        case .contextCompleteRate: return "Share of the week's MQLs with every required field filled."
        case .criteriaMetRate:
            return
                "Share of the week's MQLs that pass the fit criteria, no disqualifier and a threshold, re-scored at the MQL date."
        case .acceptanceRate: return "Accepted ÷ (accepted + rejected) among the week's MQLs."
        case .mqlToSQLRate: return "Share of a mature cohort reaching SQL within the conversion window."
        default: return "Reported in the weekly scorecard."
        }
    }

    /// `30 business minutes`, `4 business hours`, `24 hours`.
    static func duration(_ t: TimeSpan, _ clock: Commitment.Clock) -> String {
        let words = t.description
        guard clock != .calendar else { return words }
        if let space = words.firstIndex(of: " ") {
            return words[..<space] + " business" + words[space...]
        }
        return "business " + words
    }

    static func rateBound(_ b: Commitment.Bound) -> String {
        switch b {
        case .atLeast(let x): return "at least \(Percent.format(x))"
        case .atMost(let x): return "at most \(Percent.format(x))"
        case .between(let lo, let hi): return "between \(Percent.format(lo)) and \(Percent.format(hi))"
        case .within: return ""
        }
    }

    static func list(_ items: [String], _ conjunction: String) -> String {
        guard items.count > 1, let last = items.last else { return items.first ?? "" }
        return items.dropLast().joined(separator: ", ") + " \(conjunction) " + last
    }
}

extension String {
    /// The string with its first letter in upper case.
    var capitalizedFirst: String { prefix(1).uppercased() + dropFirst() }
}
