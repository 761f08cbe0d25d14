import Foundation
internal import HandoffIO

/// Everything a metric needs: the agreement, the ledger, the moment, the clocks and the cohorts.
public struct EvaluationContext: Sendable {
    /// The agreement measured.
    let agreement: Agreement
    /// The leads read from the exports.
    let ledger: LeadLedger
    /// The moment the data describes.
    let asOf: Int64
    /// The reported period.
    let period: Period
    /// The agreement's time zone.
    let zone: ZoneRules
    /// The agreement's business clock.
    let businessClock: BusinessClock
    /// What the exports cover.
    let coverage: Coverage
    let scorer: LeadScorer
    /// The owners' own clocks, for commitments on `clock: owner`.
    let ownerClocks: OwnerClocks
    /// Lead indices with an `mql_at`, ordered by it.
    private let byMQL: [Int]
    private let mqlTimes: [Int64]
    /// Whether each lead was a fast-track MQL, computed once for the leads any report can look at (empty when no scope needs it).
    private let fastTrack: [Bool]
    /// The MQL dates `fastTrack` covers: the period and the ten weeks before it (the trend looks back eight).
    private let fastTrackWindow: Range<Int64>

    /// Builds the context. `period` defaults to the last complete week covered by the leads export (before the
    /// earlier of `asOf` and the leads export's latest timestamp); `asOf` to the latest timestamp of any export.
    init(agreement: Agreement, ledger: LeadLedger, period: PeriodChoice = .lastCompleteWeek, asOf: Int64? = nil)
        throws
    {
        guard let zone = ZoneRules(identifier: agreement.businessHours.timeZone) else {
            throw HandoffError(.usage, "unknown time zone '\(agreement.businessHours.timeZone)'")
        }
        // Exports without any timestamp are judged over every lead at once, on what needs no time (lead context).
        let wholeSpan = asOf == nil && ledger.latestTimestamp == nil
        if wholeSpan, case .lastCompleteWeek = period {
        } else if wholeSpan {
            throw HandoffError(
                .usage,
                "the exports have no timestamps, so no week or month can be chosen; leave out --week and --month to judge every lead at once",
                file: ledger.sources.leads)
        }
        let all = Period.wholeSpan(zone: zone)
        let moment = asOf ?? ledger.latestTimestamp ?? (all.end - 1)
        self.agreement = agreement
        self.ledger = ledger
        self.asOf = moment
        self.zone = zone
        switch period {
        case .lastCompleteWeek where wholeSpan: self.period = all
        case .lastCompleteWeek:
            self.period = Period.lastCompleteWeek(
                before: min(moment, ledger.leadsLatestTimestamp ?? moment), zone: zone)
        case .week(let text):
            guard let p = Period.week(text, zone: zone) else {
                throw HandoffError(.usage, "'\(text)' is not an ISO week; write it like 2026-W46")
            }
            self.period = p
        case .month(let text):
            guard let p = Period.month(text, zone: zone) else {
                throw HandoffError(.usage, "'\(text)' is not a month; write it like 2026-11")
            }
            self.period = p
        }
        businessClock = BusinessClock(hours: agreement.businessHours, zone: zone)
        ownerClocks = OwnerClocks(agreement: agreement)
        scorer = LeadScorer(
            definition: agreement.mqlDefinition, actions: ledger.actions, events: ledger.events, texts: ledger.texts)
        var pairs: [(at: Int64, index: Int)] = []
        pairs.reserveCapacity(ledger.leads.count)
        for i in ledger.leads.indices {
            if let at = ledger.leads[i].mqlAt {
                pairs.append((at, i))
            } else if wholeSpan {
                pairs.append((all.start, i))
            }
        }
        pairs.sort { $0.at != $1.at ? $0.at < $1.at : $0.index < $1.index }
        let ordered = pairs.map(\.index)
        byMQL = ordered
        mqlTimes = pairs.map(\.at)
        coverage = Coverage(
            ledger, firstMQL: wholeSpan ? nil : pairs.first?.at, lastMQL: wholeSpan ? nil : pairs.last?.at)
        fastTrackWindow = (self.period.start - 10 * 604_800)..<self.period.end
        fastTrack = EvaluationContext.fastTrackFlags(
            agreement: agreement, ledger: ledger, scorer: scorer, ordered: ordered, window: fastTrackWindow)
    }

    /// Scores the fast-track triggers of the leads that became MQLs in `[from, to)`, when a commitment is scoped by them.
    private static func fastTrackFlags(
        agreement: Agreement, ledger: LeadLedger, scorer: LeadScorer, ordered: [Int], window: Range<Int64>
    ) -> [Bool] {
        let needed =
            ledger.hasEngagement && agreement.commitments.contains { $0.scope == .fastTrack || $0.scope == .standard }
        guard needed else { return [] }
        let leads = ordered.filter { i in ledger.leads[i].mqlAt.map(window.contains) ?? false }
        // Scoring is independent per lead: every other lead on each of two cores.
        let fast = Concurrently.map(2) { part in
            stride(from: part, to: leads.count, by: 2).map { leads[$0] }.filter { i in
                ledger.leads[i].mqlAt.map { scorer.isFastTrack(ledger.leads[i], at: $0) } ?? false
            }
        }
        var flags = [Bool](repeating: false, count: ledger.leads.count)
        for i in fast.joined() { flags[i] = true }
        return flags
    }

    /// How the report period is chosen.
    public enum PeriodChoice: Sendable {
        case lastCompleteWeek
        case week(String)
        case month(String)
    }

    /// Leads that became MQLs in `[start, end)` and no later than as-of, in time order.
    func cohort(from start: Int64, to end: Int64) -> ArraySlice<Int> {
        let upper = min(end, asOf + 1)
        return byMQL[lowerBound(start)..<max(lowerBound(start), lowerBound(upper))]
    }

    /// The cohort of a period.
    func cohort(_ p: Period) -> ArraySlice<Int> { cohort(from: p.start, to: p.end) }

    private func lowerBound(_ t: Int64) -> Int {
        var low = 0, high = mqlTimes.count
        while low < high {
            let mid = (low + high) / 2
            if mqlTimes[mid] < t { low = mid + 1 } else { high = mid }
        }
        return low
    }

    /// The clock a commitment is measured on.
    func clock(_ c: Commitment) -> any DurationClock {
        c.clock == .calendar ? CalendarClock() : businessClock
    }

    /// True when the lead was a fast-track (hot) MQL when it became an MQL.
    func isFastTrack(_ index: Int) -> Bool {
        if index < fastTrack.count, let at = ledger.leads[index].mqlAt, fastTrackWindow.contains(at) {
            return fastTrack[index]
        }
        let lead = ledger.leads[index]
        guard let at = lead.mqlAt else { return false }
        return scorer.isFastTrack(lead, at: at)
    }

    /// The leads of a cohort a commitment covers.
    func scoped(_ cohort: ArraySlice<Int>, _ scope: Commitment.Scope) -> [Int] {
        switch scope {
        case .all: return Array(cohort)
        case .fastTrack: return cohort.filter { isFastTrack($0) }
        case .standard: return cohort.filter { !isFastTrack($0) }
        case .source(let s):
            let wanted = s.lowercased(), texts = ledger.texts
            return cohort.filter { texts.lowercased(ledger.leads[$0].source) == wanted }
        case .segment(let condition):
            let compiled = CompiledCondition(condition, actions: scorer.actionIndex)
            return cohort.filter { i in
                let lead = ledger.leads[i]
                return compiled.holds(
                    LeadFacts(lead: lead, moment: lead.mqlAt ?? asOf, scorer: scorer, scores: nil, lazyScores: true))
            }
        }
    }

    /// A breach record for a lead.
    func breach(_ lead: Lead, _ detail: String, severity: Int64) -> Breach {
        let texts = ledger.texts
        return Breach(
            leadID: ledger.id(of: lead), company: texts[lead.company], owner: texts[lead.owner],
            source: texts[lead.source], detail: detail, severity: severity)
    }
}
