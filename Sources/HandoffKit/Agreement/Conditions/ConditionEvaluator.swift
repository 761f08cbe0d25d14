/// Evaluates a condition expression against one lead's values.
struct ConditionEvaluator<Input: ConditionInput> {
    let input: Input

    func truth(_ e: ConditionExpression) -> Bool {
        switch e {
        case .and(let l, let r): return truth(l) && truth(r)
        case .or(let l, let r): return truth(l) || truth(r)
        case .not(let inner): return !truth(inner)
        case .compare(let l, let op, let r):
            guard let a = value(l), let b = value(r) else { return false }
            return compare(a, op, b)
        case .member(let l, let list, let negated):
            guard let a = value(l) else { return false }
            let found = list.contains { item in value(item).map { compare(a, .equal, $0) } ?? false }
            return found != negated
        case .between(let l, let lo, let hi, let negated):
            guard let a = value(l), let low = value(lo), let high = value(hi) else { return false }
            return (compare(a, .greaterOrEqual, low) && compare(a, .lessOrEqual, high)) != negated
        case .contains(let l, let list):
            guard case .text(let haystack)? = value(l) else { return false }
            let lowered = haystack.lowercased()
            return list.contains { item in
                if case .text(let needle)? = value(item) { return textContains(lowered, needle.lowercased()) }
                return false
            }
        case .literal, .field, .count, .sum:
            if case .number(let n, _)? = value(e) { return n != 0 }
            return false
        }
    }

    func value(_ e: ConditionExpression) -> ConditionValue? {
        switch e {
        case .literal(let v, _): return v
        case .field(let name, _):
            switch ConditionField.all[name] {
            case .text: return input.text(name).map(ConditionValue.text)
            case .duration: return input.number(name).map { .number($0, .duration) }
            default: return input.number(name).map { .number($0, .plain) }
            }
        case .count(let action, let window, _): return .number(Double(input.count(action, within: window)), .plain)
        case .sum(let l, let r, let negate):
            guard case .number(let a, let unit)? = value(l), case .number(let b, _)? = value(r) else { return nil }
            return .number(negate ? a - b : a + b, unit)
        default: return truth(e) ? .number(1, .plain) : .number(0, .plain)
        }
    }

    func compare(_ a: ConditionValue, _ op: ConditionExpression.Comparison, _ b: ConditionValue) -> Bool {
        switch (a, b) {
        case (.number(let x, _), .number(let y, _)):
            switch op {
            case .less: return x < y
            case .lessOrEqual: return x <= y
            case .greater: return x > y
            case .greaterOrEqual: return x >= y
            case .equal: return x == y
            case .notEqual: return x != y
            }
        case (.text(let x), .text(let y)):
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
