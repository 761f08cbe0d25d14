/// A condition compiled once for one ledger, to be tested against many leads: field names resolved to accessors,
/// engagement actions to the ledger's codes, text literals lowercased. It gives exactly what `Condition.holds`
/// gives (`ConditionEvaluator`), without hashing a name or copying a value per lead.
struct CompiledCondition: Sendable {
    typealias Test = @Sendable (LeadFacts) -> Bool
    typealias Number = @Sendable (LeadFacts) -> Double?
    /// Lowercased text.
    typealias Text = @Sendable (LeadFacts) -> String?

    private let test: Test

    init(_ condition: Condition, actions: [String: UInt16]) {
        test = Self.truth(condition.expression, actions)
    }

    /// True when the condition holds for the lead.
    func holds(_ facts: LeadFacts) -> Bool { test(facts) }

    /// An operand: a number, a (lowercased) text, or nothing known.
    private enum Operand {
        case number(Number)
        case text(Text)
    }

    private static func truth(_ e: ConditionExpression, _ actions: [String: UInt16]) -> Test {
        switch e {
        case .and(let l, let r):
            let (a, b) = (truth(l, actions), truth(r, actions))
            return { a($0) && b($0) }
        case .or(let l, let r):
            let (a, b) = (truth(l, actions), truth(r, actions))
            return { a($0) || b($0) }
        case .not(let inner):
            let a = truth(inner, actions)
            return { !a($0) }
        case .compare(let l, let op, let r):
            return compare(operand(l, actions), op, operand(r, actions))
        case .member(let l, let list, let negated):
            let a = operand(l, actions)
            let tests = list.map { compare(a, .equal, operand($0, actions)) }
            let known = known(a)
            return { facts in known(facts) && tests.contains { $0(facts) } != negated }
        case .between(let l, let lo, let hi, let negated):
            let a = operand(l, actions), low = operand(lo, actions), high = operand(hi, actions)
            let above = compare(a, .greaterOrEqual, low), below = compare(a, .lessOrEqual, high)
            let allKnown = [known(a), known(low), known(high)]
            return { facts in allKnown.allSatisfy { $0(facts) } && (above(facts) && below(facts)) != negated }
        case .contains(let l, let list):
            guard case .text(let haystack) = operand(l, actions) else { return { _ in false } }
            let needles: [Text] = list.compactMap {
                if case .text(let t) = operand($0, actions) { return t } else { return nil }
            }
            return { facts in
                guard let text = haystack(facts) else { return false }
                return needles.contains { needle in needle(facts).map { textContains(text, $0) } ?? false }
            }
        case .literal, .field, .count, .sum:
            switch operand(e, actions) {
            case .number(let n): return { n($0).map { $0 != 0 } ?? false }
            case .text: return { _ in false }
            }
        }
    }

    /// True when the operand has a value for the lead (the evaluator treats an unknown left side as false).
    private static func known(_ a: Operand) -> Test {
        switch a {
        case .number(let n): return { n($0) != nil }
        case .text(let t): return { t($0) != nil }
        }
    }

    private static func compare(_ a: Operand, _ op: ConditionExpression.Comparison, _ b: Operand) -> Test {
        switch (a, b) {
        case (.number(let x), .number(let y)):
            switch op {
            case .less:
                return {
                    guard let p = x($0), let q = y($0) else { return false }
                    return p < q
                }
            case .lessOrEqual:
                return {
                    guard let p = x($0), let q = y($0) else { return false }
                    return p <= q
                }
            case .greater:
                return {
                    guard let p = x($0), let q = y($0) else { return false }
                    return p > q
                }
            case .greaterOrEqual:
                return {
                    guard let p = x($0), let q = y($0) else { return false }
                    return p >= q
                }
            case .equal:
                return {
                    guard let p = x($0), let q = y($0) else { return false }
                    return p == q
                }
            case .notEqual:
                return {
                    guard let p = x($0), let q = y($0) else { return false }
                    return p != q
                }
            }
        case (.text(let x), .text(let y)):
            switch op {
            case .equal:
                return {
                    guard let p = x($0), let q = y($0) else { return false }
                    return p == q
                }
            case .notEqual:
                return {
                    guard let p = x($0), let q = y($0) else { return false }
                    return p != q
                }
            default: return { _ in false }
            }
        default:
            return { _ in false }
        }
    }

    private static func operand(_ e: ConditionExpression, _ actions: [String: UInt16]) -> Operand {
        switch e {
        case .literal(.number(let n, _), _): return .number { _ in n }
        case .literal(.text(let t), _):
            let lowered = t.lowercased()
            return .text { _ in lowered }
        case .field(let name, _):
            if let field = LeadFacts.TextField(rawValue: name) { return .text { $0.loweredText(field) } }
            let field = LeadFacts.NumberField(rawValue: name)
            return .number { facts in field.flatMap { facts.number($0) } }
        case .count(let action, let window, _):
            let code = actions[action]
            let span = window.map { Int64($0) }
            return .number { facts in Double(code.map { facts.count($0, within: span) } ?? 0) }
        case .sum(let l, let r, let negate):
            guard case .number(let a) = operand(l, actions), case .number(let b) = operand(r, actions) else {
                return .number { _ in nil }
            }
            return .number { facts in
                guard let x = a(facts), let y = b(facts) else { return nil }
                return negate ? x - y : x + y
            }
        default:
            let t = truth(e, actions)
            return .number { t($0) ? 1 : 0 }
        }
    }
}
