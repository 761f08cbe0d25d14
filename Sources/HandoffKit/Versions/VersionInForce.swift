/// Measuring each lead against the version of the agreement in force at its handoff.
///
/// A thin layer over the evaluator: leads are grouped by the version in force on the day they were handed off
/// (routed, or became MQLs when not routed, in the agreement's time zone); each group is evaluated with its
/// version, and the commitment results are combined. Funnel, reasons, sources and trend come from the version
/// in force at the end of the period, over all leads, and so do volume promises (they count the whole period)
/// and commitments that every version in the period measures the same way (same entry, definition, hours,
/// targets and data settings): only commitments that changed are shown once per version.
extension Handoff {
    /// The scorecard for `request`, each lead judged by the version in force at its handoff. The exports are
    /// read with the latest version's `data` settings.
    public static func scorecard(_ versions: AgreementVersions, _ request: MeasurementRequest) throws -> Scorecard {
        guard let latest = versions.agreements.last else {
            throw HandoffError(.usage, "no versions of the agreement to measure against")
        }
        let (loaded, ledger, asOf) = try ledger(latest, request)
        let agreements = versions.agreements.map { v -> Agreement in
            var a = v
            a.data = loaded.data
            return a
        }
        let probe = try EvaluationContext(
            agreement: agreements[agreements.count - 1], ledger: ledger, period: request.period, asOf: asOf)
        let zone = probe.zone, period = probe.period
        func day(_ t: Int64) -> LocalDate { LocalDate(daysSinceEpoch: Int(zone.local(t).floorDiv(86400))) }
        let assigned: [Int] = ledger.leads.map { lead in
            guard let t = lead.routedAt ?? lead.mqlAt else { return agreements.count - 1 }
            return versions.index(on: day(t))
        }
        var inPeriod = Set<Int>()
        for (i, lead) in ledger.leads.enumerated() {
            if let t = lead.routedAt ?? lead.mqlAt, t >= period.start, t < period.end { inPeriod.insert(assigned[i]) }
        }
        let atEnd = versions.index(on: period.endDay.adding(days: -1))
        let groups = inPeriod.isEmpty ? [versions.index(on: period.firstDay)] : inPeriod.sorted()
        let changes = agreements.filter { $0.info.effective > period.firstDay && $0.info.effective < period.endDay }
        let mainIndex = groups.last ?? atEnd

        func evaluate(_ k: Int, leads: [Lead]?) throws -> Scorecard {
            var sub = ledger
            if let leads { sub.leads = leads }
            return Evaluator.scorecard(
                try EvaluationContext(agreement: agreements[k], ledger: sub, period: request.period, asOf: asOf))
        }
        var card = try evaluate(mainIndex, leads: nil)
        if groups.count > 1 {
            // Volume promises count the whole period's MQLs: they stay with the version in force at its end. So do
            // commitments measured the same way under every version in the period: one row over all leads.
            func unchanged(_ c: Commitment) -> Bool {
                let prints = groups.map {
                    versions.fingerprints.indices.contains($0) ? versions.fingerprints[$0]["\(c.team)/\(c.id)"] : nil
                }
                return prints.allSatisfy { $0 != nil && $0 == prints.first ?? nil }
            }
            let kept = card.commitments.filter { $0.commitment.metric.shape == .volume || unchanged($0.commitment) }
            let keptIDs = Set(kept.map { "\($0.commitment.team)/\($0.commitment.id)" })
            var results = kept
            for k in groups {
                let leads = ledger.leads.indices.filter { assigned[$0] == k }.map { ledger.leads[$0] }
                let part = try evaluate(k, leads: leads)
                let span = handoffSpan(k, agreements)
                results += part.commitments.filter { !keptIDs.contains("\($0.commitment.team)/\($0.commitment.id)") }
                    .map { r in
                        var r = r
                        r.goalText += " under v\(agreements[k].info.version) (\(span))"
                        return r
                    }
            }
            let order = agreements[mainIndex].commitments.map(\.id)
            card.commitments = results.enumerated().sorted { x, y in
                let a = order.firstIndex(of: x.element.commitment.id) ?? order.count
                let b = order.firstIndex(of: y.element.commitment.id) ?? order.count
                return a != b ? a < b : x.offset < y.offset
            }.map(\.element)
            let names = groups.map { agreements[$0].info.version }.joined(separator: " → ")
            let from = groups.dropFirst().map {
                "\(agreements[$0].info.version) in force from \(Dates.long(agreements[$0].info.effective))"
            }.joined(separator: ", ")
            card.version = "\(names) (\(from); each lead measured against the version in force at its handoff)"
        } else if !changes.isEmpty {
            let words = changes.map { "\($0.info.version) took effect \(Dates.long($0.info.effective))" }.joined(
                separator: ", ")
            let which =
                mainIndex == atEnd
                ? "every handoff this period came after the change" : "every handoff this period came before the change"
            card.version = "\(agreements[mainIndex].info.version) (\(words); \(which))"
        }
        return card
    }

    /// `handoffs from 18 Nov 2026`, `handoffs before 18 Nov 2026`, `handoffs 1 Jul 2026 – 17 Nov 2026`.
    static func handoffSpan(_ k: Int, _ agreements: [Agreement]) -> String {
        let next = k + 1 < agreements.count ? agreements[k + 1].info.effective : nil
        if k == 0, let next { return "handoffs before \(Dates.long(next))" }
        if let next {
            return "handoffs \(Dates.long(agreements[k].info.effective)) to \(Dates.long(next.adding(days: -1)))"
        }
        return "handoffs from \(Dates.long(agreements[k].info.effective))"
    }
}
