internal import HandoffIO

/// Adds the service-level view to measured commitments: the distribution of every duration and the error
/// budget of every per-lead goal.
enum ServiceLevels {
    static func enrich(_ results: [CommitmentResult], context: EvaluationContext) -> [CommitmentResult] {
        Concurrently.map(results.count) { k in
            var r = results[k]
            if r.commitment.metric.shape == .duration, r.verdict != .notMeasurable {
                r.distribution = Distribution.measure(r.samples, edges: r.commitment.bands, texts: context.ledger.texts)
            }
            r.budget = ErrorBudget.measure(r, context: context)
            r.samples = []
            return r
        }
    }
}
