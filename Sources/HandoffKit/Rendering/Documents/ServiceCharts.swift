/// One chart per duration commitment: the share of leads in each band, bands past the bound in red.
enum ServiceCharts {
    static func name(_ id: String) -> String { "distribution-\(id)" }

    static func all(_ s: Scorecard) -> [String: String] {
        var charts: [String: String] = [:]
        for r in s.commitments {
            guard let d = r.distribution, case .within(let limit) = r.commitment.bound else { continue }
            let shares = d.overall.shares
            var lower: Int64 = 0
            var bars: [BarChart.Bar] = []
            for (k, label) in d.labels.enumerated() {
                let past = lower >= limit.seconds
                bars.append(
                    .init(
                        label: label, value: shares[k],
                        caption: "\(d.overall.counts[k]) (\(Percent.format(shares[k])))", highlight: past))
                if k < d.edges.count { lower = d.edges[k] }
            }
            let p = "p50 \(d.overall.p50.map(Dates.span) ?? "–"), p90 \(d.overall.p90.map(Dates.span) ?? "–")"
            charts[name(r.commitment.id)] = BarChart(
                title:
                    "\(r.commitment.id): \(r.commitment.metric.noun), \(ServiceLevelData.clockName(r.commitment.clock)) — \(p)",
                bars: bars
            ).svg()
        }
        return charts
    }
}
