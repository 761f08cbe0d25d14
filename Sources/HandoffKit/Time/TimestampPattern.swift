internal import HandoffIO

/// A timestamp layout in a small pattern language (Unicode/ICU letters, the subset CRM exports need), compiled once
/// into steps matched straight against a cell's bytes.
///
/// Letters: `yyyy` (4-digit year), `yy` (2-digit year, read in the window the parser's pivot starts), `M` / `d` / `H` /
/// `h` / `m` / `s` (1 or 2 digits), `MM` / `dd` / `HH` / `hh` / `mm` / `ss` (exactly 2 digits), `MMM` (`Apr`) and
/// `MMMM` (`April`), English, any case; `a` (AM/PM, with `h`); `S`… (fraction of a second, as many digits as letters,
/// dropped); `X`, `XX`, `XXX`, `Z` (an offset: `Z`, `+HH`, `+HHMM` or `+HH:MM`). Text in single quotes is literal
/// (`''` is a quote); any other character that is not a letter is literal, and a space matches one or more spaces.
/// The whole pattern `epoch_s` or `epoch_ms` reads seconds or milliseconds since 1970.
struct TimestampPattern: Sendable, Hashable, CustomStringConvertible {
    /// The pattern as written.
    let text: String
    let steps: [Step]
    /// True when the pattern reads an offset (`X…`, `Z`): its values name their instant, not a local time.
    let hasOffset: Bool

    enum Field: Sendable, Hashable { case year4, year2, month, day, hour24, hour12, minute, second }

    enum Step: Sendable, Hashable {
        /// Digits: at least `min`, at most `max`.
        case number(Field, min: Int, max: Int)
        case monthName(long: Bool)
        case fraction(digits: Int)
        case ampm
        case offset
        /// Bytes matched ASCII case-insensitively; a space matches a run of spaces.
        case literal([UInt8])
        case epoch(millis: Bool)
    }

    /// Why a pattern was refused, and where (1-based character position).
    struct Problem: Error, Sendable, Equatable, CustomStringConvertible {
        let position: Int
        let reason: String
        var description: String { reason }
    }

    /// The letters accepted, for messages.
    static let acceptedLetters =
        "yyyy yy M MM MMM MMMM d dd H HH h hh m mm s ss S… a X XX XXX Z, 'quoted text', epoch_s, epoch_ms"

    /// Compiles `text`; throws a `Problem` naming the position and the reason.
    init(_ text: String) throws(Problem) {
        self.text = text
        if text == "epoch_s" || text == "epoch_ms" {
            steps = [.epoch(millis: text == "epoch_ms")]
            hasOffset = true
            return
        }
        let chars = Array(text)
        guard !chars.isEmpty else { throw Problem(position: 1, reason: "the pattern is empty") }
        guard chars.count <= 100 else {
            throw Problem(position: 101, reason: "the pattern is longer than 100 characters")
        }
        var steps: [Step] = []
        var literal: [UInt8] = []
        var seen: [Character: Int] = [:]
        var offset = false
        func flush() {
            if !literal.isEmpty {
                steps.append(.literal(literal))
                literal = []
            }
        }
        var i = 0
        while i < chars.count {
            let c = chars[i]
            let position = i + 1
            if c == "'" {
                if i + 1 < chars.count, chars[i + 1] == "'" {
                    literal.append(UInt8(ascii: "'"))
                    i += 2
                    continue
                }
                var j = i + 1
                var closed = false
                while j < chars.count {
                    if chars[j] == "'" {
                        if j + 1 < chars.count, chars[j + 1] == "'" {
                            literal.append(UInt8(ascii: "'"))
                            j += 2
                            continue
                        }
                        closed = true
                        break
                    }
                    literal.append(contentsOf: Array(String(chars[j]).utf8))
                    j += 1
                }
                guard closed else {
                    throw Problem(position: position, reason: "the quote at \(position) is not closed")
                }
                i = j + 1
                continue
            }
            guard c.isASCII, c.isLetter else {
                literal.append(contentsOf: Array(String(c).utf8))
                i += 1
                continue
            }
            var count = 1
            while i + count < chars.count, chars[i + count] == c { count += 1 }
            let letter = String(c)
            func bad(_ why: String) -> Problem { Problem(position: position, reason: why) }
            let step: Step
            let key: Character
            switch c {
            case "y":
                guard count == 2 || count == 4 else {
                    throw bad("'\(String(repeating: letter, count: count))' at \(position): a year is yyyy or yy")
                }
                step = .number(count == 4 ? .year4 : .year2, min: count, max: count)
                key = "y"
            case "M":
                guard count <= 4 else {
                    throw bad(
                        "'\(String(repeating: letter, count: count))' at \(position): a month is M, MM, MMM or MMMM")
                }
                step = count >= 3 ? .monthName(long: count == 4) : .number(.month, min: count, max: 2)
                key = "M"
            case "d", "H", "h", "m", "s":
                guard count <= 2 else {
                    throw bad(
                        "'\(String(repeating: letter, count: count))' at \(position): \(letter) takes one or two letters"
                    )
                }
                let field: Field =
                    c == "d" ? .day : c == "H" ? .hour24 : c == "h" ? .hour12 : c == "m" ? .minute : .second
                step = .number(field, min: count, max: 2)
                key = c == "H" ? "h" : c
            case "S":
                guard count <= 9 else {
                    throw bad("'\(String(repeating: letter, count: count))' at \(position): at most 9 fraction digits")
                }
                step = .fraction(digits: count)
                key = "S"
            case "a":
                guard count == 1 else {
                    throw bad("'\(String(repeating: letter, count: count))' at \(position): AM/PM is a single 'a'")
                }
                step = .ampm
                key = "a"
            case "X", "Z":
                guard count <= 3 else {
                    throw bad(
                        "'\(String(repeating: letter, count: count))' at \(position): an offset is X, XX, XXX or Z")
                }
                step = .offset
                key = "X"
                offset = true
            default:
                throw bad(
                    "unknown letter '\(letter)' at \(position); accepted: \(Self.acceptedLetters) (quote literal text: 'T')"
                )
            }
            if let first = seen[key] {
                throw bad("'\(letter)' at \(position) repeats the field already given at \(first)")
            }
            seen[key] = position
            flush()
            steps.append(step)
            i += count
        }
        flush()
        guard seen["y"] != nil, seen["M"] != nil, seen["d"] != nil else {
            throw Problem(
                position: 1,
                reason: "a pattern needs a year (yyyy or yy), a month (M…) and a day (d…), or is epoch_s or epoch_ms")
        }
        let twelve =
            steps.contains(.number(.hour12, min: 1, max: 2)) || steps.contains(.number(.hour12, min: 2, max: 2))
        if twelve, seen["a"] == nil {
            throw Problem(
                position: seen["h"] ?? 1,
                reason: "'h' at \(seen["h"] ?? 1) is a 12-hour clock and needs 'a' (AM/PM); use H for a 24-hour clock")
        }
        if let a = seen["a"], !twelve {
            throw Problem(position: a, reason: "'a' at \(a) (AM/PM) needs a 12-hour 'h'")
        }
        if seen["m"] != nil, seen["h"] == nil {
            throw Problem(position: seen["m"] ?? 1, reason: "minutes without an hour")
        }
        if seen["s"] != nil, seen["m"] == nil {
            throw Problem(position: seen["s"] ?? 1, reason: "seconds without minutes")
        }
        if let f = seen["S"], seen["s"] == nil {
            throw Problem(position: f, reason: "a fraction of a second without seconds")
        }
        self.steps = steps
        hasOffset = offset
    }

    var description: String { text }

    static func == (a: TimestampPattern, b: TimestampPattern) -> Bool { a.text == b.text }
    func hash(into hasher: inout Hasher) { hasher.combine(text) }

    /// What a match read: local wall-clock seconds since the epoch, or an instant when the value carried an offset.
    enum Reading: Equatable {
        case local(Int64)
        case instant(Int64)
    }

    /// Reads `b` whole, or nil. Two-digit years fall in `pivot…pivot + 99`. Never traps.
    func match(_ b: ByteView, pivot: Int) -> Reading? {
        var i = 0
        var year = -1, month = -1, day = -1, hour = 0, minute = 0, second = 0
        var pm: Bool?
        var offset: Int64?
        for step in steps {
            switch step {
            case .number(let field, let min, let max):
                var value = 0, n = 0
                while i < b.count, n < max, b[i] &- 0x30 < 10 {
                    value = value * 10 + Int(b[i] &- 0x30)
                    i += 1
                    n += 1
                }
                guard n >= min else { return nil }
                switch field {
                case .year4: year = value
                case .year2:
                    let base = pivot - pivot % 100
                    year = base + value
                    if year < pivot { year += 100 }
                case .month: month = value
                case .day: day = value
                case .hour24:
                    guard value <= 23 else { return nil }
                    hour = value
                case .hour12:
                    guard (1...12).contains(value) else { return nil }
                    hour = value
                case .minute:
                    guard value <= 59 else { return nil }
                    minute = value
                case .second:
                    guard value <= 60 else { return nil }
                    second = Swift.min(value, 59)
                }
            case .monthName(let long):
                guard let (m, length) = Self.monthName(b, at: i, long: long) else { return nil }
                month = m
                i += length
            case .fraction(let digits):
                for _ in 0..<digits {
                    guard i < b.count, b[i] &- 0x30 < 10 else { return nil }
                    i += 1
                }
            case .ampm:
                guard i + 1 < b.count, b[i + 1] | 0x20 == UInt8(ascii: "m") else { return nil }
                switch b[i] | 0x20 {
                case UInt8(ascii: "a"): pm = false
                case UInt8(ascii: "p"): pm = true
                default: return nil
                }
                i += 2
            case .offset:
                guard i < b.count else { return nil }
                let sign = b[i]
                if sign | 0x20 == UInt8(ascii: "z") {
                    offset = 0
                    i += 1
                    continue
                }
                guard sign == UInt8(ascii: "+") || sign == UInt8(ascii: "-") else { return nil }
                i += 1
                guard let oh = Self.two(b, i), oh <= 18 else { return nil }
                i += 2
                var om = 0
                if i < b.count, b[i] == UInt8(ascii: ":") {
                    guard let v = Self.two(b, i + 1), v <= 59 else { return nil }
                    om = v
                    i += 3
                } else if let v = Self.two(b, i) {
                    guard v <= 59 else { return nil }
                    om = v
                    i += 2
                }
                offset = Int64((oh * 3600 + om * 60) * (sign == UInt8(ascii: "-") ? -1 : 1))
            case .literal(let bytes):
                for c in bytes {
                    if c == 0x20 {
                        guard i < b.count, b[i] == 0x20 else { return nil }
                        while i < b.count, b[i] == 0x20 { i += 1 }
                        continue
                    }
                    guard i < b.count else { return nil }
                    let x = b[i]
                    let letter = (c | 0x20) >= UInt8(ascii: "a") && (c | 0x20) <= UInt8(ascii: "z")
                    guard x == c || (letter && x | 0x20 == c | 0x20) else { return nil }
                    i += 1
                }
            case .epoch(let millis):
                var value: Int64 = 0, n = 0
                while i < b.count, b[i] &- 0x30 < 10, n < 18 {
                    value = value * 10 + Int64(b[i] &- 0x30)
                    i += 1
                    n += 1
                }
                guard n >= 1, i == b.count else { return nil }
                let seconds = millis ? value / 1000 : value
                // 1900-01-01 … 2200-12-31, the years every other layout accepts.
                guard seconds >= -2_208_988_800, seconds <= 7_289_654_399 else { return nil }
                return .instant(seconds)
            }
        }
        guard i == b.count else { return nil }
        if let pm { hour = hour % 12 + (pm ? 12 : 0) }
        guard (1900...2200).contains(year), (1...12).contains(month), day >= 1,
            day <= LocalDate.daysIn(month: month, year: year)
        else { return nil }
        let local =
            Int64(LocalDate(year: year, month: month, day: day).daysSinceEpoch) * 86400
            + Int64(hour * 3600 + minute * 60 + second)
        if let offset { return .instant(local - offset) }
        return .local(local)
    }

    private static func two(_ b: ByteView, _ i: Int) -> Int? {
        guard i + 1 < b.count, b[i] &- 0x30 < 10, b[i + 1] &- 0x30 < 10 else { return nil }
        return Int(b[i] &- 0x30) * 10 + Int(b[i + 1] &- 0x30)
    }

    static let monthNames: [[UInt8]] = [
        "january", "february", "march", "april", "may", "june", "july", "august", "september",
        "october", "november", "december",
    ].map { Array($0.utf8) }

    /// The month whose English name (short: its first three letters; long: the full name) starts at `i`.
    private static func monthName(_ b: ByteView, at i: Int, long: Bool) -> (Int, Int)? {
        for (k, name) in monthNames.enumerated() {
            let length = long ? name.count : 3
            guard i + length <= b.count else { continue }
            var same = true
            for j in 0..<length where b[i + j] | 0x20 != name[j] {
                same = false
                break
            }
            if same { return (k + 1, length) }
        }
        return nil
    }
}
