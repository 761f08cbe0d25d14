/// The agreed definition of a Marketing Qualified Lead.
public struct MQLDefinition: Sendable {
    /// The paragraph both teams sign.
    public var summary: String
    /// Firmographic fit rules.
    public var fit: FitCriteria
    /// Traits that disqualify a lead.
    public var disqualifiers: [NamedCondition]
    /// The scoring model.
    public var scoring: ScoringModel
    /// A lead is an MQL when any alternative holds.
    public var thresholds: [Condition]
    /// How engagement points age.
    public var decay: Decay?
    /// Hot-MQL triggers for immediate outreach.
    public var fastTrack: [NamedCondition]
}

/// Firmographic fit criteria (the ideal customer profile).
public struct FitCriteria: Sendable {
    /// Company size range.
    public var employees: ClosedRange<Double>?
    /// Annual revenue range.
    public var annualRevenue: ClosedRange<Double>?
    /// Target industries.
    public var industries: [String]
    /// Served countries or regions.
    public var countries: [String]
    /// Title words that show seniority (`manager`, `director`, `vp`, …).
    public var titles: [String]
    /// Technologies the company should use.
    public var technologies: [String]
    /// Where `technologies` is written, for the warning that exports cannot check it.
    public var technologiesLocation: SourceLocation?

}

/// A condition with an id and a label: a disqualifier or a fast-track trigger.
public struct NamedCondition: Sendable {
    /// Stable id.
    public var id: String
    /// Words for documents.
    public var label: String
    /// When it applies.
    public var condition: Condition
    /// Where it is written.
    public var location: SourceLocation
}

/// Point rules in three groups.
public struct ScoringModel: Sendable {
    /// Firmographic fit rules.
    public var fit: [ScoreRule]
    /// Engagement action rules.
    public var engagement: [EngagementRule]
    /// BANT signal rules.
    public var bant: [ScoreRule]
    /// Every score group is capped here (100 by default).
    public var cap: Double
}

/// Points awarded when a condition holds.
public struct ScoreRule: Sendable {
    /// Words for documents.
    public var label: String
    /// When it applies.
    public var condition: Condition
    /// Points awarded.
    public var points: Double
}

/// Points per engagement action, optionally capped and limited to a recent window.
public struct EngagementRule: Sendable {
    /// The engagement action, e.g. `demo_request`.
    public var action: String
    /// Words for documents.
    public var label: String
    /// Points awarded.
    public var points: Double
    /// At most this many occurrences score.
    public var maxCount: Int?
    /// Only occurrences within this span before the moment of scoring count.
    public var within: TimeSpan?
    /// Where it is written.
    public var location: SourceLocation
}

/// Engagement points lose `rate` every `every`; nurture pauses after `pauseAfter` of inactivity.
public struct Decay: Sendable {
    /// Share of points lost per period.
    public var rate: Percent
    /// The decay period.
    public var every: TimeSpan
    /// Inactivity after which nurture pauses.
    public var pauseNurtureAfter: TimeSpan?
}
