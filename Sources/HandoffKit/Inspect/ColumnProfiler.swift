import Foundation
internal import HandoffIO

/// Reads an export's rows twice: the first `ExportInspector.typedRowLimit` rows to judge each column's type (and a
/// date column's layout, as the loader's detection would), then every row for the counts.
struct ColumnProfiler {
    let headers: [String]
    let decimalComma: Bool
    let isBlank: (ByteView) -> Bool

    /// Data rows, and rows whose field count differs from the header's.
    private(set) var rows = 0
    private(set) var ragged = 0
    /// Rows looked at for types.
    private(set) var sampledRows = 0

    /// What the sample says of one column.
    private struct Sampled {
        var values = 0
        var integers = 0, numbers = 0, booleans = 0
        var dates: [TimestampDetection.Sample] = []
    }

    /// What every row says of one column.
    private struct Counted {
        var blanks = 0
        var samples: [String] = []
        var counts: [String: Int]? = [:]
        var seen: Set<String>? = []
        var probe: [String] = []
        var probed: Set<String> = []
        var patternUse: [Int] = []
        var unreadDates = 0
    }

    private var sampled: [Sampled]
    private var counted: [Counted]
    /// Date columns decided after the sample: their reading and compiled patterns.
    private var readings: [DateReading?]
    private var patterns: [[TimestampPattern]]

    init(headers: [String], decimalComma: Bool, isBlank: @escaping (ByteView) -> Bool) {
        self.headers = headers
        self.decimalComma = decimalComma
        self.isBlank = isBlank
        sampled = headers.map { _ in Sampled() }
        counted = headers.map { _ in Counted() }
        readings = headers.map { _ in nil }
        patterns = headers.map { _ in [] }
    }

    /// `yyyyMMdd` and `yyyyMMddHHmmss`, with the times of day detection tries: dates written as digits only.
    static let compactDates = TimestampDetection.candidates.map(\.pattern).filter { $0.text.hasPrefix("yyyyMMdd") }

    /// Every layout detection tries.
    static let allDates = TimestampDetection.candidates.map(\.pattern)

    /// A cheap test before trying every layout: a date has a digit and fewer than 48 characters.
    static func mayBeDate(_ text: String) -> Bool {
        text.utf8.count < 48 && text.utf8.contains { $0 >= 0x30 && $0 <= 0x39 }
    }

    static let booleans: Set<String> = ["true", "false", "yes", "no", "y", "n", "t", "f"]

    private struct Enough: Error {}

    /// Reads the first rows: value shapes, and up to `TimestampDetection.sampleSize` values per column for dates.
    mutating func sample(_ source: String, delimiter: UInt8, span: Range<Int>, firstLine: Int) throws {
        let width = headers.count
        var local = sampled
        var n = 0
        do {
            try CSVReader(path: source, chunkSize: 1 << 20, delimiter: delimiter).forEachRecord(
                in: span, firstLine: firstLine
            ) { r in
                n += 1
                for i in 0..<min(width, r.count) {
                    let raw = r.trimmedBytes(i)
                    if raw.isEmpty || isBlank(raw) { continue }
                    let text = r.string(i) ?? String(decoding: raw, as: UTF8.self)
                    local[i].values += 1
                    // Each shape is tested only while every value so far had it.
                    let seen = local[i].values - 1
                    let integer = ColumnProfiler.isInteger(raw)
                    if local[i].integers == seen, integer { local[i].integers += 1 }
                    if local[i].numbers == seen, integer || ColumnProfiler.isNumber(text, decimalComma: decimalComma) {
                        local[i].numbers += 1
                    }
                    if local[i].booleans == seen, raw.count <= 5, ColumnProfiler.booleans.contains(text.lowercased()) {
                        local[i].booleans += 1
                    }
                    if local[i].dates.count < TimestampDetection.sampleSize {
                        local[i].dates.append(.init(text, line: r.line))
                    }
                }
                if n >= ExportInspector.typedRowLimit { throw Enough() }
            }
        } catch is Enough {}
        sampled = local
        sampledRows = n
        for i in 0..<width { decideDate(i) }
    }

    /// A date column's reading, decided on the sample as the loader decides it; nil when the column is not dates.
    private mutating func decideDate(_ i: Int) {
        let s = sampled[i]
        guard s.values > 0, s.booleans < s.values else { return }
        let values = s.dates
        if s.integers == s.values {
            // Digits only: a date when every value is yyyyMMdd(HHmmss) or an epoch of this century; else a number.
            let digitsOnly = values.allSatisfy { v in
                (v.text.count == 8 || v.text.count == 14)
                    && ColumnProfiler.matchesAny(v.text, ColumnProfiler.compactDates)
            }
            if !digitsOnly {
                if values.allSatisfy({ ColumnProfiler.isEpoch($0.text) }) { readings[i] = .epoch }
                return
            }
        } else {
            // Mostly values a date layout or ISO 8601 reads (a date has a digit and is short).
            var misses = 0
            for v in values
            where
                !(ColumnProfiler.mayBeDate(v.text)
                && (ColumnProfiler.isBuiltIn(v.text) || ColumnProfiler.matchesAny(v.text, ColumnProfiler.allDates)))
            {
                misses += 1
                if misses * 10 > values.count { return }
            }
        }
        let (outcome, options) = TimestampDetection.analyze(column: headers[i], sample: values)
        switch outcome {
        case .builtIn:
            readings[i] =
                values.allSatisfy { ColumnProfiler.isEpoch($0.text) }
                ? .epoch : values.allSatisfy { ColumnProfiler.isISO($0.text) } ? .iso : .builtIn
        case .patterns(let list):
            readings[i] = .patterns([])
            patterns[i] = list
        case .problem(let message, _):
            readings[i] = .undecided(message: message, options: options.map { $0.map(\.text) })
        }
    }

    /// Reads every row: blanks, samples, distinct values, uniqueness, and which pattern reads each date.
    mutating func count(_ source: String, delimiter: UInt8, span: Range<Int>, firstLine: Int) throws {
        let width = headers.count
        var local = counted
        for i in 0..<width { local[i].patternUse = patterns[i].map { _ in 0 } }
        let patterns = self.patterns
        var n = 0, odd = 0
        try CSVReader(path: source, chunkSize: 1 << 20, delimiter: delimiter).forEachRecord(
            in: span, firstLine: firstLine
        ) { r in
            n += 1
            if r.count != width { odd += 1 }
            for i in 0..<width {
                let raw = r.trimmedBytes(i)
                if i >= r.count || raw.isEmpty || isBlank(raw) {
                    local[i].blanks += 1
                    continue
                }
                let text = r.string(i) ?? String(decoding: raw, as: UTF8.self)
                if local[i].counts != nil {
                    local[i].counts![text, default: 0] += 1
                    if local[i].counts!.count > ColumnProfile.distinctLimit { local[i].counts = nil }
                }
                if local[i].seen != nil, local[i].seen!.insert(text).inserted == false { local[i].seen = nil }
                if local[i].probe.count < 200, local[i].probed.insert(text).inserted {
                    local[i].probe.append(text)
                    if local[i].samples.count < 3 { local[i].samples.append(text) }
                }
                if !patterns[i].isEmpty {
                    if let k = patterns[i].firstIndex(where: { p in
                        p.match(raw, pivot: TimestampParser.defaultPivot) != nil
                    }) {
                        local[i].patternUse[k] += 1
                    } else if !ColumnProfiler.isISO(text), !ColumnProfiler.isEpoch(text) {
                        local[i].unreadDates += 1
                    }
                }
            }
        }
        counted = local
        rows = n
        ragged = odd
    }

    /// The profiles, types final.
    func columns() -> [ColumnProfile] {
        headers.indices.map { i in
            let c = counted[i], s = sampled[i]
            let nonBlank = rows - c.blanks
            var profile = ColumnProfile(
                header: headers[i], position: i, type: .text, blanks: c.blanks, samples: c.samples,
                distinct: c.counts?.count)
            profile.probe = c.probe
            let unique = c.seen != nil && nonBlank == rows && rows > 1
            let top = (c.counts ?? [:]).sorted { ($0.value, $1.key) > ($1.value, $0.key) }.prefix(10).map {
                (value: $0.key, count: $0.value)
            }
            let nameHintsID = ColumnNames.hintsID(headers[i])
            if nonBlank == 0 {
                profile.type = .empty
            } else if s.values == 0 {
                profile.type = .text
            } else if s.booleans == s.values {
                profile.type = .boolean
                profile.topValues = top
            } else if let reading = readings[i] {
                if case .patterns = reading {
                    let used = patterns[i].indices.filter { c.patternUse[$0] > 0 }.map { patterns[i][$0].text }
                    profile.type = .dateTime(.patterns(used.isEmpty ? patterns[i].prefix(1).map(\.text) : used))
                    profile.unreadDates = c.unreadDates
                } else {
                    profile.type = .dateTime(reading)
                }
            } else if s.integers == s.values {
                profile.type = unique && nameHintsID ? .id : .integer
            } else if s.numbers == s.values {
                profile.type = .number
            } else if unique, c.probe.allSatisfy(FooterScan.looksLikeID),
                nameHintsID || c.probe.allSatisfy({ $0.contains(where: \.isNumber) })
            {
                profile.type = .id
            } else if let d = c.counts?.count, d <= ColumnProfile.categoryLimit, nonBlank > d {
                profile.type = .category
                profile.topValues = top
            } else {
                profile.type = .text
            }
            if profile.type == .id { profile.idValues = c.seen ?? [] }
            return profile
        }
    }

    // MARK: value shapes

    static func isInteger(_ raw: ByteView) -> Bool {
        var digits = 0
        for (k, b) in raw.enumerated() {
            if b >= 0x30 && b <= 0x39 { digits += 1 } else if !(k == 0 && (b == 0x2D || b == 0x2B)) { return false }
        }
        return digits > 0
    }

    static func isNumber(_ text: String, decimalComma: Bool) -> Bool {
        guard text.utf8.contains(where: { $0 >= 0x30 && $0 <= 0x39 }) else { return false }
        var t = text
        if t.hasSuffix("%") { t.removeLast() }
        if case .success = ExportNumber.parse(t, decimalComma: decimalComma) { return true }
        return false
    }

    /// 10 or 13 digits that are a time in 2000–2039 (epoch seconds or milliseconds).
    static func isEpoch(_ text: String) -> Bool {
        guard text.allSatisfy({ $0.isASCII && $0.isNumber }), let v = Int64(text) else { return false }
        let seconds = text.count == 13 ? v / 1000 : text.count == 10 ? v : -1
        return seconds >= 946_684_800 && seconds < 2_208_988_800
    }

    /// ISO 8601: a full timestamp, or a `yyyy-MM-dd` date (with a time) the built-in reader reads.
    static func isISO(_ text: String) -> Bool {
        let b = Array(text.utf8)
        if ByteView.with(b, { TimestampParser.isoUTC($0) != nil }) { return true }
        let digit = { (k: Int) in k < b.count && b[k] >= 0x30 && b[k] <= 0x39 }
        let shape =
            (0..<4).allSatisfy(digit) && b.count >= 10 && b[4] == 0x2D && digit(5) && digit(6) && b[7] == 0x2D
            && digit(8) && digit(9)
        return shape && isBuiltIn(text)
    }

    /// The built-in reader in UTC (ISO 8601 dates and times, epochs, the old day/month layouts).
    static let builtInReader = ZoneRules(identifier: "UTC").map { TimestampParser(zone: $0) }

    /// True when the built-in reader reads the value (ISO 8601 with or without a time, an epoch, `M/D/YYYY`, …).
    static func isBuiltIn(_ text: String) -> Bool {
        ByteView.with(text) { b in
            TimestampParser.isoUTC(b) != nil || builtInReader?.builtIn(b, preferred: [], rule: .any) != nil
        }
    }

    static func matchesAny(_ text: String, _ patterns: [TimestampPattern]) -> Bool {
        ByteView.with(text) { b in
            patterns.contains { $0.match(b, pivot: TimestampParser.defaultPivot) != nil }
        }
    }
}
