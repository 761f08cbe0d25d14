internal import HandoffIO

/// Replays history with one or more MQL definitions: every lead is re-scored with a variant's model at each
/// moment of its history (its creation and each engagement event up to as-of) and becomes that variant's MQL at
/// the first moment the definition holds. What actually became of the lead (sales' decision, SQL, won) comes
/// from the exports, so each variant can be judged by the outcomes of the leads it would have handed over.
public struct Backtest: Sendable {
    /// One definition to replay: the current agreement, a proposed file, or a sweep step.
    struct Variant: Sendable {
        /// How documents name it.
        var name: String
        /// The agreement whose MQL definition, targets and capacity apply.
        var agreement: Agreement
        /// The swept number, for sweep steps.
        var sweepValue: Double?

        /// A variant.
        init(name: String, agreement: Agreement, sweepValue: Double? = nil) {
            self.name = name
            self.agreement = agreement
            self.sweepValue = sweepValue
        }
    }

    /// What actually became of a set of leads.
    struct Outcome: Sendable, Equatable {
        /// Leads in the set.
        var leads = 0
        /// Leads that were handed to sales in history (an `mql_at`).
        var handedOver = 0
        /// Accepted by sales.
        var accepted = 0
        /// Rejected by sales.
        var rejected = 0
        /// Rejections by reason (the reason id or text as exported; empty for none), most frequent first.
        var rejectedBy: [(reason: String, count: Int)] = []
        /// Reached SQL.
        var sql = 0
        /// Won.
        var won = 0

        /// Accepted + rejected.
        var decided: Int { accepted + rejected }

        static func == (l: Outcome, r: Outcome) -> Bool {
            l.leads == r.leads && l.handedOver == r.handedOver && l.accepted == r.accepted && l.rejected == r.rejected
                && l.sql == r.sql && l.won == r.won && l.rejectedBy.map(\.reason) == r.rejectedBy.map(\.reason)
                && l.rejectedBy.map(\.count) == r.rejectedBy.map(\.count)
        }
    }

    /// The variant's MQLs whose total score at the MQL moment falls in `[low, high)`.
    struct Band: Sendable {
        /// Lowest total score in the band.
        var low: Double
        /// One past the highest.
        var high: Double
        /// What became of them.
        var outcome: Outcome
    }

    /// The verdict on a variant's acceptance, with the agreement's own limits.
    enum Verdict: String, Sendable {
        case tooLoose = "too_loose"
        case inBand = "in_band"
        case outsideTarget = "outside_target"
        case tooStrict = "too_strict"
        case tooFewDecided = "insufficient_sample"

        /// Words for documents.
        var words: String {
            switch self {
            case .tooLoose: return "too loose"
            case .inBand: return "in band"
            case .outsideTarget: return "within limits, outside the target band"
            case .tooStrict: return "too strict"
            case .tooFewDecided: return "too few decided leads to judge"
            }
        }
    }

    /// One variant's replay over the window.
    public struct Result: Sendable {
        /// The variant's name.
        var name: String
        /// The swept number, for sweep steps.
        var sweepValue: Double?
        /// MQLs in the window.
        var mqls: Int
        /// MQLs per month of the window (labels in `Backtest.months`).
        var perMonth: [Int]
        /// MQLs per ISO week of the window (labels in `Backtest.weeks`).
        var perWeek: [Int]
        /// What became of all its MQLs.
        var outcome: Outcome
        /// MQLs whose definition check found a fast-track trigger at the MQL moment.
        var fastTrack: Int
        /// Its MQLs that the current definition does not make MQLs in the window.
        var added: Outcome
        /// The current definition's MQLs it does not make MQLs in the window.
        var dropped: Outcome
        /// Accepted ÷ decided (nil when none were decided).
        var acceptanceRate: Double? {
            outcome.decided == 0 ? nil : Double(outcome.accepted) / Double(outcome.decided)
        }
        /// SQL ÷ MQLs.
        var mqlToSQLRate: Double? { mqls == 0 ? nil : Double(outcome.sql) / Double(mqls) }
        /// Won ÷ MQLs.
        var wonRate: Double? { mqls == 0 ? nil : Double(outcome.won) / Double(mqls) }
        /// By total score at the MQL moment, 50-point bands.
        var bands: [Band]
        /// The verdict on acceptance.
        var verdict: Verdict
        /// The agreed MQL volume per month (from the `mql_count` commitment), if any.
        var monthlyTarget: Double?
        /// The agreed sales capacity per month (reps × MQLs per rep per week × 52 ÷ 12), if any.
        var monthlyCapacity: Double?
        /// The minimum sample applied.
        var minimumSample: Int
        /// The acceptance limits applied: band low/high, too loose below, too strict above.
        var limits: (low: Double, high: Double, tooLoose: Double?, tooStrict: Double?)

        /// MQLs per month on average.
        var monthlyAverage: Double { perMonth.isEmpty ? 0 : Double(mqls) / Double(perMonth.count) }
    }

    /// The months of the window, `2026-05`…, oldest first.
    var months: [Period]
    /// The ISO weeks overlapping the window, oldest first.
    var weeks: [Period]
    /// The moment the data describes.
    var asOf: Int64
    /// Leads read.
    var leadsRead: Int
    /// Every variant, the current definition first.
    var results: [Result]
    /// Where the swept number is, when the variants are a sweep.
    var sweepLabel: String?

    /// Replays `variants` (the first is the current definition) over `ledger`, for the `months` whole calendar
    /// months before the month of `asOf` (that month is partial and left out).
    init(
        variants: [Variant], ledger: LeadLedger, asOf: Int64, months monthCount: Int, sweepLabel: String? = nil,
        clock: PhaseClock? = nil
    ) throws {
        guard let current = variants.first else { throw HandoffError(.usage, "nothing to backtest") }
        guard let zone = ZoneRules(identifier: current.agreement.businessHours.timeZone) else {
            throw HandoffError(.usage, "unknown time zone '\(current.agreement.businessHours.timeZone)'")
        }
        let today = LocalDate(daysSinceEpoch: Int(zone.local(asOf).floorDiv(86400)))
        let thisMonth = Period.month(containing: today, zone: zone)
        months = (1...max(1, monthCount)).reversed().map {
            Period.month(containing: thisMonth.firstDay.adding(months: -$0), zone: zone)
        }
        let from = months[0].start, to = thisMonth.start
        var w: [Period] = []
        var week = Period.week(containing: months[0].firstDay, zone: zone)
        while week.start < to {
            w.append(week)
            week = week.shifted(weeks: 1, zone: zone)
        }
        weeks = w
        self.asOf = asOf
        self.sweepLabel = sweepLabel
        leadsRead = ledger.leads.count

        let replays = Backtest.replay(
            variants.map(\.agreement.mqlDefinition), ledger: ledger, asOf: min(asOf, to - 1))
        clock?.mark("replay \(variants.count) variants")
        let window = from..<to
        let inWindow: [[Bool]] = replays.map { r in r.moments.map { window.contains($0) } }
        let monthStarts = months.map(\.start), weekStarts = weeks.map(\.start)
        // Each variant's tallies on a core of its own.
        results = Concurrently.map(variants.count) { v in
            let variant = variants[v], replay = replays[v], a = variant.agreement
            var perMonth = [Int](repeating: 0, count: monthStarts.count)
            var perWeek = [Int](repeating: 0, count: weekStarts.count)
            var all = Tally(), added = Tally(), dropped = Tally(), fast = 0
            var bands: [Int: Tally] = [:]
            for i in ledger.leads.indices {
                let mine = inWindow[v][i], theirs = inWindow[0][i]
                if !mine && theirs { dropped.add(ledger.leads[i], ledger, asOf: asOf) }
                guard mine else { continue }
                let at = replay.moments[i]
                perMonth[Backtest.slot(at, monthStarts)] += 1
                perWeek[Backtest.slot(at, weekStarts)] += 1
                let lead = ledger.leads[i]
                all.add(lead, ledger, asOf: asOf)
                if !theirs { added.add(lead, ledger, asOf: asOf) }
                if replay.fastTrack[i] { fast += 1 }
                bands[Int((replay.scores[i] / 50).rounded(.down)), default: Tally()].add(lead, ledger, asOf: asOf)
            }
            let t = a.targets
            let outcome = all.finished(ledger.texts)
            let decided = outcome.decided
            let rate = decided == 0 ? 0 : Double(outcome.accepted) / Double(decided)
            let verdict: Verdict
            if decided < t.minimumSample {
                verdict = .tooFewDecided
            } else if let loose = t.acceptance.tooLooseBelow, rate < loose {
                verdict = .tooLoose
            } else if let strict = t.acceptance.tooStrictAbove, rate > strict {
                verdict = .tooStrict
            } else if rate >= t.acceptance.low && rate <= t.acceptance.high {
                verdict = .inBand
            } else {
                verdict = .outsideTarget
            }
            let target = a.commitments.first { $0.metric == .mqlCount }.flatMap { c -> Double? in
                guard case .atLeast(let n) = c.bound else { return nil }
                return c.per == .week ? n * 52 / 12 : n
            }
            return Result(
                name: variant.name, sweepValue: variant.sweepValue, mqls: outcome.leads, perMonth: perMonth,
                perWeek: perWeek,
                outcome: outcome, fastTrack: fast, added: added.finished(ledger.texts),
                dropped: dropped.finished(ledger.texts),
                bands: bands.keys.sorted().map {
                    Band(low: Double($0) * 50, high: Double($0 + 1) * 50, outcome: bands[$0]!.finished(ledger.texts))
                },
                verdict: verdict, monthlyTarget: target,
                monthlyCapacity: a.capacity.map { Double($0.perWeek) * 52 / 12 }, minimumSample: t.minimumSample,
                limits: (t.acceptance.low, t.acceptance.high, t.acceptance.tooLooseBelow, t.acceptance.tooStrictAbove))
        }
        clock?.mark("tally outcomes")
    }

    /// The index of the last start at or before `t`.
    static func slot(_ t: Int64, _ starts: [Int64]) -> Int {
        var lo = 0, hi = starts.count - 1
        while lo < hi {
            let mid = (lo + hi + 1) / 2
            if starts[mid] <= t { lo = mid } else { hi = mid - 1 }
        }
        return lo
    }
}

/// Counts outcomes as leads are added.
struct Tally {
    var outcome = Backtest.Outcome()
    /// Rejections by reason as the ledger holds it (texts are joined by their words in `finished`).
    var reasons: [TextRef: Int] = [:]

    mutating func add(_ lead: Lead, _ ledger: LeadLedger, asOf: Int64) {
        outcome.leads += 1
        if let m = lead.mqlAt, m <= asOf { outcome.handedOver += 1 }
        if lead.decisionAt.map({ $0 <= asOf }) ?? true {
            switch lead.decision {
            case .accepted?: outcome.accepted += 1
            case .rejected?:
                outcome.rejected += 1
                reasons[lead.rejectionReason, default: 0] += 1
            case nil: break
            }
        }
        if let t = lead.sqlAt, t <= asOf { outcome.sql += 1 }
        if let t = lead.wonAt, t <= asOf { outcome.won += 1 }
    }

    /// The outcome, with the rejections by reason (the reason's text; most frequent first).
    func finished(_ texts: TextTable) -> Backtest.Outcome {
        var o = outcome
        var byText: [String: Int] = [:]
        for (ref, n) in reasons { byText[texts[ref], default: 0] += n }
        o.rejectedBy = byText.map { ($0.key, $0.value) }.sorted { $0.1 != $1.1 ? $0.1 > $1.1 : $0.0 < $1.0 }
        return o
    }
}
