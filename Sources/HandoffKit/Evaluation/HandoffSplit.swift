internal import HandoffIO

/// Where a lead's wait goes: before routing (systems: scoring, sync, assignment rules) and after assignment
/// (people: the owner's first touch), for the period's MQLs.
///
/// Systems time runs on the calendar clock from `mql_at` to `routed_at`; people time runs on the owner's own
/// business clock (their zone, hours, holidays and time off; the company's when they have none) from
/// `routed_at` to the first sales activity. Leads not yet routed or touched by as-of are counted apart.
struct HandoffSplit: Sendable {
    /// One owner's people time and calendar.
    struct Owner: Sendable {
        /// The owner as the CRM writes them.
        var name: String
        /// `Europe/London, 09:00–17:30` or `company hours`.
        var calendar: String
        /// Days of time off inside the period.
        var daysOff: Int
        /// Time from assignment to first touch on their clock.
        var people: Distribution.Spread
    }

    /// MQL to routed, calendar time.
    var systems: Distribution.Spread
    /// Routed to first touch, on the owner's clock.
    var people: Distribution.Spread
    /// MQLs with no routing date by as-of.
    var notRouted: Int
    /// Routed MQLs with no touch by as-of.
    var notTouched: Int
    /// Per owner, by name.
    var owners: [Owner]

    static func measure(_ context: EvaluationContext, cohort: ArraySlice<Int>) -> HandoffSplit {
        let asOf = context.asOf, texts = context.ledger.texts
        var systems: [Int64] = [], people: [Int64] = [], byOwner: [TextRef: [Int64]] = [:]
        var notRouted = 0, notTouched = 0
        var owners: Set<TextRef> = []
        let touches = SalesTouches(ledger: context.ledger, asOf: asOf, attemptTypes: [])
        for i in cohort {
            let lead = context.lead(i)
            owners.insert(lead.owner)
            guard let mql = lead.mqlAt, let routed = lead.routedAt, routed <= asOf else {
                notRouted += 1
                continue
            }
            systems.append(max(0, routed - mql))
            guard let touch = touches.firstTouch(lead, from: routed) else {
                notTouched += 1
                continue
            }
            let t = context.ownerClock(lead).elapsed(from: routed, to: touch)
            people.append(t)
            byOwner[lead.owner, default: []].append(t)
        }
        let edges = Distribution.defaultEdges
        let period = context.period
        let rows = owners.map { ref -> Owner in
            let name = ref == .empty ? "(unassigned)" : texts[ref]
            let entry = ref == .empty ? nil : context.ownerClocks.calendars.owner(name)
            var calendar = "company hours"
            if let entry,
                entry.timeZone != nil || entry.days != nil || entry.open != nil || entry.close != nil
                    || entry.holidaySet != nil
            {
                let h = context.ownerClocks.calendars.hours(of: entry, company: context.ownerClocks.company)
                calendar = "\(h.timeZone), \(h.open)–\(h.close)"
            }
            return Owner(
                name: name, calendar: calendar, daysOff: entry?.daysOff(from: period.firstDay, to: period.endDay) ?? 0,
                people: Distribution.spread(byOwner[ref] ?? [], edges: edges))
        }.sorted { $0.name < $1.name }
        return HandoffSplit(
            systems: Distribution.spread(systems, edges: edges), people: Distribution.spread(people, edges: edges),
            notRouted: notRouted, notTouched: notTouched, owners: rows)
    }
}
