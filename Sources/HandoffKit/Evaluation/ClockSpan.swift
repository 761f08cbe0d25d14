/// How a duration measured on a clock is written, in that clock's units: calendar time as days, hours and minutes
/// of wall time; business time as business hours and minutes, and from one business day (the agreement's open
/// hours, e.g. 9h for 09:00–18:00) as business days and hours — never as 24-hour days.
struct ClockSpan: Sendable {
    /// The clock the durations were measured on.
    var clock: Commitment.Clock
    /// Open seconds in one business day.
    var businessDay: Int64

    /// Units for `clock` under `hours`.
    init(_ clock: Commitment.Clock, hours: BusinessHours) {
        self.clock = clock
        businessDay = max(60, Int64(hours.close.minutes - hours.open.minutes) * 60)
    }

    /// Wall time.
    static let calendar = ClockSpan(clock: .calendar, businessDay: 86400)

    private init(clock: Commitment.Clock, businessDay: Int64) {
        self.clock = clock
        self.businessDay = businessDay
    }

    /// `2h 10m`, `3d 4h` (calendar); `2h 10m`, `3 business days 4h` (business).
    func text(_ seconds: Int64) -> String {
        guard clock == .business else { return Dates.span(seconds) }
        let s = max(0, seconds)
        guard s >= businessDay else { return Dates.span(s) }
        let days = s / businessDay, h = s % businessDay / 3600
        return "\(days) business day\(days == 1 ? "" : "s")" + (h > 0 ? " \(h)h" : "")
    }

    /// `business minutes` or `minutes` / `business hours` or `hours`: the unit of a chart axis.
    func axisUnit(hours: Bool) -> String {
        (clock == .business ? "business " : "") + (hours ? "hours" : "minutes")
    }
}
