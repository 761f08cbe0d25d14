/// Measures an agreement's commitments and targets on a lead ledger for one period.
public enum Evaluator {
    /// The scorecard for `context`'s period.
    public static func scorecard(_ context: EvaluationContext) -> Scorecard {
        let a = context.agreement
        let evaluator = CommitmentEvaluator(context: context)
        let results = a.commitments.map { evaluator.evaluate($0) }
        let targets = FunnelTargets(context: context).results()
        let cohort = context.cohort(context.period)
        let reports = Reports(context: context)
        let reasons = reports.reasons(cohort)
        return Scorecard(
            title: a.info.title, version: a.info.version, digest: a.digest, period: context.period, asOf: context.asOf, zone: context.zone,
            commitments: results, targets: targets, funnel: reports.funnel(cohort), reasons: reasons,
            sources: reports.sources(), owners: reports.owners(results), trend: reports.trend(),
            proposals: reports.proposals(reasons: reasons, acceptance: targets.first), quality: context.ledger.quality,
            sampleRejected: reports.sample(cohort), cohortSize: cohort.count)
    }
}
