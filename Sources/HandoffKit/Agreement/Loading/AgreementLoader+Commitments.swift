internal import Yams

extension AgreementLoader {
    static let commonCommitmentKeys = [
        "id", "metric", "promise", "within", "at_least", "at_most", "between", "clock", "goal", "per", "scope",
        "minimum_sample",
    ]
    static let optionKeys = ["required_fields", "require_reason", "attempt_types", "bands"]

    static func readCommitments(_ node: Node, _ r: NodeReader) -> [Commitment] {
        guard let f = r.fields(node, "'commitments'", known: ["marketing", "sales"]) else { return [] }
        var all: [Commitment] = []
        var ids: [(String, SourceLocation)] = []
        for team in ["marketing", "sales"] {
            guard let items = f[team].flatMap({ r.list($0, "'commitments.\(team)'") }) else { continue }
            all += items.compactMap { readCommitment($0, team: team, r) }
            // Ids are checked on every entry, including those that failed to read, so one run reports every problem.
            ids += items.compactMap { item in item.mapping?["id"]?.scalar.map { ($0.string, r.location(item)) } }
        }
        r.add(AgreementRules.duplicates(ids, "commitment"))
        return all
    }

    static func readCommitment(_ node: Node, team: String, _ r: NodeReader) -> Commitment? {
        guard
            let f = r.fields(
                node, "a \(team) commitment", known: commonCommitmentKeys + optionKeys, required: ["id", "metric"]),
            let id = f["id"].flatMap({ r.string($0, "the commitment id") }),
            let metricNode = f["metric"],
            let metricName = r.choice(metricNode, "metric", from: Metric.allCases.map(\.rawValue)),
            let metric = Metric(rawValue: metricName)
        else { return nil }
        let shape = metric.shape
        if shape == .report {
            r.error(
                "'\(metricName)' is a report section, not something a team can promise; use it in the scorecard, or pick a measurable metric",
                at: metricNode)
            return nil
        }
        for option in optionKeys where f.keyLocations[option] != nil && !metric.options.contains(option) {
            let takes = metric.options.isEmpty ? "no options" : metric.options.sorted().joined(separator: ", ")
            r.error(
                "metric '\(metricName)' does not take '\(option)' (it takes \(takes))",
                at: f.keyLocations[option] ?? r.location(node))
        }
        func misplaced(_ key: String, _ why: String) {
            if let at = f.keyLocations[key] { r.error("'\(key)' does not apply to '\(metricName)': \(why)", at: at) }
        }
        if shape != .duration {
            misplaced("clock", "only durations run on a clock")
            misplaced("within", "use at_least or at_most")
        }
        if shape != .volume { misplaced("per", "only mql_count is promised per week or month") }
        if shape == .volume || shape == .rate { misplaced("goal", "the bound itself is the goal") }

        let bound = readBound(f, metricName: metricName, shape: shape, at: node, r)
        let clock =
            f["clock"].flatMap { r.choice($0, "clock", from: ["business", "calendar", "owner"]) }.flatMap(
                Commitment.Clock.init(rawValue:)) ?? .business
        let goal = f["goal"].flatMap { r.percent($0, "the goal") } ?? Percent(fraction: 1)
        var per: Commitment.VolumePeriod?
        if shape == .volume {
            if let perNode = f["per"] {
                per = r.choice(perNode, "volume period", from: ["week", "month"]).flatMap(
                    Commitment.VolumePeriod.init(rawValue:))
            } else {
                r.error("an MQL volume promise needs 'per: week' or 'per: month'", at: node)
            }
        }
        let scope = f["scope"].flatMap { readScope($0, r) } ?? .all
        let requiredFields = f["required_fields"].flatMap { r.strings($0, "required_fields") } ?? []
        if metric == .contextCompleteRate, requiredFields.isEmpty {
            r.error("'context_complete_rate' needs 'required_fields', the columns every MQL must carry", at: node)
        }
        for (index, field) in requiredFields.enumerated() where !LeadColumn.allNames.contains(field) {
            let at = f["required_fields"].flatMap { $0.sequence.map(Array.init) }?[index]
            r.error(
                "unknown lead column '\(field)' in required_fields\(Suggestion.hint(for: field, in: LeadColumn.allNames))",
                at: at.map(r.location) ?? r.location(node))
        }
        guard let bound else { return nil }
        var commitment = Commitment(
            id: id, team: team, metric: metric, promise: f["promise"].flatMap { r.string($0, "the promise") },
            bound: bound, clock: clock, goal: goal, per: per, scope: scope, requiredFields: requiredFields,
            requireReason: f["require_reason"].flatMap { r.bool($0, "require_reason") } ?? false,
            attemptTypes: f["attempt_types"].flatMap { r.strings($0, "attempt_types") } ?? [],
            minimumSample: f["minimum_sample"].flatMap { r.int($0, "minimum_sample", range: 1...100_000) },
            location: r.location(node))
        if let bandsNode = f["bands"], let edges = readBands(bandsNode, r) { commitment.bands = edges }
        return commitment
    }

    static func readBound(_ f: Fields, metricName: String, shape: Metric.Shape, at node: Node, _ r: NodeReader)
        -> Commitment.Bound?
    {
        let given = ["within", "at_least", "at_most", "between"].filter { f.keyLocations[$0] != nil }
        guard given.count == 1, let key = given.first, let value = f[key] else {
            let expected: String
            switch shape {
            case .duration: expected = "'within: 30m'"
            case .volume, .perLeadCount: expected = "'at_least: N'"
            default: expected = "'at_least: 90%' or 'between: [70%, 80%]'"
            }
            r.error(
                given.isEmpty
                    ? "commitment on '\(metricName)' needs a bound: \(expected)"
                    : "a commitment has one bound; found \(given.joined(separator: " and "))", at: node)
            return nil
        }
        switch (shape, key) {
        case (.duration, "within"):
            return r.span(value, "'within'").map { .within($0) }
        case (.duration, _):
            r.error(
                "'\(metricName)' is a duration: bound it with 'within: 30m'",
                at: f.keyLocations[key] ?? r.location(node))
            return nil
        case (_, "within"):
            r.error(
                "'within' bounds durations; '\(metricName)' takes at_least or at_most",
                at: f.keyLocations[key] ?? r.location(node))
            return nil
        case (.rate, "between"):
            guard let items = r.list(value, "'between'") else { return nil }
            guard items.count == 2 else {
                r.error("'between' takes two percentages, like [70%, 80%]", at: value)
                return nil
            }
            guard let low = r.percent(items[0], "the band's low end"),
                let high = r.percent(items[1], "the band's high end")
            else { return nil }
            guard low <= high else {
                r.error("the band's minimum \(low) exceeds its maximum \(high)", at: value)
                return nil
            }
            return .between(low.fraction, high.fraction)
        case (.rate, _):
            guard let p = r.percent(value, "'\(key)'") else { return nil }
            return key == "at_least" ? .atLeast(p.fraction) : .atMost(p.fraction)
        case (_, "between"):
            r.error(
                "'between' bounds rates; '\(metricName)' takes at_least or at_most",
                at: f.keyLocations[key] ?? r.location(node))
            return nil
        default:
            guard let n = r.int(value, "'\(key)'", range: 0...10_000_000) else { return nil }
            return key == "at_least" ? .atLeast(Double(n)) : .atMost(Double(n))
        }
    }

    static func readScope(_ node: Node, _ r: NodeReader) -> Commitment.Scope? {
        if node.mapping != nil {
            guard let f = r.fields(node, "'scope'", known: ["source", "when"]) else { return nil }
            if let when = f["when"] {
                guard let condition = r.condition(when, "the segment") else { return nil }
                r.add(condition.check(knownActions: Set(standardActions)))
                return .segment(condition)
            }
            guard let source = f["source"].flatMap({ r.string($0, "the scope's source") }) else {
                r.error("a scope mapping needs 'source: …' or 'when: …' (a segment condition)", at: node)
                return nil
            }
            return .source(source)
        }
        switch r.choice(node, "scope", from: ["all", "fast_track", "standard"]) {
        case "fast_track": return .fastTrack
        case "standard": return .standard
        case "all": return .all
        default: return nil
        }
    }
}
