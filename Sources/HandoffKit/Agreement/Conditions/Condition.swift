/// A condition written in an agreement, parsed, with where it came from.
struct Condition: Sendable, Equatable, CustomStringConvertible {
    /// The text as written.
    var text: String
    /// The parsed expression.
    var expression: ConditionExpression
    /// Where the first character of `text` is in the agreement file.
    var origin: SourceLocation

    /// Parses `text`; on failure returns a diagnostic pointing at the column inside the string.
    static func parse(_ text: String, at origin: SourceLocation) -> Result<Condition, Diagnostic> {
        do {
            let expression = try ConditionParser.parse(text)
            return .success(Condition(text: text, expression: expression, origin: origin))
        } catch let error as ConditionSyntaxError {
            return .failure(.error("invalid condition: \(error.message)", at: origin.advanced(by: error.offset)))
        } catch {
            return .failure(.error("invalid condition: \(error)", at: origin))
        }
    }

    /// The text, as written.
    var description: String { text }

    /// Checks names and kinds: unknown fields, text compared with numbers, unknown actions.
    func check(knownActions: Set<String>, forbiddenFields: Set<String> = []) -> [Diagnostic] {
        var problems: [Diagnostic] = []
        _ = kind(of: expression, knownActions: knownActions, forbidden: forbiddenFields, problems: &problems)
        return problems
    }

    private func kind(
        of e: ConditionExpression, knownActions: Set<String>, forbidden: Set<String>,
        problems: inout [Diagnostic]
    ) -> ConditionField.Kind? {
        func at(_ offset: Int) -> SourceLocation { origin.advanced(by: offset) }
        func same(_ l: ConditionExpression, _ r: ConditionExpression, _ what: String) {
            let a = kind(of: l, knownActions: knownActions, forbidden: forbidden, problems: &problems)
            let b = kind(of: r, knownActions: knownActions, forbidden: forbidden, problems: &problems)
            if let a, let b, compatible(a, b) == false {
                problems.append(.error("cannot \(what) \(describe(a)) and \(describe(b))", at: at(r.offset)))
            }
        }
        switch e {
        case .literal(.number(_, let unit), _): return unit == .duration ? .duration : .number
        case .literal(.text, _): return .text
        case .field(let name, let offset):
            guard let kind = ConditionField.all[name] else {
                let hint = Suggestion.hint(for: name, in: ConditionField.all.keys.sorted())
                problems.append(.error("unknown field '\(name)' in condition\(hint)", at: at(offset)))
                return nil
            }
            if forbidden.contains(name) {
                problems.append(
                    .error("a scoring rule cannot use the score '\(name)' it contributes to", at: at(offset)))
            }
            return kind
        case .count(let action, _, let offset):
            if !knownActions.contains(action) {
                let hint = Suggestion.hint(for: action, in: knownActions.sorted())
                problems.append(
                    .error("unknown engagement action '\(action)' in count(...)\(hint)", at: at(offset + 6)))
            }
            return .number
        case .sum(let l, let r, _):
            same(l, r, "add")
            return .number
        case .compare(let l, _, let r):
            same(l, r, "compare")
            return nil
        case .member(let l, let list, _):
            for item in list { same(l, item, "compare") }
            return nil
        case .between(let l, let lo, let hi, _):
            same(l, lo, "compare")
            same(l, hi, "compare")
            return nil
        case .contains(let l, let list):
            let k = kind(of: l, knownActions: knownActions, forbidden: forbidden, problems: &problems)
            if let k, k != .text {
                problems.append(.error("'contains' needs a text field such as title", at: at(l.offset)))
            }
            for item in list {
                _ = kind(of: item, knownActions: knownActions, forbidden: forbidden, problems: &problems)
            }
            return nil
        case .and(let l, let r), .or(let l, let r):
            _ = kind(of: l, knownActions: knownActions, forbidden: forbidden, problems: &problems)
            _ = kind(of: r, knownActions: knownActions, forbidden: forbidden, problems: &problems)
            return nil
        case .not(let inner):
            _ = kind(of: inner, knownActions: knownActions, forbidden: forbidden, problems: &problems)
            return nil
        }
    }

    private func compatible(_ a: ConditionField.Kind, _ b: ConditionField.Kind) -> Bool {
        a == b
    }

    private func describe(_ kind: ConditionField.Kind) -> String {
        switch kind {
        case .number: return "a number"
        case .duration: return "a time span"
        case .text: return "text"
        }
    }

    /// Evaluates the condition for one lead. Unknown values make comparisons false.
    func holds(for input: some ConditionInput) -> Bool {
        ConditionEvaluator(input: input).truth(expression)
    }
}
