internal import HandoffIO

extension LeadLoader {
    /// True for the canonical columns that hold instants, in any of the three exports.
    static func isTimestampColumn(_ name: String) -> Bool {
        name == "activity_at" || name == "engagement_at" || LeadColumn(rawValue: name)?.isTimestamp == true
    }

    /// The parser of each column of a file, by position in `kind.wanted` (nil for columns that are not timestamps).
    /// A column `formats` declares reads its patterns; any other is detected from a sample of its values (non-blank cells
    /// from the top of the file): built-in shapes as before, one layout when exactly one reads the sample, and an error
    /// (candidates, values, the line to add to the agreement) when the sample is ambiguous or nothing reads it.
    func timestampParsers(
        _ kind: ExportKind, path: String, source: String, header: FileHeader, delimiter: UInt8 = 0x2C,
        formats: TimestampFormats
    ) throws -> [TimestampParser?] {
        let names = kind.wanted
        var parsers = [TimestampParser?](repeating: nil, count: names.count)
        var undecided: [(index: Int, position: Int)] = []
        for (k, name) in names.enumerated() where LeadLoader.isTimestampColumn(name) {
            if let declared = formats.declaredParser(name, zone: timestamps.zone) {
                parsers[k] = declared
            } else {
                parsers[k] = timestamps
                if k < header.positions.count, let position = header.positions[k] { undecided.append((k, position)) }
            }
        }
        guard !undecided.isEmpty else { return parsers }
        let samples = sample(source, header: header, positions: undecided.map(\.position), delimiter: delimiter)
        var problems: [Diagnostic] = []
        for (j, column) in undecided.enumerated() {
            switch TimestampDetection.detect(
                column: names[column.index], sample: samples[j], pivot: formats.twoDigitYearPivot)
            {
            case .builtIn:
                break
            case .patterns(let patterns):
                parsers[column.index] = TimestampParser(
                    zone: timestamps.zone, patterns: patterns, twoDigitYearPivot: formats.twoDigitYearPivot,
                    fallback: .unambiguous)
            case .problem(let message, let line):
                problems.append(Diagnostic(.error, message, at: nil, file: "\(path):\(line)"))
            }
        }
        if !problems.isEmpty { throw HandoffError(.badInput, diagnostics: problems) }
        return parsers
    }

    private struct SampleFull: Error {}

    /// Up to `TimestampDetection.sampleSize` non-blank values of each field position, from the first data row on
    /// (at most 20,000 rows are looked at). A file that stops being CSV ends the sample; the full read reports it.
    func sample(_ source: String, header: FileHeader, positions: [Int], delimiter: UInt8 = 0x2C) -> [[TimestampDetection
        .Sample]]
    {
        var out = positions.map { _ in [TimestampDetection.Sample]() }
        var rows = 0
        let limit = TimestampDetection.sampleSize
        do {
            try CSVReader(path: source, chunkSize: 1 << 20, delimiter: delimiter).forEachRecord(
                in: header.bodyStart..<Int.max, firstLine: header.firstLine
            ) { r in
                rows += 1
                for (j, p) in positions.enumerated() where out[j].count < limit {
                    let raw = r.trimmedBytes(p)
                    if raw.isEmpty || blank(raw) { continue }
                    if let text = r.string(p) { out[j].append(TimestampDetection.Sample(text, line: r.line)) }
                }
                if rows >= 20_000 || out.allSatisfy({ $0.count >= limit }) { throw SampleFull() }
            }
        } catch {}
        return out
    }
}
