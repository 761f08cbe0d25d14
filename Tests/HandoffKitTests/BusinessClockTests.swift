import Testing

@testable import HandoffKit

/// Business hours 09:00–18:00 Mon–Fri in New York; holidays on Thanksgiving (Thu 26 Nov) and the Friday after.
@Suite("The business clock")
struct BusinessClockTests {
    let zone = ZoneRules(identifier: "America/New_York")!
    var clock: BusinessClock {
        BusinessClock(
            hours: BusinessHours(
                timeZone: "America/New_York", days: [.monday, .tuesday, .wednesday, .thursday, .friday],
                open: TimeOfDay(minutes: 540), close: TimeOfDay(minutes: 1080),
                holidays: [
                    .init(date: LocalDate(year: 2026, month: 11, day: 26), name: "Thanksgiving"),
                    .init(date: LocalDate(year: 2026, month: 11, day: 27), name: ""),
                ]),
            zone: zone)
    }

    /// Local New York wall time as an instant.
    func at(_ y: Int, _ mo: Int, _ d: Int, _ h: Int, _ mi: Int) -> Int64 {
        zone.utc(
            fromLocal: Int64(LocalDate(year: y, month: mo, day: d).daysSinceEpoch) * 86400 + Int64(h * 3600 + mi * 60))
    }

    @Test func fridayEveningPlusThirtyMinutesIsMondayMorning() {
        // Fri 13 Nov 17:55: 5 minutes on Friday, 25 on Monday.
        #expect(clock.deadline(from: at(2026, 11, 13, 17, 55), after: 1800) == at(2026, 11, 16, 9, 25))
        #expect(clock.elapsed(from: at(2026, 11, 13, 17, 55), to: at(2026, 11, 16, 9, 25)) == 1800)
    }

    @Test func saturdayArrivalStartsMonday() {
        #expect(clock.deadline(from: at(2026, 11, 14, 11, 0), after: 1800) == at(2026, 11, 16, 9, 30))
        #expect(clock.elapsed(from: at(2026, 11, 14, 11, 0), to: at(2026, 11, 16, 10, 0)) == 3600)
    }

    @Test func beforeOpeningStartsAtOpening() {
        #expect(clock.deadline(from: at(2026, 11, 16, 7, 12), after: 300) == at(2026, 11, 16, 9, 5))
    }

    @Test func holidayWeekendIsSkipped() {
        // Wed 25 Nov 17:00 + 4 business hours: 1h Wednesday; Thu, Fri holidays; weekend; 3h Monday 30 Nov.
        #expect(clock.deadline(from: at(2026, 11, 25, 17, 0), after: 4 * 3600) == at(2026, 11, 30, 12, 0))
        #expect(clock.elapsed(from: at(2026, 11, 25, 17, 0), to: at(2026, 11, 30, 12, 0)) == 4 * 3600)
        // An arrival on the holiday itself waits for Monday.
        #expect(clock.deadline(from: at(2026, 11, 26, 10, 0), after: 600) == at(2026, 11, 30, 9, 10))
    }

    @Test func springForwardWeek() {
        // DST starts Sun 8 Mar 2026 at 02:00. Fri 6 Mar 17:30 EST + 1h = Mon 9 Mar 09:30 EDT.
        let start = at(2026, 3, 6, 17, 30)
        let due = clock.deadline(from: start, after: 3600)
        #expect(due == at(2026, 3, 9, 9, 30))
        #expect(Dates.iso(due) == "2026-03-09T13:30:00Z") // EDT is UTC-4
        #expect(Dates.iso(start) == "2026-03-06T22:30:00Z") // EST is UTC-5
        // The weekend spans 62h of wall time but one hour less than usual; business time is unaffected.
        #expect(clock.elapsed(from: start, to: due) == 3600)
        #expect(due - start == 2 * 86400 + 15 * 3600)
    }

    @Test func fallBackWeek() {
        // DST ends Sun 1 Nov 2026. Fri 30 Oct 17:00 EDT + 2h = Mon 2 Nov 10:00 EST.
        let start = at(2026, 10, 30, 17, 0)
        let due = clock.deadline(from: start, after: 7200)
        #expect(due == at(2026, 11, 2, 10, 0))
        #expect(Dates.iso(due) == "2026-11-02T15:00:00Z")
        #expect(due - start == 2 * 86400 + 18 * 3600)
    }

    @Test func longWeekendDeadlineSpansFourDays() {
        // Thanksgiving: Wed 25 Nov 16:00 + 3 business hours = Mon 30 Nov 10:00.
        #expect(clock.deadline(from: at(2026, 11, 25, 16, 0), after: 3 * 3600) == at(2026, 11, 30, 10, 0))
    }

    @Test func multiDaySpans() {
        // Mon 09:00 to Wed 12:00 = 9h + 9h + 3h.
        #expect(clock.elapsed(from: at(2026, 11, 16, 9, 0), to: at(2026, 11, 18, 12, 0)) == 21 * 3600)
        #expect(clock.elapsed(from: at(2026, 11, 18, 12, 0), to: at(2026, 11, 16, 9, 0)) == 0)
        #expect(clock.deadline(from: at(2026, 11, 16, 9, 0), after: 21 * 3600) == at(2026, 11, 18, 12, 0))
    }

    @Test func calendarClockCountsEverySecond() {
        let c = CalendarClock()
        #expect(c.elapsed(from: 100, to: 1900) == 1800)
        #expect(c.deadline(from: at(2026, 11, 13, 17, 55), after: 1800) == at(2026, 11, 13, 18, 25))
    }

    @Test func zoneConversionsAroundTransitions() {
        // 02:30 on 8 Mar 2026 does not exist in New York; it resolves to the later offset.
        #expect(Dates.iso(at(2026, 3, 8, 3, 0)) == "2026-03-08T07:00:00Z")
        // 01:30 on 1 Nov 2026 happens twice; the first (EDT) is chosen.
        #expect(Dates.iso(at(2026, 11, 1, 1, 30)) == "2026-11-01T05:30:00Z")
    }
}
