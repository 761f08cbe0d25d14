/// Evaluates a condition expression against one lead's values.
struct ConditionEvaluator<Input: ConditionInput> {
    let input: Input

    func truth(_ e: ConditionExpression) -> Bool {
        switch e {
        case let .and(l, r): return truth(l) && truth(r)
        case let .or(l, r): return truth(l) || truth(r)
        case let .not(inner): return !truth(inner)
        case let .compare(l, op, r):
            guard let a = value(l), let b = value(r) else { return false }
            return compare(a, op, b)
        case let .member(l, list, negated):
            guard let a = value(l) else { return false }
            let found = list.contains { item in value(item).map { compare(a, .equal, $0) } ?? false }
            return found != negated
        case let .between(l, lo, hi, negated):
            guard let a = value(l), let low = value(lo), let high = value(hi) else { return false }
            return (compare(a, .greaterOrEqual, low) && compare(a, .lessOrEqual, high)) != negated
        case let .contains(l, list):
            guard case let .text(haystack)? = value(l) else { return false }
            let lowered = haystack.lowercased()
            return list.contains { item in
                if case let .text(needle)? = value(item) { return lowered.contains(needle.lowercased()) }
                return false
            }
        case .literal, .field, .count, .sum:
            if case let .number(n, _)? = value(e) { return n != 0 }
            return false
        }
    }

    func value(_ e: ConditionExpression) -> ConditionValue? {
        switch e {
        case let .literal(v, _): return v
        case let .field(name, _):
            switch ConditionField.all[name] {
            case .text: return input.text(name).map(ConditionValue.text)
            case .duration: return input.number(name).map { .number($0, .duration) }
            default: return input.number(name).map { .number($0, .plain) }
            }
        case let .count(action, window, _): return .number(Double(input.count(action, within: window)), .plain)
        case let .sum(l, r, negate):
            guard case let .number(a, unit)? = value(l), case let .number(b, _)? = value(r) else { return nil }
            return .number(negate ? a - b : a + b, unit)
        default: return truth(e) ? .number(1, .plain) : .number(0, .plain)
        }
    }

    func compare(_ a: ConditionValue, _ op: ConditionExpression.Comparison, _ b: ConditionValue) -> Bool {
        switch (a, b) {
        case let (.number(x, _), .number(y, _)):
            switch op {
            case .less: return x < y
            case .lessOrEqual: return x <= y
            case .greater: return x > y
            case .greaterOrEqual: return x >= y
            case .equal: return x == y
            case .notEqual: return x != y
            }
        case let (.text(x), .text(y)):
            let equal = x.lowercased() == y.lowercased()
            switch op {
            case .equal: return equal
            case .notEqual: return !equal
            default: return false
            }
        default: return false
        }
    }
}
