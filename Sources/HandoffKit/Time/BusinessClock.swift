/// Measures durations either in wall time or in business time.
protocol DurationClock: Sendable {
    /// Seconds counted from `start` to `end` (0 when `end` is not after `start`).
    func elapsed(from start: Int64, to end: Int64) -> Int64
    /// The instant at which `seconds` have been counted from `start`.
    func deadline(from start: Int64, after seconds: Int64) -> Int64
}

/// Wall-clock time: every second counts.
struct CalendarClock: DurationClock {
    /// Seconds from `start` to `end`.
    func elapsed(from start: Int64, to end: Int64) -> Int64 { max(0, end - start) }
    /// `start` plus `seconds`.
    func deadline(from start: Int64, after seconds: Int64) -> Int64 { start + seconds }
}

/// Business time: only opening hours of working days count, in the agreement's IANA zone, holidays
/// excluded, DST-correct. Something arriving after hours starts counting at the next opening.
///
/// Built once as a table of every day from 1990 to 2100 with prefix sums of open seconds, so both
/// questions are a binary search: `elapsed` is B(end) − B(start), `deadline` inverts B.
public struct BusinessClock: DurationClock {
    private let zone: ZoneRules
    private let firstDay: Int
    /// Per local day: the instants the business opens and closes (equal on closed days).
    private let opens: [Int64]
    private let closes: [Int64]
    /// Open seconds on all days before day i.
    private let before: [Int64]

    /// A clock for `hours`.
    public init(hours: BusinessHours, zone: ZoneRules) {
        self.zone = zone
        let first = LocalDate(year: 1990, month: 1, day: 1).daysSinceEpoch
        let last = LocalDate(year: 2100, month: 12, day: 31).daysSinceEpoch
        firstDay = first
        let holidays = Set(hours.holidays.map { $0.date.daysSinceEpoch })
        let working = Set(hours.days)
        var opens: [Int64] = [], closes: [Int64] = [], before: [Int64] = [0]
        opens.reserveCapacity(last - first + 1)
        closes.reserveCapacity(last - first + 1)
        before.reserveCapacity(last - first + 2)
        for day in first...last {
            let midnight = Int64(day) * 86400
            let open = zone.utc(fromLocal: midnight + Int64(hours.open.minutes) * 60)
            let isOpen = working.contains(LocalDate(daysSinceEpoch: day).weekday) && !holidays.contains(day)
            let close = isOpen ? zone.utc(fromLocal: midnight + Int64(hours.close.minutes) * 60) : open
            opens.append(open)
            closes.append(close)
            before.append((before.last ?? 0) + (close - open))
        }
        self.opens = opens
        self.closes = closes
        self.before = before
    }

    /// Open seconds from the start of the table up to `t`.
    private func cumulative(_ t: Int64) -> Int64 {
        let day = Int((zone.local(t)).floorDiv(86400)) - firstDay
        if day < 0 { return 0 }
        if day >= opens.count { return before[opens.count] }
        return before[day] + min(max(t, opens[day]), closes[day]) - opens[day]
    }

    /// Seconds from `start` to `end`.
    public func elapsed(from start: Int64, to end: Int64) -> Int64 {
        end <= start ? 0 : cumulative(end) - cumulative(start)
    }

    /// `start` plus `seconds`.
    public func deadline(from start: Int64, after seconds: Int64) -> Int64 {
        let target = cumulative(start) + seconds
        // The first day whose opening-time cumulative total reaches the target (before[i+1] >= target).
        var low = 0, high = opens.count - 1
        while low < high {
            let mid = (low + high) / 2
            if before[mid + 1] >= target { high = mid } else { low = mid + 1 }
        }
        let day = low
        let within = target - before[day]
        if within == 0, seconds > 0 || closes[day] == opens[day] {
            return max(start, opens[day])
        }
        return max(start, opens[day] + within)
    }
}

extension Int64 {
    /// Division rounding toward negative infinity.
    func floorDiv(_ d: Int64) -> Int64 {
        let q = self / d
        return (self % d != 0 && (self < 0) != (d < 0)) ? q - 1 : q
    }
}
