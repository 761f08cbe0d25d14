/// The funnel-health targets: acceptance rate and MQL→SQL conversion, judged against their bands.
struct FunnelTargets {
    let context: EvaluationContext

    struct Reading {
        var value: Double?
        var denominator: Int
        var pending: Int
        var band: Band
        var note: String
    }

    /// accepted / (accepted + rejected) among the cohort; undecided leads are pending.
    func acceptance(cohort: ArraySlice<Int>) -> Reading {
        var accepted = 0, rejected = 0
        for i in cohort {
            switch context.lead(i).decision {
            case .accepted?: accepted += 1
            case .rejected?: rejected += 1
            case nil: break
            }
        }
        let decided = accepted + rejected
        return Reading(
            value: decided == 0 ? nil : Double(accepted) / Double(decided), denominator: decided,
            pending: cohort.count - decided, band: context.agreement.targets.acceptance,
            note: "\(accepted) accepted, \(rejected) rejected")
    }

    /// The mature cohort (the period `cohort_lag` weeks earlier) that reached SQL within the window.
    func conversion(for period: Period? = nil) -> Reading {
        let t = context.agreement.targets
        let p = period ?? context.period
        // The period shifted back by whole local weeks (an hour's DST difference stays out of the cohort).
        let lagDays = -7 * t.conversionLagWeeks, zone = context.zone
        let matureStart = p.firstDay.adding(days: lagDays)
        let cohort = context.cohort(
            from: zone.utc(fromLocal: Int64(matureStart.daysSinceEpoch) * 86400),
            to: zone.utc(fromLocal: Int64(p.endDay.adding(days: lagDays).daysSinceEpoch) * 86400))
        var converted = 0
        for i in cohort {
            let lead = context.lead(i)
            if let sql = lead.sqlAt, let mql = lead.mqlAt, sql - mql <= t.conversionWindow.seconds, sql <= context.asOf
            {
                converted += 1
            }
        }
        let matureFrom = Dates.long(matureStart)
        return Reading(
            value: cohort.isEmpty ? nil : Double(converted) / Double(cohort.count), denominator: cohort.count,
            pending: 0,
            band: t.mqlToSQL,
            note:
                "\(converted) of \(cohort.count) MQLs from the \(p.kind.rawValue) of \(matureFrom) reached SQL within \(t.conversionWindow.compact)"
        )
    }

    /// Both targets as results.
    func results() -> [TargetResult] {
        let minimum = context.agreement.targets.minimumSample
        let ledger = context.ledger
        // A target whose input the export lacks is not measurable, never a 0% reading.
        let noMQL = ledger.has(.mqlAt) ? nil : "needs column mql_at"
        func result(_ id: String, _ name: String, _ r: Reading, needs: String?) -> TargetResult {
            if let needs {
                return TargetResult(
                    id: id, name: name, verdict: .notMeasurable, value: nil, band: r.band, denominator: 0, pending: 0,
                    reading: "", note: needs)
            }
            let (verdict, reading) = FunnelTargets.judge(
                r.value, denominator: r.denominator, band: r.band, bound: nil, minimum: minimum)
            return TargetResult(
                id: id, name: name, verdict: verdict, value: r.value, band: r.band, denominator: r.denominator,
                pending: r.pending, reading: reading, note: r.note)
        }
        return [
            result(
                "acceptance_rate", "MQL acceptance rate", acceptance(cohort: context.cohort(context.period)),
                needs: noMQL ?? (ledger.has(.decision) || ledger.has(.status) ? nil : "needs column decision")),
            result(
                "mql_to_sql_rate", "MQL→SQL conversion", conversion(),
                needs: noMQL ?? (ledger.has(.sqlAt) ? nil : "needs column sql_at")),
        ]
    }

    /// In band: met; outside: missed, with the reading (too loose / too strict / below / above).
    static func judge(_ value: Double?, denominator: Int, band: Band, bound: Commitment.Bound?, minimum: Int) -> (
        Verdict, String
    ) {
        guard let v = value, denominator >= minimum else { return (.insufficientData, "") }
        var reading = "in band"
        if let loose = band.tooLooseBelow, v < loose {
            reading = "too loose: below \(Percent.format(loose)) the MQL definition lets in leads sales cannot use"
        } else if let strict = band.tooStrictAbove, v > strict {
            reading = "too strict: above \(Percent.format(strict)) the definition leaves opportunities on the table"
        } else if v < band.low - 1e-9 {
            reading = "below band"
        } else if v > band.high + 1e-9 {
            reading = "above band"
        }
        return (reading == "in band" ? .met : .missed, reading)
    }
}
