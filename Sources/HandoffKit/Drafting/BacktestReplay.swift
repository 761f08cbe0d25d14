internal import HandoffIO

extension Backtest {
    /// Each lead's first MQL moment under one definition (`Int64.min` for none), its total score then, and whether
    /// a fast-track trigger fired then.
    struct Replay: Sendable {
        var moments: [Int64]
        var scores: [Double]
        var fastTrack: [Bool]

        /// No lead an MQL.
        init(count: Int) {
            moments = [Int64](repeating: .min, count: count)
            scores = [Double](repeating: 0, count: count)
            fastTrack = [Bool](repeating: false, count: count)
        }

        /// The parts one after another.
        init(joining parts: [Replay]) {
            moments = parts.flatMap(\.moments)
            scores = parts.flatMap(\.scores)
            fastTrack = parts.flatMap(\.fastTrack)
        }
    }

    /// Replays every definition in one pass over the leads. A lead is scored at its creation and at each engagement
    /// event after it, up to `asOf`: scores only rise at those moments (windows and decay only lower them), so a
    /// definition first holds at one of them. The result for each definition is what `LeadScorer.check` finding
    /// `meets` at the first such moment gives.
    ///
    /// What is the same at every moment is worked out once per lead (`LeadScorer.Standing`: the fit criteria, the
    /// disqualifiers and score rules that read neither the moment nor a score). Definitions that score alike (a
    /// sweep's steps, which differ only in a threshold) share one scoring per moment and test only their thresholds.
    /// The lead's walk stops when every definition has its moment.
    static func replay(_ definitions: [MQLDefinition], ledger: LeadLedger, asOf: Int64) -> [Replay] {
        let scorers = definitions.map {
            LeadScorer(definition: $0, actions: ledger.actions, events: ledger.events, texts: ledger.texts)
        }
        // Scoring groups: the first definition of each, and each group's definitions.
        var groups: [(leader: Int, members: [Int])] = []
        for v in definitions.indices {
            if let g = groups.firstIndex(where: { scoresAlike(definitions[$0.leader], definitions[v]) }) {
                groups[g].members.append(v)
            } else {
                groups.append((v, [v]))
            }
        }
        let leaders = groups.map(\.leader), members = groups.map(\.members)
        let fastTrack = definitions.map { !$0.fastTrack.isEmpty }
        let count = ledger.leads.count
        let chunk = 4096
        let parts = Concurrently.map((count + chunk - 1) / chunk) { c -> [Replay] in
            let range = (c * chunk)..<min(count, (c + 1) * chunk)
            var out = definitions.map { _ in Replay(count: range.count) }
            var standings = leaders.map { _ in LeadScorer.Standing(fit: nil, bant: nil, excluded: true) }
            var pending = [Bool](repeating: false, count: definitions.count)
            var groupPending = [Int](repeating: 0, count: leaders.count)
            for i in range {
                let lead = ledger.leads[i], slot = i - range.lowerBound
                var k = lead.eventRange.lowerBound
                let end = lead.eventRange.upperBound
                var at: Int64
                if let created = lead.createdAt {
                    at = created
                } else {
                    guard k < end else { continue }
                    at = ledger.events[k].at
                }
                guard at <= asOf else { continue }
                var left = 0
                for g in leaders.indices {
                    let standing = scorers[leaders[g]].standing(lead, at: at)
                    standings[g] = standing
                    groupPending[g] = standing.excluded ? 0 : members[g].count
                    for v in members[g] { pending[v] = !standing.excluded }
                    left += groupPending[g]
                }
                while left > 0 {
                    for g in leaders.indices where groupPending[g] > 0 {
                        let scorer = scorers[leaders[g]]
                        let scores = scorer.scores(lead, at: at, standing: standings[g])
                        let facts = LeadFacts(lead: lead, moment: at, scorer: scorer, scores: scores)
                        if scorer.disqualifiedNow(facts) { continue }
                        for v in members[g] where pending[v] && scorers[v].meetsThreshold(facts) {
                            out[v].moments[slot] = at
                            out[v].scores[slot] = scores.total
                            out[v].fastTrack[slot] = fastTrack[v] && scorers[v].isFastTrack(lead, at: at)
                            pending[v] = false
                            groupPending[g] -= 1
                            left -= 1
                        }
                    }
                    while k < end && ledger.events[k].at <= at { k += 1 }
                    guard k < end, ledger.events[k].at <= asOf else { break }
                    at = ledger.events[k].at
                }
            }
            return out
        }
        return definitions.indices.map { v in Replay(joining: parts.map { $0[v] }) }
    }

    /// True when two definitions give every lead the same scores and the same disqualifications at every moment
    /// (they may differ in thresholds and fast track).
    static func scoresAlike(_ a: MQLDefinition, _ b: MQLDefinition) -> Bool {
        func same(_ x: [ScoreRule], _ y: [ScoreRule]) -> Bool {
            x.count == y.count
                && zip(x, y).allSatisfy { $0.condition.expression == $1.condition.expression && $0.points == $1.points }
        }
        let engagementAlike =
            a.scoring.engagement.count == b.scoring.engagement.count
            && zip(a.scoring.engagement, b.scoring.engagement).allSatisfy {
                $0.action == $1.action && $0.points == $1.points && $0.maxCount == $1.maxCount && $0.within == $1.within
            }
        return a.fit.employees == b.fit.employees && a.fit.annualRevenue == b.fit.annualRevenue
            && a.fit.industries == b.fit.industries && a.fit.countries == b.fit.countries
            && a.fit.titles == b.fit.titles
            && a.disqualifiers.map(\.condition.expression) == b.disqualifiers.map(\.condition.expression)
            && same(a.scoring.fit, b.scoring.fit) && same(a.scoring.bant, b.scoring.bant) && engagementAlike
            && a.scoring.cap == b.scoring.cap && a.decay?.rate == b.decay?.rate && a.decay?.every == b.decay?.every
    }
}
