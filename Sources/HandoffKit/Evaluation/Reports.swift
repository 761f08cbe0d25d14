internal import HandoffIO

/// The report sections of the scorecard: funnel, rejection reasons, sources, owners, trend, sample review.
struct Reports {
    let context: EvaluationContext
    /// Lead `i` as it stood at as-of.
    func lead(_ i: Int) -> Lead { context.lead(i) }
    var texts: TextTable { context.ledger.texts }

    func funnel(_ cohort: ArraySlice<Int>) -> [FunnelStage] {
        let asOf = context.asOf
        var sal = 0, sql = 0, opp = 0, won = 0
        for i in cohort {
            let l = lead(i)
            if l.decision == .accepted { sal += 1 }
            if let t = l.sqlAt, t <= asOf { sql += 1 }
            if let t = l.opportunityAt, t <= asOf { opp += 1 }
            if let t = l.wonAt, t <= asOf { won += 1 }
        }
        let n = cohort.count
        func rate(_ x: Int) -> Double? { n == 0 ? nil : Double(x) / Double(n) }
        return [
            FunnelStage(name: "MQL", count: n, rateOfMQL: rate(n)),
            FunnelStage(name: "SAL", count: sal, rateOfMQL: rate(sal)),
            FunnelStage(name: "SQL", count: sql, rateOfMQL: rate(sql)),
            FunnelStage(name: "Opportunity", count: opp, rateOfMQL: rate(opp)),
            FunnelStage(name: "Won", count: won, rateOfMQL: rate(won)),
        ]
    }

    func reasons(_ cohort: ArraySlice<Int>) -> RejectionBreakdown {
        var counts: [String: Int] = [:]
        var none = 0, rejected = 0
        var unknown: [String: Int] = [:]
        let known = Set(context.agreement.rejectionReasons.map(\.id))
        let texts = self.texts
        for i in cohort where lead(i).decision == .rejected {
            rejected += 1
            let r = texts[lead(i).rejectionReason]
            if r.isEmpty {
                none += 1
            } else if known.contains(r) {
                counts[r, default: 0] += 1
            } else {
                unknown[r, default: 0] += 1
            }
        }
        let rows = context.agreement.rejectionReasons.map { reason -> RejectionBreakdown.Row in
            let n = counts[reason.id] ?? 0
            let share = rejected == 0 ? 0 : Double(n) / Double(rejected)
            let dominant = rejected >= 1 && n > 0 && share + 1e-9 >= reason.dominatesAt.fraction
            return .init(
                id: reason.id, label: reason.label, count: n, share: share, pointsAt: reason.pointsAt.words,
                adjustment: dominant ? reason.adjustment : nil)
        }
        return RejectionBreakdown(rejected: rejected, rows: rows, withoutReason: none, unknown: unknown)
    }

    /// Per source over the eight weeks ending with the period.
    func sources() -> [SourceRow] {
        let p = context.period
        let start = p.kind == .week ? p.shifted(weeks: -7, zone: context.zone).start : p.start
        var rows: [String: SourceRow] = [:]
        let texts = self.texts
        for i in context.cohort(from: start, to: p.end) {
            let l = lead(i)
            let key = l.source.isEmpty ? "(no source)" : texts[l.source]
            var row = rows[key] ?? SourceRow(source: key, mqls: 0, accepted: 0, decided: 0, sqls: 0)
            row.mqls += 1
            if l.decision != nil { row.decided += 1 }
            if l.decision == .accepted { row.accepted += 1 }
            if let t = l.sqlAt, t <= context.asOf { row.sqls += 1 }
            rows[key] = row
        }
        return rows.values.sorted { ($0.mqls, $1.source) > ($1.mqls, $0.source) }
    }

    /// Sales breaches per owner, most first.
    func owners(_ results: [CommitmentResult]) -> [OwnerRow] {
        let sales = results.filter { $0.commitment.team == "sales" }
        var byOwner: [String: [String: Int]] = [:]
        for r in sales {
            for b in r.breaches {
                byOwner[b.owner.isEmpty ? "(unassigned)" : b.owner, default: [:]][r.commitment.id, default: 0] += 1
            }
        }
        var leadCounts: [String: Int] = [:]
        let texts = self.texts
        for i in context.cohort(context.period) {
            leadCounts[lead(i).owner.isEmpty ? "(unassigned)" : texts[lead(i).owner], default: 0] += 1
        }
        let rows = Set(leadCounts.keys).union(byOwner.keys).map { owner in
            OwnerRow(
                owner: owner, leads: leadCounts[owner] ?? 0,
                breaches: sales.map { ($0.commitment.id, byOwner[owner]?[$0.commitment.id] ?? 0) })
        }
        return rows.sorted { ($0.total, $1.owner) > ($1.total, $0.owner) }
    }

    /// The eight weeks ending with the period's last week.
    func trend() -> [TrendPoint] {
        // Without timestamps there are no weeks to show.
        guard context.period.kind != .all else { return [] }
        let zone = context.zone
        let last = Period.week(containing: context.period.endDay.adding(days: -1), zone: zone)
        // An explicit weekly promise is the weekly target; else the monthly one's weekly share.
        let volume =
            context.agreement.commitments.first { $0.metric == .mqlCount && $0.per == .week }
            ?? context.agreement.commitments.first { $0.metric == .mqlCount }
        let weeklyTarget: Double? = volume.flatMap { c in
            guard case .atLeast(let n) = c.bound else { return nil }
            return c.per == .week ? n : n * 12 / 52
        }
        let touch =
            context.agreement.commitments.first { $0.metric == .firstTouchTime && $0.scope != .fastTrack }
            ?? context.agreement.commitments.first { $0.metric == .firstTouchTime }
        let targets = FunnelTargets(context: context)
        return (0..<8).reversed().map { back in
            let week = last.shifted(weeks: -back, zone: zone)
            let cohort = context.cohort(week)
            var median: Int64?, p90: Int64?
            var limit: Int64?
            if let touch, CommitmentEvaluator(context: context).missingInput(touch) == nil {
                let measured = DurationMetric(context: context).evaluate(touch, cohort: cohort)
                (median, p90) = (measured.median, measured.p90)
                if case .within(let t) = touch.bound { limit = t.seconds }
            }
            return TrendPoint(
                label: week.label, mqls: cohort.count, volumeTarget: weeklyTarget,
                acceptance: targets.acceptance(cohort: cohort).value, medianFirstTouch: median,
                p90FirstTouch: p90,
                firstTouchUnits: touch.map { ClockSpan($0.clock, hours: context.agreement.businessHours) },
                firstTouchLimit: limit)
        }
    }

    /// The agreed adjustments of dominant reasons, then the acceptance band's reading.
    func proposals(reasons: RejectionBreakdown, acceptance: TargetResult?) -> [String] {
        var out = reasons.rows.compactMap { row in
            row.adjustment.map {
                "\(Percent.format(row.share)) of rejections are “\(row.label)” (\(row.pointsAt)): \($0)"
            }
        }
        if let a = acceptance, a.verdict == .missed, let v = a.value {
            let band = "the \(Percent.format(a.band.low))–\(Percent.format(a.band.high)) band"
            // The advice follows the agreement's own thresholds: "too loose"/"too strict" only past them.
            if a.reading.hasPrefix("too loose") || (a.reading == "below band" && a.band.tooLooseBelow == nil) {
                out.append(
                    "Acceptance is \(Percent.format(v)), below \(band): the MQL definition is too loose; tighten fit criteria or raise thresholds."
                )
            } else if a.reading.hasPrefix("too strict") || (a.reading == "above band" && a.band.tooStrictAbove == nil) {
                out.append(
                    "Acceptance is \(Percent.format(v)), above \(band): the MQL definition may be too strict; consider loosening thresholds to pass more leads."
                )
            } else if a.reading == "below band", let loose = a.band.tooLooseBelow {
                out.append(
                    "Acceptance is \(Percent.format(v)), below \(band) but not under the \(Percent.format(loose)) the agreement calls too loose: watch the trend before changing the definition."
                )
            } else if let strict = a.band.tooStrictAbove {
                out.append(
                    "Acceptance is \(Percent.format(v)), above \(band) but not over the \(Percent.format(strict)) the agreement calls too strict: watch the trend before changing the definition."
                )
            }
        }
        if reasons.withoutReason > 0 {
            out.append(
                "\(reasons.withoutReason) rejection\(reasons.withoutReason == 1 ? "" : "s") came without a reason: sales to pick one from the agreed list."
            )
        }
        return out
    }

    /// FNV-1a of the id: a stable order that does not follow the export's row order.
    static func stableHash(_ s: String) -> UInt64 {
        var h: UInt64 = 0xcbf2_9ce4_8422_2325
        for b in s.utf8 { h = (h ^ UInt64(b)) &* 0x0000_0100_0000_01B3 }
        return h
    }

    /// N rejected leads of the cohort, chosen deterministically: spread over reasons, by lead id hash.
    func sample(_ cohort: ArraySlice<Int>) -> [SampleLead] {
        let n = context.agreement.meeting.reviewRejectedLeads
        let ledger = context.ledger, texts = self.texts
        let rejected = cohort.filter { lead($0).decision == .rejected }
            .map { (key: Reports.stableHash(ledger.id(of: lead($0))), id: ledger.id(of: lead($0)), index: $0) }
            .sorted { ($0.key, $0.id) < ($1.key, $1.id) }
            .map(\.index)
        var chosen: [Int] = []
        var seenReasons: Set<TextRef> = []
        for i in rejected where chosen.count < n && !seenReasons.contains(lead(i).rejectionReason) {
            chosen.append(i)
            seenReasons.insert(lead(i).rejectionReason)
        }
        for i in rejected where chosen.count < n && !chosen.contains(i) { chosen.append(i) }
        return chosen.map { i in
            let l = lead(i)
            var profile: [String] = []
            if !l.industry.isEmpty { profile.append(texts[l.industry]) }
            if let e = l.employees { profile.append("\(Amount.grouped(e)) employees") }
            if !l.country.isEmpty { profile.append(texts[l.country]) }
            if !l.title.isEmpty { profile.append(texts[l.title]) }
            let reasonText = texts[l.rejectionReason]
            let reason =
                context.agreement.reason(reasonText)?.label ?? (reasonText.isEmpty ? "(no reason given)" : reasonText)
            var score = l.score.map { Amount.format($0.rounded()) } ?? "–"
            if context.ledger.hasEngagement, let at = l.mqlAt {
                let s = context.scorer.scores(l, at: at)
                score =
                    "\(Amount.format(s.total.rounded())) (fit \(Amount.format(s.fit.rounded())), eng. \(Amount.format(s.engagement.rounded())), BANT \(Amount.format(s.bant.rounded())))"
            }
            return SampleLead(
                id: ledger.id(of: l), company: texts[l.company], profile: profile.joined(separator: ", "),
                source: texts[l.source],
                score: score, reason: reason, owner: texts[l.owner])
        }
    }
}
