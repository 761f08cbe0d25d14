internal import Yams

/// One change between two versions of an agreement, by meaning.
struct AgreementChange: Sendable, Equatable {
    /// Where in the file: `commitments.sales[first-touch].within`.
    var path: String
    /// The change in words: `first-touch time for standard MQLs: 30 → 15 business minutes`.
    var summary: String
    /// The old value as written (`nil` when added).
    var old: String?
    /// The new value as written (`nil` when removed).
    var new: String?
    /// The sentences of the old document this change touches.
    var oldSentences: [String]
    /// The sentences of the new document this change touches.
    var newSentences: [String]
}

/// Turns node-tree changes into sentences people recognise.
enum ChangeDescriber {
    static func describe(_ change: NodeChange, old: Agreement, new: Agreement) -> AgreementChange {
        let oldText = change.old.map(NodeDiff.flow)
        let newText = change.new.map(NodeDiff.flow)
        var result = AgreementChange(
            path: change.pathText, summary: "", old: oldText, new: newText, oldSentences: [], newSentences: [])
        if let c = commitmentChange(change, old: old, new: new) {
            result.summary = c.summary
            result.oldSentences = c.old
            result.newSentences = c.new
            return result
        }
        if change.keys == ["mql_definition", "thresholds"] {
            result.oldSentences = oldText.map { [$0] } ?? []
            result.newSentences = newText.map { [$0] } ?? []
            switch (oldText, newText) {
            case (let o?, let n?):
                if let numbers = NumberChange(o, n) {
                    result.summary = "MQL threshold \(numbers.label): \(numbers.old) → \(numbers.new)"
                } else {
                    result.summary = "MQL threshold: \(o) → \(n)"
                }
            case (nil, let n?): result.summary = "new MQL threshold: \(n)"
            case (let o?, nil): result.summary = "removed MQL threshold: \(o)"
            default: break
            }
            return result
        }
        if let record = recordChange(change) {
            result.summary = record
            return result
        }
        let name = label(change)
        switch (oldText, newText) {
        case (let o?, let n?):
            if let numbers = NumberChange(o, n), !numbers.label.isEmpty {
                result.summary = "\(name) \(numbers.label): \(numbers.old) → \(numbers.new)"
            } else {
                result.summary = "\(name): \(compressed(o, n))"
            }
        case (nil, let n?): result.summary = "added \(listName(change) ?? name): \(n)"
        case (let o?, nil): result.summary = "removed \(listName(change) ?? name): \(o)"
        default: break
        }
        return result
    }

    /// Plain names for the settings people change most.
    static let names: [String: String] = [
        "agreement.title": "title", "agreement.version": "version", "agreement.effective": "effective date",
        "agreement.purpose": "purpose", "agreement.review.cadence": "review cadence",
        "agreement.review.last_review": "last review",
        "agreement.review.triggers": "review trigger",
        "business_hours.time_zone": "business time zone", "business_hours.days": "business days",
        "business_hours.open": "business hours open", "business_hours.close": "business hours close",
        "mql_definition.summary": "MQL definition summary", "mql_definition.fit.employees": "fit: company size",
        "mql_definition.fit.annual_revenue": "fit: annual revenue", "mql_definition.fit.industries": "fit: industry",
        "mql_definition.fit.countries": "fit: country", "mql_definition.fit.titles": "fit: job title",
        "mql_definition.scoring.cap": "score cap", "mql_definition.decay.engagement": "engagement decay",
        "mql_definition.decay.every": "decay interval",
        "mql_definition.decay.pause_nurture_after": "pause nurture after",
        "targets.acceptance_rate.between": "acceptance rate band",
        "targets.acceptance_rate.too_loose_below": "acceptance too loose below",
        "targets.acceptance_rate.too_strict_above": "acceptance too strict above",
        "targets.mql_to_sql_rate.between": "MQL→SQL band",
        "targets.mql_to_sql_rate.window": "conversion window", "targets.minimum_sample": "minimum sample",
        "capacity.reps": "sales reps", "capacity.mqls_per_rep_per_week": "MQLs per rep per week",
        "meeting.day": "meeting day", "meeting.time": "meeting time", "meeting.length": "meeting length",
        "meeting.attendees": "meeting attendee", "meeting.standing_items": "standing agenda item",
    ]

    /// Lists of records people know by name: what one item is called, and the fields that name it.
    static let records: [String: (noun: String, names: [String])] = [
        "business_hours.holidays": ("holiday", ["date", "name"]),
        "stages": ("lifecycle stage", ["name"]),
        "rejection_reasons": ("rejection reason", ["label"]),
        "mql_definition.disqualifiers": ("disqualifier", ["label", "when"]),
        "mql_definition.fast_track": ("fast-track trigger", ["label", "when"]),
        "mql_definition.scoring.fit": ("fit scoring rule", ["label", "when", "points"]),
        "mql_definition.scoring.engagement": ("engagement scoring rule", ["label", "points"]),
        "mql_definition.scoring.bant": ("BANT scoring rule", ["label", "when", "points"]),
    ]

    /// `new rejection reason: Couldn't reach`, `removed holiday: 2026-11-27 Day after Thanksgiving`,
    /// `rejection reason 'cant-reach' label: Couldn't reach → Unreachable`.
    static func recordChange(_ change: NodeChange) -> String? {
        guard let at = change.path.firstIndex(where: { if case .key = $0 { return false } else { return true } }) else {
            return nil
        }
        let listPath = change.path[..<at].compactMap { if case .key(let k) = $0 { return k } else { return nil } }
            .joined(separator: ".")
        guard let record = records[listPath] else { return nil }
        let item: String
        switch change.path[at] {
        case .id(let id): item = "'\(id)'"
        case .index(let i): item = "\(i + 1)"
        case .key: return nil
        }
        func name(_ node: Node) -> String {
            guard let m = node.mapping else { return NodeDiff.flow(node) }
            let parts = record.names.compactMap { key in m.first { $0.key.scalar?.string == key }?.value.scalar?.string
            }
            return parts.isEmpty ? NodeDiff.flow(node) : parts.joined(separator: " — ")
        }
        if at == change.path.count - 1 {
            switch (change.old, change.new) {
            case (nil, let n?): return "new \(record.noun): \(name(n))"
            case (let o?, nil): return "removed \(record.noun): \(name(o))"
            case (let o?, let n?): return "\(record.noun) \(item): \(compressed(name(o), name(n)))"
            default: return nil
            }
        }
        let rest = change.path[(at + 1)...].map(words).joined(separator: " › ")
        let o = change.old.map(NodeDiff.flow) ?? "none", n = change.new.map(NodeDiff.flow) ?? "none"
        return "\(record.noun) \(item) \(rest): \(compressed(o, n))"
    }

    /// `30 business minutes → 15 business minutes` as `30 → 15 business minutes`.
    static func compressed(_ o: String, _ n: String) -> String {
        if let numbers = NumberChange(o, n), numbers.label.isEmpty {
            return "\(numbers.old) → \(numbers.new)\(numbers.suffix)"
        }
        return "\(o) → \(n)"
    }

    /// For an item added to or removed from a list, the list's name without the position (`fit: industry`).
    static func listName(_ change: NodeChange) -> String? {
        guard case .index = change.path.last else { return nil }
        return label(NodeChange(path: Array(change.path.dropLast()), old: nil, new: nil))
    }

    /// A path in words: `business_hours.close` → `business hours close`; list items by their id or position.
    static func label(_ change: NodeChange) -> String {
        if let name = names[change.keys.joined(separator: ".")] {
            let items = change.path.filter { if case .key = $0 { return false } else { return true } }
            return ([name] + items.map(words)).joined(separator: " ")
        }
        return change.path.map(words).joined(separator: " › ")
    }

    /// One step of a path in words: `close`, `'first-touch'`, `item 2`.
    static func words(_ step: NodeChange.Step) -> String {
        switch step {
        case .key(let k): return k.replacingAll("_", with: " ")
        case .id(let id): return "'\(id)'"
        case .index(let i): return "item \(i + 1)"
        }
    }

    // MARK: commitments

    static func commitmentChange(_ change: NodeChange, old: Agreement, new: Agreement) -> (
        summary: String, old: [String], new: [String]
    )? {
        guard change.path.count >= 3, change.path[0] == .key("commitments"), case .key(let team) = change.path[1],
            case .id(let id) = change.path[2]
        else { return nil }
        let before = old.commitments.first { $0.team == team && $0.id == id }
        let after = new.commitments.first { $0.team == team && $0.id == id }
        let teamName = team.capitalizedFirst
        let oldSentence = before.map { CommitmentText.sentence($0, team: teamName) }
        let newSentence = after.map { CommitmentText.sentence($0, team: teamName) }
        let sentences = (oldSentence.map { [$0] } ?? [], newSentence.map { [$0] } ?? [])
        if change.path.count == 3 {
            if let newSentence, before == nil {
                return ("new \(team) commitment '\(id)': \(newSentence)", sentences.0, sentences.1)
            }
            if let oldSentence, after == nil {
                return ("removed \(team) commitment '\(id)': \(oldSentence)", sentences.0, sentences.1)
            }
            return nil
        }
        guard let before, let after, case .key(let field) = change.path[3] else { return nil }
        let name = commitmentName(after)
        let values: (String, String)
        switch field {
        case "within", "clock":
            values = (CommitmentText.goal(before), CommitmentText.goal(after))
            if case .within(let a) = before.bound, case .within(let b) = after.bound {
                let x = CommitmentText.duration(a, before.clock), y = CommitmentText.duration(b, after.clock)
                if x != y { return ("\(name): \(compressed(x, y))", sentences.0, sentences.1) }
            }
        case "goal": values = ("\(before.goal)", "\(after.goal)")
        case "at_least", "at_most", "between": values = (CommitmentText.goal(before), CommitmentText.goal(after))
        case "promise":
            let o = change.old.map(NodeDiff.flow) ?? "(generated)", n = change.new.map(NodeDiff.flow) ?? "(generated)"
            return ("\(id) promise: \(o) → \(n)", sentences.0, sentences.1)
        default: values = (change.old.map(NodeDiff.flow) ?? "none", change.new.map(NodeDiff.flow) ?? "none")
        }
        let what =
            ["within", "clock", "goal", "at_least", "at_most", "between"].contains(field)
            ? "" : " \(field.replacingAll("_", with: " "))"
        return ("\(name)\(what): \(compressed(values.0, values.1))", sentences.0, sentences.1)
    }

    /// `first-touch time for standard MQLs`, `MQL volume`.
    static func commitmentName(_ c: Commitment) -> String {
        switch c.scope {
        case .all: return c.metric.noun
        case .standard: return "\(c.metric.noun) for standard MQLs"
        case .fastTrack: return "\(c.metric.noun) for fast-track MQLs"
        case .source(let s): return "\(c.metric.noun) for MQLs from \(s)"
        case .segment(let condition): return "\(c.metric.noun) for MQLs where \(condition.text)"
        }
    }
}

/// Two texts that differ in exactly one number: `fit + engagement >= 100` and `… >= 120`.
struct NumberChange {
    /// The words before the number, without a trailing comparison (`fit + engagement`).
    var label: String
    var old: String
    var new: String
    /// The words after the number (` business minutes`).
    var suffix: String

    init?(_ a: String, _ b: String) {
        let x = Self.tokens(a), y = Self.tokens(b)
        guard x.count == y.count else { return nil }
        let differing = zip(x, y).enumerated().filter { $0.element.0 != $0.element.1 }
        guard differing.count == 1, let only = differing.first else { return nil }
        let i = only.offset
        guard Self.isNumber(x[i]), Self.isNumber(y[i]) else { return nil }
        // A part of a date or a time (`2026-07-01`, `18:00`) is not a number on its own.
        let glue: Set<Character> = ["-", ":", "/", "."]
        if let before = x[..<i].last?.last, glue.contains(before) { return nil }
        if let after = x[(i + 1)...].first?.first, glue.contains(after) { return nil }
        var prefix = x[..<i].joined()
        while let last = prefix.last, " <>=≥≤:".contains(last) { prefix.removeLast() }
        label = prefix
        old = x[i]
        new = y[i]
        suffix = x[(i + 1)...].joined()
    }

    static func isNumber(_ s: String) -> Bool { s.first?.isNumber == true }

    /// Runs of digits (with `.` and `,` between digits) and runs of everything else.
    static func tokens(_ s: String) -> [String] {
        var out: [String] = []
        var current = ""
        var inNumber = false
        let chars = Array(s)
        for (i, ch) in chars.enumerated() {
            let digit = ch.isASCII && ch.isNumber
            let joiner =
                inNumber && (ch == "." || ch == ",") && i + 1 < chars.count && chars[i + 1].isASCII
                && chars[i + 1].isNumber
            let numeric = digit || joiner
            if !current.isEmpty, numeric != inNumber {
                out.append(current)
                current = ""
            }
            inNumber = numeric
            current.append(ch)
        }
        if !current.isEmpty { out.append(current) }
        return out
    }
}
