internal import HandoffIO

/// The timestamp layouts an agreement declares (`data.date_formats`): for every timestamp column (a list) or per
/// canonical column (a map). A column nobody declared has its layout detected from a sample of its values.
struct TimestampFormats: Sendable, Equatable {
    /// A list of the old layout names only (`[D/M/YYYY]`): every timestamp column is read by the built-in reader with
    /// these preferences, exactly as before patterns existed.
    var legacy: [TimestampParser.Layout] = []
    /// A list with at least one pattern: every timestamp column reads these (old names expanded).
    var all: [TimestampPattern] = []
    /// Canonical column (`created_at`, `mql_at`, `activity_at`, …) → its patterns, tried in order.
    var byColumn: [String: [TimestampPattern]] = [:]
    /// Two-digit years fall in `twoDigitYearPivot…twoDigitYearPivot + 99` (`data.two_digit_year_pivot`).
    var twoDigitYearPivot = TimestampParser.defaultPivot

    /// Nothing declared: every column detected.
    static let none = TimestampFormats()

    init(
        legacy: [TimestampParser.Layout] = [], all: [TimestampPattern] = [],
        byColumn: [String: [TimestampPattern]] = [:],
        twoDigitYearPivot: Int = TimestampParser.defaultPivot
    ) {
        self.legacy = legacy
        self.all = all
        self.byColumn = byColumn
        self.twoDigitYearPivot = twoDigitYearPivot
    }

    /// True when a list applies to every column, so nothing is detected.
    var coversEveryColumn: Bool { !legacy.isEmpty || !all.isEmpty }

    /// One entry of `data.date_formats`: an old layout name (expanded) or a pattern.
    static func compile(_ text: String) throws(TimestampPattern.Problem) -> [TimestampPattern] {
        if let layout = TimestampParser.Layout(pattern: text) { return layout.expansion }
        return [try TimestampPattern(text)]
    }

    /// The parser for `column` when the agreement declares its layout, else nil (the column is then detected).
    func declaredParser(_ column: String, zone: ZoneRules) -> TimestampParser? {
        if let patterns = byColumn[column] {
            return TimestampParser(
                zone: zone, patterns: patterns, twoDigitYearPivot: twoDigitYearPivot, fallback: .isoAndEpoch)
        }
        if !all.isEmpty {
            return TimestampParser(
                zone: zone, patterns: all, twoDigitYearPivot: twoDigitYearPivot, fallback: .isoAndEpoch)
        }
        if !legacy.isEmpty { return TimestampParser(zone: zone, preferred: legacy) }
        return nil
    }
}

extension TimestampParser {
    /// One parser per canonical column from a per-file map (column → patterns, tried in order, then ISO 8601 and
    /// epochs); local times in `zone`, two-digit years from `twoDigitYearPivot`.
    static func columns(
        _ map: [String: [TimestampPattern]], zone: ZoneRules,
        twoDigitYearPivot: Int = TimestampParser.defaultPivot
    ) -> [String: TimestampParser] {
        map.mapValues {
            TimestampParser(zone: zone, patterns: $0, twoDigitYearPivot: twoDigitYearPivot, fallback: .isoAndEpoch)
        }
    }
}

/// Detects a timestamp column's layout from a sample of its values, or says why it cannot — never guessing.
enum TimestampDetection {
    /// One value of the sample and its line in the file.
    struct Sample: Sendable {
        let text: String
        let line: Int
        init(_ text: String, line: Int) {
            self.text = text
            self.line = line
        }
    }

    /// What the sample says.
    enum Outcome: Sendable, Equatable {
        /// Every value is a built-in shape (ISO 8601, epoch) or nothing better fits: the built-in reader, as before.
        case builtIn
        /// These patterns read the sample, one reading each.
        case patterns([TimestampPattern])
        /// No decision: the message (what was seen, why, the line to add) and the line of the value it quotes.
        case problem(message: String, line: Int)
    }

    /// Layouts tried on values that are not a built-in shape. Each family lists readings of one shape that differ only
    /// in field order; each is tried with every time of day in `TimestampParser.timeSuffixes`.
    static let families: [[String]] = [
        ["M/d/yyyy", "d/M/yyyy"], ["M/d/yy", "d/M/yy"], ["M-d-yyyy", "d-M-yyyy"], ["M-d-yy", "d-M-yy"],
        ["d.M.yyyy", "M.d.yyyy"], ["d.M.yy", "M.d.yy"], ["yyyyMMdd"], ["yyyyMMddHHmmss"], ["yyyy/M/d"],
        ["d MMM yyyy"], ["d MMM, yyyy"], ["MMM d, yyyy"], ["MMM d yyyy"], ["d-MMM-yyyy"], ["d-MMM-yy"],
        ["d MMMM yyyy"], ["d MMMM, yyyy"], ["MMMM d, yyyy"], ["MMMM d yyyy"],
    ]

    struct Candidate {
        let family: Int
        let member: Int
        let suffix: Int
        let pattern: TimestampPattern
    }

    static let candidates: [Candidate] = families.enumerated().flatMap { f, members in
        members.enumerated().flatMap { m, date in
            let suffixes = date.hasSuffix("ss") ? [""] : TimestampParser.timeSuffixes
            return suffixes.enumerated().map { s, suffix in
                Candidate(family: f, member: m, suffix: s, pattern: try! TimestampPattern(date + suffix))
            }
        }
    }

    /// How many values of a column are sampled (non-blank cells from the top of the file).
    static let sampleSize = 2000

    /// Decides the layout of `column` from `sample` (non-blank values, in file order). `pivot` reads two-digit years.
    static func detect(column: String, sample: [Sample], pivot: Int = TimestampParser.defaultPivot) -> Outcome {
        analyze(column: column, sample: sample, pivot: pivot).outcome
    }

    /// `detect`, with the pattern lists the agreement could declare when the sample does not decide (one list per
    /// reading, as in the message's lines to add; empty when it decides or nothing reads the values).
    static func analyze(column: String, sample: [Sample], pivot: Int = TimestampParser.defaultPivot) -> (
        outcome: Outcome, options: [[TimestampPattern]]
    ) {
        let utc = ZoneRules(identifier: "UTC")
        let builtIn = utc.map { TimestampParser(zone: $0) }
        var others: [(sample: Sample, bytes: [UInt8])] = []
        var builtInCount = 0
        for s in sample {
            let bytes = Array(s.text.utf8)
            let plain = ByteView.with(bytes) { b in
                TimestampParser.isoUTC(b) != nil || builtIn?.builtIn(b, preferred: [], rule: .isoAndEpoch) != nil
            }
            if plain { builtInCount += 1 } else { others.append((s, bytes)) }
        }
        if others.isEmpty { return (.builtIn, []) }
        // Each value's readings by every candidate.
        var readings: [[(candidate: Int, reading: TimestampPattern.Reading)]] = []
        for (_, bytes) in others {
            readings.append(
                ByteView.with(bytes) { b in
                    candidates.indices.compactMap { c in candidates[c].pattern.match(b, pivot: pivot).map { (c, $0) } }
                })
        }
        let readable = others.indices.filter { !readings[$0].isEmpty }
        if readable.isEmpty {
            let legacyReads = others.contains { o in
                ByteView.with(o.bytes) { builtIn?.builtIn($0, preferred: [], rule: .any) != nil }
            }
            if builtInCount > 0 || legacyReads { return (.builtIn, []) }
            return (.problem(message: nothingFits(column, others.map(\.sample)), line: others[0].sample.line), [])
        }
        /// The times of day (suffix indexes) with which `member` of `family` read `values`.
        func seenSuffixes(_ family: Int, _ member: Int, _ values: [Int]) -> Set<Int> {
            Set(
                values.flatMap { v in
                    readings[v].filter {
                        candidates[$0.candidate].family == family && candidates[$0.candidate].member == member
                    }
                    .map { candidates[$0.candidate].suffix }
                })
        }
        // Values by family (the family of their first reading).
        var byFamily: [Int: [Int]] = [:]
        for v in readable { byFamily[candidates[readings[v][0].candidate].family, default: []].append(v) }
        var chosen: [(family: Int, member: Int, count: Int, suffixes: Set<Int>)] = []
        var ambiguous: [(family: Int, members: [Int], values: [Int], example: Int)] = []
        var conflicts: [(family: Int, misses: [(member: Int, value: Int)])] = []
        for family in byFamily.keys.sorted() {
            let values = byFamily[family] ?? []
            let members = families[family].indices
            func reading(_ v: Int, _ m: Int) -> TimestampPattern.Reading? {
                readings[v].first { candidates[$0.candidate].family == family && candidates[$0.candidate].member == m }?
                    .reading
            }
            let readsAll = members.filter { m in values.allSatisfy { reading($0, m) != nil } }
            if readsAll.isEmpty {
                conflicts.append(
                    (family, members.compactMap { m in values.first { reading($0, m) == nil }.map { (m, $0) } }))
                continue
            }
            let differing = values.first { v in
                let rs = readsAll.compactMap { reading(v, $0) }
                return rs.contains { $0 != rs[0] }
            }
            if readsAll.count > 1, let example = differing {
                ambiguous.append((family, readsAll, values, example))
                continue
            }
            chosen.append((family, readsAll[0], values.count, seenSuffixes(family, readsAll[0], values)))
        }
        func patterns(_ family: Int, _ member: Int, _ suffixes: Set<Int>, all: Bool) -> [TimestampPattern] {
            let rows = candidates.filter { $0.family == family && $0.member == member }
            return rows.filter { suffixes.contains($0.suffix) }.map(\.pattern)
                + (all ? rows.filter { !suffixes.contains($0.suffix) }.map(\.pattern) : [])
        }
        let decided = chosen.sorted { ($0.count, -$0.family) > ($1.count, -$1.family) }
        let decidedPatterns = decided.flatMap { patterns($0.family, $0.member, $0.suffixes, all: false) }
        if ambiguous.isEmpty, conflicts.isEmpty {
            return (.patterns(decided.flatMap { patterns($0.family, $0.member, $0.suffixes, all: true) }), [])
        }
        // The lines to add: one per reading of the undecided families (the k-th reading of each).
        let undecided =
            ambiguous.map { a in (a.family, Array(a.members), a.values) }
            + conflicts.map { c in (c.family, c.misses.map(\.member), byFamily[c.family] ?? []) }
        let options = (0..<(undecided.map(\.1.count).max() ?? 0)).map { k in
            decidedPatterns
                + undecided.flatMap { family, members, values in
                    patterns(
                        family, members[min(k, members.count - 1)],
                        seenSuffixes(family, members[min(k, members.count - 1)], values), all: false)
                }
        }
        let fix = options.map { agreementLine(column, $0) }.joined(separator: " or ")
        let twoDigit = undecided.contains { f, _, _ in
            families[f].contains { $0.hasSuffix("yy") && !$0.hasSuffix("yyyy") }
        }
        let pivotNote =
            twoDigit ? " Two-digit years are read as \(pivot)–\(pivot + 99) (data.two_digit_year_pivot)." : ""
        if let a = ambiguous.first {
            let names = a.members.map { "'\(families[a.family][$0])'" }.joined(separator: " and ")
            let example = others[a.example].sample.text
            let dates = a.members.compactMap { m in
                readings[a.example].first {
                    candidates[$0.candidate].family == a.family && candidates[$0.candidate].member == m
                }.map { day($0.reading) }
            }
            let message =
                "column \(column): the day and the month cannot be told apart: \(a.values.count) sampled "
                + "\(a.values.count == 1 ? "value" : "values") (\(quoted(a.values.map { others[$0].sample.text }))) fit both \(names) "
                + "(no day above 12), so '\(example)' could be \(dates.joined(separator: " or ")). Handoff does not guess; "
                + "add the right one to the agreement: \(fix)\(pivotNote)"
            return (.problem(message: message, line: others[a.example].sample.line), options)
        }
        let c = conflicts[0]
        let misses = c.misses.map {
            "'\(families[c.family][$0.member])' does not read '\(others[$0.value].sample.text)' (line \(others[$0.value].sample.line))"
        }
        let first = c.misses.map { others[$0.value].sample.line }.min() ?? others[0].sample.line
        let message =
            "column \(column): no one layout reads every sampled value: \(misses.joined(separator: ", ")). Handoff does not guess; "
            + "add the layout that is right to the agreement (the values it cannot read are then reported one by one): \(fix)\(pivotNote)"
        return (.problem(message: message, line: first), options)
    }

    /// `data: {date_formats: {column: "pattern"}}` or with a list of patterns.
    static func agreementLine(_ column: String, _ patterns: [TimestampPattern]) -> String {
        let texts = patterns.map { "\"\($0.text)\"" }
        return
            "data: {date_formats: {\(column): \(texts.count == 1 ? texts[0] : "[\(texts.joined(separator: ", "))]")}}"
    }

    private static func quoted(_ values: [String]) -> String {
        var seen = Set<String>(), out: [String] = []
        for v in values where !seen.contains(v) {
            seen.insert(v)
            out.append("'\(v.count > 40 ? String(v.prefix(40)) + "…" : v)'")
            if out.count == 3 { break }
        }
        let more = Set(values).count > out.count ? ", …" : ""
        return out.joined(separator: ", ") + more
    }

    private static func day(_ reading: TimestampPattern.Reading) -> String {
        switch reading {
        case .local(let t), .instant(let t): return LocalDate(daysSinceEpoch: Int(t.floorDiv(86400))).description
        }
    }

    private static func nothingFits(_ column: String, _ values: [Sample]) -> String {
        "column \(column): no timestamp layout reads its values: \(values.count) sampled \(values.count == 1 ? "value" : "values") "
            + "(\(quoted(values.map(\.text)))) are not ISO 8601, epoch seconds or milliseconds, day/month dates, yyyyMMdd or dates with "
            + "English month names. Declare the column's layout in the agreement, e.g. \(agreementLine(column, [try! TimestampPattern("d MMM yyyy HH:mm")])) "
            + "(letters: \(TimestampPattern.acceptedLetters); see docs/data-format.md, Timestamps)"
    }
}
