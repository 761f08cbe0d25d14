/// The one verdict each commitment or target gets for a period.
public enum Verdict: String, Sendable, CaseIterable {
    case met
    case missed
    case atRisk = "at_risk"
    case insufficientData = "insufficient_data"
    case notMeasurable = "not_measurable"
    /// The period lies outside what the exports cover.
    case noData = "no_data"

    /// `met`, `MISSED`, `at risk` — readable without colour.
    var words: String {
        switch self {
        case .met: return "met"
        case .missed: return "missed"
        case .atRisk: return "at risk"
        case .insufficientData: return "insufficient data"
        case .notMeasurable: return "not measurable"
        case .noData: return "no data"
        }
    }

    /// Plain-ASCII mark for terminals: `[ok]`, `[XX]`, `[!!]`, `[..]`, `[--]`.
    var mark: String {
        switch self {
        case .met: return "[ok]"
        case .missed: return "[XX]"
        case .atRisk: return "[!!]"
        case .insufficientData: return "[..]"
        case .notMeasurable: return "[--]"
        case .noData: return "[  ]"
        }
    }

    /// True for a verdict on the numbers: met, missed or at risk.
    var isJudged: Bool { self == .met || self == .missed || self == .atRisk }

    /// A symbol for documents: ✓ ✗ ⚠ … –.
    var symbol: String {
        switch self {
        case .met: return "✓"
        case .missed: return "✗"
        case .atRisk: return "⚠"
        case .insufficientData: return "…"
        case .notMeasurable: return "–"
        case .noData: return "○"
        }
    }
}

/// A lead that broke a commitment, with how badly.
public struct Breach: Sendable {
    /// The lead's id.
    var leadID: String
    /// The lead's company.
    var company: String
    /// The lead's sales owner.
    var owner: String
    /// The lead's source.
    var source: String
    /// How it broke the commitment: `late by 2h 10m`, `3 of 6 attempts`.
    var detail: String
    /// Larger is worse; ties by lead id.
    var severity: Int64
    /// For durations: when the clock started, when it ran out, when the event happened (nil when it has not).
    var started: Int64? = nil
    /// The deadline, on the commitment's clock.
    var due: Int64? = nil
    /// When the awaited event happened.
    var happened: Int64? = nil
    /// Seconds past the deadline on the commitment's clock (to as-of when the event has not happened).
    var lateBy: Int64? = nil
}

/// A commitment's verdict for a period, with its numbers and evidence.
public struct CommitmentResult: Sendable {
    /// The commitment judged.
    var commitment: Commitment
    /// The verdict.
    public var verdict: Verdict
    /// The measured value (a share, a count), or nil when not measurable.
    var value: Double?
    /// The value as people read it: `87.5%`, `112 MQLs`.
    var valueText: String
    /// The bound as people read it: `≥ 90% within 30m`.
    var goalText: String
    /// Leads judged.
    var denominator: Int
    /// Leads whose clock has not run out.
    var pending: Int
    /// Breaching leads, worst first.
    public var breaches: [Breach]
    /// Why not measurable, pacing, or other context.
    var note: String
    /// Median elapsed time on the commitment's clock, for durations (nearest rank: `Percentile`).
    var median: Int64?
    /// 90th percentile of the elapsed times on the commitment's clock, for durations (nearest rank).
    var p90: Int64?
    /// Every judged lead's elapsed time, for durations (used to build `distribution`).
    var samples: [DurationSample] = []
    /// p50, p90 and band shares, overall, by owner and by source, for durations.
    var distribution: Distribution? = nil
    /// Misses allowed, used and left this week and this month, for per-lead goals.
    var budget: ErrorBudget? = nil
}

/// A funnel-health target's reading for a period.
struct TargetResult: Sendable {
    /// The target's id (`acceptance_rate`, `mql_to_sql_rate`).
    var id: String
    /// The target's name.
    var name: String
    /// The verdict.
    var verdict: Verdict
    /// The measured share.
    var value: Double?
    /// The healthy band.
    var band: Band
    /// Leads judged.
    var denominator: Int
    /// Leads not yet decided.
    var pending: Int
    /// `too loose`, `too strict`, `in band`, or empty.
    var reading: String
    /// The counts behind the value.
    var note: String
}
