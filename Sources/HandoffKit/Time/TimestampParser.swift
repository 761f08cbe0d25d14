internal import HandoffIO

/// Parses the timestamp shapes CRM exports write, straight from bytes, without Foundation's formatters.
///
/// Without patterns (the built-in shapes): ISO 8601 (`2026-11-16`, `2026-11-16T14:03:00Z`, `…+01:00`, `2026-11-16 14:03`),
/// `M/D/YYYY [h:mm[:ss] [AM|PM]]`, `DD-MM-YYYY [HH:MM]`, `DD.MM.YYYY`, epoch seconds (10 digits) and milliseconds (13 digits).
/// With patterns (`TimestampPattern`, from `data.date_formats` or detected from a sample): the patterns in order, then the
/// built-in shapes that cannot be misread (ISO 8601 and epochs; for detected columns also day/month dates whose day is
/// above 12). Times without an offset are local to the export's zone.
struct TimestampParser: Sendable {
    /// A date layout that can be forced for ambiguous exports (the names `data.date_formats` accepted before patterns).
    enum Layout: String, Sendable, CaseIterable {
        case iso = "YYYY-MM-DD"
        case monthFirst = "M/D/YYYY"
        case dayFirst = "D/M/YYYY"
        case dayFirstDash = "DD-MM-YYYY"
        case monthFirstDash = "MM-DD-YYYY"
        case epochSeconds = "epoch_s"
        case epochMillis = "epoch_ms"

        /// The accepted spellings.
        static let patterns = allCases.map(\.rawValue)

        /// The layout for a pattern, or `nil`.
        init?(pattern: String) { self.init(rawValue: pattern) }

        /// The patterns this name stands for when it is listed beside patterns or under a column: the date with each
        /// time of day the built-in reader accepts after it. `YYYY-MM-DD` stands for the built-in ISO 8601 reading.
        var expansion: [TimestampPattern] {
            let date: String
            switch self {
            case .iso: return []
            case .monthFirst: date = "M/d/yyyy"
            case .dayFirst: date = "d/M/yyyy"
            case .dayFirstDash: date = "d-M-yyyy"
            case .monthFirstDash: date = "M-d-yyyy"
            case .epochSeconds, .epochMillis: return [try! TimestampPattern(rawValue)]
            }
            return TimestampParser.timeSuffixes.map { try! TimestampPattern(date + $0) }
        }
    }

    /// Times of day that may follow a date, for detection and for the old layout names.
    static let timeSuffixes = ["", " H:mm", " H:mm:ss", " h:mm a", " h:mm:ss a", " h:mma", " h:mm:ssa"]

    /// Which built-in shapes a parser with patterns still reads after its patterns.
    enum Fallback: Sendable {
        /// ISO 8601 (year first) and epoch seconds or milliseconds: what no pattern can misread.
        case isoAndEpoch
        /// Also the built-in day/month shapes when the value itself decides the order (a day above 12).
        case unambiguous
    }

    let zone: ZoneRules
    private let preferred: [Layout]
    /// Empty: the built-in shapes with `preferred`. Otherwise these, then `fallback`.
    let patterns: [TimestampPattern]
    private let fallback: Fallback
    /// Two-digit years (`yy`) fall in `pivot…pivot + 99`.
    let twoDigitYearPivot: Int

    /// The default window for two-digit years: 1970–2069.
    static let defaultPivot = 1970

    /// A parser for local times in `zone`, trying `preferred` layouts first.
    init(zone: ZoneRules, preferred: [Layout] = []) {
        self.zone = zone
        self.preferred = preferred
        patterns = []
        fallback = .isoAndEpoch
        twoDigitYearPivot = Self.defaultPivot
    }

    /// A parser that reads `patterns` in order (local times in `zone`), then the built-in shapes `fallback` allows.
    /// With no patterns it is the built-in parser.
    init(
        zone: ZoneRules, patterns: [TimestampPattern], twoDigitYearPivot: Int = TimestampParser.defaultPivot,
        fallback: Fallback = .isoAndEpoch
    ) {
        self.zone = zone
        self.preferred = []
        self.patterns = patterns
        self.fallback = fallback
        self.twoDigitYearPivot = twoDigitYearPivot
    }

    /// The zone local times are read in.
    var zoneIdentifier: String { zone.identifier }

    /// The patterns in words, for messages: `'M/d/yyyy H:mm', 'M/d/yyyy'` (at most four, then how many more).
    var layoutDescription: String {
        let shown = patterns.prefix(4).map { "'\($0.text)'" }.joined(separator: ", ")
        return patterns.count > 4 ? "\(shown) and \(patterns.count - 4) more" : shown
    }

    /// Epoch seconds, or `nil` when the text is not a timestamp this parser can read unambiguously.
    func parse(_ bytes: ByteView) -> Int64? {
        if let t = Self.isoUTC(bytes) { return t }
        if patterns.isEmpty { return builtIn(bytes, preferred: preferred, rule: .any) }
        for p in patterns {
            switch p.match(bytes, pivot: twoDigitYearPivot) {
            case .local(let local)?: return zone.utc(fromLocal: local)
            case .instant(let t)?: return t
            case nil: continue
            }
        }
        return builtIn(bytes, preferred: [], rule: fallback == .isoAndEpoch ? .isoAndEpoch : .unambiguous)
    }

    /// `parse`, also saying whether a local time fell in a DST gap (it does not exist) or overlap (it names two instants).
    func parseNoting(_ bytes: ByteView) -> (time: Int64, local: ZoneRules.LocalTimeKind)? {
        if let t = Self.isoUTC(bytes) { return (t, .normal) }
        if patterns.isEmpty { return builtIn(bytes, preferred: preferred, rule: .any).map { ($0, .normal) } }
        for p in patterns {
            switch p.match(bytes, pivot: twoDigitYearPivot) {
            case .local(let local)?: return (zone.utc(fromLocal: local), zone.kind(ofLocal: local))
            case .instant(let t)?: return (t, .normal)
            case nil: continue
            }
        }
        return builtIn(bytes, preferred: [], rule: fallback == .isoAndEpoch ? .isoAndEpoch : .unambiguous).map {
            ($0, .normal)
        }
    }

    /// What the built-in reader may return: anything, only ISO 8601 and epochs, or only what the value decides.
    enum Rule { case any, isoAndEpoch, unambiguous }

    /// The built-in shapes.
    func builtIn(_ bytes: ByteView, preferred: [Layout], rule: Rule) -> Int64? {
        var s = Scanner(bytes: bytes)
        s.skipSpaces()
        guard let first = s.digits() else { return nil }
        let (value, count) = first
        if s.atEnd {
            if count == 13, preferred.isEmpty || preferred.contains(.epochMillis) { return value / 1000 }
            if count == 10, preferred.isEmpty || preferred.contains(.epochSeconds) { return value }
            return nil
        }
        var year = 0, month = 0, day = 0
        let separator = s.next()
        if count == 4, separator == UInt8(ascii: "-") || separator == UInt8(ascii: "/") {
            guard let m = s.number(maxDigits: 2), s.next() == separator, let d = s.number(maxDigits: 2) else {
                return nil
            }
            (year, month, day) = (Int(value), m, d)
        } else if count <= 2, rule != .isoAndEpoch, let sep = separator,
            [UInt8(ascii: "/"), UInt8(ascii: "-"), UInt8(ascii: ".")].contains(sep)
        {
            guard let second = s.number(maxDigits: 2), s.next() == sep, let y = s.number(maxDigits: 4, minDigits: 4)
            else { return nil }
            // Both fields could be the month: only the order a layout names may decide.
            if rule == .unambiguous, value <= 12, second <= 12, Int(value) != second { return nil }
            year = y
            let dayFirst: Bool
            if sep == UInt8(ascii: "/") {
                dayFirst = preferred.first(where: { $0 == .dayFirst || $0 == .monthFirst }) == .dayFirst
            } else if sep == UInt8(ascii: ".") {
                dayFirst = true
            } else {
                dayFirst = preferred.first(where: { $0 == .dayFirstDash || $0 == .monthFirstDash }) != .monthFirstDash
            }
            (month, day) = dayFirst ? (second, Int(value)) : (Int(value), second)
        } else {
            return nil
        }
        guard (1...12).contains(month), day >= 1, day <= LocalDate.daysIn(month: month, year: year),
            (1900...2200).contains(year)
        else { return nil }
        var seconds = 0
        var offset: Int64?
        if !s.atEnd {
            guard let sep = s.next(), sep == UInt8(ascii: "T") || sep == UInt8(ascii: " ") else { return nil }
            s.skipSpaces()
            guard let h = s.number(maxDigits: 2), s.next() == UInt8(ascii: ":"),
                let mi = s.number(maxDigits: 2, minDigits: 2)
            else { return nil }
            var sec = 0
            if s.peek == UInt8(ascii: ":") {
                _ = s.next()
                guard let v = s.number(maxDigits: 2, minDigits: 2) else { return nil }
                sec = v
                if s.peek == UInt8(ascii: ".") || s.peek == UInt8(ascii: ",") {
                    _ = s.next()
                    _ = s.digits()
                }
            }
            var hour = h
            s.skipSpaces()
            if let p = s.peek,
                p == UInt8(ascii: "A") || p == UInt8(ascii: "P") || p == UInt8(ascii: "a") || p == UInt8(ascii: "p")
            {
                _ = s.next()
                guard let mChar = s.next(), mChar | 0x20 == UInt8(ascii: "m"), (1...12).contains(hour) else {
                    return nil
                }
                let pm = p | 0x20 == UInt8(ascii: "p")
                hour = hour % 12 + (pm ? 12 : 0)
            }
            guard hour <= 23, mi <= 59, sec <= 60 else { return nil }
            seconds = hour * 3600 + mi * 60 + min(sec, 59)
            s.skipSpaces()
            if let p = s.peek {
                if p == UInt8(ascii: "Z") || p == UInt8(ascii: "z") {
                    _ = s.next()
                    offset = 0
                } else if p == UInt8(ascii: "+") || p == UInt8(ascii: "-") {
                    _ = s.next()
                    guard let oh = s.number(maxDigits: 2, minDigits: 2) else { return nil }
                    if s.peek == UInt8(ascii: ":") { _ = s.next() }
                    let om = s.number(maxDigits: 2, minDigits: 2) ?? 0
                    offset = Int64((oh * 3600 + om * 60) * (p == UInt8(ascii: "-") ? -1 : 1))
                } else if s.matches("UTC") || s.matches("GMT") {
                    offset = 0
                }
            }
            s.skipSpaces()
            guard s.atEnd else { return nil }
        }
        let local = Int64(LocalDate(year: year, month: month, day: day).daysSinceEpoch) * 86400 + Int64(seconds)
        if let offset { return local - offset }
        return zone.utc(fromLocal: local)
    }

    /// The fast path for the most common export layout, `YYYY-MM-DDTHH:MM:SSZ` (20 bytes), straight from the digits.
    static func isoUTC(_ b: ByteView) -> Int64? {
        guard b.count == 20, b[4] == 0x2D, b[7] == 0x2D, b[10] == 0x54, b[13] == 0x3A, b[16] == 0x3A, b[19] == 0x5A
        else { return nil }
        var ok = true
        func two(_ i: Int) -> Int {
            let a = Int(b[i]) &- 0x30, c = Int(b[i + 1]) &- 0x30
            if a < 0 || a > 9 || c < 0 || c > 9 { ok = false }
            return a &* 10 &+ c
        }
        let year = two(0) &* 100 &+ two(2)
        let month = two(5), day = two(8), hour = two(11), minute = two(14), second = two(17)
        guard ok else { return nil }
        guard (1...12).contains(month), day >= 1, day <= LocalDate.daysIn(month: month, year: year),
            (1900...2200).contains(year),
            hour <= 23, minute <= 59, second <= 59
        else { return nil }
        return Int64(LocalDate(year: year, month: month, day: day).daysSinceEpoch) * 86400
            + Int64(hour * 3600 + minute * 60 + second)
    }

    /// Parses a Swift string (tests, config).
    func parse(_ text: String) -> Int64? {
        ByteView.with(text) { parse($0) }
    }

    private struct Scanner {
        let bytes: ByteView
        var i = 0

        var atEnd: Bool { i >= bytes.count }
        var peek: UInt8? { i < bytes.count ? bytes[i] : nil }

        mutating func next() -> UInt8? {
            guard i < bytes.count else { return nil }
            defer { i += 1 }
            return bytes[i]
        }

        mutating func skipSpaces() { while i < bytes.count, bytes[i] == 0x20 { i += 1 } }

        mutating func digits() -> (Int64, Int)? {
            var value: Int64 = 0, count = 0
            while i < bytes.count, bytes[i] >= 0x30, bytes[i] <= 0x39, count < 18 {
                value = value * 10 + Int64(bytes[i] - 0x30)
                i += 1
                count += 1
            }
            return count == 0 ? nil : (value, count)
        }

        mutating func number(maxDigits: Int, minDigits: Int = 1) -> Int? {
            var value = 0, count = 0
            while i < bytes.count, bytes[i] >= 0x30, bytes[i] <= 0x39, count < maxDigits {
                value = value * 10 + Int(bytes[i] - 0x30)
                i += 1
                count += 1
            }
            return count >= minDigits ? value : nil
        }

        mutating func matches(_ word: String) -> Bool {
            let w = Array(word.utf8)
            guard i + w.count <= bytes.count, bytes.view(i..<(i + w.count)).equals(w) else { return false }
            i += w.count
            return true
        }
    }
}
