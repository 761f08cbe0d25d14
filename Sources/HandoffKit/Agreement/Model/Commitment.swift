/// One team's promise, as structured data: the document sentence and the check both come from it.
public struct Commitment: Sendable {
    /// Stable id used in reports (`first-touch`).
    var id: String
    /// The party that made the promise (`marketing` or `sales`).
    var team: String
    /// What is measured.
    var metric: Metric
    /// The user's own sentence; when `nil` the sentence is generated.
    var promise: String?
    /// The bound on it.
    var bound: Bound
    /// The clock durations run on.
    var clock: Clock
    /// Share of leads that must meet a per-lead bound.
    var goal: Percent
    /// Volume period for `mql_count`.
    var per: VolumePeriod?
    /// Which MQLs it covers.
    var scope: Scope
    /// Columns that must be filled (`context_complete_rate`).
    var requiredFields: [String]
    /// A rejection without a reason is a breach (`feedback_time`).
    var requireReason: Bool
    /// Activity types that count as attempts or touches; empty = every type.
    var attemptTypes: [String]
    /// Fewer judged leads than this: insufficient data (the targets' minimum_sample when nil).
    var minimumSample: Int?
    /// Where the entry starts in the agreement file.
    var location: SourceLocation
    /// Upper edges of the distribution bands, in seconds of the commitment's clock (`bands: [5m, 15m, 60m]`).
    var bands: [Int64] = Distribution.defaultEdges

    /// The bound a commitment sets.
    enum Bound: Sendable, Equatable {
        case within(TimeSpan)
        case atLeast(Double)
        case atMost(Double)
        case between(Double, Double)
    }

    /// Which clock a duration is measured on.
    enum Clock: String, Sendable {
        case business, calendar
        /// The lead owner's own business hours, zone, holidays and time off (`team:` in the agreement, or team.csv).
        case owner
    }

    /// Per week or per month, for volume promises.
    enum VolumePeriod: String, Sendable {
        case week, month
    }

    /// Which MQLs the commitment covers.
    enum Scope: Sendable, Equatable {
        case all
        case fastTrack
        case standard
        case source(String)
        /// A segment: the MQLs for which a condition holds (`employees >= 1000`, `country = "Canada"`).
        case segment(Condition)

        /// Words for the document.
        var phrase: String {
            switch self {
            case .all: return "every MQL"
            case .fastTrack: return "every fast-track (hot) MQL"
            case .standard: return "every standard (not fast-track) MQL"
            case .source(let s): return "every MQL from \(s)"
            case .segment(let c): return "every MQL where \(c.text)"
            }
        }

        /// Short name for tables and JSON.
        var name: String {
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
