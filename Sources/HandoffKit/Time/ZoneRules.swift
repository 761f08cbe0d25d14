import Foundation

/// A time zone's UTC offsets as a transition table, so conversions in hot loops avoid Foundation.
public struct ZoneRules: Sendable {
    /// The IANA identifier.
    let identifier: String
    private let transitions: [Int64]
    /// offsets[0] applies before transitions[0]; offsets[i + 1] from transitions[i].
    private let offsets: [Int64]

    /// Builds the table for 1970–2100; `nil` for an unknown zone.
    public init?(identifier: String) {
        guard let zone = TimeZone(identifier: identifier) else { return nil }
        self.identifier = identifier
        var transitions: [Int64] = []
        var offsets: [Int64] = [Int64(zone.secondsFromGMT(for: Date(timeIntervalSince1970: 0)))]
        var cursor = Date(timeIntervalSince1970: 0)
        let end = Date(timeIntervalSince1970: 4_102_444_800)
        while let next = zone.nextDaylightSavingTimeTransition(after: cursor), next < end {
            transitions.append(Int64(next.timeIntervalSince1970.rounded()))
            offsets.append(Int64(zone.secondsFromGMT(for: next)))
            cursor = next
        }
        self.transitions = transitions
        self.offsets = offsets
    }

    /// UTC offset in seconds at the instant `utc` (epoch seconds).
    func offset(atUTC utc: Int64) -> Int64 {
        var low = 0, high = transitions.count
        while low < high {
            let mid = (low + high) / 2
            if transitions[mid] <= utc { low = mid + 1 } else { high = mid }
        }
        return offsets[low]
    }

    /// Local wall-clock seconds since the epoch at `utc`.
    public func local(_ utc: Int64) -> Int64 { utc + offset(atUTC: utc) }

    /// The instant a local wall-clock time names. In a spring-forward gap the later offset is used;
    /// in a fall-back overlap the first occurrence.
    public func utc(fromLocal local: Int64) -> Int64 {
        let first = local - offset(atUTC: local - offset(atUTC: local))
        let earlier = local - offset(atUTC: local - 86_400)
        if earlier != first, self.local(earlier) == local { return min(earlier, first) }
        if self.local(first) == local { return first }
        return local - offset(atUTC: first)
    }

    /// Whether a local wall-clock time exists once, not at all (a spring-forward gap) or twice (a fall-back overlap).
    enum LocalTimeKind: Sendable, Equatable {
        case normal, nonexistent, ambiguous
    }

    /// How often `local` occurs on this zone's clocks (offsets a day either side; zones change at most once a day).
    func kind(ofLocal local: Int64) -> LocalTimeKind {
        let before = offset(atUTC: local - 86_400), after = offset(atUTC: local + 86_400)
        if before == after { return .normal }
        let a = self.local(local - before) == local, b = self.local(local - after) == local
        if a && b { return .ambiguous }
        if !a && !b { return .nonexistent }
        return .normal
    }
}
