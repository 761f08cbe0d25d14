/// The weekly alignment meeting agenda (DOCUMENTS.md §3): seed 003's standing agenda with the numbers filled in.
public enum AgendaDocument {
    /// The fields `templates/agenda.md` can use.
    static let shape: [String: TemplateShape] = [
        "title": S.text("agreement title"), "meeting_date": S.text("date of the meeting"),
        "time": S.text("meeting time"),
        "length": S.text("meeting length"), "attendees": S.text("attendees, comma-separated"),
        "period": S.text("reported period"),
        "period_span": S.text("dates of the period"), "as_of": S.text("as-of time"),
        "coverage": S.text("what the exports cover: first and last MQL, last activity"),
        "volume": .record(
            "MQLs vs target",
            [
                "mqls": S.text("MQLs this period"), "weekly_target": S.text("weekly share of the volume promise"),
                "promise": S.text("the volume commitment's status"), "verdict": S.text("verdict with symbol"),
            ]),
        "acceptance": .record(
            "acceptance rate",
            [
                "value": S.text("rate"), "band": S.text("band"), "verdict": S.text("verdict"),
                "reading": S.text("reading"), "note": S.text("counts"),
            ]),
        "conversion": .record(
            "MQL→SQL",
            [
                "value": S.text("rate"), "band": S.text("band"), "verdict": S.text("verdict"),
                "note": S.text("cohort and window"),
            ]),
        "missed": .list(
            "commitments missed or at risk",
            [
                "team": S.text("owning team"), "id": S.text("commitment id"), "verdict": S.text("verdict"),
                "actual": S.text("value"), "target": S.text("bound"), "breaches": S.text("breach count"),
            ]),
        "sample": .list(
            "rejected leads to review",
            [
                "lead": S.text("lead id"), "company": S.text("company"),
                "profile": S.text("industry, size, country, title"),
                "source": S.text("lead source"), "score": S.text("score at MQL time"),
                "reason": S.text("rejection reason"),
                "owner": S.text("who rejected"),
            ]),
        "sample_size": S.text("how many rejected leads the agreement asks to review"),
        "proposals": .list("definition adjustments proposed", ["text": S.text("the proposal")]),
        "review": .list("review reminder (empty when not due)", ["text": S.text("when the review is due")]),
        "actions": .list("action items", ["text": S.text("the action")]),
        "standing_items": S.items,
    ].merging(ServiceLevelData.agendaShape) { old, _ in old }

    /// The template data for the agenda of the meeting after `s`'s period.
    public static func data(_ s: Scorecard, agreement a: Agreement) -> [String: TemplateValue] {
        let m = a.meeting
        var date = s.period.endDay
        while date.weekday != m.day { date = date.adding(days: 1) }
        let volume =
            s.commitments.first { $0.commitment.metric == .mqlCount && $0.commitment.per == .week }
            ?? s.commitments.first { $0.commitment.metric == .mqlCount }
        let weekly = s.trend.last?.volumeTarget
        let acceptance = s.targets.first { $0.id == "acceptance_rate" }
        let conversion = s.targets.first { $0.id == "mql_to_sql_rate" }
        let flagged = s.commitments.filter { $0.verdict == .missed || $0.verdict == .atRisk }
        var review: [[String: TemplateValue]] = []
        let daysToReview = a.info.nextReview.daysSinceEpoch - date.daysSinceEpoch
        if daysToReview < 0 {
            review.append([
                "text": T.text(
                    "The \(a.info.cadenceName) review is overdue: it was due on \(Dates.long(a.info.nextReview)).")
            ])
        } else if daysToReview <= 21 {
            review.append([
                "text": T.text(
                    "The \(a.info.cadenceName) review is due on \(Dates.long(a.info.nextReview)), in \(daysToReview) days: bring six months of acceptance and rejection data."
                )
            ])
        }
        return [
            "title": T.text(a.info.title), "meeting_date": T.text("\(date.weekday.name) \(Dates.long(date))"),
            "time": T.text(m.time.description),
            "length": T.text(m.length.description), "attendees": T.text(m.attendees.joined(separator: ", ")),
            "period": T.text(s.period.label),
            "period_span": T.text(s.period.span),
            "as_of": T.text(s.period.kind == .all ? "–" : Dates.local(s.asOf, s.zone)),
            "coverage": T.text(s.coverage.text(s.zone)),
            "volume": .record([
                "mqls": T.int(s.cohortSize), "weekly_target": T.text(weekly.map { Amount.format($0.rounded()) } ?? "–"),
                "promise": T.text(volume.map { "\($0.note) (\($0.goalText))" } ?? "no volume commitment"),
                "verdict": T.text(volume.map { "\($0.verdict.symbol) \($0.verdict.words)" } ?? "–"),
            ]),
            "acceptance": target(acceptance), "conversion": target(conversion),
            "missed": T.list(
                flagged.map { r in
                    [
                        "team": T.text(a.party(r.commitment.team)?.team ?? r.commitment.team),
                        "id": T.text(r.commitment.id),
                        "verdict": T.text("\(r.verdict.symbol) \(r.verdict.words)"), "actual": T.text(r.valueText),
                        "target": T.text(r.goalText),
                        "breaches": T.int(r.breaches.count),
                    ]
                }),
            "sample": T.list(
                s.sampleRejected.map { l in
                    [
                        "lead": T.text(l.id), "company": T.text(l.company), "profile": T.text(l.profile),
                        "source": T.text(l.source),
                        "score": T.text(l.score), "reason": T.text(l.reason), "owner": T.text(l.owner),
                    ]
                }),
            "sample_size": T.int(m.reviewRejectedLeads),
            "proposals": T.list(s.proposals.map { ["text": T.text($0)] }),
            "review": T.list(review),
            "actions": T.list(actions(s, a, reviewDue: !review.isEmpty).map { ["text": T.text($0)] }),
            "standing_items": T.texts(m.standingItems),
        ].merging(ServiceLevelData.agenda(s, a)) { old, _ in old }
    }

    static func target(_ t: TargetResult?) -> TemplateValue {
        guard let t else {
            return .record([
                "value": T.text("–"), "band": T.text("–"), "verdict": T.text("–"), "reading": T.text(""),
                "note": T.text(""),
            ])
        }
        return .record([
            "value": T.percent(t.value), "band": T.text("\(Percent.format(t.band.low))–\(Percent.format(t.band.high))"),
            "verdict": T.text("\(t.verdict.symbol) \(t.verdict.words)"), "reading": T.text(t.reading),
            "note": T.text(t.note),
        ])
    }

    /// Action items: one per missed or at-risk commitment, per proposal, per data gap, and the review.
    static func actions(_ s: Scorecard, _ a: Agreement, reviewDue: Bool) -> [String] {
        var out: [String] = []
        for r in s.commitments {
            let owner = a.party(r.commitment.team).map { "\($0.team) (\($0.ownerName))" } ?? r.commitment.team
            switch r.verdict {
            case .missed:
                var text = "\(owner): recover \(r.commitment.id) — \(r.valueText) against \(r.goalText)"
                if let worst = r.breaches.first {
                    text +=
                        "; \(r.breaches.count) breaching lead\(r.breaches.count == 1 ? "" : "s"), worst \(worst.leadID) (\(worst.detail))"
                }
                if r.commitment.metric == .untouchedLeads { text += "; reassign them today" }
                out.append(text)
            case .atRisk:
                out.append("\(owner): \(r.commitment.id) is behind pace — \(r.note)")
            case .notMeasurable:
                out.append("RevOps: make \(r.commitment.id) measurable — \(r.note)")
            default: break
            }
        }
        for p in s.proposals { out.append("Marketing and Sales: decide on the proposal — \(p)") }
        if reviewDue {
            out.append(
                "\(a.party("marketing")?.ownerName ?? "Marketing") and \(a.party("sales")?.ownerName ?? "Sales"): schedule the \(a.info.cadenceName) review before \(Dates.long(a.info.nextReview))"
            )
        }
        return out
    }
}
