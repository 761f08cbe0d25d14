/// Funnel health bands that are not one team's promise.
struct Targets: Sendable {
    /// The acceptance-rate band.
    var acceptance: Band
    /// The MQL→SQL band.
    var mqlToSQL: Band
    /// How long after becoming an MQL a lead has to reach SQL to count as converted.
    var conversionWindow: TimeSpan
    /// The mature cohort for conversion is this many weeks before the period.
    var conversionLagWeeks: Int
    /// Fewer leads than this in a denominator: "insufficient data".
    var minimumSample: Int
}

/// A healthy range, with the readings outside it.
struct Band: Sendable {
    /// Lower end, as a fraction.
    var low: Double
    /// Upper end, as a fraction.
    var high: Double
    /// Below this the MQL definition is too loose.
    var tooLooseBelow: Double?
    /// Above this the MQL definition is too strict.
    var tooStrictAbove: Double?
    /// Where it is written.
    var location: SourceLocation
}

/// A reason sales may give for rejecting an MQL.
struct RejectionReason: Sendable {
    /// Stable id used in exports and reports.
    var id: String
    /// Words for documents.
    var label: String
    /// Which part of the definition it points at.
    var pointsAt: DefinitionPart
    /// What to change when this reason dominates.
    var adjustment: String
    /// Share of rejections at which the reason dominates (50% by default).
    var dominatesAt: Percent
    /// Where it is written.
    var location: SourceLocation

    /// The part of the MQL definition a rejection reason points at.
    enum DefinitionPart: String, CaseIterable, Sendable {
        case fit, engagement, bant, timing
        case dataQuality = "data_quality"

        /// Plain words.
        var words: String {
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
struct Capacity: Sendable {
    /// Sales reps.
    var reps: Int
    /// MQLs one rep can work a week.
    var mqlsPerRepPerWeek: Int
    /// Where it is written.
    var location: SourceLocation

    /// MQLs per week the team can absorb.
    var perWeek: Int { reps * mqlsPerRepPerWeek }
    /// MQLs per month (52/12 weeks).
    var perMonth: Int { Int((Double(perWeek) * 52 / 12).rounded(.down)) }
}

/// The weekly alignment meeting.
struct Meeting: Sendable {
    /// Meeting day.
    var day: Weekday
    /// Meeting time.
    var time: TimeOfDay
    /// Meeting length.
    var length: TimeSpan
    /// Who attends.
    var attendees: [String]
    /// How many rejected leads to walk through.
    var reviewRejectedLeads: Int
    /// Items on every agenda beyond the standard ones.
    var standingItems: [String]
}

/// A recorded approval of the agreement by one party.
struct SignOff: Sendable {
    /// `marketing` or `sales`.
    var party: String
    /// The signer.
    var name: String
    /// The signer's title.
    var title: String
    /// The date signed.
    var date: LocalDate
    /// The digest of the content that was approved.
    var digest: String
    /// Where it is written.
    var location: SourceLocation
}
