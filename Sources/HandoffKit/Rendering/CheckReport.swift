/// `handoff check` output: one line per commitment, then totals; or the stable JSON schema.
public enum CheckReport {
    /// The schema version written into JSON output; bumped only on incompatible changes.
    static let schemaVersion = 1

    /// Plain-ASCII-safe text: `[ok] sales  first-touch  met  93.1%  goal >= 90% within 30m (business)  n=72 pending=3`.
    public static func text(_ s: Scorecard, breaches detailed: Bool = false) -> String {
        var lines = [
            "\(s.title) v\(s.version) — \(s.period.label) (\(s.period.span))\(s.period.kind == .all ? "" : ", as of " + s.asOfText)",
            "data: \(s.coverage.text(s.zone))",
        ]
        // One row per commitment and target: mark, team, id, verdict, value, then the rest of the line.
        var rows: [(columns: [String], rest: String, breaches: [Breach])] = []
        for r in s.commitments {
            var rest = "goal \(r.goalText)"
            if r.verdict != .notMeasurable, r.verdict != .noData {
                rest += "  n=\(r.denominator)" + (r.pending > 0 ? " pending=\(r.pending)" : "")
            }
            if r.verdict == .notMeasurable || r.verdict == .noData { rest += "  (\(r.note))" }
            if !r.breaches.isEmpty, !detailed {
                rest +=
                    "  breaches: " + r.breaches.prefix(5).map(\.leadID).joined(separator: ", ")
                    + (r.breaches.count > 5 ? " (+\(r.breaches.count - 5) more)" : "")
            }
            rows.append(
                (
                    [r.verdict.mark, r.commitment.team, r.commitment.id, r.verdict.words, r.valueText], rest,
                    detailed ? r.breaches : []
                ))
        }
        for t in s.targets {
            let value = t.value.map { Percent.format($0) } ?? "–"
            let rest =
                "band \(Percent.format(t.band.low))-\(Percent.format(t.band.high))  n=\(t.denominator)"
                + (t.reading.isEmpty || t.reading == "in band" ? "" : "  (\(t.reading))")
            rows.append(([t.verdict.mark, "target", t.id, t.verdict.words, value], rest, []))
        }
        // Each column as wide as its longest cell (at least the usual width), so long ids keep the columns aligned.
        let minimumWidths = [0, 9, 12, 17, 10]
        let widths = minimumWidths.indices.map { column in
            rows.map { ascii($0.columns[column]).count }.reduce(minimumWidths[column], max)
        }
        for row in rows {
            let cells = row.columns.enumerated().map { column, cell in ascii(cell).padding(widths[column]) }
            lines.append(cells.joined(separator: " ") + " " + row.rest)
            for b in row.breaches {
                lines.append("       \(b.leadID)  \(b.owner.isEmpty ? "(unassigned)" : b.owner)  \(b.detail)")
            }
        }
        let counts = Verdict.allCases.map { v in (v, s.commitments.filter { $0.verdict == v }.count) }.filter {
            $0.1 > 0
        }
        lines.append("")
        lines.append(
            "\(s.commitments.count) commitments: " + counts.map { "\($0.1) \($0.0.words)" }.joined(separator: ", "))
        let q = s.quality
        for note in q.mappingNotes { lines.append("values: \(note)") }
        if q.issueCount > 0 {
            lines.append(
                "data: \(q.rowsSkipped) row\(q.rowsSkipped == 1 ? "" : "s") skipped, \(q.cellsBlanked) cell\(q.cellsBlanked == 1 ? "" : "s") unreadable (see the scorecard's data-quality notes or --format json)"
            )
        }
        return lines.map(ascii).joined(separator: "\n") + "\n"
    }

    /// Exit status: 1 when any commitment is missed; 3 when none could be judged (every one not measurable,
    /// insufficient data or no data); else 0 (every judged commitment met or on pace). Bad input or usage is 2.
    public static func exitCode(_ s: Scorecard) -> Int32 {
        if s.commitments.contains(where: { $0.verdict == .missed }) { return 1 }
        return s.commitments.contains(where: { $0.verdict.isJudged }) ? 0 : 3
    }

    /// The documented JSON schema (docs/check-json.md).
    public static func json(_ s: Scorecard) -> JSON {
        .object([
            ("schema_version", .number(Double(schemaVersion))),
            (
                "agreement",
                .object([("title", .string(s.title)), ("version", .string(s.version)), ("digest", .string(s.digest))])
            ),
            (
                "period",
                .object([
                    ("kind", .string(s.period.kind.rawValue)), ("label", .string(s.period.label)),
                    ("start", .string(Dates.iso(s.period.start))), ("end", .string(Dates.iso(s.period.end))),
                ])
            ),
            ("as_of", s.period.kind == .all ? .null : .string(Dates.iso(s.asOf))),
            (
                "coverage",
                .object([
                    ("first_mql", instant(s.coverage.firstMQL)), ("last_mql", instant(s.coverage.lastMQL)),
                    ("last_activity", instant(s.coverage.lastActivity)),
                ])
            ),
            ("time_zone", .string(s.zone.identifier)),
            (
                "commitments",
                .array(
                    s.commitments.map { r in
                        .object([
                            ("id", .string(r.commitment.id)), ("team", .string(r.commitment.team)),
                            ("metric", .string(r.commitment.metric.rawValue)),
                            ("scope", .string(r.commitment.scope.name)), ("verdict", .string(r.verdict.rawValue)),
                            ("value", .number(r.value)),
                            ("value_text", .string(r.valueText)), ("goal", goal(r.commitment)),
                            ("goal_text", .string(r.goalText)),
                            ("denominator", .number(Double(r.denominator))), ("pending", .number(Double(r.pending))),
                            ("median_seconds", .number(r.median.map(Double.init))),
                            ("p90_seconds", .number(r.p90.map(Double.init))),
                            ("note", .string(r.note)),
                            ("distribution", ServiceJSON.distribution(r.distribution)),
                            ("error_budget", ServiceJSON.budget(r.budget, id: r.commitment.id)),
                            ("breaching_lead_ids", .array(r.breaches.map { .string($0.leadID) })),
                            (
                                "breaches",
                                .array(
                                    r.breaches.map { b in
                                        .object(
                                            [
                                                ("lead_id", .string(b.leadID)), ("owner", .string(b.owner)),
                                                ("detail", .string(b.detail)),
                                            ]
                                                + BreachRows.timing(b))
                                    })
                            ),
                        ])
                    })
            ),
            (
                "targets",
                .array(
                    s.targets.map { t in
                        .object([
                            ("id", .string(t.id)), ("verdict", .string(t.verdict.rawValue)),
                            ("value", .number(t.value)),
                            ("band", .array([.number(t.band.low), .number(t.band.high)])),
                            ("denominator", .number(Double(t.denominator))),
                            ("pending", .number(Double(t.pending))), ("reading", .string(t.reading)),
                        ])
                    })
            ),
            (
                "report",
                .object([
                    ("mqls", .number(Double(s.cohortSize))),
                    ("rejections", .number(Double(s.reasons.rejected))),
                    (
                        "rejection_reasons",
                        .object(
                            s.reasons.rows.map { ($0.id, .number(Double($0.count))) }
                                + [("(no reason)", .number(Double(s.reasons.withoutReason)))]
                                + s.reasons.unknown.sorted { $0.key < $1.key }.map {
                                    ($0.key, .number(Double($0.value)))
                                })
                    ),
                    ("funnel", .object(s.funnel.map { ($0.name, .number(Double($0.count))) })),
                    (
                        "sources_8_weeks",
                        .array(
                            s.sources.map { r in
                                .object([
                                    ("source", .string(r.source)), ("mqls", .number(Double(r.mqls))),
                                    ("accepted", .number(Double(r.accepted))),
                                    ("decided", .number(Double(r.decided))), ("sqls", .number(Double(r.sqls))),
                                ])
                            })
                    ),
                    ("handoff_split", ServiceJSON.split(s)),
                    (
                        "trend",
                        .array(
                            s.trend.map { p in
                                .object([
                                    ("week", .string(p.label)), ("mqls", .number(Double(p.mqls))),
                                    ("acceptance", .number(p.acceptance)),
                                    ("median_first_touch_seconds", .number(p.medianFirstTouch.map(Double.init))),
                                    ("p90_first_touch_seconds", .number(p.p90FirstTouch.map(Double.init))),
                                ])
                            })
                    ),
                ])
            ),
            (
                "data_quality",
                .object(
                    [
                        (
                            "rows_read",
                            .object(
                                s.quality.rowsRead.sorted { $0.key < $1.key }.map {
                                    ($0.key, .number(Double($0.value)))
                                })
                        ),
                        ("rows_skipped", .number(Double(s.quality.rowsSkipped))),
                        ("cells_unreadable", .number(Double(s.quality.cellsBlanked))),
                        ("issue_count", .number(Double(s.quality.issueCount))),
                        ("issues_listed_at_most", .number(Double(DataQuality.detailLimit))),
                        (
                            "issues",
                            .array(
                                s.quality.issues.map { i in
                                    .object([
                                        ("file", .string(i.file)), ("line", .number(Double(i.line))),
                                        ("column", .string(i.column)),
                                        ("value", .string(i.value)), ("reason", .string(i.reason)),
                                        ("row_skipped", .bool(i.rowSkipped)),
                                    ])
                                })
                        ),
                        ("value_mapping", .array(s.quality.mappingNotes.map { .string($0) })),
                    ] + dealsJSON(s.quality.deals) + footers(s.quality))
            ),
        ])
    }

    /// The deals join, when a deals export was read.
    static func dealsJSON(_ join: DealJoin?) -> [(String, JSON)] {
        guard let j = join else { return [] }
        return [
            (
                "deals",
                .object([
                    ("file", .string(j.file)), ("rows", .number(Double(j.rows))), ("joined", .number(Double(j.joined))),
                    ("unmatched_deals", .number(Double(j.unmatchedDeals))),
                    ("unmatched_deal_examples", .array(j.unmatchedDealExamples.map { .string($0) })),
                    ("deals_without_key", .number(Double(j.dealsWithoutKey))),
                    ("unmatched_leads", .number(Double(j.unmatchedLeads))),
                    ("unmatched_lead_examples", .array(j.unmatchedLeadExamples.map { .string($0) })),
                    ("facts", .object(j.factsSet.map { ($0.fact, .number(Double($0.leads))) })),
                ])
            )
        ]
    }

    /// The report footer rows left out, when there are any (the key is absent otherwise).
    static func footers(_ q: DataQuality) -> [(String, JSON)] {
        guard !q.footers.isEmpty else { return [] }
        let rows: [JSON] = q.footers.map { f in
            JSON.object([
                ("file", .string(f.file)), ("line", .number(Double(f.line))), ("text", .string(f.text)),
                ("why", .string(f.why)),
            ])
        }
        return [("report_footers", .array(rows))]
    }

    /// An ISO instant, or null.
    static func instant(_ t: Int64?) -> JSON { t.map { .string(Dates.iso($0)) } ?? .null }

    static func goal(_ c: Commitment) -> JSON {
        switch c.bound {
        case .within(let t):
            return .object([
                ("within_seconds", .number(Double(t.seconds))), ("clock", .string(c.clock.rawValue)),
                ("share", .number(c.goal.fraction)),
            ])
        case .atLeast(let n):
            return .object([("at_least", .number(n))] + (c.per.map { [("per", JSON.string($0.rawValue))] } ?? []))
        case .atMost(let n): return .object([("at_most", .number(n))])
        case .between(let lo, let hi): return .object([("between", .array([.number(lo), .number(hi)]))])
        }
    }

    /// Replaces the few non-ASCII symbols used in goals with ASCII.
    static func ascii(_ s: String) -> String {
        s.replacingAll("≥", with: ">=").replacingAll("≤", with: "<=").replacingAll("–", with: "-").replacingAll(
            "—", with: "-"
        ).replacingAll("→", with: "->")
    }
}

extension String {
    func padding(_ width: Int) -> String {
        count >= width ? self : self + String(repeating: " ", count: width - count)
    }
}
