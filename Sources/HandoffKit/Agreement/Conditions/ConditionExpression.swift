/// A value in the condition language.
enum ConditionValue: Equatable, Sendable {
    /// What a number measures.
    enum Unit: Equatable, Sendable {
        case plain, duration, percent
    }

    case number(Double, Unit)
    case text(String)
}

/// The syntax tree of a condition such as `fit >= 60 and engagement >= 75`.
indirect enum ConditionExpression: Equatable, Sendable {
    /// How two values are compared.
    enum Comparison: String, Sendable {
        case less = "<"
        case lessOrEqual = "<="
        case greater = ">"
        case greaterOrEqual = ">="
        case equal = "="
        case notEqual = "!="
    }

    case literal(ConditionValue, offset: Int)
    case field(String, offset: Int)
    case count(action: String, window: Double?, offset: Int)
    case sum(ConditionExpression, ConditionExpression, negate: Bool)
    case compare(ConditionExpression, Comparison, ConditionExpression)
    case member(ConditionExpression, of: [ConditionExpression], negated: Bool)
    case between(ConditionExpression, low: ConditionExpression, high: ConditionExpression, negated: Bool)
    case contains(ConditionExpression, anyOf: [ConditionExpression])
    case and(ConditionExpression, ConditionExpression)
    case or(ConditionExpression, ConditionExpression)
    case not(ConditionExpression)

    /// The offset of the first token of this expression.
    var offset: Int {
        switch self {
        case .literal(_, let o), .field(_, let o), .count(_, _, let o): return o
        case .sum(let l, _, _), .compare(let l, _, _), .member(let l, _, _), .between(let l, _, _, _),
            .contains(let l, _), .and(let l, _), .or(let l, _):
            return l.offset
        case .not(let e): return max(0, e.offset - 4)
        }
    }

    /// True when the value can change with the moment a lead is looked at: a `count(...)` or `last_activity`.
    var readsMoment: Bool {
        mentions { if case .count = $0 { return true } else { return $0.fieldName == "last_activity" } }
    }

    /// True when it names a score (`fit`, `engagement`, `bant`, `score`).
    var readsScores: Bool {
        mentions { $0.fieldName.map(ConditionField.scores.contains) ?? false }
    }

    private var fieldName: String? {
        if case .field(let name, _) = self { return name } else { return nil }
    }

    /// True when `leaf` holds for a literal, field or `count(...)` in the expression.
    private func mentions(_ leaf: (ConditionExpression) -> Bool) -> Bool {
        switch self {
        case .literal, .field, .count: return leaf(self)
        case .sum(let l, let r, _), .compare(let l, _, let r), .and(let l, let r), .or(let l, let r):
            return l.mentions(leaf) || r.mentions(leaf)
        case .member(let e, let list, _), .contains(let e, let list):
            return e.mentions(leaf) || list.contains { $0.mentions(leaf) }
        case .between(let e, let lo, let hi, _): return e.mentions(leaf) || lo.mentions(leaf) || hi.mentions(leaf)
        case .not(let e): return e.mentions(leaf)
        }
    }

    /// Every engagement action named in a `count(...)` call.
    var countedActions: [(action: String, offset: Int)] {
        switch self {
        case .literal, .field: return []
        case .count(let action, _, let offset): return [(action, offset)]
        case .sum(let l, let r, _), .compare(let l, _, let r), .and(let l, let r), .or(let l, let r):
            return l.countedActions + r.countedActions
        case .member(let e, let list, _): return e.countedActions + list.flatMap(\.countedActions)
        case .between(let e, let lo, let hi, _): return e.countedActions + lo.countedActions + hi.countedActions
        case .contains(let e, let list): return e.countedActions + list.flatMap(\.countedActions)
        case .not(let e): return e.countedActions
        }
    }
}
