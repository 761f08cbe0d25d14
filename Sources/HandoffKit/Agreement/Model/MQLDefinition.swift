/// The agreed definition of a Marketing Qualified Lead.
struct MQLDefinition: Sendable {
    /// The paragraph both teams sign.
    var summary: String
    /// Firmographic fit rules.
    var fit: FitCriteria
    /// Traits that disqualify a lead.
    var disqualifiers: [NamedCondition]
    /// The scoring model.
    var scoring: ScoringModel
    /// A lead is an MQL when any alternative holds.
    var thresholds: [Condition]
    /// How engagement points age.
    var decay: Decay?
    /// Hot-MQL triggers for immediate outreach.
    var fastTrack: [NamedCondition]
}

/// Firmographic fit criteria (the ideal customer profile).
struct FitCriteria: Sendable {
    /// Company size range.
    var employees: ClosedRange<Double>?
    /// Annual revenue range.
    var annualRevenue: ClosedRange<Double>?
    /// Target industries.
    var industries: [String]
    /// Served countries or regions.
    var countries: [String]
    /// Title words that show seniority (`manager`, `director`, `vp`, …).
    var titles: [String]
    /// Technologies the company should use.
    var technologies: [String]
    /// Where `technologies` is written, for the warning that exports cannot check it.
    var technologiesLocation: SourceLocation?

}

/// A condition with an id and a label: a disqualifier or a fast-track trigger.
struct NamedCondition: Sendable {
    /// Stable id.
    var id: String
    /// Words for documents.
    var label: String
    /// When it applies.
    var condition: Condition
    /// Where it is written.
    var location: SourceLocation
}

/// Point rules in three groups.
struct ScoringModel: Sendable {
    /// Firmographic fit rules.
    var fit: [ScoreRule]
    /// Engagement action rules.
    var engagement: [EngagementRule]
    /// BANT signal rules.
    var bant: [ScoreRule]
    /// Every score group is capped here (100 by default).
    var cap: Double
}

/// Points awarded when a condition holds.
struct ScoreRule: Sendable {
    /// Words for documents.
    var label: String
    /// When it applies.
    var condition: Condition
    /// Points awarded.
    var points: Double
}

/// Points per engagement action, optionally capped and limited to a recent window.
struct EngagementRule: Sendable {
    /// The engagement action, e.g. `demo_request`.
    var action: String
    /// Words for documents.
    var label: String
    /// Points awarded.
    var points: Double
    /// At most this many occurrences score.
    var maxCount: Int?
    /// Only occurrences within this span before the moment of scoring count.
    var within: TimeSpan?
    /// Where it is written.
    var location: SourceLocation
}

/// Engagement points lose `rate` every `every`; nurture pauses after `pauseAfter` of inactivity.
struct Decay: Sendable {
    /// Share of points lost per period.
    var rate: Percent
    /// The decay period.
    var every: TimeSpan
    /// Inactivity after which nurture pauses.
    var pauseNurtureAfter: TimeSpan?
}
