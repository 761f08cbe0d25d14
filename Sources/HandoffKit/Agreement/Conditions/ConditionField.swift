/// The names a condition can use, and what kind of value each holds.
enum ConditionField {
    /// What a field holds.
    enum Kind: Sendable { case number, duration, text }

    /// Every field with its kind. Scores are computed by the scoring model; the rest come from lead data.
    static let all: [String: Kind] = [
        "fit": .number, "engagement": .number, "bant": .number, "score": .number,
        "employees": .number, "annual_revenue": .number,
        "last_activity": .duration,
        "industry": .text, "country": .text, "title": .text, "company": .text, "source": .text,
        "timeline": .text, "use_case": .text, "budget": .text,
    ]

    /// Fields that are scores: a scoring rule may not use the score it contributes to.
    static let scores: Set<String> = ["fit", "engagement", "bant", "score"]
}

/// The values a condition is evaluated against: one lead at one moment.
protocol ConditionInput {
    /// A numeric field (`employees`, `fit`, …), or `nil` when unknown.
    func number(_ field: String) -> Double?
    /// A text field (`industry`, …), or `nil` when blank.
    func text(_ field: String) -> String?
    /// How many times the lead did `action`, within `window` seconds before the moment if given.
    func count(_ action: String, within window: Double?) -> Int
}
