/// The weekly alignment scorecard (DOCUMENTS.md §2).
public enum ScorecardDocument {
    static let commitmentRow: TemplateShape = .list(
        "the team's commitments",
        [
            "id": S.text("commitment id"), "sentence": S.text("the promise in words"),
            "target": S.text("the bound in short"),
            "actual": S.text("the measured value"),
            "verdict": S.text("✓ met, ✗ missed, ⚠ at risk, … insufficient data, – not measurable"),
            "verdict_word": S.text("met, missed, …"), "judged": S.text("leads judged"),
            "pending": S.text("leads still on the clock (empty when none)"),
            "breaches": S.text("breach count"), "note": S.text("pacing, median, or why not measurable"),
            "p50": S.text("median time, durations (– otherwise)"), "p90": S.text("90th percentile time, durations"),
            "budget": S.text("error budget sentence (empty without a per-lead goal)"),
        ])

    /// The fields `templates/scorecard.md` can use.
    static let shape: [String: TemplateShape] = [
        "title": S.text("agreement title"), "version": S.text("agreement version"),
        "digest_short": S.text("agreement digest (12 hex)"),
        "period": S.text("2026-W46 or 2026-11"), "period_span": S.text("Mon 9 Nov – Sun 15 Nov 2026"),
        "as_of": S.text("the moment the data describes, local time"), "time_zone": S.text("IANA zone"),
        "mqls": S.text("MQLs in the period"),
        "teams": .list(
            "marketing then sales",
            [
                "name": S.text("Marketing or Sales"), "team": S.text("team name"),
                "summary": S.text("'Sales met 3 of 5 commitments (…)'"), "commitments": commitmentRow,
            ]),
        "targets": .list(
            "funnel targets",
            [
                "name": S.text("target name"), "band": S.text("70%–80%"), "actual": S.text("value"),
                "verdict": S.text("verdict with symbol"), "reading": S.text("in band, too loose, …"),
                "note": S.text("counts"),
            ]),
        "funnel": .list(
            "funnel stages",
            [
                "stage": S.text("MQL, SAL, SQL, Opportunity, Won"), "count": S.text("count"),
                "rate": S.text("share of MQLs"),
            ]),
        "trend_title": S.text("'Trend, last 8 weeks', or empty when there is no trend (exports without timestamps)"),
        "trend": .list(
            "the last 8 weeks",
            [
                "week": S.text("2026-W46"), "mqls": S.text("MQLs"), "target": S.text("weekly target"),
                "acceptance": S.text("acceptance rate"),
                "first_touch": S.text("median time to first touch, in its clock's units"),
                "first_touch_p90": S.text("90th percentile of the time to first touch"),
            ]),
        "cadence": S.text("Weekly or Monthly: the period's kind"),
        "sources_window": S.text("last 8 weeks, or this month"),
        "coverage": S.text("what the exports cover: first and last MQL, last activity"),
        "reasons": .list(
            "rejection reasons",
            [
                "label": S.text("reason"), "count": S.text("rejections"), "share": S.text("share of rejections"),
                "points_at": S.text("definition part"), "dominant": .bool("reaches its dominance share"),
            ]),
        "rejected": S.text("rejections this period"), "without_reason": S.text("rejections with no reason"),
        "unknown_reasons": .list(
            "reasons not on the agreed list", ["text": S.text("as exported"), "count": S.text("rejections")]),
        "proposals": .list("proposed definition adjustments", ["text": S.text("the proposal")]),
        "sources": .list(
            "lead sources over 8 weeks",
            [
                "source": S.text("source"), "mqls": S.text("MQLs"), "acceptance": S.text("acceptance"),
                "sqls": S.text("SQLs"), "sql_rate": S.text("SQL share"),
            ]),
        "owners": .list(
            "sales owners, most breaches first",
            [
                "owner": S.text("owner"), "leads": S.text("MQLs owned this period"),
                "total": S.text("breaches"), "breakdown": S.text("breaches per commitment"),
            ]),
        "worst": .list(
            "the worst breaching leads",
            [
                "lead": S.text("lead id"), "company": S.text("company"), "owner": S.text("owner"),
                "commitment": S.text("commitment id"), "detail": S.text("how late / what is missing"),
            ]),
        "quality": .record(
            "data quality",
            [
                "rows": .list("rows read per file", ["file": S.text("file"), "rows": S.text("rows")]),
                "skipped": S.text("rows skipped"), "unreadable": S.text("cells unreadable"),
                "pending": S.text("leads pending across commitments"), "preamble": S.text("report title rows skipped"),
                "deals": S.text("how the related deals export joined the leads (data.deals)"),
                "mapping": S.text("data.values checked against the data: keys that never occur, values left unmapped"),
                "local_times": S.text("local times in a DST gap or overlap, per file and column"),
                "footers": S.text("report footer rows not counted, with their lines"),
                "dialects": S.text("files not read as UTF-8 with commas: how they were read"),
                "issues": .list(
                    "the first issues",
                    [
                        "where": S.text("file:line"), "column": S.text("column"),
                        "value": S.text("value"), "reason": S.text("why"),
                        "outcome": S.text("row skipped / cell blank"),
                    ]),
                "more": S.text("'and N more' when the list is cut"),
            ]),
    ].merging(ServiceLevelData.scorecardShape) { old, _ in old }

    /// The template data for a scorecard.
    public static func data(_ s: Scorecard, agreement a: Agreement) -> [String: TemplateValue] {
        let teams = ["marketing", "sales"].map { team -> [String: TemplateValue] in
            let name = team.capitalizedFirst
            return [
                "name": T.text(name), "team": T.text(a.party(team)?.team ?? name),
                "summary": T.text(s.summary(of: team, name: name)),
                "commitments": T.list(s.results(of: team).map(row)),
            ]
        }
        let worst = s.commitments.flatMap { r in r.breaches.map { (r.commitment.id, $0) } }
            .sorted { ($0.1.severity, $1.1.leadID, $1.0) > ($1.1.severity, $0.1.leadID, $0.0) }.prefix(10)
        let q = s.quality
        let shownIssues = q.issues.prefix(12)
        return [
            "title": T.text(s.title), "version": T.text(s.version), "digest_short": T.text(String(s.digest.prefix(12))),
            "period": T.text(s.period.label), "period_span": T.text(s.period.span),
            "as_of": T.text(s.period.kind == .all ? "–" : Dates.local(s.asOf, s.zone)),
            "time_zone": T.text(s.zone.identifier), "mqls": T.int(s.cohortSize), "teams": T.list(teams),
            "trend_title": T.text(s.trend.isEmpty ? "" : "Trend, last 8 weeks"),
            "cadence": T.text(s.period.kind == .week ? "Weekly" : s.period.kind == .month ? "Monthly" : "Whole-data"),
            "sources_window": T.text(
                s.period.kind == .week ? "last 8 weeks" : s.period.kind == .month ? "this month" : "all data"),
            "coverage": T.text(s.coverage.text(s.zone)),
            "targets": T.list(
                s.targets.map { t in
                    [
                        "name": T.text(t.name),
                        "band": T.text("\(Percent.format(t.band.low))–\(Percent.format(t.band.high))"),
                        "actual": T.percent(t.value),
                        "verdict": T.text("\(t.verdict.symbol) \(t.verdict.words)"), "reading": T.text(t.reading),
                        "note": T.text(t.note),
                    ]
                }),
            "funnel": T.list(
                s.funnel.map { ["stage": T.text($0.name), "count": T.int($0.count), "rate": T.percent($0.rateOfMQL)] }),
            "trend": T.list(
                s.trend.map { p in
                    [
                        "week": T.text(p.label), "mqls": T.int(p.mqls),
                        "target": T.text(p.volumeTarget.map { Amount.format($0.rounded()) } ?? "–"),
                        "acceptance": T.percent(p.acceptance),
                        "first_touch": T.text(p.medianFirstTouch.map(p.firstTouchText) ?? "–"),
                        "first_touch_p90": T.text(p.p90FirstTouch.map(p.firstTouchText) ?? "–"),
                    ]
                }),
            "reasons": T.list(
                s.reasons.rows.map {
                    [
                        "label": T.text($0.label), "count": T.int($0.count), "share": T.percent($0.share),
                        "points_at": T.text($0.pointsAt), "dominant": .bool($0.adjustment != nil),
                    ]
                }),
            "rejected": T.int(s.reasons.rejected), "without_reason": T.int(s.reasons.withoutReason),
            "unknown_reasons": T.list(
                s.reasons.unknown.sorted { ($0.value, $1.key) > ($1.value, $0.key) }.map {
                    ["text": T.text($0.key), "count": T.int($0.value)]
                }),
            "proposals": T.list(s.proposals.map { ["text": T.text($0)] }),
            "sources": T.list(
                s.sources.map {
                    [
                        "source": T.text($0.source), "mqls": T.int($0.mqls), "acceptance": T.percent($0.acceptance),
                        "sqls": T.int($0.sqls), "sql_rate": T.percent($0.sqlRate),
                    ]
                }),
            "owners": T.list(
                s.owners.map { o in
                    [
                        "owner": T.text(o.owner), "leads": T.int(o.leads), "total": T.int(o.total),
                        "breakdown": T.text(
                            o.breaches.filter { $0.count > 0 }.map { "\($0.id) \($0.count)" }.joined(separator: ", ")),
                    ]
                }),
            "worst": T.list(
                worst.map { id, b in
                    [
                        "lead": T.text(b.leadID), "company": T.text(b.company), "owner": T.text(b.owner),
                        "commitment": T.text(id), "detail": T.text(b.detail),
                    ]
                }),
            "quality": .record([
                "rows": T.list(
                    q.rowsRead.sorted { $0.key < $1.key }.map {
                        ["file": T.text(fileName($0.key)), "rows": T.int($0.value)]
                    }),
                "skipped": T.int(q.rowsSkipped), "unreadable": T.int(q.cellsBlanked),
                "pending": T.int(s.commitments.map(\.pending).reduce(0, +)),
                "preamble": T.text(
                    q.preambleRows.sorted { $0.key < $1.key }.map { "\(fileName($0.key)): \($0.value)" }.joined(
                        separator: ", ")),
                "deals": T.text(q.deals.map { "\(fileName($0.file)): \($0.summary)" } ?? ""),
                "mapping": T.text(q.mappingNotes.joined(separator: "; ")),
                "local_times": T.text(
                    q.localTimes.sorted { $0.key < $1.key }.flatMap { file, columns in
                        columns.sorted { $0.key < $1.key }.filter { !$0.value.isEmpty }.map { column, n in
                            "\(fileName(file)) \(column): \(n.nonexistent) nonexistent (read with the offset after the change), \(n.ambiguous) ambiguous (read as the first occurrence)"
                        }
                    }.joined(separator: "; ")),
                "footers": T.text(
                    q.footers.map { "\(fileName($0.file)) line \($0.line) '\($0.shown)'" }.joined(separator: "; ")),
                "dialects": T.text(
                    q.dialects.filter { !$0.value.isPlain }.sorted { $0.key < $1.key }
                        .map { "\(fileName($0.key)) as \($0.value)" }.joined(separator: "; ")),
                "issues": T.list(
                    shownIssues.map { i in
                        [
                            "where": T.text("\(fileName(i.file)):\(i.line)"), "column": T.text(i.column),
                            "value": T.text(i.value.count > 40 ? String(i.value.prefix(40)) + "…" : i.value),
                            "reason": T.text(i.reason),
                            "outcome": T.text(i.rowSkipped ? "row skipped" : "cell treated as blank"),
                        ]
                    }),
                "more": T.text(
                    q.issueCount > shownIssues.count
                        ? "and \(q.issueCount - shownIssues.count) more (handoff check --format json lists "
                            + (q.issueCount > DataQuality.detailLimit
                                ? "the first \(DataQuality.detailLimit))" : "them)") : ""),
            ]),
        ].merging(ServiceLevelData.scorecard(s)) { old, _ in old }
    }

    static func row(_ r: CommitmentResult) -> [String: TemplateValue] {
        let name = r.commitment.team.capitalizedFirst
        return [
            "id": T.text(r.commitment.id), "sentence": T.text(CommitmentText.sentence(r.commitment, team: name)),
            "target": T.text(r.goalText), "actual": T.text(r.valueText),
            "verdict": T.text("\(r.verdict.symbol) \(r.verdict.words)"),
            "verdict_word": T.text(r.verdict.words), "judged": T.int(r.denominator),
            "pending": T.text(r.pending > 0 ? String(r.pending) : ""),
            "breaches": T.int(r.breaches.count), "note": T.text(r.note),
            "p50": ServiceLevelData.span(r.distribution?.overall.p50),
            "p90": ServiceLevelData.span(r.distribution?.overall.p90),
            "budget": T.text(r.budget?.sentence(r.commitment.id) ?? ""),
        ]
    }

    static func fileName(_ path: String) -> String {
        path.split(separator: "/").last.map(String.init) ?? path
    }

    /// The charts of the HTML page.
    public static func charts(_ s: Scorecard) -> [String: String] { ScorecardCharts.all(s) }
}
