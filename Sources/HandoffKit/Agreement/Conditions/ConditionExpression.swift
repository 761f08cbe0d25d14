/// A value in the condition language.
public enum ConditionValue: Equatable, Sendable {
    /// What a number measures.
    public enum Unit: Equatable, Sendable {
        case plain, duration, percent
    }

    case number(Double, Unit)
    case text(String)
}

/// The syntax tree of a condition such as `fit >= 60 and engagement >= 75`.
public indirect enum ConditionExpression: Equatable, Sendable {
    /// How two values are compared.
    public enum Comparison: String, Sendable {
        case less = "<", lessOrEqual = "<=", greater = ">", greaterOrEqual = ">=", equal = "=", notEqual = "!="
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
        case let .literal(_, o), let .field(_, o), let .count(_, _, o): return o
        case let .sum(l, _, _), let .compare(l, _, _), let .member(l, _, _), let .between(l, _, _, _),
             let .contains(l, _), let .and(l, _), let .or(l, _):
            return l.offset
        case let .not(e): return max(0, e.offset - 4)
        }
    }

    /// Every engagement action named in a `count(...)` call.
    public var countedActions: [(action: String, offset: Int)] {
        switch self {
        case .literal, .field: return []
        case let .count(action, _, offset): return [(action, offset)]
        case let .sum(l, r, _), let .compare(l, _, r), let .and(l, r), let .or(l, r):
            return l.countedActions + r.countedActions
        case let .member(e, list, _): return e.countedActions + list.flatMap(\.countedActions)
        case let .between(e, lo, hi, _): return e.countedActions + lo.countedActions + hi.countedActions
        case let .contains(e, list): return e.countedActions + list.flatMap(\.countedActions)
        case let .not(e): return e.countedActions
        }
    }
}
