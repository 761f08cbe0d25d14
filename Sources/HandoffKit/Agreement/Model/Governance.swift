/// Funnel health bands that are not one team's promise.
public struct Targets: Sendable {
    /// The acceptance-rate band.
    public var acceptance: Band
    /// The MQL→SQL band.
    public var mqlToSQL: Band
    /// How long after becoming an MQL a lead has to reach SQL to count as converted.
    public var conversionWindow: TimeSpan
    /// The mature cohort for conversion is this many weeks before the period.
    public var conversionLagWeeks: Int
    /// Fewer leads than this in a denominator: "insufficient data".
    public var minimumSample: Int
}

/// A healthy range, with the readings outside it.
public struct Band: Sendable {
    /// Lower end, as a fraction.
    public var low: Double
    /// Upper end, as a fraction.
    public var high: Double
    /// Below this the MQL definition is too loose.
    public var tooLooseBelow: Double?
    /// Above this the MQL definition is too strict.
    public var tooStrictAbove: Double?
    /// Where it is written.
    public var location: SourceLocation
}

/// A reason sales may give for rejecting an MQL.
public struct RejectionReason: Sendable {
    /// Stable id used in exports and reports.
    public var id: String
    /// Words for documents.
    public var label: String
    /// Which part of the definition it points at.
    public var pointsAt: DefinitionPart
    /// What to change when this reason dominates.
    public var adjustment: String
    /// Share of rejections at which the reason dominates (50% by default).
    public var dominatesAt: Percent
    /// Where it is written.
    public var location: SourceLocation

    /// The part of the MQL definition a rejection reason points at.
    public enum DefinitionPart: String, CaseIterable, Sendable {
        case fit, engagement, bant, timing
        case dataQuality = "data_quality"

        /// Plain words.
        public var words: String {
            switch self {
            case .fit: return "firmographic fit"
            case .engagement: return "engagement"
            case .bant: return "BANT"
            case .timing: return "timing"
            case .dataQuality: return "contact data quality"
            }
        }
    }
}

/// Sales capacity: how many MQLs the team can work.
public struct Capacity: Sendable {
    /// Sales reps.
    public var reps: Int
    /// MQLs one rep can work a week.
    public var mqlsPerRepPerWeek: Int
    /// Where it is written.
    public var location: SourceLocation

    /// MQLs per week the team can absorb.
    public var perWeek: Int { reps * mqlsPerRepPerWeek }
    /// MQLs per month (52/12 weeks).
    public var perMonth: Int { Int((Double(perWeek) * 52 / 12).rounded(.down)) }
}

/// The weekly alignment meeting.
public struct Meeting: Sendable {
    /// Meeting day.
    public var day: Weekday
    /// Meeting time.
    public var time: TimeOfDay
    /// Meeting length.
    public var length: TimeSpan
    /// Who attends.
    public var attendees: [String]
    /// How many rejected leads to walk through.
    public var reviewRejectedLeads: Int
    /// Items on every agenda beyond the standard ones.
    public var standingItems: [String]
}

/// A recorded approval of the agreement by one party.
public struct SignOff: Sendable {
    /// `marketing` or `sales`.
    public var party: String
    /// The signer.
    public var name: String
    /// The signer's title.
    public var title: String
    /// The date signed.
    public var date: LocalDate
    /// The digest of the content that was approved.
    public var digest: String
    /// Where it is written.
    public var location: SourceLocation
}
