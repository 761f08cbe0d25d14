/// Everything the weekly documents and `check` show for one period.
public struct Scorecard: Sendable {
    /// The agreement's title.
    public var title: String
    /// The agreement's version.
    public var version: String
    /// The agreement's content digest.
    public var digest: String
    /// The reported period.
    public var period: Period
    /// The moment the data describes (epoch seconds).
    public var asOf: Int64
    /// The agreement's time zone.
    public var zone: ZoneRules
    /// Every commitment's result, in agreement order.
    public var commitments: [CommitmentResult]
    /// The funnel targets' readings.
    public var targets: [TargetResult]
    /// MQL → SAL → SQL → opportunity → won for the period's cohort.
    public var funnel: [FunnelStage]
    /// Rejection reasons of the cohort.
    public var reasons: RejectionBreakdown
    /// Lead-source effectiveness over the trailing eight weeks.
    public var sources: [SourceRow]
    /// Sales breaches per owner, most first.
    public var owners: [OwnerRow]
    /// The eight weeks ending with the period.
    public var trend: [TrendPoint]
    /// Definition adjustments proposed by the rejection pattern and the acceptance band.
    public var proposals: [String]
    /// What could not be read, and the counts.
    public var quality: DataQuality
    /// Rejected leads of the cohort for the meeting's sample review, chosen deterministically.
    public var sampleRejected: [SampleLead]
    /// MQLs in the period.
    public var cohortSize: Int
    /// What the exports cover (first and last MQL, last activity).
    public var coverage = Coverage()
    /// Time before routing (systems) apart from time after assignment (people), with the owners' calendars.
    public var split: HandoffSplit? = nil
    /// The owners' calendars used (the agreement's `team:` with team.csv merged in).
    public var team: TeamCalendars = .none

    /// Results of one team, in agreement order.
    public func results(of team: String) -> [CommitmentResult] { commitments.filter { $0.commitment.team == team } }

    /// `Marketing met 3 of 4 commitments`.
    public func summary(of team: String, name: String) -> String {
        let r = results(of: team)
        let met = r.filter { $0.verdict == .met }.count
        var extra: [String] = []
        for v in [Verdict.missed, .atRisk, .insufficientData, .notMeasurable, .noData] {
            let n = r.filter { $0.verdict == v }.count
            if n > 0 { extra.append("\(n) \(v.words)") }
        }
        return "\(name) met \(met) of \(r.count) commitment\(r.count == 1 ? "" : "s")"
            + (extra.isEmpty ? "" : " (\(extra.joined(separator: ", ")))")
    }
}

/// One funnel stage's count for the cohort.
extension Scorecard {
    /// `2026-11-23 09:00 America/New_York`, or what stands for it when the exports carry no timestamps.
    public var asOfText: String {
        period.kind == .all ? "no timestamps in the exports" : "\(Dates.local(asOf, zone)) \(zone.identifier)"
    }
}

public struct FunnelStage: Sendable {
    /// The stage name.
    public var name: String
    /// Leads at this stage.
    public var count: Int
    /// Share of the MQL count.
    public var rateOfMQL: Double?
}

/// Rejection reasons of the cohort.
public struct RejectionBreakdown: Sendable {
    /// One agreed reason's count.
    public struct Row: Sendable {
        /// The id.
        public var id: String
        /// The label as agreed.
        public var label: String
        /// Leads at this stage.
        public var count: Int
        /// Share of the period's rejections.
        public var share: Double
        /// The part of the definition it points at, in words.
        public var pointsAt: String
        /// The agreed adjustment when this reason dominates.
        public var adjustment: String?
    }

    /// Rejections in the period.
    public var rejected: Int
    /// One row per agreed reason, in agreement order.
    public var rows: [Row]
    /// Rejections that gave no reason.
    public var withoutReason: Int
    /// Reasons not on the agreed list, as exported.
    public var unknown: [String: Int]
}

/// Per lead source, over the trailing eight weeks.
public struct SourceRow: Sendable {
    /// The lead source.
    public var source: String
    /// MQLs.
    public var mqls: Int
    /// Accepted by sales.
    public var accepted: Int
    /// Accepted or rejected.
    public var decided: Int
    /// Reached SQL by as-of.
    public var sqls: Int
    /// Accepted ÷ decided.
    public var acceptance: Double? { decided == 0 ? nil : Double(accepted) / Double(decided) }
    /// SQLs ÷ MQLs.
    public var sqlRate: Double? { mqls == 0 ? nil : Double(sqls) / Double(mqls) }
}

/// Breaches of sales commitments per owner.
public struct OwnerRow: Sendable {
    /// The sales owner.
    public var owner: String
    /// MQLs owned in the period.
    public var leads: Int
    /// Commitment id → breaches, in agreement order.
    public var breaches: [(id: String, count: Int)]
    /// Breaches across sales commitments.
    public var total: Int { breaches.map(\.count).reduce(0, +) }
}

/// One week of the trend.
public struct TrendPoint: Sendable {
    /// The label as agreed.
    public var label: String
    /// MQLs.
    public var mqls: Int
    /// The weekly share of the volume promise.
    public var volumeTarget: Double?
    /// Accepted ÷ decided.
    public var acceptance: Double?
    /// Median time to first touch, on the first first-touch commitment's clock.
    public var medianFirstTouch: Int64?
    /// 90th percentile of the time to first touch, on the same clock.
    public var p90FirstTouch: Int64? = nil
    /// How that clock's durations are written.
    public var firstTouchUnits: ClockSpan? = nil
    /// The first-touch SLA, in seconds.
    public var firstTouchLimit: Int64?

    /// A first-touch time in its clock's units.
    public func firstTouchText(_ seconds: Int64) -> String { firstTouchUnits?.text(seconds) ?? Dates.span(seconds) }
}

/// A rejected lead picked for the meeting's sample review.
public struct SampleLead: Sendable {
    /// The id.
    public var id: String
    /// The company.
    public var company: String
    /// Industry, size, country and title.
    public var profile: String
    /// The lead source.
    public var source: String
    /// Score at the moment it became an MQL.
    public var score: String
    /// The rejection reason, as agreed.
    public var reason: String
    /// The sales owner.
    public var owner: String
}
