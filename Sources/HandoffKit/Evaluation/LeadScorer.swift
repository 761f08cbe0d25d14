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
    /// The firmographic fit criteria, their lists lowercased once.
    let fitCheck: FitCheck
    /// Does a fit (BANT) rule read the moment of scoring (`count(...)`, `last_activity`)? If not, the group's points
    /// are the same at every moment of a lead's history (`standing`).
    private let fitVaries: Bool, bantVaries: Bool
    /// Per disqualifier: does it read the moment or a score? If not, it holds at every moment or at none.
    private let disqualifierVaries: [Bool]

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
        fitCheck = FitCheck(criteria: definition.fit, texts: texts)
        fitVaries = definition.scoring.fit.contains { $0.condition.expression.readsMoment }
        bantVaries = definition.scoring.bant.contains { $0.condition.expression.readsMoment }
        disqualifierVaries = definition.disqualifiers.map {
            $0.condition.expression.readsMoment || $0.condition.expression.readsScores
        }
    }

    /// Fit, engagement and BANT scores of `lead` at `moment`.
    func scores(_ lead: Lead, at moment: Int64) -> Scores {
        let facts = LeadFacts(lead: lead, moment: moment, scorer: self, scores: nil)
        let cap = definition.scoring.cap
        let fit = min(cap, Self.points(self.fit, facts))
        let bant = min(cap, Self.points(self.bant, facts))
        return Scores(fit: fit, engagement: min(cap, engagement(lead, at: moment)), bant: bant)
    }

    /// The points of the rules that hold, added in the rules' order.
    private static func points(_ rules: [(CompiledCondition, Double)], _ facts: LeadFacts) -> Double {
        rules.reduce(0) { $0 + ($1.0.holds(facts) ? $1.1 : 0) }
    }

    /// What of `check` stays the same at every moment of one lead's history, worked out once for a replay.
    struct Standing: Sendable {
        /// Fit points (capped), unless a fit rule reads the moment.
        var fit: Double?
        /// BANT points (capped), unless a BANT rule reads the moment.
        var bant: Double?
        /// The lead misses the fit criteria, or a disqualifier that reads neither the moment nor a score holds: it
        /// never meets the definition.
        var excluded: Bool
    }

    /// The lead's standing (see `Standing`); `moment` is any moment of its history.
    func standing(_ lead: Lead, at moment: Int64) -> Standing {
        if fitCheck.misses(lead) { return Standing(fit: nil, bant: nil, excluded: true) }
        let facts = LeadFacts(lead: lead, moment: moment, scorer: self, scores: nil)
        for (d, varies) in zip(disqualifiers, disqualifierVaries) where !varies && d.holds(facts) {
            return Standing(fit: nil, bant: nil, excluded: true)
        }
        let cap = definition.scoring.cap
        return Standing(
            fit: fitVaries ? nil : min(cap, Self.points(fit, facts)),
            bant: bantVaries ? nil : min(cap, Self.points(bant, facts)), excluded: false)
    }

    /// `scores(lead, at: moment)`, with the points that do not change taken from the lead's standing.
    func scores(_ lead: Lead, at moment: Int64, standing: Standing) -> Scores {
        let facts = LeadFacts(lead: lead, moment: moment, scorer: self, scores: nil)
        let cap = definition.scoring.cap
        return Scores(
            fit: standing.fit ?? min(cap, Self.points(fit, facts)),
            engagement: min(cap, engagement(lead, at: moment)),
            bant: standing.bant ?? min(cap, Self.points(bant, facts)))
    }

    /// True when a disqualifier that reads the moment or a score holds (`facts` carries the scores); the others are
    /// in the lead's standing.
    func disqualifiedNow(_ facts: LeadFacts) -> Bool {
        zip(disqualifiers, disqualifierVaries).contains { $1 && $0.holds(facts) }
    }

    /// True when a threshold alternative holds (`facts` carries the scores).
    func meetsThreshold(_ facts: LeadFacts) -> Bool {
        thresholds.contains { $0.holds(facts) }
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
        if let miss = fitCheck.firstMiss(lead) {
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
struct FitCheck: Sendable {
    let criteria: FitCriteria
    let texts: TextTable
    /// The criteria's lists, lowercased.
    private let industries: [String], countries: [String], titles: [String]

    init(criteria: FitCriteria, texts: TextTable) {
        self.criteria = criteria
        self.texts = texts
        industries = criteria.industries.map { $0.lowercased() }
        countries = criteria.countries.map { $0.lowercased() }
        titles = criteria.titles.map { $0.lowercased() }
    }

    /// The first criterion a lead misses.
    private enum Miss {
        case employeesMissing
        case employees(Double, ClosedRange<Double>)
        case revenueMissing
        case revenue(Double, ClosedRange<Double>)
        case industry, country, title
    }

    private func miss(_ lead: Lead) -> Miss? {
        if let range = criteria.employees {
            guard let n = lead.employees else { return .employeesMissing }
            if !range.contains(n) { return .employees(n, range) }
        }
        if let range = criteria.annualRevenue {
            guard let n = lead.annualRevenue else { return .revenueMissing }
            if !range.contains(n) { return .revenue(n, range) }
        }
        if !industries.isEmpty, !industries.contains(texts.lowercased(lead.industry)) { return .industry }
        if !countries.isEmpty, !countries.contains(texts.lowercased(lead.country)) { return .country }
        if !titles.isEmpty {
            let title = texts.lowercased(lead.title)
            if !titles.contains(where: { textContains(title, $0) }) { return .title }
        }
        return nil
    }

    /// True when the lead misses a criterion (`firstMiss` without the words).
    func misses(_ lead: Lead) -> Bool { miss(lead) != nil }

    /// The first criterion the lead misses, in words; nil when it meets them all.
    func firstMiss(_ lead: Lead) -> String? {
        switch miss(lead) {
        case nil: return nil
        case .employeesMissing: return "employees missing"
        case .employees(let n, let range):
            return
                "\(Amount.grouped(n)) employees, outside \(Amount.grouped(range.lowerBound))–\(Amount.grouped(range.upperBound))"
        case .revenueMissing: return "annual revenue missing"
        case .revenue(let n, let range):
            return
                "revenue \(Amount.format(n)), outside \(Amount.format(range.lowerBound))–\(Amount.format(range.upperBound))"
        case .industry:
            return lead.industry.isEmpty
                ? "industry missing" : "industry \(texts[lead.industry]) is not a target industry"
        case .country:
            return lead.country.isEmpty ? "country missing" : "country \(texts[lead.country]) is not served"
        case .title:
            return lead.title.isEmpty ? "job title missing" : "title \(texts[lead.title]) is below Manager"
        }
    }
}

/// Whether `needle` occurs in `haystack`, character by character (so under canonical equivalence: `e` + U+0301 is
/// found in `café`); an empty needle is found nowhere. When both texts are printable ASCII — titles and the words
/// searched for in them nearly always are — every character is one byte and no two different byte strings are
/// equivalent, so a plain byte search gives the same answer without building `Character`s.
///
/// Not Foundation's `contains`: it gives the same answers on these texts, but traps ("String index is out of
/// bounds") when a needle with a NUL byte matches up to the haystack's end (`"école".contains("e\0")`, found by
/// the condition fuzzer; `nulInAContainsNeedleIsNoMatchNotATrap`).
func textContains(_ haystack: String, _ needle: String) -> Bool {
    let plain = ByteView.with(haystack) { h in
        ByteView.with(needle) { n -> Bool? in
            guard !n.isEmpty, h.isPrintableASCII, n.isPrintableASCII else { return nil }
            return h.contains(n)
        }
    }
    return plain ?? (!needle.isEmpty && haystack.firstRange(of: needle) != nil)
}

/// `base` raised to a small whole power, without Foundation.
func pow1(_ base: Double, _ exponent: Int) -> Double {
    var result = 1.0
    for _ in 0..<max(0, exponent) { result *= base }
    return result
}
