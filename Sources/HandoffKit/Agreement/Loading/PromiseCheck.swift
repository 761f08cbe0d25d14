import Foundation

/// Whether a custom `promise` sentence still says what the structured fields measure: a sentence that names a time
/// or a share must name the commitment's own (`within`, `goal`, the rate's bound).
enum PromiseCheck {
    static let units: [String: Int64] = [
        "s": 1, "sec": 1, "secs": 1, "second": 1, "seconds": 1, "m": 60, "min": 60, "mins": 60, "minute": 60,
        "minutes": 60,
        "h": 3600, "hr": 3600, "hrs": 3600, "hour": 3600, "hours": 3600, "d": 86400, "day": 86400, "days": 86400,
        "w": 604_800, "week": 604_800, "weeks": 604_800,
    ]

    /// What the sentence says that the fields do not (`says 30 minutes, but within is 15m`), or nil.
    static func mismatch(_ promise: String, _ c: Commitment) -> String? {
        let words = promise.lowercased().components(separatedBy: CharacterSet(charactersIn: " \t\n,;:()/-")).filter {
            !$0.isEmpty
        }
        var durations: [(Int64, String)] = []
        var percents: [Double] = []
        for (i, word) in words.enumerated() {
            let trimmed = word.trimmingCharacters(in: CharacterSet(charactersIn: ".!"))
            if trimmed.hasSuffix("%"), let v = Double(trimmed.dropLast()) {
                percents.append(v / 100)
                continue
            }
            let digits = trimmed.prefix { $0.isNumber || $0 == "." }
            guard !digits.isEmpty, let n = Double(digits) else { continue }
            var unit = String(trimmed.dropFirst(digits.count))
            if unit.isEmpty {
                // "30 minutes", "4 business hours", "24 calendar hours"
                var k = i + 1
                while k < words.count, ["business", "calendar", "working", "wall"].contains(words[k]) { k += 1 }
                unit = k < words.count ? words[k].trimmingCharacters(in: CharacterSet(charactersIn: ".!")) : ""
            }
            // A duration past Int64's seconds (`9223372036854775808 minutes`) matches no `within`: counted as the most.
            if let seconds = units[unit] {
                durations.append((Int64(exactly: (n * Double(seconds)).rounded(.down)) ?? .max, "\(digits) \(unit)"))
            }
        }
        if case .within(let limit) = c.bound, let said = durations.first,
            !durations.contains(where: { $0.0 == limit.seconds })
        {
            return "says \(said.1), but within is \(limit.compact)"
        }
        let shares: [Double]
        switch c.bound {
        case .within: shares = [c.goal.fraction]
        case .atLeast(let x), .atMost(let x): shares = [x]
        case .between(let lo, let hi): shares = [lo, hi]
        }
        if let said = percents.first, !percents.contains(where: { p in shares.contains { abs($0 - p) < 1e-9 } }) {
            return
                "says \(Percent.format(said)), but the \(c.bound.isWithin ? "goal" : "bound") is \(shares.map { Percent.format($0) }.joined(separator: "–"))"
        }
        return nil
    }
}

extension Commitment.Bound {
    /// True for a `within` bound.
    var isWithin: Bool { if case .within = self { return true } else { return false } }
}
