/// Template data for the service-level sections of the scorecard and agenda: distributions, error budgets,
/// and the split between systems time and people time with the owners' calendars.
enum ServiceLevelData {
    static let distributionRow: TemplateShape = .list(
        "all MQLs, then per owner, then per source",
        [
            "group": S.text("all MQLs, owner · name, source · name"), "count": S.text("leads with a time"),
            "p50": S.text("median (nearest rank)"),
            "p90": S.text("90th percentile (nearest rank)"),
            "shares": .list("share per band", ["share": S.text("34.5%")]),
        ])

    /// Fields for the scorecard template.
    static let scorecardShape: [String: TemplateShape] = [
        "distributions": .list(
            "one per duration commitment",
            [
                "id": S.text("commitment id"), "noun": S.text("time to first contact"),
                "clock": S.text("business clock, calendar clock or owner's own clock"),
                "chart": .markdown("the chart marker (SVG in HTML)"),
                "labels": .list("band labels", ["label": S.text("0–5m")]),
                "rows": distributionRow,
            ]),
        "budgets": .list(
            "error budget sentences, one per per-lead goal",
            ["sentence": S.text("'first-touch: 7 of 19 misses left for November; …'")]),
        "budget_rows": .list(
            "error budget per commitment and window",
            [
                "id": S.text("commitment id"), "window": S.text("2026-W46 or November (to date)"),
                "judged": S.text("leads judged"),
                "allowed": S.text("misses allowed over the window"), "used": S.text("misses so far"),
                "left": S.text("misses left"),
                "burn": S.text("burn rate, 1.0× spends the budget by the window's end"),
                "run_out": S.text("projected run-out day, or –"),
            ]),
        "split": .record(
            "time before routing apart from time after assignment",
            [
                "systems_p50": S.text("MQL → routed, median"), "systems_p90": S.text("MQL → routed, p90"),
                "systems_n": S.text("leads routed"),
                "people_p50": S.text("routed → first touch on the owner's clock, median"), "people_p90": S.text("p90"),
                "people_n": S.text("leads touched"),
                "not_routed": S.text("MQLs not routed by as-of"),
                "not_touched": S.text("routed MQLs not touched by as-of"),
                "owners": .list(
                    "per owner",
                    [
                        "owner": S.text("owner"), "calendar": S.text("zone and hours"),
                        "days_off": S.text("days off this period"),
                        "count": S.text("leads touched"), "p50": S.text("median"), "p90": S.text("p90"),
                    ]),
            ]),
    ]

    /// Fields for the agenda template.
    static let agendaShape: [String: TemplateShape] = [
        "service": .list(
            "per duration commitment: p50, p90 and the share in the first band", ["text": S.text("the line")]),
        "budgets": .list("error budget sentences", ["sentence": S.text("the sentence")]),
        "away": .list("owners with time off in the period", ["text": S.text("'Erin Walsh: 5 days off (Vacation)'")]),
    ]

    static func span(_ s: Int64?) -> TemplateValue { T.text(s.map(Dates.span) ?? "–") }

    /// `business clock`, `calendar clock`, `owner's own clock`.
    static func clockName(_ clock: Commitment.Clock) -> String {
        clock == .owner ? "owner's own clock" : "\(clock.rawValue) clock"
    }

    static func scorecard(_ s: Scorecard) -> [String: TemplateValue] {
        let durations = s.commitments.compactMap { r in r.distribution.map { (r, $0) } }
        let distributions = durations.map { r, d -> [String: TemplateValue] in
            func row(_ group: String, _ spread: Distribution.Spread) -> [String: TemplateValue] {
                [
                    "group": T.text(group), "count": T.int(spread.count), "p50": span(spread.p50),
                    "p90": span(spread.p90),
                    "shares": T.list(spread.shares.map { ["share": T.percent($0)] }),
                ]
            }
            let rows =
                [row("all MQLs", d.overall)] + d.byOwner.map { row("owner · \($0.name)", $0.spread) }
                + d.bySource.map { row("source · \($0.name)", $0.spread) }
            return [
                "id": T.text(r.commitment.id), "noun": T.text(r.commitment.metric.noun),
                "clock": T.text(clockName(r.commitment.clock)),
                "chart": .markdown("<!-- chart:\(ServiceCharts.name(r.commitment.id)) -->"),
                "labels": T.list(d.labels.map { ["label": T.text($0)] }), "rows": T.list(rows),
            ]
        }
        let budgeted = s.commitments.compactMap { r in r.budget.map { (r.commitment.id, $0) } }
        let budgetRows = budgeted.flatMap { id, b in
            [(b.week, b.week.label), (b.month, "\(b.month.name) (to date)")].map { w, name -> [String: TemplateValue] in
                [
                    "id": T.text(id), "window": T.text(name), "judged": T.int(w.judged), "allowed": T.int(w.allowed),
                    "used": T.int(w.used),
                    "left": T.int(w.remaining),
                    "burn": T.text(w.burnRate.map { Amount.format(($0 * 10).rounded() / 10) + "×" } ?? "–"),
                    "run_out": T.text(w.runOut.map(Dates.short) ?? (w.gone ? "gone" : "–")),
                ]
            }
        }
        var data: [String: TemplateValue] = [
            "distributions": T.list(distributions),
            "budgets": T.list(budgeted.map { ["sentence": T.text($1.sentence($0))] }),
            "budget_rows": T.list(budgetRows),
        ]
        let split =
            s.split
            ?? HandoffSplit(
                systems: Distribution.spread([], edges: []), people: Distribution.spread([], edges: []),
                notRouted: 0, notTouched: 0, owners: [])
        data["split"] = .record([
            "systems_p50": span(split.systems.p50), "systems_p90": span(split.systems.p90),
            "systems_n": T.int(split.systems.count),
            "people_p50": span(split.people.p50), "people_p90": span(split.people.p90),
            "people_n": T.int(split.people.count),
            "not_routed": T.int(split.notRouted), "not_touched": T.int(split.notTouched),
            "owners": T.list(
                split.owners.map { o in
                    [
                        "owner": T.text(o.name), "calendar": T.text(o.calendar), "days_off": T.int(o.daysOff),
                        "count": T.int(o.people.count),
                        "p50": span(o.people.p50), "p90": span(o.people.p90),
                    ]
                }),
        ])
        return data
    }

    static func agenda(_ s: Scorecard, _ a: Agreement) -> [String: TemplateValue] {
        var service = s.commitments.compactMap { r -> String? in
            guard let d = r.distribution, let edge = d.edges.first, let share = d.overall.shares.first else {
                return nil
            }
            return
                "\(r.commitment.id): p50 \(d.overall.p50.map(Dates.span) ?? "–"), p90 \(d.overall.p90.map(Dates.span) ?? "–") "
                + "on the \(clockName(r.commitment.clock)); \(Percent.format(share)) within \(Distribution.unit(edge)) (\(d.overall.count) leads)"
        }
        if let split = s.split, split.systems.count + split.people.count > 0 {
            func pair(_ x: Distribution.Spread) -> String {
                "p50 \(x.p50.map(Dates.span) ?? "–"), p90 \(x.p90.map(Dates.span) ?? "–")"
            }
            service.append(
                "where the time goes: before routing (systems) \(pair(split.systems)); after assignment (people, on each owner's clock) "
                    + "\(pair(split.people)); \(split.notRouted) not routed, \(split.notTouched) not touched yet")
        }
        let away = s.team.owners.compactMap { o -> String? in
            let n = o.daysOff(from: s.period.firstDay, to: s.period.endDay)
            guard n > 0 else { return nil }
            let notes = Set(o.timeOff.map(\.note).filter { !$0.isEmpty }).sorted().joined(separator: ", ")
            return "\(o.name): \(n) day\(n == 1 ? "" : "s") off in \(s.period.label)"
                + (notes.isEmpty ? "" : " (\(notes))")
        }
        return [
            "service": T.list(service.map { ["text": T.text($0)] }),
            "budgets": T.list(
                s.commitments.compactMap { r in r.budget.map { ["sentence": T.text($0.sentence(r.commitment.id))] } }),
            "away": T.list(away.map { ["text": T.text($0)] }),
        ]
    }
}
