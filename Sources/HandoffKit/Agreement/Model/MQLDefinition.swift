/// The agreed definition of a Marketing Qualified Lead.
public struct MQLDefinition: Sendable {
    /// The paragraph both teams sign.
    public var summary: String
    public var fit: FitCriteria
    public var disqualifiers: [NamedCondition]
    public var scoring: ScoringModel
    /// A lead is an MQL when any alternative holds.
    public var thresholds: [Condition]
    public var decay: Decay?
    /// Hot-MQL triggers for immediate outreach.
    public var fastTrack: [NamedCondition]
}

/// Firmographic fit criteria (the ideal customer profile).
public struct FitCriteria: Sendable {
    public var employees: ClosedRange<Double>?
    public var annualRevenue: ClosedRange<Double>?
    public var industries: [String]
    public var countries: [String]
    /// Title words that show seniority (`manager`, `director`, `vp`, …).
    public var titles: [String]
    public var technologies: [String]

    /// True when no criterion is set.
    public var isEmpty: Bool {
        employees == nil && annualRevenue == nil && industries.isEmpty && countries.isEmpty && titles.isEmpty && technologies.isEmpty
    }
}

/// A condition with an id and a label: a disqualifier or a fast-track trigger.
public struct NamedCondition: Sendable {
    public var id: String
    public var label: String
    public var condition: Condition
    public var location: SourceLocation
}

/// Point rules in three groups.
public struct ScoringModel: Sendable {
    public var fit: [ScoreRule]
    public var engagement: [EngagementRule]
    public var bant: [ScoreRule]
    /// Every score group is capped here (100 by default).
    public var cap: Double
}

/// Points awarded when a condition holds.
public struct ScoreRule: Sendable {
    public var label: String
    public var condition: Condition
    public var points: Double
}

/// Points per engagement action, optionally capped and limited to a recent window.
public struct EngagementRule: Sendable {
    public var action: String
    public var label: String
    public var points: Double
    /// At most this many occurrences score.
    public var maxCount: Int?
    /// Only occurrences within this span before the moment of scoring count.
    public var within: TimeSpan?
    public var location: SourceLocation
}

/// Engagement points lose `rate` every `every`; nurture pauses after `pauseAfter` of inactivity.
public struct Decay: Sendable {
    public var rate: Percent
    public var every: TimeSpan
    public var pauseNurtureAfter: TimeSpan?
}
