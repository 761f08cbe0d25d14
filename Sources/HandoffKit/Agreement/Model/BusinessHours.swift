/// When the business clock runs: time zone, working days, opening hours, holidays.
public struct BusinessHours: Sendable {
    /// IANA time zone identifier, e.g. `America/New_York`.
    public var timeZone: String
    /// Working days.
    var days: [Weekday]
    /// Opening time.
    var open: TimeOfDay
    /// Closing time.
    var close: TimeOfDay
    /// Closed days.
    public var holidays: [Holiday]

    /// A closed day.
    public struct Holiday: Sendable {
        /// The date.
        public var date: LocalDate
        /// The holiday's name.
        var name: String
    }

    /// Creates business hours.
    init(timeZone: String, days: [Weekday], open: TimeOfDay, close: TimeOfDay, holidays: [Holiday]) {
        self.timeZone = timeZone
        self.days = days
        self.open = open
        self.close = close
        self.holidays = holidays
    }

    /// `Monday–Friday` or a comma list.
    var daysDescription: String {
        let sorted = days.sorted()
        let indices = sorted.map(\.index)
        if let first = indices.first, let last = indices.last, indices.count > 2, indices == Array(first...last) {
            return "\(sorted[0].name)–\(sorted[sorted.count - 1].name)"
        }
        return sorted.map(\.name).joined(separator: ", ")
    }
}
