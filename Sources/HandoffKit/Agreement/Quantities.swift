internal import HandoffIO

/// A length of time, in whole seconds: `30m`, `24h`, `90d`, `1w`, `1h30m`.
struct TimeSpan: Hashable, Comparable, Sendable, CustomStringConvertible {
    /// Whole seconds.
    var seconds: Int64

    /// The longest span an agreement may write: 100 years of 365 days, so sums of spans and instants never overflow.
    static let longest = TimeSpan(seconds: 100 * 365 * 86400)

    /// Creates a span of `seconds`.
    init(seconds: Int64) { self.seconds = seconds }

    /// Parses `30m`, `24h`, `90d`, `2w`, `45s`, `1h30m`; `nil` when the text is not a duration or is longer than `longest`.
    init?(parsing text: String) {
        let units: [Character: Int64] = ["s": 1, "m": 60, "h": 3600, "d": 86400, "w": 604_800]
        var total: Int64 = 0
        var digits = ""
        var sawUnit = false
        for ch in text.trimmingSpaces() {
            if ch.isASCII, ch.isNumber {
                digits.append(ch)
            } else if let unit = units[ch], let value = Int64(digits), value <= 1_000_000 {
                total += value * unit
                digits = ""
                sawUnit = true
            } else {
                return nil
            }
        }
        guard sawUnit, digits.isEmpty, total <= TimeSpan.longest.seconds else { return nil }
        seconds = total
    }

    /// Compact form as written in an agreement: `30m`, `24h`, `1h30m`.
    var compact: String {
        if seconds == 0 { return "0m" }
        var rest = seconds
        var out = ""
        let units: [(String, Int64)] =
            seconds % 86400 == 0 && seconds >= 2 * 86400 ? [("d", 86400)] : [("h", 3600), ("m", 60), ("s", 1)]
        for (unit, size) in units where rest >= size {
            out += "\(rest / size)\(unit)"
            rest %= size
        }
        return out
    }

    /// Words: `30 minutes`, `24 hours`, `1 hour 30 minutes`.
    var description: String {
        if seconds == 0 { return "0 minutes" }
        var rest = seconds
        var parts: [String] = []
        let units: [(String, Int64)] =
            seconds % 86400 == 0 && seconds >= 2 * 86400
            ? [("day", 86400)] : [("hour", 3600), ("minute", 60), ("second", 1)]
        for (unit, size) in units where rest >= size {
            let n = rest / size
            parts.append("\(n) \(unit)\(n == 1 ? "" : "s")")
            rest %= size
        }
        return parts.joined(separator: " ")
    }

    static func < (lhs: TimeSpan, rhs: TimeSpan) -> Bool { lhs.seconds < rhs.seconds }
}

/// A share written as a percentage: `90%`. Stored as a fraction (0.9).
struct Percent: Hashable, Comparable, Sendable, CustomStringConvertible {
    /// The fraction, 0.9 for 90%.
    var fraction: Double

    /// Creates a share from a fraction.
    init(fraction: Double) { self.fraction = fraction }

    /// Parses `90%` or `12.5%`; `nil` otherwise.
    init?(parsing text: String) {
        let t = text.trimmingSpaces()
        guard t.hasSuffix("%"), let value = Double(t.dropLast().trimmingSpaces()), value.isFinite else { return nil }
        fraction = value / 100
    }

    /// `90%`, `12.5%`.
    var description: String { Percent.format(fraction) }

    /// Formats a fraction as a percentage with at most one decimal.
    static func format(_ fraction: Double) -> String {
        let tenths = (fraction * 1000).rounded()
        // Beyond whole-number range (or not a number at all) the value is written as Swift prints it, never converted.
        guard tenths.isFinite, abs(tenths) < Amount.largest else { return "\(fraction * 100)%" }
        return tenths.truncatingRemainder(dividingBy: 10) == 0 ? "\(Int(tenths / 10))%" : "\(tenths / 10)%"
    }

    static func < (lhs: Percent, rhs: Percent) -> Bool { lhs.fraction < rhs.fraction }
}

/// A plain amount with an optional magnitude suffix: `250`, `10M`, `342.09K`, `$22,700.00`.
enum Amount {
    /// The largest magnitude an amount may have (a quadrillion): far above any revenue or head count, and every whole
    /// amount below it converts to an integer exactly.
    static let largest = 1e15

    /// Parses an amount; `nil` when the text is not one or its magnitude is `largest` or more.
    static func parse(_ text: some StringProtocol) -> Double? {
        var t = String(text).trimmingSpaces().replacingAll(",", with: "")
        for symbol in ["$", "€", "£", "USD", "EUR"] where t.hasPrefix(symbol) {
            t = String(t.dropFirst(symbol.count)).trimmingSpaces()
        }
        var scale = 1.0
        if let last = t.last, let factor = ["k": 1e3, "K": 1e3, "m": 1e6, "M": 1e6, "b": 1e9, "B": 1e9][last] {
            scale = factor
            t.removeLast()
        }
        guard !t.isEmpty, let value = Double(t), value.isFinite, abs(value * scale) < largest else { return nil }
        return value * scale
    }

    /// `250`, `5,000`, `250,000` — whole numbers with thousands separators, for counts of people.
    static func grouped(_ value: Double) -> String {
        guard value == value.rounded(), abs(value) < 1e15 else { return format(value) }
        var digits = String(Int64(abs(value)))
        var out = ""
        while digits.count > 3 {
            out = "," + digits.suffix(3) + out
            digits.removeLast(3)
        }
        return (value < 0 ? "-" : "") + digits + out
    }

    /// `250`, `10M`, `1.5B`.
    static func format(_ value: Double) -> String {
        // Beyond whole-number range (or not a number at all) the value is written as Swift prints it, never converted.
        guard value.isFinite, abs(value) < largest else { return "\(value)" }
        for (suffix, size) in [("B", 1e9), ("M", 1e6), ("K", 1e3)] where abs(value) >= size {
            let scaled = value / size
            if scaled == scaled.rounded() { return "\(Int(scaled))\(suffix)" }
            if (scaled * 10).rounded() == scaled * 10 { return "\(scaled)\(suffix)" }
        }
        return value == value.rounded() ? "\(Int(value))" : "\(value)"
    }
}

extension StringProtocol {
    /// The text without leading and trailing spaces, tabs and line breaks.
    func trimmingSpaces() -> String {
        var s = Substring(self)
        while let f = s.first, f.isWhitespace { s.removeFirst() }
        while let l = s.last, l.isWhitespace { s.removeLast() }
        return String(s)
    }

    /// Every occurrence of `target` replaced.
    func replacingAll(_ target: String, with replacement: String) -> String {
        guard !target.isEmpty else { return String(self) }
        // Most texts never hold the target: a byte search says so without walking Characters.
        guard ByteSearch.contains(target, in: String(self)) else { return String(self) }
        var out = ""
        var rest = Substring(self)
        while let range = rest.range(of: target) {
            out += rest[..<range.lowerBound] + replacement
            rest = rest[range.upperBound...]
        }
        return out + rest
    }
}

extension Substring {
    func range(of target: String) -> Range<Index>? {
        guard let first = target.first else { return nil }
        var i = startIndex
        while i < endIndex {
            if self[i] == first, self[i...].hasPrefix(target) {
                return i..<(index(i, offsetBy: target.count))
            }
            i = index(after: i)
        }
        return nil
    }
}
