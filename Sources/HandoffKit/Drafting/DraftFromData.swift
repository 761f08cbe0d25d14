internal import HandoffIO

/// Drafts a starter agreement whose numbers come from history (`handoff init --from-data`): the MQL threshold
/// where won separates from the rest, the volume target from the recent monthly MQLs, the first-touch goal from
/// the current p50/p90, the number of reps from the owners. Each drafted number carries a comment with its origin;
/// everything the exports cannot tell (time zone, hours, fit criteria, per-rep capacity) stays as the starter has it.
public struct AgreementDraft: Sendable {
    /// The drafted agreement's text.
    public var text: String
    /// One line per drafted number, for the terminal.
    public var notes: [String]

    /// Leads created in the `months` whole months before the as-of month; when fewer than 500, the last 500 created.
    static let minimumHistory = 500

    /// Drafts from the exports in `request` (the starter's data settings, the request's preset and as-of).
    public static func draft(_ request: MeasurementRequest, months: Int = 6) throws -> AgreementDraft {
        var text = try StarterAgreement.text()
        let outcome = AgreementLoader.load(bytes: Array(text.utf8), file: "starter.yaml")
        guard let starter = outcome.agreement else {
            throw HandoffError(.invalidAgreement, diagnostics: outcome.diagnostics)
        }
        let (a, asOfOption) = try Handoff.applying(request, to: starter)
        let ledger = try LeadLoader(agreement: a).load(request.sources)
        guard let asOf = asOfOption ?? ledger.latestTimestamp else {
            throw HandoffError(
                .badInput, "the leads export has no timestamps, so there is no 'as of' moment; pass --as-of",
                file: ledger.sources.leads)
        }
        guard let zone = ZoneRules(identifier: a.businessHours.timeZone) else {
            throw HandoffError(.usage, "unknown time zone")
        }
        let today = LocalDate(daysSinceEpoch: Int(zone.local(asOf).floorDiv(86400)))
        let thisMonth = Period.month(containing: today, zone: zone)
        let monthList = (1...max(1, months)).reversed().map {
            Period.month(containing: thisMonth.firstDay.adding(months: -$0), zone: zone)
        }
        let window = monthList[0].start..<thisMonth.start
        let span = "\(monthList.first!.label) – \(monthList.last!.label)"
        var notes: [String] = []
        let header = [
            "# Drafted by `handoff init --from-data` from \(request.sources.leads) as of \(Dates.iso(asOf)):",
            "# numbers marked 'drafted' come from that history; the rest is the starter's common practice.",
        ]

        // 1. The threshold: the total score (fit + engagement + BANT) where won separates from the rest.
        let history = historyLeads(ledger, window: window, asOf: asOf)
        let scorer = LeadScorer(
            definition: a.mqlDefinition, actions: ledger.actions, events: ledger.events, texts: ledger.texts)
        let peaks = history.map {
            (peakScore(ledger.leads[$0], ledger: ledger, scorer: scorer, asOf: asOf) + 1e-9).rounded(.down)
        }
        let won = history.map { ledger.leads[$0].wonAt.map { $0 <= asOf } ?? false }
        let historyWords =
            history.count == 0
            ? "no leads"
            : "\(history.count) leads created \(history.isEmpty ? "" : historySpan(ledger, history, zone: zone))"
        if let cut = separation(scores: peaks, won: won, minimum: a.targets.minimumSample) {
            let line =
                "    - score >= \(Amount.format(cut.threshold))   # drafted: of \(historyWords), \(cut.wonAbove) of \(cut.won) won "
                + "and \(cut.otherAbove) of \(cut.others) not won reached \(Amount.format(cut.threshold))+ points (fit + engagement + BANT, starter model, peak score)"
            text = try replace("    - fit >= 60 and engagement >= 50\n", with: line + "\n", in: text)
            text = try replace(
                "market we serve, at Manager level or above, who has requested a demo or reached an\n    engagement score of 50+ points.",
                with:
                    "market we serve, at Manager level or above, whose total score (fit + engagement +\n    BANT) reaches \(Amount.format(cut.threshold)) points.",
                in: text)
            notes.append(
                "threshold: score >= \(Amount.format(cut.threshold)) (\(cut.wonAbove)/\(cut.won) won, \(cut.otherAbove)/\(cut.others) not won at or above)"
            )
        } else {
            let count = won.filter { $0 }.count
            text = try replace(
                "    - fit >= 60 and engagement >= 50\n",
                with:
                    "    - fit >= 60 and engagement >= 50   # starter's: \(historyWords), \(count) won — fewer than \(a.targets.minimumSample) won and \(a.targets.minimumSample) not won to draft from\n",
                in: text)
            notes.append(
                "threshold: kept the starter's (\(count) won in \(history.count) leads; need \(a.targets.minimumSample) of each)"
            )
        }

        // 2. The volume target: mean MQLs a month (mql_at) over the window's months.
        var perMonth = [Int](repeating: 0, count: monthList.count)
        for lead in ledger.leads {
            if let m = lead.mqlAt, window.contains(m) { perMonth[Backtest.slot(m, monthList.map(\.start))] += 1 }
        }
        let total = perMonth.reduce(0, +)
        if ledger.has(.mqlAt), total > 0 {
            let mean = (Double(total) / Double(perMonth.count)).rounded()
            let comment =
                "# drafted: mean MQLs a month (mql_at) over \(span): \(perMonth.map(String.init).joined(separator: ", "))"
            text = try replace(
                "    - {id: mql-volume, metric: mql_count, at_least: 100, per: month}\n",
                with:
                    "    \(comment)\n    - {id: mql-volume, metric: mql_count, at_least: \(Amount.format(mean)), per: month}\n",
                in: text)
            notes.append("volume: at least \(Amount.format(mean)) MQLs a month (mean of \(span))")
        } else {
            notes.append("volume: kept the starter's 100 a month (no mql_at in \(span))")
        }

        // 3. First touch: the current p50 and p90 on the business clock, handoff to first touch, over the window.
        let clock = BusinessClock(hours: a.businessHours, zone: zone)
        var times: [Int64] = []
        let touches = SalesTouches(ledger: ledger, asOf: asOf, attemptTypes: [])
        for lead in ledger.leads {
            guard let start = lead.handoffAt, window.contains(start), let touch = touches.firstTouch(lead, from: start)
            else { continue }
            times.append(clock.elapsed(from: start, to: max(start, touch)))
        }
        times.sort()
        if times.count >= a.targets.minimumSample, let p50 = Percentile.nearestRank(50, ofSorted: times),
            let p90 = Percentile.nearestRank(90, ofSorted: times)
        {
            let minutes = max(1, (p90 + 59) / 60)
            let comment =
                "# drafted: first touches of \(times.count) MQLs handed over \(span), business clock: p50 \(minutes1(p50)), p90 \(minutes1(p90)) — the goal holds today's p90; tighten toward the p50"
            text = try replace(
                "    - {id: first-touch, metric: first_touch_time, within: 30m, clock: business, goal: 90%}\n",
                with:
                    "    \(comment)\n    - {id: first-touch, metric: first_touch_time, within: \(minutes)m, clock: business, goal: 90%}\n",
                in: text)
            notes.append(
                "first touch: within \(minutes)m for 90% (p50 \(minutes1(p50)), p90 \(minutes1(p90)), n=\(times.count))"
            )
        } else {
            notes.append(
                "first touch: kept the starter's 30m (\(times.count) touched MQLs in \(span); need \(a.targets.minimumSample))"
            )
        }

        // 4. Capacity: the distinct owners of the MQLs handed over in the window, and per rep a week what the busiest
        // month asked of them, so the drafted volume is one sales has absorbed.
        var owners = Set<TextRef>()
        for lead in ledger.leads where !lead.owner.isEmpty {
            if let m = lead.handoffAt, window.contains(m) { owners.insert(lead.owner) }
        }
        if !owners.isEmpty, let busiest = perMonth.max(), busiest > 0 {
            let perRep = Int((Double(busiest) * 12 / 52 / Double(owners.count)).rounded(.up))
            text = try replace(
                "  reps: 5\n  mqls_per_rep_per_week: 8\n",
                with: """
                      reps: \(owners.count)   # drafted: distinct owners of the MQLs handed over \(span)
                      mqls_per_rep_per_week: \(perRep)   # drafted: the busiest month's \(busiest) MQLs × 12 ÷ 52 weeks ÷ \(owners.count) reps, rounded up

                    """, in: text)
            notes.append(
                "capacity: \(owners.count) reps × \(perRep) MQLs a week (owners and the busiest month in \(span))")
        }
        text = try replace(
            "# docs/agreement-format.md.\n",
            with: "# docs/agreement-format.md.\n#\n" + header.joined(separator: "\n") + "\n", in: text)
        return AgreementDraft(text: text, notes: notes)
    }

    /// The leads the threshold is drafted from: created in the window, or the last 500 created when fewer.
    static func historyLeads(_ ledger: LeadLedger, window: Range<Int64>, asOf: Int64) -> [Int] {
        let created = ledger.leads.indices.filter { ledger.leads[$0].createdAt.map { $0 <= asOf } ?? false }
        let inWindow = created.filter { window.contains(ledger.leads[$0].createdAt!) }
        if inWindow.count >= minimumHistory { return inWindow }
        let ordered = created.sorted { (ledger.leads[$0].createdAt!, $0) < (ledger.leads[$1].createdAt!, $1) }
        return Array(ordered.suffix(minimumHistory)).sorted()
    }

    static func historySpan(_ ledger: LeadLedger, _ history: [Int], zone: ZoneRules) -> String {
        let times = history.compactMap { ledger.leads[$0].createdAt }
        func day(_ t: Int64) -> LocalDate { LocalDate(daysSinceEpoch: Int(zone.local(t).floorDiv(86400))) }
        return "\(day(times.min()!)) – \(day(times.max()!))"
    }

    /// The highest total score the lead reached: at its creation or at one of its engagement events up to `asOf`.
    static func peakScore(_ lead: Lead, ledger: LeadLedger, scorer: LeadScorer, asOf: Int64) -> Double {
        var best = lead.createdAt.map { scorer.scores(lead, at: $0).total } ?? 0
        for event in ledger.events[lead.eventRange] where event.at <= asOf && event.at > (lead.createdAt ?? .min) {
            best = max(best, scorer.scores(lead, at: event.at).total)
        }
        return best
    }

    /// The cut: the smallest score with the largest (share of won at or above) − (share of the rest at or above);
    /// scores are whole points (peaks rounded down).
    struct Cut {
        var threshold: Double
        var won: Int
        var wonAbove: Int
        var others: Int
        var otherAbove: Int
    }

    static func separation(scores: [Double], won: [Bool], minimum: Int) -> Cut? {
        let wonCount = won.filter { $0 }.count, others = won.count - wonCount
        guard wonCount >= max(1, minimum), others >= max(1, minimum) else { return nil }
        let ordered = zip(scores, won).sorted { $0.0 > $1.0 }
        var best: Cut?
        var bestGap = -Double.infinity
        var w = 0, o = 0, i = 0
        while i < ordered.count {
            let t = ordered[i].0
            while i < ordered.count, ordered[i].0 == t {
                if ordered[i].1 { w += 1 } else { o += 1 }
                i += 1
            }
            guard t > 0 else { break }
            let gap = Double(w) / Double(wonCount) - Double(o) / Double(others)
            if gap >= bestGap {
                bestGap = gap
                best = Cut(threshold: t, won: wonCount, wonAbove: w, others: others, otherAbove: o)
            }
        }
        return best
    }

    /// `28.2 min`: business seconds as minutes with one decimal.
    static func minutes1(_ seconds: Int64) -> String { "\(Amount.format((Double(seconds) / 6).rounded() / 10)) min" }

    static func replace(_ old: String, with new: String, in text: String) throws -> String {
        guard let range = text.range(of: old) else {
            throw HandoffError(
                .usage, "the starter agreement changed: '\(old.trimmingSpaces())' is not in it (a defect in handoff)")
        }
        return text.replacingCharacters(in: range, with: new)
    }
}
