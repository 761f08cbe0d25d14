/// The SLA document both VPs sign (DOCUMENTS.md §1).
public enum SLADocument {
    /// The fields `templates/sla.md` can use.
    static let shape: [String: TemplateShape] = [
        "title": S.text("agreement title"), "version": S.text("agreement version"),
        "effective": S.text("effective date"),
        "purpose": S.text("purpose paragraph"), "review_cadence": S.text("quarterly, monthly, …"),
        "last_review": S.text("date of the last review, or 'not yet reviewed'"),
        "next_review": S.text("date of the next review"),
        "review_triggers": S.items, "digest": S.text("SHA-256 of the agreement's content"),
        "digest_short": S.text("first 12 hex digits"),
        "parties": .list(
            "marketing then sales",
            [
                "role": S.text("Marketing or Sales"), "team": S.text("team name"),
                "owner_name": S.text("accountable owner"), "owner_title": S.text("owner's title"),
                "members": S.text("members, comma-separated"),
            ]),
        "hours": .record(
            "business hours",
            [
                "time_zone": S.text("IANA zone"), "days": S.text("working days"), "open": S.text("opening time"),
                "close": S.text("closing time"),
                "holidays": .list("holidays", ["date": S.text("date"), "name": S.text("name")]),
            ]),
        "stages": .list(
            "lifecycle stages in order",
            ["name": S.text("stage name"), "owner": S.text("owning team"), "definition": S.text("definition")]),
        "mql": .record(
            "the MQL definition",
            [
                "summary": S.text("the definition paragraph"),
                "fit": .list("fit criteria", ["criterion": S.text("what"), "value": S.text("required value")]),
                "disqualifiers": .list("disqualifiers", ["label": S.text("label"), "condition": S.text("condition")]),
                "fit_rules": .list(
                    "fit scoring rules",
                    ["label": S.text("label"), "condition": S.text("condition"), "points": S.text("points")]),
                "engagement_rules": .list(
                    "engagement scoring rules",
                    [
                        "label": S.text("label"), "action": S.text("action id"), "points": S.text("points"),
                        "limit": S.text("count/recency limit"),
                    ]),
                "bant_rules": .list(
                    "BANT scoring rules",
                    ["label": S.text("label"), "condition": S.text("condition"), "points": S.text("points")]),
                "cap": S.text("score cap per group"),
                "thresholds": .list(
                    "MQL threshold alternatives", ["number": S.text("1, 2, …"), "condition": S.text("condition")]),
                "decay": .list("decay rules (empty when none)", ["rule": S.text("the decay rule in words")]),
                "fast_track": .list("hot-MQL triggers", ["label": S.text("label"), "condition": S.text("condition")]),
            ]),
        "marketing_commitments": commitmentShape, "sales_commitments": commitmentShape,
        "rejection_reasons": .list(
            "the agreed rejection reasons",
            [
                "label": S.text("label"), "points_at": S.text("definition part"),
                "adjustment": S.text("adjustment when dominant"), "dominates_at": S.text("share"),
            ]),
        "targets": .record(
            "funnel targets",
            [
                "acceptance": S.text("acceptance band"), "too_loose": S.text("too-loose threshold"),
                "too_strict": S.text("too-strict threshold"), "mql_to_sql": S.text("conversion band"),
                "conversion_window": S.text("days to reach SQL"), "minimum_sample": S.text("minimum sample"),
            ]),
        "capacity": .list(
            "sales capacity (empty when not set)",
            [
                "reps": S.text("reps"), "per_rep": S.text("MQLs per rep per week"),
                "per_week": S.text("per week"), "per_month": S.text("per month"),
            ]),
        "meeting": .record(
            "the weekly meeting",
            [
                "day": S.text("day"), "time": S.text("time"), "length": S.text("length"),
                "attendees": S.text("attendees"), "review_rejected": S.text("rejected leads reviewed"),
                "standing_items": S.items,
            ]),
        "signoffs": .list(
            "one per party",
            [
                "role": S.text("Marketing or Sales"), "name": S.text("signer or owner"), "title": S.text("title"),
                "date": S.text("date signed"), "digest_short": S.text("digest signed"),
                "signed": .bool("signed this version"), "pending": .bool("not signed"),
                "stale": .bool("signed another version"),
            ]),
    ].merging(versionShape) { old, _ in old }.merging(TeamHoursData.shape) { old, _ in old }

    static let commitmentShape: TemplateShape = .list(
        "a team's commitments",
        [
            "id": S.text("commitment id"), "sentence": S.text("the promise in words"), "goal": S.text("bound in short"),
            "measured": S.text("how it is measured"), "metric": S.text("metric id"),
        ])

    /// The template data for `a`.
    static func data(_ a: Agreement) -> [String: TemplateValue] {
        let d = a.mqlDefinition
        let hours = a.businessHours
        var fit: [[String: TemplateValue]] = []
        if let r = d.fit.employees {
            fit.append([
                "criterion": T.text("Company size"),
                "value": T.text("\(Amount.grouped(r.lowerBound))–\(Amount.grouped(r.upperBound)) employees"),
            ])
        }
        if let r = d.fit.annualRevenue {
            fit.append([
                "criterion": T.text("Annual revenue"),
                "value": T.text("$\(Amount.format(r.lowerBound))–$\(Amount.format(r.upperBound))"),
            ])
        }
        if !d.fit.industries.isEmpty {
            fit.append(["criterion": T.text("Industry"), "value": T.text(d.fit.industries.joined(separator: ", "))])
        }
        if !d.fit.countries.isEmpty {
            fit.append(["criterion": T.text("Geography"), "value": T.text(d.fit.countries.joined(separator: ", "))])
        }
        if !d.fit.titles.isEmpty {
            fit.append([
                "criterion": T.text("Job title contains"), "value": T.text(d.fit.titles.joined(separator: ", ")),
            ])
        }
        if !d.fit.technologies.isEmpty {
            fit.append([
                "criterion": T.text("Technologies"), "value": T.text(d.fit.technologies.joined(separator: ", ")),
            ])
        }
        let rules = { (list: [ScoreRule]) in
            list.map {
                ["label": T.text($0.label), "condition": T.text($0.condition.text), "points": T.number($0.points)]
            }
        }
        var decay: [[String: TemplateValue]] = []
        if let x = d.decay {
            decay.append(["rule": T.text("Engagement points lose \(x.rate) every \(x.every.description).")])
            if let p = x.pauseNurtureAfter {
                decay.append(["rule": T.text("After \(p.description) without activity, a lead pauses from nurture.")])
            }
        }
        let signoffs = a.parties.map { party -> [String: TemplateValue] in
            let s = a.signoffs.first { $0.party == party.id }
            let signed = s?.digest == a.digest
            return [
                "role": T.text(party.id.capitalizedFirst), "name": T.text(s?.name ?? party.ownerName),
                "title": T.text(s?.title ?? party.ownerTitle),
                "date": T.text(s.map { $0.date.description } ?? ""),
                "digest_short": T.text(s.map { String($0.digest.prefix(12)) } ?? ""),
                "signed": .bool(signed), "pending": .bool(s == nil), "stale": .bool(s != nil && !signed),
            ]
        }
        return [
            "title": T.text(a.info.title), "version": T.text(a.info.version),
            "effective": T.text(Dates.long(a.info.effective)),
            "purpose": T.text(a.info.purpose), "review_cadence": T.text(a.info.cadenceName),
            "last_review": T.text(a.info.lastReview.map(Dates.long) ?? "not yet reviewed"),
            "next_review": T.text(Dates.long(a.info.nextReview)),
            "review_triggers": T.texts(a.info.reviewTriggers), "digest": T.text(a.digest),
            "digest_short": T.text(String(a.digest.prefix(12))),
            "parties": T.list(
                a.parties.map {
                    [
                        "role": T.text($0.id.capitalizedFirst), "team": T.text($0.team),
                        "owner_name": T.text($0.ownerName),
                        "owner_title": T.text($0.ownerTitle), "members": T.text($0.members.joined(separator: ", ")),
                    ]
                }),
            "hours": .record([
                "time_zone": T.text(hours.timeZone), "days": T.text(hours.daysDescription),
                "open": T.text(hours.open.description),
                "close": T.text(hours.close.description),
                "holidays": T.list(
                    hours.holidays.map { ["date": T.text(Dates.long($0.date)), "name": T.text($0.name)] }),
            ]),
            "stages": T.list(
                a.stages.map {
                    [
                        "name": T.text($0.name), "owner": T.text(a.party($0.owner)?.team ?? $0.owner),
                        "definition": T.text($0.definition),
                    ]
                }),
            "mql": .record([
                "summary": T.text(d.summary), "fit": T.list(fit),
                "disqualifiers": T.list(
                    d.disqualifiers.map { ["label": T.text($0.label), "condition": T.text($0.condition.text)] }),
                "fit_rules": T.list(rules(d.scoring.fit)), "bant_rules": T.list(rules(d.scoring.bant)),
                "engagement_rules": T.list(
                    d.scoring.engagement.map { rule in
                        var limit: [String] = []
                        if let m = rule.maxCount { limit.append("up to \(m)×") }
                        if let w = rule.within { limit.append("in the last \(w.description)") }
                        return [
                            "label": T.text(rule.label), "action": T.text(rule.action), "points": T.number(rule.points),
                            "limit": T.text(limit.joined(separator: " ")),
                        ]
                    }),
                "cap": T.number(d.scoring.cap),
                "thresholds": T.list(
                    d.thresholds.enumerated().map {
                        ["number": T.int($0.offset + 1), "condition": T.text($0.element.text)]
                    }),
                "decay": T.list(decay),
                "fast_track": T.list(
                    d.fastTrack.map { ["label": T.text($0.label), "condition": T.text($0.condition.text)] }),
            ]),
            "marketing_commitments": commitments(a, "marketing"), "sales_commitments": commitments(a, "sales"),
            "rejection_reasons": T.list(
                a.rejectionReasons.map {
                    [
                        "label": T.text($0.label), "points_at": T.text($0.pointsAt.words),
                        "adjustment": T.text($0.adjustment), "dominates_at": T.text($0.dominatesAt.description),
                    ]
                }),
            "targets": .record([
                "acceptance": T.text(
                    "\(Percent.format(a.targets.acceptance.low))–\(Percent.format(a.targets.acceptance.high))"),
                "too_loose": T.percent(a.targets.acceptance.tooLooseBelow),
                "too_strict": T.percent(a.targets.acceptance.tooStrictAbove),
                "mql_to_sql": T.text(
                    "\(Percent.format(a.targets.mqlToSQL.low))–\(Percent.format(a.targets.mqlToSQL.high))"),
                "conversion_window": T.text(a.targets.conversionWindow.description),
                "minimum_sample": T.int(a.targets.minimumSample),
            ]),
            "capacity": T.list(
                a.capacity.map {
                    [
                        [
                            "reps": T.int($0.reps), "per_rep": T.int($0.mqlsPerRepPerWeek),
                            "per_week": T.int($0.perWeek), "per_month": T.int($0.perMonth),
                        ]
                    ]
                } ?? []),
            "meeting": .record([
                "day": T.text(a.meeting.day.name), "time": T.text(a.meeting.time.description),
                "length": T.text(a.meeting.length.description),
                "attendees": T.text(a.meeting.attendees.joined(separator: ", ")),
                "review_rejected": T.int(a.meeting.reviewRejectedLeads),
                "standing_items": T.texts(a.meeting.standingItems),
            ]),
            "signoffs": T.list(signoffs),
        ].merging(versionData(a, file: nil)) { old, _ in old }.merging(TeamHoursData.data(a)) { old, _ in old }
    }

    static func commitments(_ a: Agreement, _ team: String) -> TemplateValue {
        let name = team.capitalizedFirst
        return T.list(
            a.commitments(of: team).map { c in
                [
                    "id": T.text(c.id), "sentence": T.text(CommitmentText.sentence(c, team: name)),
                    "goal": T.text(CommitmentText.goal(c)),
                    "measured": T.text(CommitmentText.measurement(c)), "metric": T.text(c.metric.rawValue),
                ]
            })
    }
}
