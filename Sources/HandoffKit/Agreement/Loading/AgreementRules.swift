/// Semantic checks that need the whole agreement: references, reachability, capacity, staleness.
enum AgreementRules {
    static func check(_ a: Agreement, file: String, today: LocalDate?, checkSignoffs: Bool = true) -> [Diagnostic] {
        var out: [Diagnostic] = []
        let partyIDs = a.parties.map(\.id)
        for stage in a.stages where !partyIDs.contains(stage.owner) {
            out.append(
                .error(
                    "stage '\(stage.id)' is owned by '\(stage.owner)', which is not a party; use marketing or sales",
                    at: stage.ownerLocation))
        }
        out += duplicates(a.stages.map { ($0.id, $0.location) }, "stage")
        out += duplicates(a.rejectionReasons.map { ($0.id, $0.location) }, "rejection reason")
        out += duplicates(a.mqlDefinition.disqualifiers.map { ($0.id, $0.location) }, "disqualifier")
        out += duplicates(a.mqlDefinition.fastTrack.map { ($0.id, $0.location) }, "fast-track trigger")
        out += duplicates(a.signoffs.map { ($0.party, $0.location) }, "sign-off for party")
        out += unreachableThresholds(a.mqlDefinition)
        if !a.mqlDefinition.fit.technologies.isEmpty, let at = a.mqlDefinition.fit.technologiesLocation {
            out.append(
                .warning(
                    "fit.technologies appears in the document but is not checked by criteria_met_rate: lead exports have no technology column",
                    at: at))
        }
        out += capacityProblems(a)
        out += referenceProblems(a, file: file)
        out += AgreementLoader.historyProblems(a)
        if let today, today > a.info.nextReview {
            out.append(
                .warning(
                    "the \(a.info.cadenceName) review was due on \(a.info.nextReview) and is overdue; review the agreement with both teams and update last_review",
                    at: a.info.lastReviewLocation ?? SourceLocation(file: file, line: 1, column: 1)))
        }
        for signoff in a.signoffs where checkSignoffs && signoff.digest != a.digest {
            out.append(
                .warning(
                    "the \(signoff.party) sign-off by \(signoff.name) is stale: it approved content \(signoff.digest.prefix(12)), the agreement is now \(a.digest.prefix(12)); run 'handoff sign' again",
                    at: signoff.location))
        }
        return out
    }

    static func duplicates(_ items: [(String, SourceLocation)], _ what: String) -> [Diagnostic] {
        var seen: [String: SourceLocation] = [:]
        var out: [Diagnostic] = []
        for (id, location) in items {
            if let first = seen[id] {
                out.append(
                    .error("duplicate \(what) id '\(id)'; it is already used at line \(first.line)", at: location))
            } else {
                seen[id] = location
            }
        }
        return out
    }

    /// A threshold that even the highest possible scores cannot satisfy.
    static func unreachableThresholds(_ d: MQLDefinition) -> [Diagnostic] {
        let best = ScoreCeiling(model: d.scoring)
        return d.thresholds.compactMap { threshold in
            guard threshold.onlyUsesScores, !threshold.holds(for: best) else { return nil }
            return .error(
                "threshold '\(threshold.text)' can never be reached: the scoring model gives at most fit \(Amount.format(best.fit)), engagement \(Amount.format(best.engagement)), bant \(Amount.format(best.bant))",
                at: threshold.origin)
        }
    }

    static func capacityProblems(_ a: Agreement) -> [Diagnostic] {
        guard let capacity = a.capacity else { return [] }
        return a.commitments.compactMap { c in
            guard c.metric == .mqlCount, case .atLeast(let n) = c.bound, let per = c.per else { return nil }
            let absorb = per == .week ? capacity.perWeek : capacity.perMonth
            guard Int(n) > absorb else { return nil }
            return .error(
                "'\(c.id)' promises \(Int(n)) MQLs per \(per.rawValue), but \(capacity.reps) reps × \(capacity.mqlsPerRepPerWeek) MQLs a week can absorb only \(absorb) per \(per.rawValue); lower the promise or add capacity",
                at: c.location)
        }
    }

    static func referenceProblems(_ a: Agreement, file: String) -> [Diagnostic] {
        var out: [Diagnostic] = []
        let reasonIDs = a.rejectionReasons.map(\.id)
        for c in a.commitments where c.requireReason && reasonIDs.isEmpty {
            out.append(
                .warning(
                    "'\(c.id)' requires a rejection reason, but the agreement lists no rejection_reasons",
                    at: c.location))
        }
        if let mapped = a.data.values["rejection_reason"] {
            for (raw, reason) in mapped.sorted(by: { $0.key < $1.key })
            where !reason.isEmpty && !reasonIDs.contains(reason) {
                out.append(
                    Diagnostic(
                        .error,
                        "data.values.rejection_reason maps '\(raw)' to '\(reason)', which is not a rejection reason id\(Suggestion.hint(for: reason, in: reasonIDs))",
                        at: a.data.valueLocations["rejection_reason"]?[raw], file: file))
            }
        }
        if !a.stages.isEmpty, !a.stages.contains(where: { $0.id.lowercased() == "mql" }) {
            out.append(
                .warning(
                    "no stage has id 'mql'; the MQL stage anchors every handling commitment", at: a.stages[0].location))
        }
        return out
    }
}

/// The highest score each group can reach under a scoring model.
struct ScoreCeiling: ConditionInput {
    let fit: Double
    let engagement: Double
    let bant: Double

    init(model: ScoringModel) {
        fit = min(model.cap, model.fit.map { max(0, $0.points) }.reduce(0, +))
        let unbounded = model.engagement.contains { $0.maxCount == nil && $0.points > 0 }
        let bounded = model.engagement.map { max(0, $0.points) * Double($0.maxCount ?? 1) }.reduce(0, +)
        engagement = min(model.cap, unbounded ? model.cap : bounded)
        bant = min(model.cap, model.bant.map { max(0, $0.points) }.reduce(0, +))
    }

    func number(_ field: String) -> Double? {
        switch field {
        case "fit": return fit
        case "engagement": return engagement
        case "bant": return bant
        case "score": return fit + engagement + bant
        default: return nil
        }
    }

    func text(_ field: String) -> String? { nil }
    func count(_ action: String, within window: Double?) -> Int { 0 }
}

extension Condition {
    /// True when every field the condition reads is a score.
    var onlyUsesScores: Bool {
        expression.fieldNames.allSatisfy(ConditionField.scores.contains) && expression.countedActions.isEmpty
    }
}

extension ConditionExpression {
    var fieldNames: [String] {
        switch self {
        case .literal, .count: return []
        case .field(let name, _): return [name]
        case .sum(let l, let r, _), .compare(let l, _, let r), .and(let l, let r), .or(let l, let r):
            return l.fieldNames + r.fieldNames
        case .member(let e, let list, _), .contains(let e, let list): return e.fieldNames + list.flatMap(\.fieldNames)
        case .between(let e, let lo, let hi, _): return e.fieldNames + lo.fieldNames + hi.fieldNames
        case .not(let e): return e.fieldNames
        }
    }
}
