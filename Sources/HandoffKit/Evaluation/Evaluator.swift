import Foundation
internal import HandoffIO

/// Measures an agreement's commitments and targets on a lead ledger for one period.
enum Evaluator {
    /// The scorecard for `context`'s period.
    static func scorecard(_ context: EvaluationContext) -> Scorecard {
        let a = context.agreement
        let evaluator = CommitmentEvaluator(context: context)
        // Commitments are independent of each other and of the trend: measure them on all cores.
        let commitments = a.commitments
        let reports = Reports(context: context)
        let outcomes = Concurrently.map(commitments.count + 1) { k in
            k == commitments.count
                ? (result: nil, trend: reports.trend())
                : (result: evaluator.evaluate(commitments[k]), trend: [TrendPoint]())
        }
        var measured = ServiceLevels.enrich(outcomes.compactMap(\.result), context: context)
        let trend = outcomes.last?.trend ?? []
        var targets = FunnelTargets(context: context).results()
        if context.period.kind != .all, context.coverage.excludes(context.period, asOf: context.asOf) {
            // Outside what the exports cover: no verdict on numbers that are not there.
            let note = "no data for \(context.period.label): the exports cover \(context.coverage.text(context.zone))"
            for k in measured.indices where measured[k].verdict != .notMeasurable {
                let r = measured[k]
                measured[k] = CommitmentResult(
                    commitment: r.commitment, verdict: .noData, value: nil, valueText: "–", goalText: r.goalText,
                    denominator: 0, pending: 0, breaches: [], note: note)
            }
            for k in targets.indices where targets[k].verdict != .notMeasurable {
                let t = targets[k]
                targets[k] = TargetResult(
                    id: t.id, name: t.name, verdict: .noData, value: nil, band: t.band, denominator: 0, pending: 0,
                    reading: "", note: note)
            }
        }
        let cohort = context.cohort(context.period)
        let reasons = reports.reasons(cohort)
        var card = Scorecard(
            title: a.info.title, version: a.info.version, digest: a.digest, period: context.period, asOf: context.asOf,
            zone: context.zone,
            commitments: measured, targets: targets, funnel: reports.funnel(cohort), reasons: reasons,
            sources: reports.sources(), owners: reports.owners(measured), trend: trend,
            proposals: reports.proposals(reasons: reasons, acceptance: targets.first), quality: context.ledger.quality,
            sampleRejected: reports.sample(cohort), cohortSize: cohort.count, coverage: context.coverage)
        card.split = HandoffSplit.measure(context, cohort: cohort)
        card.team = a.team
        return card
    }
}
