/// One business clock per owner with a calendar of their own (`team:` or team.csv); everyone else works the
/// company's clock.
struct OwnerClocks: Sendable {
    private let clocks: [String: BusinessClock]
    /// Owner key → the zone name and opening hours, for the documents.
    let calendars: TeamCalendars
    let company: BusinessHours

    init(agreement a: Agreement) {
        var clocks: [String: BusinessClock] = [:]
        for owner in a.team.owners {
            let hours = a.team.hours(of: owner, company: a.businessHours)
            if let zone = ZoneRules(identifier: hours.timeZone) {
                clocks[OwnerCalendar.key(owner.name)] = BusinessClock(hours: hours, zone: zone)
            }
        }
        self.clocks = clocks
        calendars = a.team
        company = a.businessHours
    }

    /// The owner's own clock, or nil when they work the company's hours.
    func clock(for owner: String) -> BusinessClock? {
        clocks.isEmpty ? nil : clocks[OwnerCalendar.key(owner)]
    }
}

extension EvaluationContext {
    /// The clock a commitment runs on for one lead: the owner's own clock for `clock: owner`.
    func clock(_ c: Commitment, for lead: Lead) -> any DurationClock {
        c.clock == .owner ? ownerClock(lead) : clock(c)
    }

    /// The lead owner's business clock (the company's when they have no calendar of their own).
    func ownerClock(_ lead: Lead) -> BusinessClock {
        lead.owner == .empty ? businessClock : ownerClocks.clock(for: ledger.texts[lead.owner]) ?? businessClock
    }
}
