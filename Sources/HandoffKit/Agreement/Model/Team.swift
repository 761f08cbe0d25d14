/// The sales team's own calendars: who works in which zone and hours, on which holidays, and who is away.
///
/// Read from the agreement's `team:` section and, for what changes week to week (time off), from a
/// `team.csv` beside the exports. Owners not listed work on the company's business hours.
public struct TeamCalendars: Sendable {
    /// Named holiday sets (`uk`, `de`) owners can refer to instead of the company's holidays.
    var holidaySets: [String: [BusinessHours.Holiday]]
    /// One entry per owner with their own calendar, in file order.
    public var owners: [OwnerCalendar]

    /// No team calendars: everyone works the company's hours.
    static let none = TeamCalendars(holidaySets: [:], owners: [])

    /// The owner's entry, matched case-insensitively on the name as the CRM writes it.
    func owner(_ name: String) -> OwnerCalendar? {
        let key = OwnerCalendar.key(name)
        return owners.first { OwnerCalendar.key($0.name) == key }
    }

    /// Adds an entry, or merges it into the owner's existing one (set fields win, time off accumulates).
    mutating func merge(_ entry: OwnerCalendar) {
        guard let i = owners.firstIndex(where: { OwnerCalendar.key($0.name) == OwnerCalendar.key(entry.name) }) else {
            owners.append(entry)
            return
        }
        var o = owners[i]
        o.timeZone = entry.timeZone ?? o.timeZone
        o.days = entry.days ?? o.days
        o.open = entry.open ?? o.open
        o.close = entry.close ?? o.close
        o.holidaySet = entry.holidaySet ?? o.holidaySet
        o.timeOff += entry.timeOff
        owners[i] = o
    }

    /// The owner's business hours: the company's, with whatever the owner's entry sets instead, and their
    /// time off as closed days.
    public func hours(of owner: OwnerCalendar, company: BusinessHours) -> BusinessHours {
        var h = company
        if let z = owner.timeZone { h.timeZone = z }
        if let d = owner.days { h.days = d }
        if let o = owner.open { h.open = o }
        if let c = owner.close { h.close = c }
        if let set = owner.holidaySet { h.holidays = holidaySets[set] ?? [] }
        for off in owner.timeOff {
            var day = off.from
            while day <= off.to {
                h.holidays.append(.init(date: day, name: off.note.isEmpty ? "time off" : off.note))
                day = day.adding(days: 1)
            }
        }
        return h
    }
}

/// One owner's calendar; nil fields follow the company's business hours.
public struct OwnerCalendar: Sendable {
    /// The owner's name as the CRM writes it in the `owner` column.
    public var name: String
    /// IANA zone.
    var timeZone: String?
    /// Working days.
    var days: [Weekday]?
    /// Opening time, local.
    var open: TimeOfDay?
    /// Closing time, local.
    var close: TimeOfDay?
    /// A named holiday set of the team section, instead of the company's holidays.
    var holidaySet: String?
    /// Days away.
    var timeOff: [TimeOff]

    /// Creates an owner calendar.
    init(
        name: String, timeZone: String? = nil, days: [Weekday]? = nil, open: TimeOfDay? = nil, close: TimeOfDay? = nil,
        holidaySet: String? = nil, timeOff: [TimeOff] = []
    ) {
        self.name = name
        self.timeZone = timeZone
        self.days = days
        self.open = open
        self.close = close
        self.holidaySet = holidaySet
        self.timeOff = timeOff
    }

    /// Days of time off that fall in `[first, end)`.
    func daysOff(from first: LocalDate, to end: LocalDate) -> Int {
        timeOff.reduce(0) { total, off in
            let lo = max(off.from.daysSinceEpoch, first.daysSinceEpoch),
                hi = min(off.to.daysSinceEpoch + 1, end.daysSinceEpoch)
            return total + max(0, hi - lo)
        }
    }

    static func key(_ name: String) -> String { name.trimmingSpaces().lowercased() }
}

/// A stretch of days away, both ends included.
struct TimeOff: Sendable {
    /// The first day away.
    var from: LocalDate
    /// The last day away.
    var to: LocalDate
    /// Vacation, parental leave, …
    var note: String

    /// Creates time off.
    init(from: LocalDate, to: LocalDate, note: String = "") {
        self.from = from
        self.to = to
        self.note = note
    }
}
