/// One team's promise, as structured data: the document sentence and the check both come from it.
public struct Commitment: Sendable {
    /// Stable id used in reports (`first-touch`).
    public var id: String
    /// The party that made the promise (`marketing` or `sales`).
    public var team: String
    /// What is measured.
    public var metric: Metric
    /// The user's own sentence; when `nil` the sentence is generated.
    public var promise: String?
    /// The bound on it.
    public var bound: Bound
    /// The clock durations run on.
    public var clock: Clock
    /// Share of leads that must meet a per-lead bound.
    public var goal: Percent
    /// Volume period for `mql_count`.
    public var per: VolumePeriod?
    /// Which MQLs it covers.
    public var scope: Scope
    /// Columns that must be filled (`context_complete_rate`).
    public var requiredFields: [String]
    /// A rejection without a reason is a breach (`feedback_time`).
    public var requireReason: Bool
    /// Activity types that count as attempts or touches; empty = every type.
    public var attemptTypes: [String]
    /// Fewer judged leads than this: insufficient data (the targets' minimum_sample when nil).
    public var minimumSample: Int?
    /// Where the entry starts in the agreement file.
    public var location: SourceLocation
    /// Upper edges of the distribution bands, in seconds of the commitment's clock (`bands: [5m, 15m, 60m]`).
    public var bands: [Int64] = Distribution.defaultEdges

    /// The bound a commitment sets.
    public enum Bound: Sendable, Equatable {
        case within(TimeSpan)
        case atLeast(Double)
        case atMost(Double)
        case between(Double, Double)
    }

    /// Which clock a duration is measured on.
    public enum Clock: String, Sendable {
        case business, calendar
        /// The lead owner's own business hours, zone, holidays and time off (`team:` in the agreement, or team.csv).
        case owner
    }

    /// Per week or per month, for volume promises.
    public enum VolumePeriod: String, Sendable {
        case week, month
    }

    /// Which MQLs the commitment covers.
    public enum Scope: Sendable, Equatable {
        case all
        case fastTrack
        case standard
        case source(String)
        /// A segment: the MQLs for which a condition holds (`employees >= 1000`, `country = "Canada"`).
        case segment(Condition)

        /// Words for the document.
        public var phrase: String {
            switch self {
            case .all: return "every MQL"
            case .fastTrack: return "every fast-track (hot) MQL"
            case .standard: return "every standard (not fast-track) MQL"
            case .source(let s): return "every MQL from \(s)"
            case .segment(let c): return "every MQL where \(c.text)"
            }
        }

        /// Short name for tables and JSON.
        public var name: String {
            switch self {
            case .all: return "all"
            case .fastTrack: return "fast_track"
            case .standard: return "standard"
            case .source(let s): return "source: \(s)"
            case .segment(let c): return "when: \(c.text)"
            }
        }
    }
}
