// Fuzz target: the condition language — lexer, parser, kind checks, the evaluator and the compiled form.
// Input: the condition text (lossily decoded as UTF-8, as YAML hands it over). Property: every text is a condition
// or a diagnostic with a position inside it; checking, evaluating and compiling a parsed condition never trap.
import FuzzSupport

@testable import HandoffKit

private struct Lead: ConditionInput {
    var seed: Int
    func number(_ field: String) -> Double? {
        switch (field.utf8.count + seed) % 5 {
        case 0: return nil
        case 1: return 0
        case 2: return 1e15
        case 3: return -250
        default: return 42.5
        }
    }
    func text(_ field: String) -> String? {
        seed % 3 == 0 ? nil : ["Software", "", "VP of Sales", "ÉCOLE"][(field.utf8.count + seed) % 4]
    }
    func count(_ action: String, within window: Double?) -> Int { (action.utf8.count + seed) % 4 }
}

private let actions = ["demo_request": UInt16(0), "pricing_page_view": 1, "webinar_attended": 2, "email_click": 3]
private let knownActions = Set(actions.keys)

/// Builds the harness's fixed data before the first input, so no input is charged for it (the timeout is 1 s).
func warmUp() { _ = knownActions.count }

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzCondition(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    guard let data else { return 0 }
    let text = String(decoding: UnsafeBufferPointer(start: data, count: size), as: UTF8.self)
    let origin = SourceLocation(file: "fuzz.yaml", line: 3, column: 12)
    switch Condition.parse(text, at: origin) {
    case .success(let condition):
        _ = condition.check(knownActions: knownActions, forbiddenFields: ConditionField.scores)
        for seed in 0..<3 { _ = condition.holds(for: Lead(seed: seed)) }
        _ = CompiledCondition(condition, actions: actions)
    case .failure(let diagnostic):
        _ = diagnostic.message
    }
    return 0
}
