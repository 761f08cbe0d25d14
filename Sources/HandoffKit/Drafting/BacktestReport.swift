/// The backtest as a document (Markdown, or HTML with SVG charts) and as JSON.
public enum BacktestReport {
    static let palette = ["#2f5bd3", "#b54708", "#1e7b45", "#6941c6", "#b42318", "#0e7490", "#a16207", "#475467"]

    /// The Markdown document, with `<!-- chart:NAME -->` markers for `charts`.
    static func markdown(_ b: Backtest, title: String) -> String {
        let e = Markdown.escape
        func pct(_ x: Double?) -> String { x.map(Percent.format) ?? "—" }
        func n(_ x: Double) -> String { Amount.grouped(x.rounded()) }
        let window = "\(b.months.first!.label) – \(b.months.last!.label)"
        var md = "# Backtest — \(e(title))\n\n"
        md += """
            History as of \(Dates.iso(b.asOf)); \(Amount.grouped(Double(b.leadsRead))) leads read. \
            Window: the \(b.months.count) whole month\(b.months.count == 1 ? "" : "s") \(window) (the as-of month is partial and left out). \
            Every lead is re-scored with each variant's model at its creation and at each engagement event, and counts as that \
            variant's MQL at the first moment the definition holds. What became of a lead (accepted, rejected, SQL, won) is what \
            the exports record.


            """
        md += "## Summary\n\n"
        md +=
            "| Variant | MQLs | Per month | Target / month | Capacity / month | Acceptance | MQL→SQL | Won | Added | Dropped | Verdict |\n"
        md += "|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|\n"
        for r in b.results {
            md +=
                "| \(e(r.name)) | \(r.mqls) | \(n(r.monthlyAverage)) | \(r.monthlyTarget.map(n) ?? "—") | \(r.monthlyCapacity.map(n) ?? "—") "
            md +=
                "| \(pct(r.acceptanceRate)) (\(r.outcome.accepted)/\(r.outcome.decided)) | \(pct(r.mqlToSQLRate)) | \(pct(r.wonRate)) "
            md += "| \(r.added.leads) | \(r.dropped.leads) | \(r.verdict.words) |\n"
        }
        md += "\n<!-- chart:per-month -->\n\n"
        if b.sweepLabel != nil { md += "<!-- chart:sweep-volume -->\n\n<!-- chart:sweep-rates -->\n\n" }

        md += countTable("MQLs per month", "Month", b.months.map(\.label), b.results.map { ($0.name, $0.perMonth) })
        md += "\n" + countTable("MQLs per week", "Week", b.weeks.map(\.label), b.results.map { ($0.name, $0.perWeek) })

        for (index, r) in b.results.enumerated() {
            md += "\n## \(index == 0 ? "Current: " : "")\(e(r.name))\n\n"
            md += "- **Volume:** \(r.mqls) MQLs, \(n(r.monthlyAverage)) a month on average"
            if let t = r.monthlyTarget {
                md +=
                    r.monthlyAverage >= t ? "; meets the agreed \(n(t)) a month" : "; below the agreed \(n(t)) a month"
            }
            if let c = r.monthlyCapacity {
                md +=
                    r.monthlyAverage > c
                    ? "; more than sales can absorb (\(n(c)) a month)" : "; within sales capacity (\(n(c)) a month)"
            }
            md += ". Fast-track at the MQL moment: \(r.fastTrack).\n"
            let l = r.limits
            md +=
                "- **Acceptance:** \(r.outcome.accepted) accepted of \(r.outcome.decided) decided (\(pct(r.acceptanceRate))); "
            md += "target \(Percent.format(l.low))–\(Percent.format(l.high))"
            if let loose = l.tooLoose { md += ", too loose below \(Percent.format(loose))" }
            if let strict = l.tooStrict { md += ", too strict above \(Percent.format(strict))" }
            md += ". **Verdict: \(r.verdict.words)**"
            if r.verdict == .tooFewDecided { md += " (fewer than \(r.minimumSample) decided)" }
            md += ".\n"
            md +=
                "- **Conversion:** \(r.outcome.sql) SQL (\(pct(r.mqlToSQLRate))), \(r.outcome.won) won (\(pct(r.wonRate))); "
            md += "\(r.outcome.handedOver) of the \(r.mqls) were handed to sales in history.\n"
            if index > 0 {
                md += "- **Added** (MQLs here, not under the current definition): \(outcomeWords(r.added))\n"
                md += "- **Dropped** (current MQLs that are not MQLs here): \(outcomeWords(r.dropped))\n"
            }
            if !r.bands.isEmpty {
                md +=
                    "\n| Score at MQL | MQLs | Decided | Accepted | SQL | Won | Won rate |\n|---|---:|---:|---:|---:|---:|---:|\n"
                for band in r.bands {
                    let o = band.outcome
                    let rate =
                        o.leads < r.minimumSample ? "— (n < \(r.minimumSample))" : pct(Double(o.won) / Double(o.leads))
                    md +=
                        "| \(n(band.low))–\(n(band.high - 1)) | \(o.leads) | \(o.decided) | \(o.accepted) | \(o.sql) | \(o.won) | \(rate) |\n"
                }
            }
        }
        md += """

            ## How to read this

            - Acceptance counts only the leads sales decided in history. A lead a variant adds was usually never handed over, \
            so it has no decision: read its SQL and won counts, not its acceptance.
            - A verdict needs at least \(b.results.first?.minimumSample ?? 0) decided leads (the agreement's `minimum_sample`); \
            won rates by score band likewise.
            - Weeks are ISO weeks overlapping the window; the first and last may be cut by it.
            - Capacity a month is reps × MQLs per rep per week × 52 ÷ 12; a weekly volume target is converted the same way.

            """
        return md
    }

    /// A section with one row per period and one count column per variant.
    static func countTable(
        _ heading: String, _ first: String, _ labels: [String], _ columns: [(name: String, counts: [Int])]
    ) -> String {
        var md = "## \(heading)\n\n| \(first) |" + columns.map { " \(Markdown.escape($0.name)) |" }.joined() + "\n|---|"
        md += String(repeating: "---:|", count: columns.count) + "\n"
        for (i, label) in labels.enumerated() {
            md += "| \(label) |" + columns.map { " \($0.counts[i]) |" }.joined() + "\n"
        }
        return md
    }

    static func outcomeWords(_ o: Backtest.Outcome) -> String {
        guard o.leads > 0 else { return "none." }
        var s =
            "\(o.leads) leads; \(o.handedOver) handed to sales in history, \(o.accepted) accepted, \(o.rejected) rejected"
        if !o.rejectedBy.isEmpty {
            s +=
                " ("
                + o.rejectedBy.map { "\($0.reason.isEmpty ? "no reason" : Markdown.escape($0.reason)) \($0.count)" }
                .joined(separator: ", ") + ")"
        }
        return s + ", \(o.sql) SQL, \(o.won) won."
    }

    /// The SVG charts by marker name.
    static func charts(_ b: Backtest) -> [String: String] {
        var charts: [String: String] = [:]
        charts["per-month"] = LineChart(
            title: "MQLs per month per variant", labels: b.months.map(\.label),
            series: b.results.prefix(palette.count).enumerated().map { i, r in
                .init(
                    name: String(r.name.prefix(22)), values: r.perMonth.map(Double.init), color: palette[i],
                    dashed: i == 0)
            }, band: nil, yFormat: { Amount.format($0.rounded()) }
        ).svg()
        let steps = b.results.filter { $0.sweepValue != nil }
        if let label = b.sweepLabel, !steps.isEmpty {
            let labels = steps.map { Amount.format($0.sweepValue!) }
            charts["sweep-volume"] = LineChart(
                title: "Sweep of \(label): MQLs per month", labels: labels,
                series: [.init(name: "MQLs / month", values: steps.map(\.monthlyAverage), color: palette[0])]
                    + (steps[0].monthlyTarget.map { t in
                        [.init(name: "target", values: steps.map { _ in t }, color: palette[1], dashed: true)]
                    } ?? [])
                    + (steps[0].monthlyCapacity.map { c in
                        [.init(name: "capacity", values: steps.map { _ in c }, color: palette[4], dashed: true)]
                    } ?? []),
                band: nil, yFormat: { Amount.format($0.rounded()) }
            ).svg()
            let l = steps[0].limits
            charts["sweep-rates"] = LineChart(
                title: "Sweep of \(label): acceptance and conversion", labels: labels,
                series: [
                    .init(name: "acceptance", values: steps.map(\.acceptanceRate), color: palette[2]),
                    .init(name: "MQL→SQL", values: steps.map(\.mqlToSQLRate), color: palette[3]),
                    .init(name: "won", values: steps.map(\.wonRate), color: palette[1]),
                ],
                band: (l.low, l.high), yFormat: { Percent.format($0) }, yMin: 0, yMax: 1
            ).svg()
        }
        return charts
    }

    /// The document in `format`.
    public static func render(_ b: Backtest, title: String, format: OutputFormat) -> String {
        let md = markdown(b, title: title)
        switch format {
        case .markdown: return HTMLPage.markdownWithoutMarkers(md)
        case .html: return HTMLPage.render(markdown: md, title: "Backtest — \(title)", charts: charts(b))
        }
    }

    /// The JSON report: `variants`, the current definition first.
    public static func json(_ b: Backtest) -> JSON {
        let variants: [JSON] = b.results.map { variantJSON($0, b) }
        let months: [JSON] = b.months.map { .string($0.label) }
        let sweep: JSON = b.sweepLabel.map(JSON.string) ?? .null
        return .object([
            ("as_of", .string(Dates.iso(b.asOf))),
            ("leads_read", .number(Double(b.leadsRead))),
            ("months", .array(months)),
            ("sweep", sweep),
            ("variants", .array(variants)),
        ])
    }

    static func rate(_ x: Double?) -> JSON { x.map { .number(($0 * 10_000).rounded() / 10_000) } ?? .null }
    static func count(_ n: Int) -> JSON { .number(Double(n)) }
    static func amount(_ x: Double?) -> JSON { x.map { .number(($0 * 100).rounded() / 100) } ?? .null }

    static func outcomeJSON(_ o: Backtest.Outcome) -> JSON {
        let reasons: [JSON] = o.rejectedBy.map {
            .object([("reason", .string($0.reason)), ("count", count($0.count))])
        }
        return .object([
            ("leads", count(o.leads)), ("handed_over", count(o.handedOver)),
            ("accepted", count(o.accepted)), ("rejected", count(o.rejected)),
            ("rejected_by", .array(reasons)),
            ("sql", count(o.sql)), ("won", count(o.won)),
        ])
    }

    static func variantJSON(_ r: Backtest.Result, _ b: Backtest) -> JSON {
        let perMonth: [JSON] = zip(b.months, r.perMonth).map {
            .object([("month", .string($0.label)), ("mqls", count($1))])
        }
        let perWeek: [JSON] = zip(b.weeks, r.perWeek).map {
            .object([("week", .string($0.label)), ("mqls", count($1))])
        }
        let bands: [JSON] = r.bands.map {
            .object([("from", .number($0.low)), ("to", .number($0.high - 1)), ("outcome", outcomeJSON($0.outcome))])
        }
        let sweepValue: JSON = r.sweepValue.map(JSON.number) ?? .null
        var pairs: [(String, JSON)] = [("name", .string(r.name)), ("sweep_value", sweepValue), ("mqls", count(r.mqls))]
        pairs += [("per_month", .array(perMonth)), ("per_week", .array(perWeek))]
        pairs += [
            ("monthly_average", amount(r.monthlyAverage)), ("monthly_target", amount(r.monthlyTarget)),
            ("monthly_capacity", amount(r.monthlyCapacity)),
        ]
        pairs += [
            ("fast_track", count(r.fastTrack)), ("decided", count(r.outcome.decided)),
            ("accepted", count(r.outcome.accepted)),
        ]
        pairs += [
            ("acceptance_rate", rate(r.acceptanceRate)), ("sql", count(r.outcome.sql)),
            ("mql_to_sql_rate", rate(r.mqlToSQLRate)),
        ]
        pairs += [("won", count(r.outcome.won)), ("won_rate", rate(r.wonRate)), ("bands", .array(bands))]
        pairs += [
            ("added", outcomeJSON(r.added)), ("dropped", outcomeJSON(r.dropped)),
            ("verdict", .string(r.verdict.rawValue)),
        ]
        return .object(pairs)
    }
}
