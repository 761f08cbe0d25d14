/// Everything the weekly documents and `check` show for one period.
public struct Scorecard: Sendable {
    /// The agreement's title.
    var title: String
    /// The agreement's version.
    var version: String
    /// The agreement's content digest.
    var digest: String
    /// The reported period.
    public var period: Period
    /// The moment the data describes (epoch seconds).
    var asOf: Int64
    /// The agreement's time zone.
    var zone: ZoneRules
    /// Every commitment's result, in agreement order.
    public var commitments: [CommitmentResult]
    /// The funnel targets' readings.
    var targets: [TargetResult]
    /// MQL → SAL → SQL → opportunity → won for the period's cohort.
    var funnel: [FunnelStage]
    /// Rejection reasons of the cohort.
    var reasons: RejectionBreakdown
    /// Lead-source effectiveness over the trailing eight weeks.
    var sources: [SourceRow]
    /// Sales breaches per owner, most first.
    var owners: [OwnerRow]
    /// The eight weeks ending with the period.
    var trend: [TrendPoint]
    /// Definition adjustments proposed by the rejection pattern and the acceptance band.
    var proposals: [String]
    /// What could not be read, and the counts.
    var quality: DataQuality
    /// Rejected leads of the cohort for the meeting's sample review, chosen deterministically.
    var sampleRejected: [SampleLead]
    /// MQLs in the period.
    var cohortSize: Int
    /// What the exports cover (first and last MQL, last activity).
    var coverage = Coverage()
    /// Time before routing (systems) apart from time after assignment (people), with the owners' calendars.
    var split: HandoffSplit? = nil
    /// The owners' calendars used (the agreement's `team:` with team.csv merged in).
    var team: TeamCalendars = .none

    /// Results of one team, in agreement order.
    func results(of team: String) -> [CommitmentResult] { commitments.filter { $0.commitment.team == team } }

    /// `Marketing met 3 of 4 commitments`.
    func summary(of team: String, name: String) -> String {
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
    var asOfText: String {
        period.kind == .all ? "no timestamps in the exports" : "\(Dates.local(asOf, zone)) \(zone.identifier)"
    }
}

struct FunnelStage: Sendable {
    /// The stage name.
    var name: String
    /// Leads at this stage.
    var count: Int
    /// Share of the MQL count.
    var rateOfMQL: Double?
}

/// Rejection reasons of the cohort.
struct RejectionBreakdown: Sendable {
    /// One agreed reason's count.
    struct Row: Sendable {
        /// The id.
        var id: String
        /// The label as agreed.
        var label: String
        /// Leads at this stage.
        var count: Int
        /// Share of the period's rejections.
        var share: Double
        /// The part of the definition it points at, in words.
        var pointsAt: String
        /// The agreed adjustment when this reason dominates.
        var adjustment: String?
    }

    /// Rejections in the period.
    var rejected: Int
    /// One row per agreed reason, in agreement order.
    var rows: [Row]
    /// Rejections that gave no reason.
    var withoutReason: Int
    /// Reasons not on the agreed list, as exported.
    var unknown: [String: Int]
}

/// Per lead source, over the trailing eight weeks.
struct SourceRow: Sendable {
    /// The lead source.
    var source: String
    /// MQLs.
    var mqls: Int
    /// Accepted by sales.
    var accepted: Int
    /// Accepted or rejected.
    var decided: Int
    /// Reached SQL by as-of.
    var sqls: Int
    /// Accepted ÷ decided.
    var acceptance: Double? { decided == 0 ? nil : Double(accepted) / Double(decided) }
    /// SQLs ÷ MQLs.
    var sqlRate: Double? { mqls == 0 ? nil : Double(sqls) / Double(mqls) }
}

/// Breaches of sales commitments per owner.
struct OwnerRow: Sendable {
    /// The sales owner.
    var owner: String
    /// MQLs owned in the period.
    var leads: Int
    /// Commitment id → breaches, in agreement order.
    var breaches: [(id: String, count: Int)]
    /// Breaches across sales commitments.
    var total: Int { breaches.map(\.count).reduce(0, +) }
}

/// One week of the trend.
struct TrendPoint: Sendable {
    /// The label as agreed.
    var label: String
    /// MQLs.
    var mqls: Int
    /// The weekly share of the volume promise.
    var volumeTarget: Double?
    /// Accepted ÷ decided.
    var acceptance: Double?
    /// Median time to first touch, on the first first-touch commitment's clock.
    var medianFirstTouch: Int64?
    /// 90th percentile of the time to first touch, on the same clock.
    var p90FirstTouch: Int64? = nil
    /// How that clock's durations are written.
    var firstTouchUnits: ClockSpan? = nil
    /// The first-touch SLA, in seconds.
    var firstTouchLimit: Int64?

    /// A first-touch time in its clock's units.
    func firstTouchText(_ seconds: Int64) -> String { firstTouchUnits?.text(seconds) ?? Dates.span(seconds) }
}

/// A rejected lead picked for the meeting's sample review.
struct SampleLead: Sendable {
    /// The id.
    var id: String
    /// The company.
    var company: String
    /// Industry, size, country and title.
    var profile: String
    /// The lead source.
    var source: String
    /// Score at the moment it became an MQL.
    var score: String
    /// The rejection reason, as agreed.
    var reason: String
    /// The sales owner.
    var owner: String
}
