/// The whole sales–marketing Service Level Agreement, as read from its YAML file.
public struct Agreement: Sendable {
    /// Title, version, dates and review cadence.
    public var info: AgreementInfo
    /// Marketing and sales, with their accountable owners.
    var parties: [Party]
    /// The business clock's settings.
    public var businessHours: BusinessHours
    /// Lifecycle stages in order.
    var stages: [Stage]
    /// What an MQL is and how it is scored.
    var mqlDefinition: MQLDefinition
    /// Every promise of both teams, marketing's first.
    public var commitments: [Commitment]
    /// Funnel health bands.
    var targets: Targets
    /// The reasons sales may give when rejecting an MQL.
    var rejectionReasons: [RejectionReason]
    /// Sales capacity, to check the volume promise against.
    var capacity: Capacity?
    /// The weekly alignment meeting.
    var meeting: Meeting
    /// How to read the CRM exports.
    var data: DataSettings
    /// Recorded sign-offs.
    var signoffs: [SignOff]
    /// SHA-256 of the canonical content (everything but `signoff` and `history`).
    public var digest: String
    /// Earlier versions, oldest first, from the `history` section.
    var history: [HistoryEntry] = []
    /// Sales owners' own calendars (zone, hours, holidays, time off), for commitments on `clock: owner`.
    public var team: TeamCalendars = .none

    /// The party with this id.
    func party(_ id: String) -> Party? { parties.first { $0.id == id } }

    /// The commitments of one team, in file order.
    public func commitments(of team: String) -> [Commitment] { commitments.filter { $0.team == team } }

    /// The rejection reason with this id.
    func reason(_ id: String) -> RejectionReason? { rejectionReasons.first { $0.id == id } }
}

/// The cover facts of an agreement.
public struct AgreementInfo: Sendable {
    /// The agreement's title.
    public var title: String
    /// The version both teams sign.
    public var version: String
    /// The date it takes effect.
    public var effective: LocalDate
    /// Review cadence in months (3 = quarterly).
    var reviewEveryMonths: Int
    /// The date of the last review, if any.
    var lastReview: LocalDate?
    /// Events that trigger an early review (a product launch, a new segment, …).
    var reviewTriggers: [String]
    /// One paragraph on why the agreement exists.
    var purpose: String
    /// Where `last_review` is written, for the overdue warning.
    var lastReviewLocation: SourceLocation?

    /// The next review: last review (or effective date) plus the cadence.
    var nextReview: LocalDate { (lastReview ?? effective).adding(months: reviewEveryMonths) }

    /// `quarterly`, `monthly`, or `every N months`.
    var cadenceName: String {
        switch reviewEveryMonths {
        case 1: return "monthly"
        case 3: return "quarterly"
        case 6: return "half-yearly"
        case 12: return "yearly"
        default: return "every \(reviewEveryMonths) months"
        }
    }
}

/// One side of the agreement.
struct Party: Sendable {
    /// `marketing` or `sales`.
    var id: String
    /// The team's name.
    var team: String
    /// The accountable owner.
    var ownerName: String
    /// The owner's title.
    var ownerTitle: String
    /// Other members.
    var members: [String]
}

/// A lifecycle stage (suspect, prospect, lead, MQL, SAL, SQL, opportunity, customer).
struct Stage: Sendable {
    /// `marketing` or `sales`.
    var id: String
    /// Display name.
    var name: String
    /// The party that owns leads in this stage.
    var owner: String
    /// The definition in plain words.
    var definition: String
    /// Where the stage is written.
    var location: SourceLocation
    /// Where its owner is written.
    var ownerLocation: SourceLocation
}
