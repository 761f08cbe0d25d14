internal import Yams

extension AgreementLoader {
    /// Engagement actions every agreement may count, on top of those its scoring model names.
    static let standardActions: [String] = [
        "demo_request", "contact_sales", "webinar_attended", "live_demo_attended", "pricing_page_visit",
        "product_page_visit", "ebook_download", "blog_read", "email_open", "email_click", "website_visit",
    ]

    static func readDefinition(_ node: Node, _ r: NodeReader) -> MQLDefinition? {
        guard
            let f = r.fields(
                node, "'mql_definition'",
                known: ["summary", "fit", "disqualifiers", "scoring", "thresholds", "decay", "fast_track"],
                required: ["summary", "thresholds"])
        else { return nil }
        let summary = f["summary"].flatMap { r.string($0, "the MQL summary") }
        let fit =
            f["fit"].map { readFit($0, r) }
            ?? FitCriteria(
                employees: nil, annualRevenue: nil, industries: [], countries: [], titles: [], technologies: [],
                technologiesLocation: nil)
        let scoring =
            f["scoring"].map { readScoring($0, r) } ?? ScoringModel(fit: [], engagement: [], bant: [], cap: 100)
        let disqualifiers = f["disqualifiers"].map { readNamedConditions($0, "disqualifier", r) } ?? []
        let fastTrack = f["fast_track"].map { readNamedConditions($0, "fast-track trigger", r) } ?? []
        var thresholds: [Condition] = []
        if let list = f["thresholds"].flatMap({ r.list($0, "'thresholds'") }) {
            if list.isEmpty, let t = f["thresholds"] {
                r.error("'thresholds' needs at least one alternative, such as 'fit + engagement >= 100'", at: t)
            }
            thresholds = list.compactMap { r.condition($0, "a threshold") }
        }
        var decay: Decay?
        if let d = f["decay"].flatMap({
            r.fields($0, "'decay'", known: ["engagement", "every", "pause_nurture_after"], required: ["engagement"])
        }) {
            if let rate = d["engagement"].flatMap({ r.percent($0, "the engagement decay") }) {
                let every = d["every"].flatMap { r.span($0, "the decay period") } ?? TimeSpan(seconds: 30 * 86400)
                decay = Decay(
                    rate: rate, every: every,
                    pauseNurtureAfter: d["pause_nurture_after"].flatMap { r.span($0, "pause_nurture_after") })
            }
        }
        guard let summary else { return nil }
        let definition = MQLDefinition(
            summary: summary, fit: fit, disqualifiers: disqualifiers, scoring: scoring,
            thresholds: thresholds, decay: decay, fastTrack: fastTrack)
        checkConditions(definition, r)
        return definition
    }

    /// Every condition's field names and kinds, once all actions are known.
    static func checkConditions(_ d: MQLDefinition, _ r: NodeReader) {
        let actions = Set(standardActions + d.scoring.engagement.map(\.action))
        for rule in d.scoring.fit + d.scoring.bant {
            r.add(rule.condition.check(knownActions: actions, forbiddenFields: ConditionField.scores))
        }
        for condition in d.thresholds + d.disqualifiers.map(\.condition) + d.fastTrack.map(\.condition) {
            r.add(condition.check(knownActions: actions))
        }
    }

    static func readFit(_ node: Node, _ r: NodeReader) -> FitCriteria {
        let known = ["employees", "annual_revenue", "industries", "countries", "titles", "technologies"]
        guard let f = r.fields(node, "'fit'", known: known) else {
            return FitCriteria(
                employees: nil, annualRevenue: nil, industries: [], countries: [], titles: [], technologies: [],
                technologiesLocation: nil)
        }
        return FitCriteria(
            employees: f["employees"].flatMap { r.range($0, "employees") },
            annualRevenue: f["annual_revenue"].flatMap { r.range($0, "annual_revenue") },
            industries: f["industries"].flatMap { r.strings($0, "industries") } ?? [],
            countries: f["countries"].flatMap { r.strings($0, "countries") } ?? [],
            titles: f["titles"].flatMap { r.strings($0, "titles") } ?? [],
            technologies: f["technologies"].flatMap { r.strings($0, "technologies") } ?? [],
            technologiesLocation: f["technologies"].map(r.location))
    }

    static func readNamedConditions(_ node: Node, _ what: String, _ r: NodeReader) -> [NamedCondition] {
        guard let items = r.list(node, "the \(what)s") else { return [] }
        return items.compactMap { item in
            guard let f = r.fields(item, "a \(what)", known: ["id", "label", "when"], required: ["id", "when"]),
                let id = f["id"].flatMap({ r.string($0, "the \(what) id") }),
                let condition = f["when"].flatMap({ r.condition($0, "the \(what) condition") })
            else { return nil }
            let label = f["label"].flatMap { r.string($0, "the label") } ?? id
            return NamedCondition(id: id, label: label, condition: condition, location: r.location(item))
        }
    }

    static func readScoring(_ node: Node, _ r: NodeReader) -> ScoringModel {
        guard let f = r.fields(node, "'scoring'", known: ["fit", "engagement", "bant", "cap"]) else {
            return ScoringModel(fit: [], engagement: [], bant: [], cap: 100)
        }
        func rules(_ key: String) -> [ScoreRule] {
            guard let items = f[key].flatMap({ r.list($0, "'scoring.\(key)'") }) else { return [] }
            return items.compactMap { item in
                guard
                    let rf = r.fields(
                        item, "a \(key) scoring rule", known: ["label", "when", "points"], required: ["when", "points"]),
                    let condition = rf["when"].flatMap({ r.condition($0, "the rule's condition") }),
                    let points = rf["points"].flatMap({ r.number($0, "points") })
                else { return nil }
                return ScoreRule(
                    label: rf["label"].flatMap { r.string($0, "the label") } ?? condition.text, condition: condition,
                    points: points)
            }
        }
        var engagement: [EngagementRule] = []
        if let items = f["engagement"].flatMap({ r.list($0, "'scoring.engagement'") }) {
            for item in items {
                guard
                    let ef = r.fields(
                        item, "an engagement rule", known: ["action", "label", "points", "max_count", "within"],
                        required: ["action", "points"]),
                    let action = ef["action"].flatMap({ r.string($0, "the action") }),
                    let points = ef["points"].flatMap({ r.number($0, "points") })
                else { continue }
                let label = ef["label"].flatMap { r.string($0, "the label") } ?? action.replacingAll("_", with: " ")
                engagement.append(
                    EngagementRule(
                        action: action, label: label, points: points,
                        maxCount: ef["max_count"].flatMap { r.int($0, "max_count", range: 1...1000) },
                        within: ef["within"].flatMap { r.span($0, "within") }, location: r.location(item)))
            }
        }
        let cap = f["cap"].flatMap { r.number($0, "the score cap") } ?? 100
        return ScoringModel(fit: rules("fit"), engagement: engagement, bant: rules("bant"), cap: cap)
    }
}
