internal import HandoffIO

/// Applies the agreement's scoring model to one lead at one moment.
final class LeadScorer: Sendable {
    let definition: MQLDefinition
    /// For each ledger action index, the engagement rule that scores it (if any).
    let ruleForAction: [Int?]
    /// Ledger action index by name.
    let actionIndex: [String: UInt16]
    /// The ledger's engagement events; a lead's are `events[lead.eventRange]`.
    let events: [EngagementEvent]
    /// The ledger's texts; the leads' fields refer to them.
    let texts: TextTable
    /// The engagement rules as plain numbers (`within` in seconds, `Int64.max` for none; `maxCount` `Int.max` for none).
    private let rules: [(points: Double, within: Int64, maxCount: Int)]
    /// Decay per full period: the factor kept and the period in seconds (0 for no decay).
    private let decayKept: Double, decayEvery: Int64
    /// The model's conditions, compiled for this ledger.
    private let fit: [(CompiledCondition, Double)], bant: [(CompiledCondition, Double)]
    private let disqualifiers: [CompiledCondition], thresholds: [CompiledCondition], fastTrack: [CompiledCondition]

    /// A scorer for a ledger's action names, events and texts.
    init(
        definition: MQLDefinition, actions: [String], events: [EngagementEvent] = [], texts: TextTable = TextTable()
    ) {
        self.definition = definition
        self.events = events
        self.texts = texts
        rules = definition.scoring.engagement.map { ($0.points, $0.within?.seconds ?? .max, $0.maxCount ?? .max) }
        decayKept = 1 - (definition.decay?.rate.fraction ?? 0)
        decayEvery = definition.decay.map { max(0, $0.every.seconds) } ?? 0
        ruleForAction = actions.map { name in definition.scoring.engagement.firstIndex { $0.action == name } }
        var codes: [String: UInt16] = [:]
        for (i, name) in actions.enumerated() { codes[name] = UInt16(i) }
        actionIndex = codes
        fit = definition.scoring.fit.map { (CompiledCondition($0.condition, actions: codes), $0.points) }
        bant = definition.scoring.bant.map { (CompiledCondition($0.condition, actions: codes), $0.points) }
        disqualifiers = definition.disqualifiers.map { CompiledCondition($0.condition, actions: codes) }
        thresholds = definition.thresholds.map { CompiledCondition($0, actions: codes) }
        fastTrack = definition.fastTrack.map { CompiledCondition($0.condition, actions: codes) }
    }

    /// Fit, engagement and BANT scores of `lead` at `moment`.
    func scores(_ lead: Lead, at moment: Int64) -> Scores {
        let facts = LeadFacts(lead: lead, moment: moment, scorer: self, scores: nil)
        let cap = definition.scoring.cap
        let fit = min(cap, self.fit.reduce(0) { $0 + ($1.0.holds(facts) ? $1.1 : 0) })
        let bant = min(cap, self.bant.reduce(0) { $0 + ($1.0.holds(facts) ? $1.1 : 0) })
        return Scores(fit: fit, engagement: min(cap, engagement(lead, at: moment)), bant: bant)
    }

    /// Engagement points at `moment`: each action's points, at most `max_count` of the most recent
    /// occurrences, only those `within` the window, each decayed by `rate` per full `every` of age.
    func engagement(_ lead: Lead, at moment: Int64) -> Double {
        Counters.withZeroed(rules.count) { counted in
            var total = 0.0
            for event in events[lead.eventRange].reversed() where event.at <= moment {
                guard Int(event.action) < ruleForAction.count, let r = ruleForAction[Int(event.action)] else {
                    continue
                }
                let rule = rules[r]
                let age = moment - event.at
                if age > rule.within || counted[r] >= rule.maxCount { continue }
                counted[r] += 1
                var points = rule.points
                if decayEvery > 0 {
                    let periods = Int(age / decayEvery)
                    if periods > 0 { points *= pow1(decayKept, periods) }
                }
                total += points
            }
            return total
        }
    }

    /// The ids of the fast-track triggers that fire for `lead` at `moment`.
    func fastTrackTriggers(_ lead: Lead, at moment: Int64) -> [String] {
        let facts = LeadFacts(lead: lead, moment: moment, scorer: self, scores: nil, lazyScores: true)
        return zip(definition.fastTrack, fastTrack).filter { $0.1.holds(facts) }.map(\.0.id)
    }

    /// True when any fast-track trigger fires for `lead` at `moment` (stops at the first).
    func isFastTrack(_ lead: Lead, at moment: Int64) -> Bool {
        let facts = LeadFacts(lead: lead, moment: moment, scorer: self, scores: nil, lazyScores: true)
        return fastTrack.contains { $0.holds(facts) }
    }

    /// Whether the lead meets the MQL definition at `moment`, and if not, why.
    func check(_ lead: Lead, at moment: Int64) -> DefinitionCheck {
        let s = scores(lead, at: moment)
        let facts = LeadFacts(lead: lead, moment: moment, scorer: self, scores: s)
        if let hit = disqualifiers.firstIndex(where: { $0.holds(facts) }) {
            return DefinitionCheck(
                meets: false, reason: "disqualified: \(definition.disqualifiers[hit].label)", scores: s)
        }
        if let miss = FitCheck(criteria: definition.fit, texts: texts).firstMiss(lead) {
            return DefinitionCheck(meets: false, reason: miss, scores: s)
        }
        guard thresholds.contains(where: { $0.holds(facts) }) else {
            return DefinitionCheck(
                meets: false,
                reason:
                    "below every threshold (fit \(Amount.format(s.fit.rounded())), engagement \(Amount.format(s.engagement.rounded())), BANT \(Amount.format(s.bant.rounded())))",
                scores: s)
        }
        return DefinitionCheck(meets: true, reason: "", scores: s)
    }
}

/// Fit, engagement and BANT points.
struct Scores: Sendable {
    /// Fit points.
    var fit: Double
    /// Engagement points.
    var engagement: Double
    /// BANT points.
    var bant: Double
    /// All three together.
    var total: Double { fit + engagement + bant }
}

/// The outcome of checking a lead against the MQL definition.
struct DefinitionCheck: Sendable {
    /// True when the lead meets the definition.
    var meets: Bool
    /// Why not, in words, when `meets` is false.
    var reason: String
    /// The scores at that moment.
    var scores: Scores
}

/// One lead's values as seen by conditions.
struct LeadFacts: ConditionInput {
    let lead: Lead
    let moment: Int64
    let scorer: LeadScorer
    let scores: Scores?
    /// Compute a score group only when a condition asks for it (fast-track triggers rarely need all three).
    var lazyScores = false

    /// The numeric fields conditions can name.
    enum NumberField: String {
        case fit, engagement, bant, score, employees
        case annualRevenue = "annual_revenue"
        case lastActivity = "last_activity"
    }

    /// The text fields conditions can name.
    enum TextField: String {
        case industry, country, title, company, source, timeline
        case useCase = "use_case"
        case budget
    }

    func number(_ field: String) -> Double? {
        NumberField(rawValue: field).flatMap(number)
    }

    func number(_ field: NumberField) -> Double? {
        if scores == nil, lazyScores {
            switch field {
            case .engagement: return min(scorer.definition.scoring.cap, scorer.engagement(lead, at: moment))
            case .fit, .bant, .score:
                let s = scorer.scores(lead, at: moment)
                return field == .fit ? s.fit : field == .bant ? s.bant : s.total
            default: break
            }
        }
        switch field {
        case .fit: return scores?.fit
        case .engagement: return scores?.engagement
        case .bant: return scores?.bant
        case .score: return scores?.total ?? lead.score
        case .employees: return lead.employees
        case .annualRevenue: return lead.annualRevenue
        case .lastActivity:
            guard let last = scorer.events[lead.eventRange].last(where: { $0.at <= moment }) else { return nil }
            return Double(moment - last.at)
        }
    }

    func text(_ field: String) -> String? {
        TextField(rawValue: field).map { scorer.texts[ref($0)] }
    }

    /// The field's text, lowercased (empty when blank).
    func loweredText(_ field: TextField) -> String {
        scorer.texts.lowercased(ref(field))
    }

    private func ref(_ field: TextField) -> TextRef {
        switch field {
        case .industry: return lead.industry
        case .country: return lead.country
        case .title: return lead.title
        case .company: return lead.company
        case .source: return lead.source
        case .timeline: return lead.timeline
        case .useCase: return lead.useCase
        case .budget: return lead.budget
        }
    }

    func count(_ action: String, within window: Double?) -> Int {
        guard let code = scorer.actionIndex[action] else { return 0 }
        return count(code, within: window.map { Int64($0) })
    }

    /// Events with action `code` at or before the moment, within `window` seconds of it if given.
    func count(_ code: UInt16, within window: Int64?) -> Int {
        let from = window.map { moment - $0 } ?? Int64.min
        var n = 0
        for event in scorer.events[lead.eventRange] where event.action == code && event.at <= moment && event.at >= from
        { n += 1 }
        return n
    }
}

/// Checks the firmographic fit criteria; a missing value does not meet a criterion.
struct FitCheck {
    let criteria: FitCriteria
    let texts: TextTable

    func firstMiss(_ lead: Lead) -> String? {
        if let range = criteria.employees {
            guard let n = lead.employees else { return "employees missing" }
            if !range.contains(n) {
                return
                    "\(Amount.grouped(n)) employees, outside \(Amount.grouped(range.lowerBound))–\(Amount.grouped(range.upperBound))"
            }
        }
        if let range = criteria.annualRevenue {
            guard let n = lead.annualRevenue else { return "annual revenue missing" }
            if !range.contains(n) {
                return
                    "revenue \(Amount.format(n)), outside \(Amount.format(range.lowerBound))–\(Amount.format(range.upperBound))"
            }
        }
        if !criteria.industries.isEmpty, case let industry = texts.lowercased(lead.industry),
            !criteria.industries.contains(where: { $0.lowercased() == industry })
        {
            return lead.industry.isEmpty
                ? "industry missing" : "industry \(texts[lead.industry]) is not a target industry"
        }
        if !criteria.countries.isEmpty, case let country = texts.lowercased(lead.country),
            !criteria.countries.contains(where: { $0.lowercased() == country })
        {
            return lead.country.isEmpty ? "country missing" : "country \(texts[lead.country]) is not served"
        }
        if !criteria.titles.isEmpty {
            let title = texts.lowercased(lead.title)
            if !criteria.titles.contains(where: { title.contains($0.lowercased()) }) {
                return lead.title.isEmpty ? "job title missing" : "title \(texts[lead.title]) is below Manager"
            }
        }
        return nil
    }
}

/// `base` raised to a small whole power, without Foundation.
func pow1(_ base: Double, _ exponent: Int) -> Double {
    var result = 1.0
    for _ in 0..<max(0, exponent) { result *= base }
    return result
}
