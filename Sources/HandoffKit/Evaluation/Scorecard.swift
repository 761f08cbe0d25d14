/// Everything the weekly documents and `check` show for one period.
public struct Scorecard: Sendable {
    public var title: String
    public var version: String
    public var digest: String
    public var period: Period
    public var asOf: Int64
    public var zone: ZoneRules
    public var commitments: [CommitmentResult]
    public var targets: [TargetResult]
    public var funnel: [FunnelStage]
    public var reasons: RejectionBreakdown
    public var sources: [SourceRow]
    public var owners: [OwnerRow]
    public var trend: [TrendPoint]
    /// Definition adjustments proposed by the rejection pattern and the acceptance band.
    public var proposals: [String]
    public var quality: DataQuality
    /// Rejected leads of the cohort for the meeting's sample review, chosen deterministically.
    public var sampleRejected: [SampleLead]
    public var cohortSize: Int

    /// Results of one team, in agreement order.
    public func results(of team: String) -> [CommitmentResult] { commitments.filter { $0.commitment.team == team } }

    /// `Marketing met 3 of 4 commitments`.
    public func summary(of team: String, name: String) -> String {
        let r = results(of: team)
        let met = r.filter { $0.verdict == .met }.count
        var extra: [String] = []
        for v in [Verdict.missed, .atRisk, .insufficientData, .notMeasurable] {
            let n = r.filter { $0.verdict == v }.count
            if n > 0 { extra.append("\(n) \(v.words)") }
        }
        return "\(name) met \(met) of \(r.count) commitment\(r.count == 1 ? "" : "s")" + (extra.isEmpty ? "" : " (\(extra.joined(separator: ", ")))")
    }
}

/// One funnel stage's count for the cohort.
public struct FunnelStage: Sendable {
    public var name: String
    public var count: Int
    /// Share of the MQL count.
    public var rateOfMQL: Double?
}

/// Rejection reasons of the cohort.
public struct RejectionBreakdown: Sendable {
    public struct Row: Sendable {
        public var id: String
        public var label: String
        public var count: Int
        public var share: Double
        public var pointsAt: String
        /// The agreed adjustment when this reason dominates.
        public var adjustment: String?
    }

    public var rejected: Int
    public var rows: [Row]
    public var withoutReason: Int
    /// Reasons not on the agreed list, as exported.
    public var unknown: [String: Int]
}

/// Per lead source, over the trailing eight weeks.
public struct SourceRow: Sendable {
    public var source: String
    public var mqls: Int
    public var accepted: Int
    public var decided: Int
    public var sqls: Int
    public var acceptance: Double? { decided == 0 ? nil : Double(accepted) / Double(decided) }
    public var sqlRate: Double? { mqls == 0 ? nil : Double(sqls) / Double(mqls) }
}

/// Breaches of sales commitments per owner.
public struct OwnerRow: Sendable {
    public var owner: String
    public var leads: Int
    /// Commitment id → breaches, in agreement order.
    public var breaches: [(id: String, count: Int)]
    public var total: Int { breaches.map(\.count).reduce(0, +) }
}

/// One week of the trend.
public struct TrendPoint: Sendable {
    public var label: String
    public var mqls: Int
    public var volumeTarget: Double?
    public var acceptance: Double?
    /// Median time to first touch, on the first first-touch commitment's clock.
    public var medianFirstTouch: Int64?
    public var firstTouchLimit: Int64?
}

/// A rejected lead picked for the meeting's sample review.
public struct SampleLead: Sendable {
    public var id: String
    public var company: String
    public var profile: String
    public var source: String
    public var score: String
    public var reason: String
    public var owner: String
}
