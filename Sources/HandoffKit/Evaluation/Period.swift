/// A reporting period: an ISO week or a calendar month, in the agreement's time zone.
public struct Period: Sendable, Equatable {
    /// Week or month.
    enum Kind: String, Sendable {
        case week, month
        /// Every lead: the exports carry no timestamps, so no week or month can be told apart.
        case all
    }

    /// Week or month.
    var kind: Kind
    /// `2026-W46` or `2026-11`.
    public var label: String
    /// First local day.
    var firstDay: LocalDate
    /// The day after the last local day.
    var endDay: LocalDate
    /// UTC instants of local midnight at the start and end.
    var start: Int64
    /// UTC instant of the end (exclusive).
    var end: Int64

    init(kind: Kind, label: String, firstDay: LocalDate, endDay: LocalDate, zone: ZoneRules) {
        self.kind = kind
        self.label = label
        self.firstDay = firstDay
        self.endDay = endDay
        start = zone.utc(fromLocal: Int64(firstDay.daysSinceEpoch) * 86400)
        end = zone.utc(fromLocal: Int64(endDay.daysSinceEpoch) * 86400)
    }

    /// The ISO week containing `day`.
    static func week(containing day: LocalDate, zone: ZoneRules) -> Period {
        let monday = day.adding(days: -day.weekday.index)
        let thursday = monday.adding(days: 3)
        let jan4 = LocalDate(year: thursday.year, month: 1, day: 4)
        let week1 = jan4.adding(days: -jan4.weekday.index)
        let number = (monday.daysSinceEpoch - week1.daysSinceEpoch) / 7 + 1
        let label = "\(thursday.year)-W\(number < 10 ? "0" : "")\(number)"
        return Period(kind: .week, label: label, firstDay: monday, endDay: monday.adding(days: 7), zone: zone)
    }

    /// Parses `2026-W46`.
    static func week(_ text: String, zone: ZoneRules) -> Period? {
        let parts = text.uppercased().split(separator: "W")
        guard parts.count == 2, parts[0].hasSuffix("-"), let year = Int(parts[0].dropLast()), let n = Int(parts[1]),
            (1...53).contains(n), (1990...2100).contains(year)
        else { return nil }
        let jan4 = LocalDate(year: year, month: 1, day: 4)
        let monday = jan4.adding(days: -jan4.weekday.index + (n - 1) * 7)
        let period = week(containing: monday, zone: zone)
        return period.label == "\(year)-W\(n < 10 ? "0" : "")\(n)" ? period : nil
    }

    /// Parses `2026-11`.
    static func month(_ text: String, zone: ZoneRules) -> Period? {
        let parts = text.split(separator: "-")
        guard parts.count == 2, parts[1].count == 2, let year = Int(parts[0]), let m = Int(parts[1]),
            (1...12).contains(m), (1990...2100).contains(year)
        else { return nil }
        return month(containing: LocalDate(year: year, month: m, day: 1), zone: zone)
    }

    /// The calendar month containing `day`.
    static func month(containing day: LocalDate, zone: ZoneRules) -> Period {
        let first = LocalDate(year: day.year, month: day.month, day: 1)
        let label = "\(first.description.prefix(7))"
        return Period(kind: .month, label: label, firstDay: first, endDay: first.adding(months: 1), zone: zone)
    }

    /// Every lead, whenever it came: for exports without any timestamp.
    static func wholeSpan(zone: ZoneRules) -> Period {
        Period(
            kind: .all, label: "all data", firstDay: LocalDate(year: 1900, month: 1, day: 1),
            endDay: LocalDate(year: 2200, month: 1, day: 1),
            zone: zone)
    }

    /// The last complete ISO week before `asOf`.
    static func lastCompleteWeek(before asOf: Int64, zone: ZoneRules) -> Period {
        let today = LocalDate(daysSinceEpoch: Int(zone.local(asOf).floorDiv(86400)))
        return week(containing: today.adding(days: -7), zone: zone)
    }

    /// The same kind of period shifted by `weeks` weeks (weeks only).
    func shifted(weeks: Int, zone: ZoneRules) -> Period {
        Period.week(containing: firstDay.adding(days: 7 * weeks), zone: zone)
    }

    /// `Mon 16 Nov – Sun 22 Nov 2026`.
    var span: String {
        if kind == .all { return "every lead; the exports have no timestamps" }
        let last = endDay.adding(days: -1)
        return "\(Dates.short(firstDay)) – \(Dates.short(last)) \(last.year)"
    }
}

/// Date and time formatting for documents, without Foundation.
public enum Dates {
    static let months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]

    /// `Mon 16 Nov`.
    static func short(_ d: LocalDate) -> String { "\(d.weekday.name.prefix(3)) \(d.day) \(months[d.month - 1])" }

    /// `16 Nov 2026`.
    static func long(_ d: LocalDate) -> String { "\(d.day) \(months[d.month - 1]) \(d.year)" }

    /// `2026-11-16 14:03` in `zone`.
    public static func local(_ t: Int64, _ zone: ZoneRules) -> String {
        let l = zone.local(t)
        let day = LocalDate(daysSinceEpoch: Int(l.floorDiv(86400)))
        let minutes = Int((l - Int64(day.daysSinceEpoch) * 86400) / 60)
        return "\(day) \(TimeOfDay(minutes: minutes))"
    }

    /// `2026-11-16T19:03:00Z`.
    public static func iso(_ t: Int64) -> String {
        let day = LocalDate(daysSinceEpoch: Int(t.floorDiv(86400)))
        let s = Int(t - Int64(day.daysSinceEpoch) * 86400)
        func p(_ n: Int) -> String { n < 10 ? "0\(n)" : "\(n)" }
        return "\(day)T\(p(s / 3600)):\(p(s / 60 % 60)):\(p(s % 60))Z"
    }

    /// `2h 10m`, `3d 4h`, `45m`.
    static func span(_ seconds: Int64) -> String {
        let s = max(0, seconds)
        if s < 60 { return "\(s)s" }
        let d = s / 86400, h = s % 86400 / 3600, m = s % 3600 / 60
        if d > 0 { return h > 0 ? "\(d)d \(h)h" : "\(d)d" }
        if h > 0 { return m > 0 ? "\(h)h \(m)m" : "\(h)h" }
        return "\(m)m"
    }
}
