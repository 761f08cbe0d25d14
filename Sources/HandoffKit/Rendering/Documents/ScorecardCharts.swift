/// The charts of the HTML scorecard, by the names templates use in `<!-- chart:NAME -->` markers.
enum ScorecardCharts {
    static func all(_ s: Scorecard) -> [String: String] {
        let labels = s.trend.map { String($0.label.suffix(3)) }
        var charts: [String: String] = [:]
        charts["volume"] = LineChart(
            title: "MQLs per week vs target", labels: labels,
            series: [.init(name: "MQLs", values: s.trend.map { Double($0.mqls) }, color: "#2f5bd3")]
                + (s.trend.first?.volumeTarget.map { t in
                    [.init(name: "weekly target", values: s.trend.map { _ in t }, color: "#b54708", dashed: true)]
                } ?? []),
            band: nil, yFormat: { Amount.format($0.rounded()) }
        ).svg()
        let band = s.targets.first { $0.id == "acceptance_rate" }?.band
        charts["acceptance"] = LineChart(
            title: "MQL acceptance rate", labels: labels,
            series: [.init(name: "accepted", values: s.trend.map(\.acceptance), color: "#1e7b45")],
            band: band.map { ($0.low, $0.high) }, yFormat: { Percent.format($0) }, yMin: 0, yMax: 1
        ).svg()
        if s.trend.contains(where: { $0.medianFirstTouch != nil }) {
            let limit = s.trend.compactMap(\.firstTouchLimit).first
            // The axis is in the clock's units: minutes, or hours once the values pass three hours.
            let units = s.trend.compactMap(\.firstTouchUnits).first ?? ClockSpan.calendar
            let largest = (s.trend.compactMap(\.medianFirstTouch) + [limit ?? 0]).max() ?? 0
            let inHours = largest > 3 * 3600
            let scale = inHours ? 3600.0 : 60.0, suffix = inHours ? "h" : "m"
            charts["speed"] = LineChart(
                title: "Speed to lead: median time to first touch (\(units.axisUnit(hours: inHours)))", labels: labels,
                series: [
                    .init(
                        name: "median", values: s.trend.map { $0.medianFirstTouch.map { Double($0) / scale } },
                        color: "#6941c6")
                ]
                    + (limit.map { l in
                        [
                            .init(
                                name: "SLA \(units.text(l))", values: s.trend.map { _ in Double(l) / scale },
                                color: "#b42318", dashed: true)
                        ]
                    } ?? []),
                band: nil, yFormat: { "\(Amount.format(($0 * 10).rounded() / 10))\(suffix)" }
            ).svg()
        }
        charts["funnel"] = BarChart(
            title: "Funnel for the week's MQLs",
            bars: s.funnel.map {
                .init(
                    label: $0.name, value: Double($0.count),
                    caption: "\($0.count)" + ($0.rateOfMQL.map { " (\(Percent.format($0)))" } ?? ""))
            }
        ).svg()
        if s.reasons.rejected > 0 {
            var bars = s.reasons.rows.map {
                BarChart.Bar(
                    label: $0.label, value: Double($0.count), caption: "\($0.count) (\(Percent.format($0.share)))",
                    highlight: $0.adjustment != nil)
            }
            if s.reasons.withoutReason > 0 {
                bars.append(
                    .init(
                        label: "(no reason given)", value: Double(s.reasons.withoutReason),
                        caption: "\(s.reasons.withoutReason)", highlight: true))
            }
            charts["reasons"] = BarChart(title: "Rejection reasons", bars: bars).svg()
        }
        charts.merge(ServiceCharts.all(s)) { old, _ in old }
        return charts
    }
}
